import type { StringKey } from './en';

/** Danish user-facing text. MIM's own literals (codes, UI labels, event IDs) stay in English. */
export const da: Record<StringKey, string> = {
  'welcome.title': 'MIM Sync Doctor',
  'welcome.intro':
    'Jeg hjælper dig med at løse fejl i MIM 2016 Synchronization Service. Indsæt run status, en linje fra hændelsesloggen, en stack trace eller et build-nummer, eller fortæl mig, hvad der går galt, så peger jeg på det anbefalede trin.',
  'welcome.examplesLabel': 'Prøv for eksempel',
  'welcome.example1': 'ADMA delta import giver stopped-connectivity hver nat',
  'welcome.example2': 'PCNS logger hændelse 6025 på DC',
  'welcome.example3': 'fuld synkronisering på FIM Service MA hænger i timevis',
  'welcome.example4': 'version 4.6.421.0',
  'welcome.commandsLabel': 'Kommandoer',
  'welcome.button.start': 'Vælg et symptom',

  'command.help': 'Vis hvad jeg kan',
  'command.startOver': 'Glem denne sag, og begynd forfra',
  'command.status': 'Forklar en run status eller fejlkode',
  'command.version': 'Tjek en MIM- eller connector-build',
  'command.language': 'Skift mellem dansk og engelsk',
  'command.name.help': 'hjælp',
  'command.name.startOver': 'start forfra',
  'command.name.status': 'status <kode>',
  'command.name.version': 'version <build>',
  'command.name.language': 'sprog engelsk',

  'question.answered': '✓ Du valgte: {choice}',
  'reply.cardOutOfDate': 'Det kort er forældet.',
  'reply.actionDone': 'Klaret.',
  'question.hint': 'Klik på et valg, eller skriv svaret.',
  'question.symptom.title': 'Hvad går galt?',
  'question.symptom.prompt': 'Vælg det symptom, der ligner dit mest, eller indsæt fejlteksten.',
  'question.symptom.other': 'Noget andet',
  'question.clarify.title': 'Hvilken af dem er det?',
  'question.clarify.prompt':
    'Din besked passer på mere end ét anbefalet trin. Hvilket beskriver dit problem bedst?',
  'question.mimBuild.title': 'Hvilken build af MIM Sync kører I?',
  'question.mimBuild.prompt':
    'Synchronization Service Manager > Help > About viser den (f.eks. 4.6.673.0). Skriv den, eller vælg den nærmeste linje.',
  'question.mimBuild.sp2': '4.6.x (SP2)',
  'question.mimBuild.sp1': '4.4.x / 4.5.x (SP1)',
  'question.mimBuild.rtm': '4.3.x (RTM)',
  'question.mimBuild.fim': '4.0.x / 4.1.x (FIM 2010)',
  'question.unknown': 'Ved ikke',
  'question.connector.title': 'Hvilken connector drejer det sig om?',
  'question.connector.prompt': 'Kun de generiske connectors udgives separat fra MIM.',
  'question.connector.other': 'En anden connector',
  'question.runStatus.title': 'Hvad er den præcise run status?',
  'question.runStatus.prompt':
    'Synchronization Service Manager > Operations viser den under Status for den fejlede kørsel. Skriv den, eller vælg en.',
  'question.runStatus.other': 'En anden status',

  'advice.kicker': 'Anbefalet trin {n} af 7',
  'advice.recognised': 'Det genkendte jeg',
  'advice.actions': 'Det skal du gøre',
  'advice.why': 'Derfor hjælper det',
  'advice.doc': 'Åbn dokumentationen',
  'advice.button.fixed': 'Det løste det',
  'advice.button.stillFailing': 'Fejler stadig',
  'advice.button.startOver': 'Start forfra',
  'advice.secondary': 'Din besked nævner også: {step}. Spørg mig om det, når dette er på plads.',
  'advice.lowConfidence':
    'Jeg er ikke helt sikker på, at det er dit tilfælde. Passer det ikke, så klik på Start forfra.',

  'section.meaning': 'Det betyder {code}',
  'section.causes': 'Sandsynlige årsager',
  'section.event': 'Hændelse {id}',
  'section.eventUnknown': 'Hændelse {id}: Jeg kender ingen pålidelig betydning af dette ID.',
  'section.exception': 'Om {name}',
  'section.version': 'Jeres build',
  'section.unverified': '(betydningen er udledt, ikke bekræftet af Microsofts dokumentation)',

  'fact.runStatus': 'Run status',
  'fact.objectError': 'Objektfejl',
  'fact.event': 'Hændelses-id',
  'fact.mimBuild': 'MIM-build',
  'fact.connectorBuild': 'Connector-build',
  'fact.connector': 'Connector / MA',
  'fact.exception': 'Undtagelse',
  'fact.hresult': 'HRESULT',

  'connector.generic-ldap': 'Generic LDAP',
  'connector.generic-sql': 'Generic SQL',
  'connector.lotus-domino': 'Lotus Domino',
  'connector.web-services': 'Web Services',
  'connector.powershell': 'PowerShell-connector',
  'connector.graph': 'Graph-connector',
  'connector.generic-csv': 'Generic CSV',
  'connector.ad': 'Active Directory MA',
  'connector.fim-service': 'FIM/MIM Service MA',
  'connector.other': 'ECMA-connector',

  'reply.fixed.title': 'Godt, at det virker igen',
  'reply.fixed.text':
    'Dejligt. Hvis fejlen kommer igen, så indsæt bare den nye status, så tager jeg den derfra.',
  'reply.next.title': 'Lad os prøve næste trin',
  'reply.exhausted.title': 'Tid til et menneske',
  'reply.exhausted.text':
    'Jeg har vist alle de trin, der passer på det, du har beskrevet. Giv sagen videre til jeres MIM-support med dette resumé: {summary}',
  'reply.outOfScope.title': 'Det ligger uden for det, jeg dækker',
  'reply.outOfScope.text':
    'Jeg hjælper med MIM 2016 Synchronization Service: fejlede eller langsomme kørsler, status- og fejlkoder, builds, generiske connectors, undtagelser i extensions, PCNS-adgangskodesynkronisering og eksport via FIM Service MA. Din besked ser ud til at handle om noget andet (f.eks. Entra Connect, MIM-portalen, SSPR, BHOLD eller Certificate Management). Er det alligevel et Sync-problem, så indsæt run status eller fejlteksten.',
  'reply.unsure.title': 'Jeg er ikke sikker på, at det er et Sync-problem',
  'reply.unsure.text':
    'Din besked viser ikke, at Sync-motoren fejler (ingen run status, objektfejl, hændelse eller build), og det, du beskriver, passer ikke godt på nogen af mine syv trin. Er det et Sync-problem, så indsæt run status eller fejlteksten.',
  'reply.outOfScope.product.title': 'Det handler om {product}',
  'reply.outOfScope.product.text':
    '{Product} er {what}. Jeg hjælper med selve MIM 2016 Synchronization Service: fejlede eller langsomme kørsler, status- og fejlkoder, builds, generiske connectors, undtagelser i extensions, PCNS-hændelse 6025 og eksport via FIM Service MA. Fejler Sync-motoren også, så indsæt dens run status eller fejltekst; ellers er siderne herunder, eller jeres support, det bedre sted.',
  'reply.outOfScope.nearest': 'Er det alligevel et af trinene herunder, så vælg det.',
  'reply.outOfScope.product.docs': '{product}: dokumentation',
  'reply.outOfScope.product.tracker': '{product}: issue tracker',
  'reply.noSignal.title': 'Fortæl mig lidt mere',
  'reply.attachment':
    'Jeg kan ikke læse billeder eller filer. Indsæt venligst fejlens tekst (run status, linje fra hændelsesloggen eller stack trace) som en besked.',
  'file.readingRunHistory': 'Jeg læser din run history…',
  'file.reading': 'Jeg læser {name}…',
  'file.tooLarge':
    '{name} er større end de {mb} MB, jeg læser. Gem kun den kørsel, der fejlede, eller indsæt fejlteksten fra det trin, der fejlede.',
  'file.evtx':
    'Jeg kan ikke åbne .evtx-filer. Vælg posten i Logbog (Event Viewer), og vælg Kopiér > Kopiér detaljer som tekst, og indsæt teksten her; eller gem hændelserne med Gem alle hændelser som… som XML (*.xml) eller tekst (*.txt), og send mig den fil.',
  'file.zip':
    'Jeg åbner ikke .zip-arkiver. Pak arkivet ud, og send mig run history (.xml) eller loggen (.txt, .log) for sig.',
  'file.otherKind':
    'Jeg læser .xml-, .txt- og .log-filer; {name} er ingen af dem. Send run history gemt som .xml, eller indsæt fejlteksten.',
  'file.notText':
    '{name} ligner ikke tekst: den ser ud til at indeholde binære data. Send run history gemt som .xml, eller indsæt fejlteksten.',
  'file.emptyFile': '{name} er tom. Send filen igen, eller indsæt fejlteksten.',
  'file.hostRefused':
    'Filen ligger ikke et sted, jeg må hente filer fra (jeres organisations OneDrive og SharePoint), så jeg har ikke åbnet den. Indsæt teksten i stedet.',
  'file.failed': 'Jeg kunne ikke hente {name}. Send den igen om lidt, eller indsæt teksten.',
  'file.timeout':
    'Det tog for lang tid at hente {name}, så jeg opgav. Send den igen, eller indsæt fejlteksten.',
  'file.notHere':
    'Teams giver mig ikke filer, der deles i en kanal eller en gruppechat. Indsæt teksten her, eller send mig filen i en 1:1-chat.',
  'search.kind.run-status': 'Run status {id}',
  'search.kind.object-error': 'Objektfejl {id}',
  'search.kind.event-id': 'Hændelses-id {id}',
  'search.kind.mim-build': 'MIM-build {id}',
  'search.kind.connector-build': 'Connector-build {id}',
  'search.nothing':
    'Intet af det, jeg ved, passer på det. Prøv en run status (stopped-connectivity), en objektfejl, et hændelses-id, et buildnummer eller et par ord om symptomet.',
  'extension.unknownCommand':
    'Den kommando kender jeg ikke. Brug “Diagnosticér med MIM Sync Doctor” på en besked, eller søg i min viden fra skrivefeltet.',
  'reply.empty': 'Beskeden var tom. Indsæt fejlteksten, eller beskriv hvad der går galt.',
  'reply.notYours.form':
    'Formularen tilhører {name}: kun vedkommende kan sende den, og intet er ændret. Skriv eskalér for at åbne din egen sag.',
  'reply.notYours.question':
    'Spørgsmålet tilhører {name}: kun vedkommende kan svare på det, og intet er ændret. Fortæl mig, hvad der går galt, for at få din egen hjælp.',
  'reply.notYours.someone': 'en anden',
  'reply.caseLimit':
    'Du har oprettet {n} sager inden for det sidste døgn, og flere opretter jeg ikke for én person på en dag, så denne blev ikke oprettet. Skriv mine sager for at se dem; support svarer på dem først. Du kan sende formularen igen i morgen.',
  'reply.staleCard':
    'Det kort er forældet: samtalen er gået videre. Brug det nyeste kort, eller skriv start forfra.',
  'reply.badAction': 'Jeg kunne ikke læse det klik. Brug det nyeste kort, eller skriv hjælp.',
  'reply.languageSet': 'OK, jeg svarer på dansk fra nu af.',
  'reply.startOver': 'Fint, vi begynder forfra.',
  'reply.unknownCode':
    'Jeg kender ikke koden "{code}". Tjek stavningen, eller indsæt hele linjen fra Synchronization Service Manager.',
  'version.line':
    'Du valgte {line} ({prefix}.x). Den nyeste build af MIM 2016 er {latest}; sammenlign jeres præcise build (Help > About) med versionshistorikken.',
  'version.lineUnsupported':
    '{line} er ude af support: planlæg opgraderingen til MIM 2016 SP2 og derefter til den nyeste build.',
  'reply.unknownBuild':
    '{build} er ikke en build af MIM Sync (4.x.x.x) eller af de generiske connectors (1.1.x.x). Synchronization Service Manager > Help > About viser MIM-builden, f.eks. 4.6.673.0.',
  'reply.slowDown':
    'Du sender beskeder hurtigere, end jeg kan nå at svare. Vent lidt, og send så dit spørgsmål igen.',

  'summary.stepsShown': 'viste trin: {steps}',

  // ---- eskalering (issue 6)
  'advice.button.escalate': 'Eskalér til support',
  'reply.exhausted.escalate':
    'Jeg har vist alle de trin, der passer på det, du har beskrevet. Jeg kan oprette en sag til jeres MIM-supportteam med alt, hvad vi har samlet: hvad jeg genkendte, de trin du har prøvet, og hvad du skrev.',
  'command.escalate': 'Opret en sag til jeres MIM-supportteam',
  'command.myCases': 'Vis de sager, du har oprettet',
  'command.deleteMyData': 'Slet dine sager og det, jeg husker om dig',
  'command.support': 'Til supportteamet: åbne sager, og hvilke trin der løste hvilke koder',
  'command.name.escalate': 'eskalér',
  'command.name.myCases': 'mine sager',
  'command.name.deleteMyData': 'slet mine data',
  'command.name.support': 'åbne sager · statistik',

  'caseForm.title': 'Eskalér til support',
  'caseForm.intro':
    'Jeg sender jeres MIM-supportteam det, jeg allerede ved. Der mangler kun to ting: en beskrivelse på én linje og omfanget.',
  'caseForm.known': 'Det ved jeg allerede',
  'caseForm.nothingKnown':
    'Jeg har ikke genkendt noget endnu, så din beskrivelse er det første, support læser.',
  'caseForm.steps': 'Viste trin og hvad du svarede',
  'caseForm.stepLine': '{n}. {title}: {outcome}',
  'caseForm.transcript':
    'Det, du har skrevet i denne sag, følger med ({n} besked(er); adgangskoder og nøgler fjernes først).',
  'caseForm.description.label': 'Beskriv problemet på én linje',
  'caseForm.description.placeholder': 'f.eks. AD MA delta import stopper hver nat siden mandag',
  'caseForm.description.error': 'Beskriv problemet med nogle få ord.',
  'caseForm.impact.label': 'Omfang',
  'caseForm.impact.error': 'Vælg omfanget.',
  'caseForm.submit': 'Opret sag',
  'caseForm.submitted': '✓ Sendt som sag {caseId}.',
  'fact.step': 'Anbefalet trin',
  'impact.all-runs-blocked': 'Alle kørsler er blokeret',
  'impact.one-ma-failing': 'Én management agent fejler',
  'impact.question': 'Det er et spørgsmål',
  'outcome.fixed': 'løste det',
  'outcome.still-failing': 'fejler stadig',
  'outcome.no answer': 'intet svar endnu',
  'status.open': 'åben',
  'status.taken': 'under behandling',
  'status.resolved': 'løst',

  'reply.caseMissingInput':
    'Skriv en beskrivelse på én linje, og vælg omfanget, og klik så på Opret sag igen.',
  'reply.caseOpened.title': 'Sag {caseId} oprettet',
  'reply.caseOpened.text':
    'Din sag er gemt. Jeg sender den til supportkanalen nu og giver dig besked her, når den er nået frem, når nogen tager den, og når den er løst.',
  'reply.caseAlreadyOpened':
    'Den formular er allerede sendt: det er sag {caseId}. Der blev ikke oprettet en ny.',
  'reply.caseNoChannel.title': 'Sag {caseId} er gemt, men ikke sendt',
  'reply.caseNoChannel.text':
    'Der er endnu ikke sat en supportkanal op til mig, så ingen har fået besked om sagen. Send selv dette resumé til jeres MIM-supportteam, med sagsnummeret:',
  'reply.escalationUnavailable':
    'Oprettelse af supportsager er ikke sat op her. Giv sagen videre til jeres MIM-supportteam med dette resumé: {summary}',

  'notice.posted.title': 'Sag {caseId} er hos support',
  'notice.posted.text': 'Din sag er sendt til supportkanalen. Jeg giver dig besked her, når nogen tager den.',
  'notice.taken.title': 'Sag {caseId} er taget',
  'notice.taken.text': '{name} fra support har taget din sag.',
  'notice.resolved.title': 'Sag {caseId} er løst',
  'notice.resolved.text': '{name} har løst din sag med denne note: {note}',
  'notice.failed.title': 'Sag {caseId} kunne ikke leveres',
  'notice.failed.text':
    'Jeg kunne ikke sende din sag til supportkanalen ({reason}). Ingen har fået besked. Send selv dette resumé til jeres MIM-supportteam:',
  'failure.notInChannel': 'jeg er ikke medlem af den kanal',
  'failure.notFound': 'kanalen blev ikke fundet',
  'failure.noChannel': 'der er ikke sat en supportkanal op',
  'failure.other': 'leveringen blev ved med at fejle',

  'case.kicker': 'Eskalering · {caseId}',
  'case.untitled': 'Sag {caseId}',
  'case.status.open': 'Åben: ingen har taget den endnu.',
  'case.status.taken': 'Taget af {name} ({when}).',
  'case.status.resolved': 'Løst af {name} ({when}).',
  'case.mention': '{mentions}: en ny sag mangler en ejer.',
  'case.requester': 'Anmoder',
  'case.opened': 'Oprettet',
  'case.impact': 'Omfang',
  'case.language': 'Sprog',
  'case.language.en': 'Engelsk',
  'case.language.da': 'Dansk',
  'case.recognised': 'Hvad jeg genkendte',
  'case.steps': 'Viste trin',
  'case.transcript': 'Hvad brugeren skrev',
  'case.resolution': 'Løsning',
  'case.note.label': 'Note om løsningen (kræves for at løse)',
  'case.note.placeholder': 'Hvad løste det, eller hvor sagen gik hen',
  'case.note.error': 'Skriv en kort note, før du løser sagen.',
  'case.button.take': 'Tag sagen',
  'case.button.resolve': 'Løs',

  'reply.case.notSupport':
    'Kun medlemmer af supportkanalen kan tage eller løse sager, fra sagskortet dér. Intet blev ændret.',
  'reply.case.wrongCard': 'Det klik passer ikke til sagen på dette kort. Intet blev ændret.',
  'reply.case.notFound': 'Jeg kan ikke finde den sag; den er måske slettet. Intet blev ændret.',
  'reply.case.takenByOther': 'Sagen er allerede taget af {name}.',
  'reply.case.alreadyResolved': 'Sagen er allerede løst.',
  'reply.case.noteMissing': 'Skriv først en kort note om løsningen, og klik så på Løs.',

  'list.myCases.title': 'Dine sager',
  'list.myCases.empty': 'Du har ingen sager gemt hos mig.',
  'list.openCases.title': 'Åbne sager',
  'list.openCases.empty': 'Ingen åbne sager.',
  'list.case.title': '{caseId}: {description}',
  'list.status': 'Status',
  'list.opened': 'Oprettet',
  'list.requester': 'Anmoder',
  'list.takenBy': 'Taget af',
  'list.deliveryFailed':
    'Sagskortet er IKKE leveret ({error}). Kontakt anmoderen, eller læs resuméet ud fra sagsnummeret.',
  'list.deliveryPending': 'Sagskortet er ikke leveret endnu: forsøg {n}, seneste fejl {error}.',
  'list.more': 'Viser de første {n}.',
  'stats.title': 'Hvad løste hvad',
  'stats.empty': 'Der er ikke registreret feedback endnu.',
  'stats.fixedCodes': 'Koder det løste',
  'stats.thumbs': 'Tommel op / ned',
  'stats.last7': 'Seneste 7 dage',
  'stats.last30': 'Seneste 30 dage',
  'stats.escalated': 'Oprettede sager',
  'stats.timeToTake': 'Mediantid før en sag blev taget',
  'stats.minutes': '{n} min. ({taken} taget)',
  'stats.noneTaken': 'ingen taget endnu',
  'stats.resolvedByStep': 'Løst af et trin (Det løste det eller tommel op)',
  'stats.thumbsValue': '{up} / {down}',
  'stats.lastComment': 'Seneste kommentar',
  'stats.answered': 'Besvarede spørgsmål',
  'stats.abandoned': 'Svar ingen vendte tilbage til inden for et døgn',
  'stats.unplaced': 'Beskeder den ikke kunne placere (seneste 30 dage)',
  'reply.casesUnavailable': 'Supportsager er ikke sat op her.',
  'reply.supportOnly':
    'Den kommando er til supportteamet: den virker i supportkanalen eller for supportadministratorer.',

  'reply.channel.registered':
    'Denne kanal modtager nu eskalerede sager: hver sag oprettes her som en ny tråd.',
  'reply.channel.notAdmin':
    'Kun en supportadministrator kan vælge eskaleringskanalen. Bed den, der driver botten, om at tilføje dit Entra-objekt-id til SUPPORT_ADMIN_IDS.',
  'reply.channel.notChannel': 'Brug kommandoen i den Teams-kanal, der skal modtage sager, og @nævn mig.',
  'reply.channel.configured':
    'Supportkanalen er fastlagt i bottens indstillinger (SUPPORT_CHANNEL_ID); ret den dér.',
  'reply.deleted':
    'Klaret. Jeg har slettet de {n} sag(er), du har oprettet, deres ventende beskeder og det, jeg huskede om dig her (den aktuelle sag og dit sprogvalg).',

  'reply.repeat':
    'Beklager, det kom samtidig med en anden besked i denne samtale, så jeg kunne ikke tage imod det. Send det venligst igen (eller klik på knappen igen).',
  'error.title': 'Beklager, noget gik galt',
  'error.text':
    'Der opstod en intern fejl, mens jeg svarede. Prøv igen; sker det igen, så skriv start forfra.',

  // ---- a case as plain text to copy (case-summary.ts)
  'caseText.case': 'Sag',
  'caseText.status.open': 'åben',
  'caseText.status.taken': 'under behandling',
  'caseText.status.resolved': 'løst',
  'caseText.requester': 'Anmoder',
  'caseText.opened': 'Oprettet',
  'caseText.impact': 'Omfang',
  'caseText.impacts.all-runs-blocked': 'Alle kørsler er blokeret',
  'caseText.impacts.one-ma-failing': 'Én management agent fejler',
  'caseText.impacts.question': 'Et spørgsmål',
  'caseText.description': 'Beskrivelse',
  'caseText.recognised': 'Genkendt',
  'caseText.statusCodes': 'Kørselsstatus',
  'caseText.objectCodes': 'Objektfejl',
  'caseText.eventIds': 'Hændelses-id’er',
  'caseText.exceptions': 'Undtagelser',
  'caseText.mimBuild': 'MIM-build',
  'caseText.connector': 'Connector',
  'caseText.connectorBuilds': 'Connector-builds',
  'caseText.symptoms': 'Symptomer',
  'caseText.stepsShown': 'Viste trin',
  'caseText.outcomes.fixed': 'løste det',
  'caseText.outcomes.still-failing': 'fejler stadig',
  'caseText.outcomes.no answer': 'intet svar',
  'caseText.transcript': 'Hvad brugeren skrev',
  'caseText.takenBy': 'Taget af',
  'caseText.resolvedBy': 'Løst af',
  'caseText.resolution': 'Løsning',
  'caseText.nothing': 'intet genkendt',

  // ---- a build's place in the version history (version-gap.ts)
  'gap.youRunDated': 'Du kører {build} ({line}, {date}).',
  'gap.youRun': 'Du kører {build} ({line}).',
  'gap.unconfirmedBuild':
    '{build} er det build-nummer for Service Pack 3, der kortvarigt stod i Microsofts dokumentation; den officielle versionshistorik bekræfter det ikke.',
  'gap.unknownWithLine': '{build} står ikke i MIM-versionshistorikken; ud fra nummeret hører den til {line}.',
  'gap.unknownNoLine': '{build} er ikke et MIM- eller FIM-build-nummer, jeg kender.',
  'gap.invalid': '“{build}” er ikke et build-nummer; en MIM-build ser ud som 4.6.673.0.',
  'gap.newerOne': '1 nyere build; den nyeste er {latest}.',
  'gap.newerMany': '{n} nyere builds; den nyeste er {latest}.',
  'gap.isLatest': 'Det er den nyeste build i den officielle versionshistorik.',
  'gap.aheadOfLatest': 'Den er nyere end den nyeste build i den officielle versionshistorik ({latest}).',
  'gap.syncFixes': 'Sync-rettelser siden: {list}.',
  'gap.syncFixesMore': 'Sync-rettelser siden: {list} og {more} tidligere.',
  'gap.noSyncFixes': 'Ingen af de nyere builds nævner rettelser til Synchronization Service.',
  'gap.knownIssue': 'Kendt problem i denne build: {text}',
  'gap.knownIssueKb': 'Kendt problem i denne build (KB {kb}): {text}',
  'gap.sp3':
    'En Service Pack 3 (4.6.691.0) har været nævnt i Microsofts dokumentation, men står ikke i den officielle versionshistorik; en in-place-opgradering dertil starter fra {baseline}.',
  'gap.supportMim': 'MIM 2016 er understøttet indtil {date} (flyttet fra {previous}).',
  'gap.supportMimEnded': 'Supporten for MIM 2016 sluttede {date}.',
  'gap.supportRtm':
    'MIM 2016 RTM-linjen (4.3.x) understøttes ikke længere; aktuelle rettelser udgives som SP2-builds (4.6.x).',
  'gap.supportSp1':
    'SP2 (4.6.34.0) erstattede SP1-builds 4.4.1302.0–4.5.412.0, og alle senere rettelser udgives som SP2-builds (4.6.x).',
  'gap.supportFimEnded':
    'FIM 2010 (inklusive R2) gik ud af support {date} (datoen kommer fra en partnerkilde og er ikke tjekket mod Microsofts livscyklussider).',
  'gap.supportFim':
    'FIM 2010 (inklusive R2) er understøttet indtil {date} (datoen kommer fra en partnerkilde og er ikke tjekket mod Microsofts livscyklussider).',
  'gap.supportUnknown': 'Jeg har ingen supportoplysninger for dette build-nummer.',
  'gap.upgradeFimOld':
    'En direkte opgradering til MIM 2016 SP2 kræver mindst FIM 2010 R2 SP1 ({minimum}); kom derop først.',
  'gap.upgradeFim': 'Fra FIM 2010 R2 SP1 ({minimum}) eller nyere kan du opgradere direkte til MIM 2016 SP2.',
  'gap.connInvalid': '“{build}” er ikke et build-nummer; en connector-build ser ud som 1.1.2057.0.',
  'gap.connYouRunDated': 'Du kører connector-build {build} ({date}).',
  'gap.connYouRun': 'Du kører connector-build {build}.',
  'gap.connUnknown': '{build} står ikke i versionshistorikken for de generiske connectors.',
  'gap.connNotForMim': '{build} blev kun udgivet til Entra Connect og er ikke beregnet til MIM.',
  'gap.connNewerOne': '1 nyere connector-build; den nyeste er {latest}.',
  'gap.connNewerMany': '{n} nyere connector-builds; den nyeste er {latest}.',
  'gap.connIsLatest': 'Det er den nyeste build i connectorernes versionshistorik.',
  'gap.connAhead': 'Den er nyere end den nyeste build i connectorernes versionshistorik ({latest}).',
  'gap.connChangesHeader': 'Vigtige ændringer siden:',
  'gap.connChangesMore': '…og {more} ældre builds.',
  'gap.connRefresh':
    'Efter opgraderingen skal hver ECMA2-connector opdateres (egenskaber, indtast adgangskoden igen, gå gennem hver side, Refresh partitions, OK), ellers advarer hændelse 6947 om, at konfigurationen er ældre end DLL-filen.',
  'runAlert.kicker': 'Kørselsovervågning · {server}',
  'runAlert.title': '{ma}: {profile} sluttede med {result}',
  'runAlert.status.open': 'Fejler siden {since}; mislykkede kørsler: {n}.',
  'runAlert.status.recovered': 'Kører igen fra {when}; mislykkede kørsler inden da: {n}.',
  'runAlert.onIt': '{name} tager sig af det (siden {when}).',
  'runAlert.nobody': 'Ingen tager sig af det endnu.',
  'runAlert.mention': '{mentions}: en MIM-kørsel er fejlet.',
  'runAlert.muted': 'Slået fra af {name} indtil {until}: nye fejl for denne MA tælles med, men sendes ikke.',
  'runAlert.server': 'Server (nøgle)',
  'runAlert.ma': 'Management agent',
  'runAlert.profile': 'Kørselsprofil',
  'runAlert.run': 'Kørsel',
  'runAlert.runValue': '#{number}, sluttede {when}',
  'runAlert.lastRun': 'Seneste mislykkede kørsel',
  'runAlert.failedStep': 'Fejlet trin',
  'runAlert.failedStepValue': 'Trin {number} ({type}): {result}',
  'runAlert.errors': 'Fejl ({n} i alt)',
  'runAlert.errorLine': '{type} × {count}, for eksempel {dn}',
  'runAlert.errorLineNoDn': '{type} × {count}',
  'runAlert.cdError': '(cd-error {code})',
  'runAlert.diagnosis': 'Anbefalet trin',
  'runSummary.heading': '{ma} · {profile} · kørsel #{number}',
  'runSummary.connection': 'Forbindelse',
  'runSummary.connectionValue': '{result} på {server}',
  'runAlert.noStep':
    'Ingen af de syv trin passer til disse koder. Opret en sag, hvis den næste kørsel også fejler.',
  'runAlert.button.onIt': 'Jeg tager mig af det',
  'runAlert.button.mute': 'Slå denne MA fra i 4 timer',
  'runAlert.button.case': 'Opret en sag',
  'runAlert.case': 'Sag {caseId} er oprettet for denne advarsel.',
  'reply.runAlert.notSupport':
    'Kun medlemmer af supportkanalen kan handle på kørselsadvarsler, fra kortet dér. Intet blev ændret.',
  'reply.runAlert.notFound': 'Jeg kan ikke længere finde den advarsel. Intet blev ændret.',
  'reply.watch.addedAll':
    'Denne kanal får nu et advarselskort for hver mislykket MIM-kørsel, for alle MA’er. Skriv stop overvågning af kørsler for at stoppe det.',
  'reply.watch.addedSome':
    'Denne kanal får nu et advarselskort for hver mislykket kørsel af {mas}. Skriv stop overvågning af kørsler for at stoppe det.',
  'reply.watch.tooMany':
    '{n} kanaler overvåger allerede kørsler, og flere kan der ikke være. Stop en af dem først.',
  'reply.watch.stopped':
    'Denne kanal får ikke længere kørselsadvarsler. Kort, der allerede er sendt, bliver stående.',
  'reply.watch.notWatching': 'Denne kanal overvågede ikke kørsler, så intet blev ændret.',
  'reply.watch.notAdmin':
    'Kun supportadministratorer (SUPPORT_ADMIN_IDS) kan vælge, hvilke kanaler der får kørselsadvarsler.',
  'reply.watch.notChannel': 'Skriv det i den Teams-kanal, der skal have kørselsadvarslerne, og @nævn mig.',
  'reply.watch.off': 'Overvågning af MIM-kørsler er ikke sat op på denne bot (RUN_WATCH_KEYS er tom).',
  'reply.watch.tooManyMas': 'Angiv højst {n} MA’er, adskilt med kommaer.',
  'reply.runs.notHere': 'kørsler virker i supportkanalen og i kanaler, der overvåger kørsler.',
  'runs.title': 'Overvågede MIM-kørsler',
  'runs.empty': 'Der er ikke kommet nogen kørsler endnu.',
  'runs.item': '{server} · {ma}',
  'runs.last': 'Seneste kørsel',
  'runs.lastValue': '#{number}: {result}, sluttede {when}',
  'runs.failures': 'Mislykket inden for 24 timer',
  'runs.failuresValue': '{n} (seneste #{number}: {result})',
};
