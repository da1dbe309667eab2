import type { ObjectError } from '../types';

/**
 * Object-level error codes shown per object in Synchronization Service Manager (the maerrorcodes
 * table), plus the ones raised by portal sync rules and the FIM Service MA. A code that the table
 * lists in two groups has one row, under the first group, and its meaning covers both.
 */
export const OBJECT_ERRORS: readonly ObjectError[] = [
  // Connection
  {
    code: 'failed-connection',
    group: 'connection',
    step: 'run-error-codes',
    meaning: {
      en: 'The MA could not reach the connected system for a reason other than authentication.',
      da: 'MA’en kunne ikke nå det forbundne system af en anden grund end godkendelse.',
    },
    causes: {
      en: ['The target server is offline.', 'Network, DNS or a firewall blocks the connection.'],
      da: ['Målserveren er offline.', 'Netværk, DNS eller en firewall blokerer forbindelsen.'],
    },
    actions: {
      en: ['Check DNS, routing and firewall from the Sync server to the target, then rerun.'],
      da: ['Tjek DNS, routing og firewall fra Sync-serveren til målet, og kør så igen.'],
    },
  },
  {
    code: 'dropped-connection',
    group: 'connection',
    step: 'run-error-codes',
    meaning: {
      en: 'The connection to the connected system was lost during the run.',
      da: 'Forbindelsen til det forbundne system blev tabt under kørslen.',
    },
    causes: {
      en: ['A network blip or a restart of the target while the run was active.'],
      da: ['Et kort netværksudfald eller en genstart af målet, mens kørslen var aktiv.'],
    },
    actions: {
      en: ['Rerun the step; the MA often reconnects by itself. If it repeats, look at the network path.'],
      da: [
        'Kør trinnet igen; MA’en genopretter ofte selv forbindelsen. Sker det igen, så se på netværksvejen.',
      ],
    },
  },
  {
    code: 'failed-authentication',
    group: 'connection',
    step: 'run-error-codes',
    meaning: {
      en: 'The connected system rejected the MA account’s credentials.',
      da: 'Det forbundne system afviste MA-kontoens legitimationsoplysninger.',
    },
    causes: {
      en: ['The password was changed or expired.', 'The account is locked or disabled.'],
      da: ['Adgangskoden er ændret eller udløbet.', 'Kontoen er låst eller deaktiveret.'],
    },
    actions: {
      en: ['Re-enter the MA account’s password in the MA properties and rerun.'],
      da: ['Indtast MA-kontoens adgangskode igen i MA’ens egenskaber, og kør igen.'],
    },
  },
  {
    code: 'failed-permission',
    group: 'connection',
    step: 'run-error-codes',
    meaning: {
      en: 'The MA account has no rights on a container it must read (LDAP-type MAs).',
      da: 'MA-kontoen har ingen rettigheder til en container, den skal læse (LDAP-lignende MA’er).',
    },
    causes: {
      en: ['Read rights were never granted, or were removed from that container.'],
      da: ['Læserettigheder blev aldrig givet eller er fjernet fra containeren.'],
    },
    actions: {
      en: ['Grant the MA account read rights on the container, then rerun.'],
      da: ['Giv MA-kontoen læseret til containeren, og kør så igen.'],
    },
  },
  {
    code: 'failed-search',
    group: 'connection',
    step: 'run-error-codes',
    meaning: {
      en: 'A search of a container or table in the connected system failed.',
      da: 'En søgning i en container eller tabel i det forbundne system fejlede.',
    },
    causes: {
      en: ['The connected system returned its own error for the search.'],
      da: ['Det forbundne system returnerede sin egen fejl for søgningen.'],
    },
    actions: {
      en: ['Read the connected system’s error detail in the run details and fix that.'],
      da: ['Læs det forbundne systems fejldetalje i kørslens detaljer, og ret den.'],
    },
  },
  {
    code: 'warning-no-watermark',
    group: 'connection',
    step: 'run-error-codes',
    meaning: {
      en: 'Sun ONE 5.1 MA only: the directory’s change log was turned off after the MA was set up.',
      da: 'Kun Sun ONE 5.1-MA: katalogets change log blev slået fra, efter MA’en blev sat op.',
    },
    causes: {
      en: ['The change log on the Sun ONE directory was disabled.'],
      da: ['Change log på Sun ONE-kataloget blev slået fra.'],
    },
    actions: {
      en: ['Turn the change log back on, then run a full import.'],
      da: ['Slå change log til igen, og kør så en fuld import.'],
    },
  },

  // Discovery (import)
  {
    code: 'missing-change-type',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'A delta row or file entry carries no change type.',
      da: 'En delta-række eller filpost har ingen ændringstype.',
    },
    causes: {
      en: ['The delta table or file that the source writes is incomplete.'],
      da: ['Den delta-tabel eller fil, kilden skriver, er ufuldstændig.'],
    },
    actions: {
      en: ['Fix the job that writes the delta data so every entry has a change type.'],
      da: ['Ret det job, der skriver delta-data, så hver post har en ændringstype.'],
    },
  },
  {
    code: 'invalid-change-type',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'A delta row or file entry carries a change type MIM does not accept.',
      da: 'En delta-række eller filpost har en ændringstype, MIM ikke accepterer.',
    },
    causes: {
      en: ['The source writes a value other than the change types the MA is configured for.'],
      da: ['Kilden skriver en anden værdi end de ændringstyper, MA’en er sat op til.'],
    },
    actions: {
      en: ['Compare the values in the delta data with the MA’s change-type settings and fix the source.'],
      da: ['Sammenlign værdierne i delta-data med MA’ens indstillinger for ændringstyper, og ret kilden.'],
    },
  },
  {
    code: 'multi-valued-change-type',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'A delta row or file entry carries more than one change type.',
      da: 'En delta-række eller filpost har mere end én ændringstype.',
    },
    causes: {
      en: ['The delta source joins several changes of one object into one entry.'],
      da: ['Delta-kilden samler flere ændringer af ét objekt i én post.'],
    },
    actions: {
      en: ['Fix the delta source so each entry has exactly one change type.'],
      da: ['Ret delta-kilden, så hver post har præcis én ændringstype.'],
    },
  },
  {
    code: 'need-full-object',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'A file delta refers to an object that is not in the connector space yet.',
      da: 'En fil-delta henviser til et objekt, der endnu ikke er i connector space.',
    },
    causes: {
      en: ['A delta was imported before any full import brought the object in.'],
      da: ['En delta blev importeret, før en fuld import havde hentet objektet ind.'],
    },
    actions: {
      en: ['Run a full import on the MA, then go back to delta imports.'],
      da: ['Kør en fuld import på MA’en, og gå så tilbage til delta-import.'],
    },
  },
  {
    code: 'missing-dn',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'An imported object has no DN.',
      da: 'Et importeret objekt har intet DN.',
    },
    causes: {
      en: ['The source row or file entry lacks the value the MA builds the DN from.'],
      da: ['Kilderækken eller filposten mangler den værdi, MA’en bygger DN’et af.'],
    },
    actions: {
      en: ['Find the object in the source and fill in the DN value.'],
      da: ['Find objektet i kilden, og udfyld DN-værdien.'],
    },
  },
  {
    code: 'dn-not-ldap-conformant',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'An imported DN is not a valid LDAP DN.',
      da: 'Et importeret DN er ikke et gyldigt LDAP-DN.',
    },
    causes: {
      en: ['Unescaped special characters or a broken RDN in the source value.'],
      da: ['Specialtegn uden escape eller et ødelagt RDN i kildeværdien.'],
    },
    actions: {
      en: ['Fix or escape the DN in the source, then import again.'],
      da: ['Ret DN’et i kilden, eller tilføj escape, og importér så igen.'],
    },
  },
  {
    code: 'invalid-dn',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'On import, a DN breaks MIM’s limits; on export, the DN is not valid for the target.',
      da: 'Ved import bryder et DN MIM’s grænser; ved eksport er DN’et ikke gyldigt for målet.',
    },
    causes: {
      en: [
        'Characters MIM cannot store, an empty or too long RDN, or too many levels.',
        'On export: a DN built by a flow or provisioning rule that the target refuses.',
      ],
      da: [
        'Tegn, MIM ikke kan gemme, et tomt eller for langt RDN eller for mange niveauer.',
        'Ved eksport: et DN bygget af en flow- eller provisioneringsregel, som målet afviser.',
      ],
    },
    actions: {
      en: ['Open the object, read the DN, and fix the source value or the rule that builds it.'],
      da: ['Åbn objektet, læs DN’et, og ret kildeværdien eller den regel, der bygger det.'],
    },
  },
  {
    code: 'missing-anchor-component',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'An attribute that makes up the anchor is empty, on import or on export.',
      da: 'En attribut, der indgår i ankeret, er tom, ved import eller eksport.',
    },
    causes: {
      en: ['The source object (or the exported object) has no value for an anchor attribute.'],
      da: ['Kildeobjektet (eller det eksporterede objekt) har ingen værdi i en ankerattribut.'],
    },
    actions: {
      en: ['Fill in the anchor attribute, or make sure a flow sets it before export.'],
      da: ['Udfyld ankerattributten, eller sørg for, at et flow sætter den før eksport.'],
    },
  },
  {
    code: 'multi-valued-anchor-component',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'An anchor attribute has more than one value, on import or on export.',
      da: 'En ankerattribut har mere end én værdi, ved import eller eksport.',
    },
    causes: {
      en: ['The attribute chosen as anchor is multi-valued for some objects.'],
      da: ['Den attribut, der er valgt som anker, har flere værdier for nogle objekter.'],
    },
    actions: {
      en: ['Clean the extra values in the source, or pick a single-valued anchor attribute.'],
      da: ['Fjern de ekstra værdier i kilden, eller vælg en ankerattribut med én værdi.'],
    },
  },
  {
    code: 'anchor-too-long',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'The anchor is longer than MIM allows: 398 characters for a one-attribute anchor, 2 fewer per extra attribute (import and export).',
      da: 'Ankeret er længere, end MIM tillader: 398 tegn for et anker af én attribut, 2 færre for hver ekstra attribut (import og eksport).',
    },
    causes: {
      en: ['Long source values in the anchor attributes, or too many attributes in the anchor.'],
      da: ['Lange kildeværdier i ankerattributterne eller for mange attributter i ankeret.'],
    },
    actions: {
      en: ['Shorten the values or choose a shorter anchor definition.'],
      da: ['Forkort værdierne, eller vælg en kortere ankerdefinition.'],
    },
  },
  {
    code: 'duplicate-object',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'The same anchor appeared twice in one full import.',
      da: 'Det samme anker optrådte to gange i én fuld import.',
    },
    causes: {
      en: ['Duplicate rows or entries in the source with the same anchor value.'],
      da: ['Dobbelte rækker eller poster i kilden med samme ankerværdi.'],
    },
    actions: {
      en: ['Find and remove the duplicates in the source, then rerun the full import.'],
      da: ['Find og fjern dubletterne i kilden, og kør så den fulde import igen.'],
    },
  },
  {
    code: 'missing-object-class',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'An imported object has no object class.',
      da: 'Et importeret objekt har ingen objektklasse.',
    },
    causes: {
      en: ['The source entry lacks its object class value.'],
      da: ['Kildeposten mangler sin objektklasse-værdi.'],
    },
    actions: {
      en: ['Fix the entry in the source so it carries an object class.'],
      da: ['Ret posten i kilden, så den har en objektklasse.'],
    },
  },
  {
    code: 'missing-object-type',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'An object has no object type, typically in a damaged drop file when a run is resumed.',
      da: 'Et objekt har ingen objekttype, typisk i en beskadiget drop-fil, når en kørsel genoptages.',
    },
    causes: {
      en: ['A corrupt drop file from an interrupted run.'],
      da: ['En ødelagt drop-fil fra en afbrudt kørsel.'],
    },
    actions: {
      en: ['Discard the drop file and run a fresh full import.'],
      da: ['Kassér drop-filen, og kør en ny fuld import.'],
    },
  },
  {
    code: 'unmappable-object-type',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'The object’s class is not mapped to any object type in the MA.',
      da: 'Objektets klasse er ikke koblet til nogen objekttype i MA’en.',
    },
    causes: {
      en: ['A new or unselected object class in the source.'],
      da: ['En ny eller ikke valgt objektklasse i kilden.'],
    },
    actions: {
      en: ['Select or map the object type in the MA properties, or filter those objects out.'],
      da: ['Vælg eller kobl objekttypen i MA’ens egenskaber, eller filtrér de objekter fra.'],
    },
  },
  {
    code: 'parse-error',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'An entry could not be parsed; the error gives entry, line and column.',
      da: 'En post kunne ikke fortolkes; fejlen angiver post, linje og kolonne.',
    },
    causes: {
      en: ['Malformed data in the import file or change log.'],
      da: ['Forkert formaterede data i importfilen eller change log.'],
    },
    actions: {
      en: [
        'Go to the line and column given and fix the data.',
        'Note: Sun/Netscape delta imports stop on this error, file MAs carry on.',
      ],
      da: [
        'Gå til den angivne linje og kolonne, og ret data.',
        'Bemærk: Sun/Netscape-delta-import stopper ved denne fejl, fil-MA’er fortsætter.',
      ],
    },
  },
  {
    code: 'read-error',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'A call-based MA could not read an object; this usually ends the run.',
      da: 'En kaldbaseret MA kunne ikke læse et objekt; det afslutter som regel kørslen.',
    },
    causes: {
      en: ['The connected system returned an error while the object was read.'],
      da: ['Det forbundne system returnerede en fejl, mens objektet blev læst.'],
    },
    actions: {
      en: ['Read the cd-error detail on the object and fix the cause in the connected system.'],
      da: ['Læs cd-error-detaljen på objektet, og ret årsagen i det forbundne system.'],
    },
  },
  {
    code: 'staging-error',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'The sync engine could not stage the imported change; this is abnormal.',
      da: 'Sync-motoren kunne ikke stage den importerede ændring; det er unormalt.',
    },
    causes: {
      en: ['An engine-side problem, often in SQL; an event log entry is written.'],
      da: ['Et problem i selve motoren, ofte i SQL; der skrives en post i hændelsesloggen.'],
    },
    actions: {
      en: ['Read the Application event log on the Sync server and fix what it reports, then rerun.'],
      da: ['Læs Application-hændelsesloggen på Sync-serveren, ret det, den melder, og kør igen.'],
    },
  },
  {
    code: 'invalid-modification-type',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'An LDIF entry uses a modification type that is not valid.',
      da: 'En LDIF-post bruger en ændringstype, der ikke er gyldig.',
    },
    causes: {
      en: ['The tool that writes the LDIF file produced a wrong modification keyword.'],
      da: ['Værktøjet, der skriver LDIF-filen, har skrevet et forkert ændringsnøgleord.'],
    },
    actions: {
      en: ['Fix the LDIF writer so it uses valid modification types.'],
      da: ['Ret det, der skriver LDIF, så det bruger gyldige ændringstyper.'],
    },
  },
  {
    code: 'conflicting-modification-types',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'An LDIF entry contains modification types that contradict each other.',
      da: 'En LDIF-post indeholder ændringstyper, der modsiger hinanden.',
    },
    causes: {
      en: ['The same attribute is, for example, both added and deleted in one entry.'],
      da: ['Den samme attribut bliver f.eks. både tilføjet og slettet i én post.'],
    },
    actions: {
      en: ['Fix the LDIF source so each entry’s modifications are consistent.'],
      da: ['Ret LDIF-kilden, så ændringerne i hver post hænger sammen.'],
    },
  },
  {
    code: 'multi-single-mismatch',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'Several values arrived for an attribute MIM knows as single-valued.',
      da: 'Der kom flere værdier til en attribut, som MIM kender som enkeltværdi.',
    },
    causes: {
      en: ['The MA’s stored schema is out of date.', 'The source really holds several values.'],
      da: ['MA’ens gemte skema er forældet.', 'Kilden har faktisk flere værdier.'],
    },
    actions: {
      en: ['Refresh the MA schema; if the schema is right, clean the extra values in the source.'],
      da: ['Opdatér MA’ens skema; er skemaet korrekt, så fjern de ekstra værdier i kilden.'],
    },
  },
  {
    code: 'invalid-attribute-value',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'On import, a value does not fit its declared type; on export, it has characters the target cannot store.',
      da: 'Ved import passer en værdi ikke til sin erklærede type; ved eksport har den tegn, målet ikke kan gemme.',
    },
    causes: {
      en: [
        'Source data in the wrong format for the attribute type.',
        'On export: characters such as CR/LF going to a text file.',
      ],
      da: [
        'Kildedata i et forkert format for attributtypen.',
        'Ved eksport: tegn som CR/LF, der skal til en tekstfil.',
      ],
    },
    actions: {
      en: ['Open the object, find the value, and fix the source data or the flow that produces it.'],
      da: ['Åbn objektet, find værdien, og ret kildedata eller det flow, der laver den.'],
    },
  },
  {
    code: 'invalid-base64-value',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'A value declared as base64 is not valid base64.',
      da: 'En værdi, der er angivet som base64, er ikke gyldig base64.',
    },
    causes: {
      en: ['The export tool on the source side encoded the value wrongly.'],
      da: ['Eksportværktøjet på kildesiden har kodet værdien forkert.'],
    },
    actions: {
      en: ['Fix the encoding in the file that the source writes.'],
      da: ['Ret kodningen i den fil, kilden skriver.'],
    },
  },
  {
    code: 'invalid-numeric-value',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'A value for a number attribute is not a valid number.',
      da: 'En værdi til en talattribut er ikke et gyldigt tal.',
    },
    causes: {
      en: ['Text, separators or an empty string in a numeric field.'],
      da: ['Tekst, skilletegn eller en tom streng i et talfelt.'],
    },
    actions: {
      en: ['Fix the value in the source, or change the attribute type if the data is really text.'],
      da: ['Ret værdien i kilden, eller skift attributtypen, hvis data faktisk er tekst.'],
    },
  },
  {
    code: 'invalid-boolean-value',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'A value for a Boolean attribute is not a valid true/false value.',
      da: 'En værdi til en Boolean-attribut er ikke en gyldig sand/falsk-værdi.',
    },
    causes: {
      en: ['The source writes something like "yes" or an empty string instead of a Boolean.'],
      da: ['Kilden skriver f.eks. "ja" eller en tom streng i stedet for en Boolean.'],
    },
    actions: {
      en: ['Fix the value in the source so it is a proper Boolean.'],
      da: ['Ret værdien i kilden, så den er en rigtig Boolean.'],
    },
  },
  {
    code: 'reference-value-not-ldap-conformant',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'A reference value (a DN pointing to another object) is not a valid LDAP DN.',
      da: 'En referenceværdi (et DN, der peger på et andet objekt) er ikke et gyldigt LDAP-DN.',
    },
    causes: {
      en: ['Broken or unescaped DN in a member, manager or similar attribute.'],
      da: ['Et ødelagt DN eller et DN uden escape i en member-, manager- eller lignende attribut.'],
    },
    actions: {
      en: ['Fix the reference value in the source.'],
      da: ['Ret referenceværdien i kilden.'],
    },
  },
  {
    code: 'invalid-reference-value',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'A reference DN breaks MIM’s DN limits.',
      da: 'Et reference-DN bryder MIM’s grænser for DN’er.',
    },
    causes: {
      en: ['Characters MIM cannot store, an empty or too long RDN, or too many levels in the referenced DN.'],
      da: [
        'Tegn, MIM ikke kan gemme, et tomt eller for langt RDN eller for mange niveauer i det refererede DN.',
      ],
    },
    actions: {
      en: ['Fix the referenced DN in the source.'],
      da: ['Ret det refererede DN i kilden.'],
    },
  },
  {
    code: 'unsupported-value-type',
    group: 'discovery',
    step: 'run-error-codes',
    meaning: {
      en: 'A DSML or LDIF value has a type that does not fit the attribute.',
      da: 'En DSML- eller LDIF-værdi har en type, der ikke passer til attributten.',
    },
    causes: {
      en: ['The file declares, for example, binary data for a string attribute.'],
      da: ['Filen angiver f.eks. binære data for en strengattribut.'],
    },
    actions: {
      en: ['Align the value type in the file with the attribute’s type in the MA schema.'],
      da: ['Få værditypen i filen til at passe med attributtens type i MA-skemaet.'],
    },
  },

  // Synchronization
  {
    code: 'extension-dll-exception',
    group: 'synchronization',
    step: 'extension-dll-exception',
    meaning: {
      en: 'A rules extension threw an exception while this object was processed.',
      da: 'En rules extension kastede en undtagelse, mens dette objekt blev behandlet.',
    },
    causes: {
      en: [
        'A bug in the extension code, most often in provisioning.',
        'Data the code did not expect, such as a missing value.',
        'ObjectAlreadyExistsException: the object was provisioned instead of joined.',
      ],
      da: [
        'En fejl i extension-koden, oftest i provisioneringen.',
        'Data, koden ikke forventede, f.eks. en manglende værdi.',
        'ObjectAlreadyExistsException: objektet blev provisioneret i stedet for at blive joinet.',
      ],
    },
    actions: {
      en: [
        'Click the code to open Connector Space Object Properties and press Stack Trace...',
        'Fix the code or data the stack points to; for ObjectAlreadyExistsException, check the join rules.',
      ],
      da: [
        'Klik på koden for at åbne Connector Space Object Properties, og tryk på Stack Trace...',
        'Ret den kode eller de data, stakken peger på; ved ObjectAlreadyExistsException så tjek join-reglerne.',
      ],
    },
  },
  {
    code: 'extension-dll-crash',
    group: 'synchronization',
    step: 'extension-dll-exception',
    meaning: {
      en: 'The separate process that hosts the rules extension died.',
      da: 'Den separate proces, der kører rules extension, døde.',
    },
    causes: {
      en: ['The extension caused a crash such as an access violation, often in native code it calls.'],
      da: ['Extension forårsagede et nedbrud, f.eks. en access violation, ofte i native kode, den kalder.'],
    },
    actions: {
      en: ['Read the Application event log for the crash, then fix or isolate the code that caused it.'],
      da: ['Læs nedbruddet i Application-hændelsesloggen, og ret eller isolér den kode, der udløste det.'],
    },
  },
  {
    code: 'extension-dll-timeout',
    group: 'synchronization',
    // The engine unloaded an extension that ran too long: nothing was thrown, so there is no call
    // stack to read; the error-code table says what the limit is and where it is set.
    step: 'run-error-codes',
    meaning: {
      en: 'The rules extension ran longer than the configured timeout.',
      da: 'Rules extension kørte længere end den konfigurerede timeout.',
    },
    causes: {
      en: ['Slow calls to outside systems or heavy work inside the extension.'],
      da: ['Langsomme kald til eksterne systemer eller tungt arbejde i extension.'],
    },
    actions: {
      en: ['Make the extension faster, or raise the timeout (it is not enforced while you debug).'],
      da: ['Gør extension hurtigere, eller hæv timeout (den håndhæves ikke under debugging).'],
    },
  },
  {
    code: 'extension-projection-object-type-not-set',
    group: 'synchronization',
    step: 'extension-dll-exception',
    meaning: {
      en: 'ShouldProjectToMV returned true but did not set a metaverse object type.',
      da: 'ShouldProjectToMV returnerede true, men satte ingen metaverse-objekttype.',
    },
    causes: {
      en: ['A code path in the projection rule forgets to set the type.'],
      da: ['En kodesti i projektionsreglen glemmer at sætte typen.'],
    },
    actions: {
      en: ['Set the metaverse object type on every path that returns true.'],
      da: ['Sæt metaverse-objekttypen på hver kodesti, der returnerer true.'],
    },
  },
  {
    code: 'extension-projection-invalid-object-type',
    group: 'synchronization',
    step: 'extension-dll-exception',
    meaning: {
      en: 'ShouldProjectToMV set a metaverse object type that does not exist.',
      da: 'ShouldProjectToMV satte en metaverse-objekttype, der ikke findes.',
    },
    causes: {
      en: ['A typo in the type name, or the type was removed from the metaverse schema.'],
      da: ['En tastefejl i typenavnet, eller typen er fjernet fra metaverse-skemaet.'],
    },
    actions: {
      en: ['Compare the name in the code with the Metaverse Designer and fix it.'],
      da: ['Sammenlign navnet i koden med Metaverse Designer, og ret det.'],
    },
  },
  {
    code: 'extension-join-resolution-invalid-object-type',
    group: 'synchronization',
    step: 'extension-dll-exception',
    meaning: {
      en: 'ResolveJoinSearch returned a metaverse object type that does not exist.',
      da: 'ResolveJoinSearch returnerede en metaverse-objekttype, der ikke findes.',
    },
    causes: {
      en: ['A typo in the type name in the join resolution code.'],
      da: ['En tastefejl i typenavnet i koden til join-afgørelse.'],
    },
    actions: {
      en: ['Fix the object type name the join resolution code returns.'],
      da: ['Ret det objekttypenavn, som koden til join-afgørelse returnerer.'],
    },
  },
  {
    code: 'extension-join-resolution-index-out-of-bounds',
    group: 'synchronization',
    step: 'extension-dll-exception',
    meaning: {
      en: 'ResolveJoinSearch returned an index outside the list of candidate objects.',
      da: 'ResolveJoinSearch returnerede et indeks uden for listen af kandidatobjekter.',
    },
    causes: {
      en: ['An off-by-one or wrong index in the join resolution code.'],
      da: ['En forskydning med én eller et forkert indeks i koden til join-afgørelse.'],
    },
    actions: {
      en: ['Check that the returned index is within the candidate list, and fix the code.'],
      da: ['Tjek, at det returnerede indeks ligger inden for kandidatlisten, og ret koden.'],
    },
  },
  {
    code: 'extension-provisioning-call-limit-reached',
    group: 'synchronization',
    step: 'extension-dll-exception',
    meaning: {
      en: 'Provision was called more than 10 times for one object, so MIM stopped the loop.',
      da: 'Provision blev kaldt mere end 10 gange for ét objekt, så MIM stoppede løkken.',
    },
    causes: {
      en: ['Provisioning code changes the object in a way that triggers provisioning again.'],
      da: ['Provisioneringskoden ændrer objektet, så provisioneringen udløses igen.'],
    },
    actions: {
      en: ['Make provisioning idempotent: only create or rename when something really differs.'],
      da: ['Gør provisioneringen idempotent: opret eller omdøb kun, når noget faktisk er anderledes.'],
    },
  },
  {
    code: 'extension-deprovisioning-invalid-result',
    group: 'synchronization',
    step: 'extension-dll-exception',
    meaning: {
      en: 'Deprovision returned a value that is not a valid deprovisioning action.',
      da: 'Deprovision returnerede en værdi, der ikke er en gyldig deprovisioneringshandling.',
    },
    causes: {
      en: ['The deprovisioning code returns an unset or out-of-range action.'],
      da: ['Deprovisioneringskoden returnerer en handling, der ikke er sat eller ligger uden for området.'],
    },
    actions: {
      en: ['Return one of the defined deprovisioning actions on every code path.'],
      da: ['Returnér en af de definerede deprovisioneringshandlinger på hver kodesti.'],
    },
  },
  {
    code: 'extension-entry-point-not-implemented',
    group: 'synchronization',
    step: 'extension-dll-exception',
    meaning: {
      en: 'The rules extension threw EntryPointNotImplementedException for a rule the MA uses.',
      da: 'Rules extension kastede EntryPointNotImplementedException for en regel, MA’en bruger.',
    },
    causes: {
      en: ['A rules-extension flow, join or projection is configured, but the DLL has no code for it.'],
      da: [
        'Et rules extension-flow, -join eller -projektion er sat op, men DLL-filen har ingen kode til det.',
      ],
    },
    actions: {
      en: ['Implement the rule in the extension, or remove it from the MA configuration.'],
      da: ['Implementér reglen i extension, eller fjern den fra MA-konfigurationen.'],
    },
  },
  {
    code: 'extension-unexpected-attribute-value',
    group: 'synchronization',
    step: 'extension-dll-exception',
    meaning: {
      en: 'The rules extension threw UnexpectedDataException for an attribute value.',
      da: 'Rules extension kastede UnexpectedDataException for en attributværdi.',
    },
    causes: {
      en: ['The object carries a value the extension refuses to handle.'],
      da: ['Objektet har en værdi, som extension nægter at håndtere.'],
    },
    actions: {
      en: ['Use Stack Trace... to find the value, then fix the data or the extension.'],
      da: ['Brug Stack Trace... til at finde værdien, og ret så data eller extension.'],
    },
  },
  {
    code: 'flow-multi-values-to-single-value',
    group: 'synchronization',
    step: 'run-error-codes',
    meaning: {
      en: 'A direct import flow tries to put several values into a single-valued attribute.',
      da: 'Et direkte import-flow forsøger at lægge flere værdier i en attribut med én værdi.',
    },
    causes: {
      en: ['The source attribute is multi-valued for this object, the target attribute is not.'],
      da: ['Kildeattributten har flere værdier for dette objekt, målattributten har ikke.'],
    },
    actions: {
      en: [
        'Clean the source values, or replace the direct flow with a rules-extension flow that picks one value.',
      ],
      da: [
        'Ryd op i kildeværdierne, eller erstat det direkte flow med et rules extension-flow, der vælger én værdi.',
      ],
    },
  },
  {
    code: 'ambiguous-export-flow-to-single-valued-attribute',
    group: 'synchronization',
    step: 'run-error-codes',
    meaning: {
      en: 'A direct export flow would put several values into a single-valued target attribute.',
      da: 'Et direkte eksport-flow ville lægge flere værdier i en målattribut med én værdi.',
    },
    causes: {
      en: ['The metaverse attribute is multi-valued, the connector space attribute single-valued.'],
      da: ['Metaverse-attributten har flere værdier, connector space-attributten kun én.'],
    },
    actions: {
      en: ['Use a rules-extension export flow that picks one value, or fix the metaverse data.'],
      da: ['Brug et rules extension-eksport-flow, der vælger én værdi, eller ret data i metaverse.'],
    },
  },
  {
    code: 'cs-attribute-type-mismatch',
    group: 'synchronization',
    step: 'run-error-codes',
    meaning: {
      en: 'The imported value’s type differs from the type in the MA schema.',
      da: 'Den importerede værdis type afviger fra typen i MA-skemaet.',
    },
    causes: {
      en: ['The connected system’s schema changed after the MA was set up.'],
      da: ['Det forbundne systems skema er ændret, efter MA’en blev sat op.'],
    },
    actions: {
      en: ['Refresh the MA schema, check the flows that use the attribute, and run a full import.'],
      da: ['Opdatér MA-skemaet, tjek de flows, der bruger attributten, og kør en fuld import.'],
    },
  },
  {
    code: 'join-object-id-must-be-single-valued',
    group: 'synchronization',
    step: 'run-error-codes',
    meaning: {
      en: 'The value used to join on object-id has more than one value.',
      da: 'Den værdi, der bruges til join på object-id, har mere end én værdi.',
    },
    causes: {
      en: ['The source attribute mapped to object-id is multi-valued for this object.'],
      da: ['Den kildeattribut, der er koblet til object-id, har flere værdier for dette objekt.'],
    },
    actions: {
      en: ['Clean the extra values, or join on a different single-valued attribute.'],
      da: ['Fjern de ekstra værdier, eller lav join på en anden attribut med én værdi.'],
    },
  },
  {
    code: 'cannot-parse-object-id',
    group: 'synchronization',
    step: 'run-error-codes',
    meaning: {
      en: 'The value used to join on object-id is not a GUID.',
      da: 'Den værdi, der bruges til join på object-id, er ikke et GUID.',
    },
    causes: {
      en: ['Wrong attribute in the join rule, or bad data in the source.'],
      da: ['Forkert attribut i join-reglen eller forkerte data i kilden.'],
    },
    actions: {
      en: ['Check the join rule’s attribute and fix values that are not GUIDs.'],
      da: ['Tjek join-reglens attribut, og ret værdier, der ikke er GUID’er.'],
    },
  },
  {
    code: 'dn-index-out-of-bounds',
    group: 'synchronization',
    step: 'run-error-codes',
    meaning: {
      en: 'A DN-component flow asks for a component index higher than the DN has.',
      da: 'Et DN-komponent-flow beder om et komponentindeks, der er højere end DN’ets antal dele.',
    },
    causes: {
      en: ['Some objects sit higher in the tree and have fewer DN components than the flow assumes.'],
      da: ['Nogle objekter ligger højere i træet og har færre DN-komponenter, end flowet antager.'],
    },
    actions: {
      en: ['Lower the index, or use a rules-extension flow that checks the DN depth first.'],
      da: ['Sænk indekset, eller brug et rules extension-flow, der først tjekker DN’ets dybde.'],
    },
  },
  {
    code: 'cannot-parse-dn-component',
    group: 'synchronization',
    step: 'run-error-codes',
    meaning: {
      en: 'A DN component could not be converted for the attribute it flows to.',
      da: 'En DN-komponent kunne ikke konverteres til den attribut, den flyder til.',
    },
    causes: {
      en: ['The component’s text does not fit the target attribute type.'],
      da: ['Komponentens tekst passer ikke til målattributtens type.'],
    },
    actions: {
      en: ['Check the DN-component flow and the objects it fails on; use a rules-extension flow if needed.'],
      da: [
        'Tjek DN-komponent-flowet og de objekter, det fejler på; brug et rules extension-flow om nødvendigt.',
      ],
    },
  },
  {
    code: 'connector-filter-rule-violation',
    group: 'synchronization',
    step: 'run-error-codes',
    meaning: {
      en: 'A provisioning or export flow made the object match the MA’s connector filter.',
      da: 'Et provisionerings- eller eksport-flow fik objektet til at matche MA’ens connector-filter.',
    },
    causes: {
      en: ['Flow rules set a value that the connector filter then excludes.'],
      da: ['Flow-regler sætter en værdi, som connector-filteret derefter udelukker.'],
    },
    actions: {
      en: ['Align the connector filter with the provisioning and export flow rules.'],
      da: ['Få connector-filteret til at passe med provisionerings- og eksport-flow-reglerne.'],
    },
  },
  {
    code: 'unsupported-container-delete',
    group: 'synchronization',
    step: 'run-error-codes',
    meaning: {
      en: 'Deprovisioning tried to delete a container that still has child objects.',
      da: 'Deprovisioneringen forsøgte at slette en container, der stadig har underobjekter.',
    },
    causes: {
      en: ['The container’s children were not removed first.'],
      da: ['Containerens underobjekter blev ikke fjernet først.'],
    },
    actions: {
      en: ['Remove or move the child objects first, or change deprovisioning for containers.'],
      da: ['Fjern eller flyt underobjekterne først, eller ret deprovisioneringen for containere.'],
    },
  },
  {
    code: 'unexported-container-rename',
    group: 'synchronization',
    step: 'run-error-codes',
    meaning: {
      en: 'A container was renamed while it has child objects that were not exported yet.',
      da: 'En container blev omdøbt, mens den har underobjekter, der endnu ikke er eksporteret.',
    },
    causes: {
      en: ['Pending exports under the container when the rename happened.'],
      da: ['Ventende eksporter under containeren, da omdøbningen skete.'],
    },
    actions: {
      en: ['Export the pending child objects first, then redo the rename.'],
      da: ['Eksportér de ventende underobjekter først, og lav så omdøbningen igen.'],
    },
  },
  {
    code: 'ambiguous-import-flow-from-multiple-connectors',
    group: 'synchronization',
    step: 'run-error-codes',
    meaning: {
      en: 'Several connectors of one MA are joined to one metaverse object that has a direct import flow.',
      da: 'Flere connectors fra én MA er joinet til ét metaverse-objekt, der har et direkte import-flow.',
    },
    causes: {
      en: ['MIM cannot tell which connector’s value should win.'],
      da: ['MIM kan ikke afgøre, hvilken connectors værdi der skal vinde.'],
    },
    actions: {
      en: ['Use a rules-extension import flow that chooses the value, or stop the extra joins.'],
      da: ['Brug et rules extension-import-flow, der vælger værdien, eller stop de ekstra joins.'],
    },
  },
  {
    code: 'mv-constraint-violation',
    group: 'synchronization',
    step: 'run-error-codes',
    meaning: {
      en: 'A value is too long for the metaverse attribute.',
      da: 'En værdi er for lang til metaverse-attributten.',
    },
    causes: {
      en: ['Long source data flowing into a size-limited metaverse attribute.'],
      da: ['Lange kildedata, der flyder ind i en metaverse-attribut med begrænset størrelse.'],
    },
    actions: {
      en: ['Shorten the value in the flow or the source, or use a metaverse attribute type that fits.'],
      da: ['Forkort værdien i flowet eller kilden, eller brug en metaverse-attributtype, der passer.'],
    },
  },
  {
    code: 'locking-error-needs-retry',
    group: 'synchronization',
    step: 'run-error-codes',
    meaning: {
      en: 'Two MAs touched the same connector space object at the same time (sync or export).',
      da: 'To MA’er rørte det samme connector space-objekt samtidig (synkronisering eller eksport).',
    },
    causes: {
      en: ['Parallel runs that work on the same objects.'],
      da: ['Parallelle kørsler, der arbejder på de samme objekter.'],
    },
    actions: {
      en: ['Rerun the step; if it keeps happening, stop those runs from overlapping.'],
      da: ['Kør trinnet igen; sker det igen og igen, så lad være med at lade de kørsler overlappe.'],
    },
  },
  {
    code: 'unique-index-violation',
    group: 'synchronization',
    step: 'run-error-codes',
    meaning: {
      en: 'The metaverse tables broke a unique index, which happens after they are edited by hand.',
      da: 'Metaverse-tabellerne brød et unikt indeks, hvilket sker, når de er redigeret manuelt.',
    },
    causes: {
      en: ['Someone changed the Sync database tables directly in SQL.'],
      da: ['Nogen har ændret Sync-databasens tabeller direkte i SQL.'],
    },
    actions: {
      en: ['Never edit the Sync database by hand; restore a good backup or contact Microsoft support.'],
      da: ['Redigér aldrig Sync-databasen manuelt; gendan en god backup, eller kontakt Microsoft support.'],
    },
  },
  {
    code: 'encryption-key-lost',
    group: 'synchronization',
    step: 'run-error-codes',
    meaning: {
      en: 'The encryption key set is missing on the Sync server (sync or export).',
      da: 'Krypteringsnøglesættet mangler på Sync-serveren (synkronisering eller eksport).',
    },
    causes: {
      en: ['The server or database was moved or rebuilt without restoring the keys.'],
      da: ['Serveren eller databasen er flyttet eller genopbygget, uden at nøglerne blev gendannet.'],
    },
    actions: {
      en: ['Restore the encryption keys from the backup you made with miiskmu, then rerun.'],
      da: ['Gendan krypteringsnøglerne fra den backup, du lavede med miiskmu, og kør så igen.'],
    },
  },
  {
    code: 'unexpected-error',
    group: 'synchronization',
    step: 'run-error-codes',
    meaning: {
      en: 'The engine failed unexpectedly while applying metaverse changes or exporting the object.',
      da: 'Motoren fejlede uventet, mens den anvendte metaverse-ændringer eller eksporterede objektet.',
    },
    causes: {
      en: ['An internal engine or SQL problem; the detail is only in the event log.'],
      da: ['Et internt problem i motoren eller SQL; detaljen findes kun i hændelsesloggen.'],
    },
    actions: {
      en: ['Read the Application event log on the Sync server at that time and act on what it says.'],
      da: ['Læs Application-hændelsesloggen på Sync-serveren på det tidspunkt, og handl ud fra den.'],
    },
  },
  {
    code: 'exported-change-not-reimported',
    group: 'synchronization',
    step: 'run-error-codes',
    meaning: {
      en: 'An exported value was not seen on the next import, usually because the target changes it.',
      da: 'En eksporteret værdi blev ikke set ved næste import, som regel fordi målet ændrer den.',
    },
    causes: {
      en: [
        'The target normalises or rewrites the value (case, format, trimming).',
        'Another process changes it after export.',
      ],
      da: [
        'Målet normaliserer eller omskriver værdien (store/små bogstaver, format, trimning).',
        'En anden proces ændrer den efter eksporten.',
      ],
    },
    actions: {
      en: ['Compare the exported and the imported value, then make the flow produce what the target keeps.'],
      da: ['Sammenlign den eksporterede og den importerede værdi, og lad flowet lave det, målet beholder.'],
    },
  },
  {
    code: 'missing-partition-for-run-step',
    group: 'synchronization',
    step: 'run-error-codes',
    meaning: {
      en: 'The partition a run profile step points to was deleted or renamed.',
      da: 'Den partition, et trin i run profile peger på, er slettet eller omdøbt.',
    },
    causes: {
      en: ['Partitions changed in the connected system or in the MA.'],
      da: ['Partitionerne er ændret i det forbundne system eller i MA’en.'],
    },
    actions: {
      en: ['Refresh partitions in the MA and edit the run profile step to use the right one.'],
      da: ['Opdatér partitioner i MA’en, og ret trinnet i run profile, så det bruger den rigtige.'],
    },
  },

  // Export
  {
    code: 'cd-missing-object',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'An update was exported, but the object no longer exists in the target.',
      da: 'En opdatering blev eksporteret, men objektet findes ikke længere i målet.',
    },
    causes: {
      en: ['The object was deleted in the target outside MIM.'],
      da: ['Objektet blev slettet i målet uden om MIM.'],
    },
    actions: {
      en: ['Run an import on that MA, then a synchronization, so MIM learns about the deletion.'],
      da: ['Kør en import på den MA og derefter en synkronisering, så MIM opdager sletningen.'],
    },
  },
  {
    code: 'cd-existing-object',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'An add was exported, but the object already exists in the target.',
      da: 'En oprettelse blev eksporteret, men objektet findes allerede i målet.',
    },
    causes: {
      en: ['The existing object did not join, so MIM provisioned a new one.'],
      da: ['Det eksisterende objekt blev ikke joinet, så MIM provisionerede et nyt.'],
    },
    actions: {
      en: ['Fix the join rules so the existing object joins, import it, then synchronize.'],
      da: ['Ret join-reglerne, så det eksisterende objekt bliver joinet, importér det, og synkronisér så.'],
    },
  },
  {
    code: 'duplicate-anchor',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'The anchor of a new object is not unique in the target.',
      da: 'Ankeret for et nyt objekt er ikke unikt i målet.',
    },
    causes: {
      en: ['The rule that builds the anchor gives two objects the same value.'],
      da: ['Den regel, der bygger ankeret, giver to objekter samme værdi.'],
    },
    actions: {
      en: ['Review the anchor rule so it always yields a unique value.'],
      da: ['Gennemgå ankerreglen, så den altid giver en unik værdi.'],
    },
  },
  {
    code: 'ambiguous-update',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'A SQL or Oracle update matched more than one row.',
      da: 'En SQL- eller Oracle-opdatering ramte mere end én række.',
    },
    causes: {
      en: ['The anchor columns are not unique in the table.'],
      da: ['Ankerkolonnerne er ikke unikke i tabellen.'],
    },
    actions: {
      en: ['Make the anchor columns unique (a key on them) and clean the duplicate rows.'],
      da: ['Gør ankerkolonnerne unikke (en nøgle på dem), og ryd de dobbelte rækker.'],
    },
  },
  {
    code: 'password-policy-violation',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'AD/GAL: the exported password breaks the domain password policy.',
      da: 'AD/GAL: den eksporterede adgangskode bryder domænets adgangskodepolitik.',
    },
    causes: {
      en: ['Too short, too simple or reused password, or a minimum password age applies.'],
      da: ['En for kort, for enkel eller genbrugt adgangskode, eller en minimumsalder gælder.'],
    },
    actions: {
      en: ['Compare the password source with the target domain’s policy and align them.'],
      da: ['Sammenlign adgangskodekilden med måldomænets politik, og få dem til at passe.'],
    },
  },
  {
    code: 'password-set-disallowed',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'AD LDS/ADAM refused to set a password over this connection.',
      da: 'AD LDS/ADAM afviste at sætte en adgangskode over denne forbindelse.',
    },
    causes: {
      en: ['The connection is not 128-bit SSL or TLS, and no override allows it.'],
      da: ['Forbindelsen er ikke 128-bit SSL eller TLS, og ingen undtagelse tillader det.'],
    },
    actions: {
      en: ['Connect over SSL/TLS, or set the instance’s override for password operations.'],
      da: ['Forbind via SSL/TLS, eller sæt instansens undtagelse for adgangskodehandlinger.'],
    },
  },
  {
    code: 'encryption-not-enabled',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'AD LDS/ADAM: a password set needs an encrypted connection, and this one is not.',
      da: 'AD LDS/ADAM: at sætte en adgangskode kræver en krypteret forbindelse, og denne er ikke krypteret.',
    },
    causes: {
      en: ['The MA connects without 128-bit SSL or TLS.'],
      da: ['MA’en forbinder uden 128-bit SSL eller TLS.'],
    },
    actions: {
      en: ['Enable SSL/TLS for the MA connection, or use the instance override.'],
      da: ['Slå SSL/TLS til for MA-forbindelsen, eller brug instansens undtagelse.'],
    },
  },
  {
    code: 'kerberos-time-skew',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'AD password set failed because the Sync server’s clock is more than 5 minutes off the DC’s.',
      da: 'At sætte en AD-adgangskode fejlede, fordi Sync-serverens ur afviger mere end 5 minutter fra DC’ens.',
    },
    causes: {
      en: ['Time sync is broken on the Sync server or the DC.'],
      da: ['Tidssynkroniseringen virker ikke på Sync-serveren eller DC’en.'],
    },
    actions: {
      en: ['Fix time synchronization so both clocks agree, then export again.'],
      da: ['Ret tidssynkroniseringen, så urene er enige, og eksportér igen.'],
    },
  },
  {
    code: 'kerberos-no-logon-server',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'AD password set failed because no server could be found for the credential domain.',
      da: 'At sætte en AD-adgangskode fejlede, fordi der ikke kunne findes en server til kontoens domæne.',
    },
    causes: {
      en: ['NetBIOS or DNS resolution of the domain fails from the Sync server.'],
      da: ['NetBIOS- eller DNS-opslag af domænet fejler fra Sync-serveren.'],
    },
    actions: {
      en: ['Check that the Sync server resolves the domain’s DCs by DNS and NetBIOS name.'],
      da: ['Tjek, at Sync-serveren kan slå domænets DC’er op via DNS- og NetBIOS-navn.'],
    },
  },
  {
    code: 'non-existent-parent',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'The parent container of the exported object does not exist in the target.',
      da: 'Den overordnede container for det eksporterede objekt findes ikke i målet.',
    },
    causes: {
      en: ['The OU or container in the DN was never created, or was deleted.'],
      da: ['OU’en eller containeren i DN’et blev aldrig oprettet eller er slettet.'],
    },
    actions: {
      en: ['Create the parent (or provision it first), or fix the rule that builds the DN.'],
      da: [
        'Opret den overordnede container (eller provisionér den først), eller ret den regel, der bygger DN’et.',
      ],
    },
  },
  {
    code: 'schema-violation',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'The export uses an attribute that is not in the target schema, or removes a required one.',
      da: 'Eksporten bruger en attribut, der ikke er i målets skema, eller fjerner en påkrævet.',
    },
    causes: {
      en: ['The MA schema is older than the target schema.', 'A flow clears a mandatory attribute.'],
      da: ['MA-skemaet er ældre end målets skema.', 'Et flow rydder en obligatorisk attribut.'],
    },
    actions: {
      en: ['Refresh the MA schema and check the export flows for required attributes.'],
      da: ['Opdatér MA-skemaet, og tjek eksport-flows for påkrævede attributter.'],
    },
  },
  {
    code: 'constraint-violation',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'The target rejected a value because it breaks a constraint.',
      da: 'Målet afviste en værdi, fordi den bryder en begrænsning.',
    },
    causes: {
      en: [
        'Several values for a single-valued attribute, a value that is too long or out of range, or a database constraint.',
      ],
      da: [
        'Flere værdier i en attribut med én værdi, en for lang værdi eller uden for området, eller en databasebegrænsning.',
      ],
    },
    actions: {
      en: ['Open the object to see which attribute failed, then fix the flow or source value.'],
      da: ['Åbn objektet for at se, hvilken attribut der fejlede, og ret så flowet eller kildeværdien.'],
    },
  },
  {
    code: 'syntax-violation',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'The target rejected a value because its syntax is wrong for the attribute.',
      da: 'Målet afviste en værdi, fordi dens syntaks er forkert for attributten.',
    },
    causes: {
      en: ['A character or format the target attribute does not allow.'],
      da: ['Et tegn eller format, som målattributten ikke tillader.'],
    },
    actions: {
      en: ['Open the object to see the attribute and value, then fix the flow that produces it.'],
      da: ['Åbn objektet for at se attributten og værdien, og ret så det flow, der laver den.'],
    },
  },
  {
    code: 'modify-naming-attribute',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'The export sets the naming attribute (such as CN) to a value that clashes with the RDN.',
      da: 'Eksporten sætter navngivningsattributten (f.eks. CN) til en værdi, der strider mod RDN’et.',
    },
    causes: {
      en: ['An attribute flow writes CN directly while the DN says something else.'],
      da: ['Et attribut-flow skriver CN direkte, mens DN’et siger noget andet.'],
    },
    actions: {
      en: ['Change the name through a DN rename in provisioning instead of an attribute flow.'],
      da: ['Skift navnet via en DN-omdøbning i provisioneringen i stedet for et attribut-flow.'],
    },
  },
  {
    code: 'insufficient-field-width',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'Text-file MA: a value is wider than its fixed-width field.',
      da: 'Tekstfil-MA: en værdi er bredere end sit felt med fast bredde.',
    },
    causes: {
      en: ['The field width in the MA is smaller than the data.'],
      da: ['Feltbredden i MA’en er mindre end data.'],
    },
    actions: {
      en: ['Widen the field in the MA configuration or shorten the value in the flow.'],
      da: ['Gør feltet bredere i MA-konfigurationen, eller forkort værdien i flowet.'],
    },
  },
  {
    code: 'insufficient-columns',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'Text-file MA: the file format has fewer columns than the export needs.',
      da: 'Tekstfil-MA: filformatet har færre kolonner, end eksporten har brug for.',
    },
    causes: {
      en: ['An attribute was added to the export without a column for it.'],
      da: ['En attribut blev føjet til eksporten uden en kolonne til den.'],
    },
    actions: {
      en: ['Add the column to the MA’s file format, or remove the attribute from the export.'],
      da: ['Tilføj kolonnen til MA’ens filformat, eller fjern attributten fra eksporten.'],
    },
  },
  {
    code: 'code-page-conversion',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'Text-file MA: a value could not be converted to the file’s code page.',
      da: 'Tekstfil-MA: en værdi kunne ikke konverteres til filens tegntabel.',
    },
    causes: {
      en: ['Characters that the chosen code page cannot represent.'],
      da: ['Tegn, som den valgte tegntabel ikke kan gengive.'],
    },
    actions: {
      en: ['Use a Unicode encoding for the file, or replace the characters in the flow.'],
      da: ['Brug en Unicode-kodning til filen, eller erstat tegnene i flowet.'],
    },
  },
  {
    code: 'permission-issue',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'The MA account lacks the rights in the target to make this change.',
      da: 'MA-kontoen mangler rettigheder i målet til at lave denne ændring.',
    },
    causes: {
      en: ['Missing create, write or delete rights on the object or its container.'],
      da: ['Manglende rettigheder til at oprette, skrive eller slette på objektet eller dets container.'],
    },
    actions: {
      en: ['Grant the MA account the needed rights on that part of the target, then export again.'],
      da: ['Giv MA-kontoen de nødvendige rettigheder på den del af målet, og eksportér igen.'],
    },
  },
  {
    code: 'dn-attributes-failure',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'AD/GAL/ADAM: a reference attribute points to an object that is not in the target.',
      da: 'AD/GAL/ADAM: en referenceattribut peger på et objekt, der ikke findes i målet.',
    },
    causes: {
      en: ['The referenced object (for example a group member or manager) has not been exported yet.'],
      da: ['Det refererede objekt (f.eks. et gruppemedlem eller en leder) er ikke eksporteret endnu.'],
    },
    actions: {
      en: ['Export again after the referenced objects exist; MIM retries these in a second pass.'],
      da: ['Eksportér igen, når de refererede objekter findes; MIM prøver dem igen i en ekstra runde.'],
    },
  },
  {
    code: 'no-export-to-this-object-type',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'NT 4.0 MA: computer objects cannot be exported.',
      da: 'NT 4.0-MA: computerobjekter kan ikke eksporteres.',
    },
    causes: {
      en: ['Provisioning or export flows target computer objects in an NT 4.0 domain.'],
      da: ['Provisionering eller eksport-flows rammer computerobjekter i et NT 4.0-domæne.'],
    },
    actions: {
      en: ['Stop provisioning or exporting computer objects to this MA.'],
      da: ['Stop provisionering eller eksport af computerobjekter til denne MA.'],
    },
  },
  {
    code: 'missing-provisioning-attribute',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'Lotus Notes: an attribute needed to provision the object is missing.',
      da: 'Lotus Notes: en attribut, der skal til for at provisionere objektet, mangler.',
    },
    causes: {
      en: ['The export flows do not set every attribute Notes needs to create the object.'],
      da: ['Eksport-flowene sætter ikke alle de attributter, Notes skal bruge for at oprette objektet.'],
    },
    actions: {
      en: ['Add flows or provisioning code that set the missing attribute.'],
      da: ['Tilføj flows eller provisioneringskode, der sætter den manglende attribut.'],
    },
  },
  {
    // The code is invalid-provisioning-attribute-value (maerrorcodes), and not only Lotus Notes raises it.
    code: 'invalid-provisioning-attribute-value',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'A provisioning attribute has a value the connected system does not accept.',
      da: 'En provisioneringsattribut har en værdi, som det tilsluttede system ikke accepterer.',
    },
    causes: {
      en: [
        'A flow writes a wrong format or value into an attribute the connector needs to create the object.',
      ],
      da: [
        'Et flow skriver et forkert format eller en forkert værdi i en attribut, som connectoren skal bruge for at oprette objektet.',
      ],
    },
    actions: {
      en: ['Check the value against what the connector and the target system expect, and fix the flow.'],
      da: ['Sammenlign værdien med det, connectoren og målsystemet forventer, og ret flowet.'],
    },
  },
  {
    code: 'unexpected-provisioning-attribute',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'Lotus Notes: a provisioning attribute was set that does not belong in this case.',
      da: 'Lotus Notes: en provisioneringsattribut blev sat, som ikke hører til i dette tilfælde.',
    },
    causes: {
      en: ['Flows set a provisioning attribute that the chosen Notes action does not use.'],
      da: ['Flows sætter en provisioneringsattribut, som den valgte Notes-handling ikke bruger.'],
    },
    actions: {
      en: ['Remove the flow for that attribute, or set it only for the case that needs it.'],
      da: ['Fjern flowet til den attribut, eller sæt den kun i det tilfælde, der kræver den.'],
    },
  },
  {
    code: 'provision-to-secondary-nab',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'Lotus Notes: the object was provisioned to a secondary address book, which is not supported.',
      da: 'Lotus Notes: objektet blev provisioneret til en sekundær adressebog, hvilket ikke understøttes.',
    },
    causes: {
      en: ['The DN or settings point to a secondary NAB instead of the primary one.'],
      da: ['DN’et eller indstillingerne peger på en sekundær NAB i stedet for den primære.'],
    },
    actions: {
      en: ['Provision to the primary address book.'],
      da: ['Provisionér til den primære adressebog.'],
    },
  },
  {
    code: 'certifier-ou-not-configured',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'Lotus Notes: no certifier is configured for the OU the object goes to.',
      da: 'Lotus Notes: der er ikke sat en certifier op for den OU, objektet skal til.',
    },
    causes: {
      en: ['The MA’s certifier settings do not cover this OU.'],
      da: ['MA’ens certifier-indstillinger dækker ikke denne OU.'],
    },
    actions: {
      en: ['Add the certifier for that OU in the Notes MA configuration.'],
      da: ['Tilføj certifier for den OU i Notes-MA’ens konfiguration.'],
    },
  },
  {
    code: 'temporary-certifier-file-creation-failure',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'Lotus Notes: the temporary certifier file could not be created.',
      da: 'Lotus Notes: den midlertidige certifier-fil kunne ikke oprettes.',
    },
    causes: {
      en: ['No rights or no space in the folder where the MA writes the file.'],
      da: ['Ingen rettigheder eller ingen plads i den mappe, hvor MA’en skriver filen.'],
    },
    actions: {
      en: ['Check rights and free space for the Sync service account in that folder.'],
      da: ['Tjek rettigheder og ledig plads for Sync-tjenestekontoen i den mappe.'],
    },
  },
  {
    code: 'cd-error',
    group: 'export',
    step: 'run-error-codes',
    meaning: {
      en: 'The connected system returned its own error for this object.',
      da: 'Det forbundne system returnerede sin egen fejl for dette objekt.',
    },
    causes: {
      en: ['Anything the target refuses; the detail is in the <cd-error> element.'],
      da: ['Alt, hvad målet afviser; detaljen står i elementet <cd-error>.'],
    },
    actions: {
      en: ['Open the object, read the <cd-error> detail and fix what the target complains about.'],
      da: ['Åbn objektet, læs detaljen i <cd-error>, og ret det, målet klager over.'],
    },
  },

  // Declarative (portal) sync rules
  {
    code: 'sync-rule-flow-provisioning-failed',
    group: 'sync-rule',
    step: 'run-error-codes',
    meaning: {
      en: 'A portal sync rule could not provision the object during synchronization.',
      da: 'En sync rule fra portalen kunne ikke provisionere objektet under synkroniseringen.',
    },
    causes: {
      en: [
        'The parent container of the new DN is not in the target connector space.',
        'An object with that DN already exists in the connector space: an incomplete join or a wrong DN rule.',
      ],
      da: [
        'Den overordnede container for det nye DN er ikke i målets connector space.',
        'Der findes allerede et objekt med det DN i connector space: et ufuldstændigt join eller en forkert DN-regel.',
      ],
    },
    actions: {
      en: [
        'Click the code and press Stack Trace... to see which case it is.',
        'Missing parent: import the parent OU first, or include it in the MA’s partitions and containers.',
        'Existing DN: fix the join rules or the DN calculation in the sync rule.',
      ],
      da: [
        'Klik på koden, og tryk på Stack Trace... for at se, hvilket tilfælde det er.',
        'Manglende overordnet container: importér den overordnede OU først, eller tag den med i MA’ens partitioner og containere.',
        'Eksisterende DN: ret join-reglerne eller DN-beregningen i sync rule.',
      ],
    },
  },

  // FIM Service MA export
  {
    code: 'failed-creation-via-web-services',
    group: 'fim-service-ma',
    step: 'fim-ma-failed-creation',
    meaning: {
      en: 'The FIM/MIM Service rejected a create request sent by the FIM Service MA export.',
      da: 'FIM/MIM Service afviste en oprettelse, som FIM Service MA-eksporten sendte.',
    },
    causes: {
      en: [
        'A uniqueness clash (for example objectSid ValueViolatesUniqueness) with an object that already exists.',
        'Two metaverse objects for one person after they left and re-entered scope with deprovisioning set to make disconnectors.',
      ],
      da: [
        'En konflikt om unikhed (f.eks. objectSid ValueViolatesUniqueness) med et objekt, der allerede findes.',
        'To metaverse-objekter for én person, efter at personen forlod og vendte tilbage til scope, med deprovisionering sat til make disconnectors.',
      ],
    },
    actions: {
      en: [
        'Open the object and read the error detail.',
        'Find the existing object with the same unique value and remove the duplicate.',
        'Fix the join and deprovisioning rules, then run Full Import (stage only), Full Sync and Export.',
      ],
      da: [
        'Åbn objektet, og læs fejldetaljen.',
        'Find det eksisterende objekt med samme unikke værdi, og fjern dubletten.',
        'Ret join- og deprovisioneringsreglerne, og kør så Full Import (stage only), Full Sync og Export.',
      ],
    },
  },
  {
    code: 'failed-modification-via-web-services',
    group: 'fim-service-ma',
    step: 'fim-ma-failed-creation',
    meaning: {
      en: 'The FIM/MIM Service rejected an update sent by the FIM Service MA export.',
      da: 'FIM/MIM Service afviste en opdatering, som FIM Service MA-eksporten sendte.',
    },
    causes: {
      en: [
        'Often the sibling of failed-creation-via-web-services: a duplicate metaverse object holds the same unique value.',
        'The value breaks a uniqueness or validation rule in the MIM Service.',
      ],
      da: [
        'Ofte følgefejlen til failed-creation-via-web-services: et dobbelt metaverse-objekt har samme unikke værdi.',
        'Værdien bryder en regel for unikhed eller validering i MIM Service.',
      ],
    },
    actions: {
      en: [
        'Open the object and read the error detail.',
        'Look for a second metaverse object for the same person and clean up the duplicate.',
        'Then run Full Import (stage only), Full Sync and Export on the FIM Service MA.',
      ],
      da: [
        'Åbn objektet, og læs fejldetaljen.',
        'Se efter et andet metaverse-objekt for samme person, og ryd op i dubletten.',
        'Kør derefter Full Import (stage only), Full Sync og Export på FIM Service MA.',
      ],
    },
  },
];
