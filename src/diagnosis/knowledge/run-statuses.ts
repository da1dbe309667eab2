import type { RunStatus } from '../types';

/**
 * Run-level statuses: the result of a run profile step as Synchronization Service Manager, the
 * RunStatus of run history and the WMI Execute method report it. The maerrorcodes page does not list
 * these; they come from the FIM SDK. Rows marked unverified are inferred from the code's name.
 */
export const RUN_STATUSES: readonly RunStatus[] = [
  {
    code: 'success',
    kind: 'success',
    step: 'run-error-codes',
    meaning: {
      en: 'The run profile step finished without errors.',
      da: 'Trinnet i run profile blev afsluttet uden fejl.',
    },
    causes: {
      en: ['Nothing failed in this step.'],
      da: ['Intet fejlede i dette trin.'],
    },
    actions: {
      en: [
        'Nothing to fix here; if data still looks wrong, check the flow rules and the other steps of the profile.',
      ],
      da: [
        'Her er intet at rette; ser data stadig forkerte ud, så tjek flow-reglerne og profilens øvrige trin.',
      ],
    },
  },
  {
    code: 'completed-no-objects',
    kind: 'completed',
    step: 'run-error-codes',
    meaning: {
      en: 'A full import ran but found nothing to import.',
      da: 'En fuld import blev kørt, men fandt intet at importere.',
    },
    causes: {
      en: [
        'No partition or container is selected, or the wrong one is.',
        'The import file is empty or the file path points elsewhere.',
        'A filter hides every object, or the MA account cannot read them.',
      ],
      da: [
        'Der er ikke valgt nogen partition eller container, eller den forkerte er valgt.',
        'Importfilen er tom, eller filstien peger et andet sted hen.',
        'Et filter skjuler alle objekter, eller MA-kontoen kan ikke læse dem.',
      ],
    },
    actions: {
      en: [
        'Check the selected partitions and containers (or the file path) in the MA properties.',
        'Check that the MA account has read rights on the objects, then rerun the full import.',
      ],
      da: [
        'Tjek de valgte partitioner og containere (eller filstien) i MA’ens egenskaber.',
        'Tjek, at MA-kontoen har læserettigheder til objekterne, og kør så den fulde import igen.',
      ],
    },
  },
  {
    code: 'completed-warnings',
    kind: 'completed',
    step: 'run-error-codes',
    meaning: {
      en: 'The step finished, but with warnings.',
      da: 'Trinnet blev afsluttet, men med advarsler.',
    },
    causes: {
      en: ['Some objects or the connector reported a problem that was not serious enough to stop the run.'],
      da: [
        'Nogle objekter eller connectoren meldte et problem, der ikke var alvorligt nok til at stoppe kørslen.',
      ],
    },
    actions: {
      en: ['Open the run details in Operations and read each warning and the objects it names.'],
      da: ['Åbn kørslens detaljer i Operations, og læs hver advarsel og de objekter, den nævner.'],
    },
  },
  {
    code: 'completed-discovery-errors',
    kind: 'completed',
    step: 'run-error-codes',
    meaning: {
      en: 'A full import hit discovery errors, so MIM skipped obsoletion, retries and placeholder clean-up, and the next step of the profile did not run.',
      da: 'En fuld import ramte discovery-fejl, så MIM sprang obsoletion, genforsøg og oprydning af placeholders over, og profilens næste trin blev ikke kørt.',
    },
    causes: {
      en: [
        'Source data MIM cannot stage: missing or duplicate anchors, bad DNs or values that do not fit their type.',
        'The MA schema is older than the connected system’s schema.',
      ],
      da: [
        'Kildedata, som MIM ikke kan stage: manglende eller dobbelte ankre, ugyldige DN’er eller værdier, der ikke passer til typen.',
        'MA’ens skema er ældre end skemaet i det forbundne system.',
      ],
    },
    actions: {
      en: [
        'Open each discovery error in the run details and look up its object error code.',
        'Fix the source data or refresh the MA schema, then run the full import again.',
      ],
      da: [
        'Åbn hver discovery-fejl i kørslens detaljer, og slå objektets fejlkode op.',
        'Ret kildedata eller opdatér MA’ens skema, og kør så den fulde import igen.',
      ],
    },
  },
  {
    code: 'completed-sync-errors',
    kind: 'completed',
    step: 'run-error-codes',
    meaning: {
      en: 'Synchronization finished with errors or warnings on some objects; obsoletion was done and the next step still runs.',
      da: 'Synkroniseringen blev afsluttet med fejl eller advarsler på nogle objekter; obsoletion blev udført, og næste trin køres stadig.',
    },
    causes: {
      en: [
        'A rules extension threw an exception for single objects.',
        'Flow, join or provisioning rules produced a value or object the metaverse will not accept.',
      ],
      da: [
        'En rules extension kastede en undtagelse for enkelte objekter.',
        'Flow-, join- eller provisioneringsregler gav en værdi eller et objekt, som metaverse ikke accepterer.',
      ],
    },
    actions: {
      en: [
        'Open each object listed under the synchronization errors and note its error code.',
        'Look the code up; for extension-dll-exception use Stack Trace... to find the failing code.',
      ],
      da: [
        'Åbn hvert objekt under synkroniseringsfejlene, og notér fejlkoden.',
        'Slå koden op; ved extension-dll-exception så brug Stack Trace... til at finde den kode, der fejler.',
      ],
    },
  },
  {
    code: 'completed-export-errors',
    kind: 'completed',
    step: 'run-error-codes',
    meaning: {
      en: 'The export finished, but some objects were rejected; the next step of the profile still runs.',
      da: 'Eksporten blev afsluttet, men nogle objekter blev afvist; profilens næste trin køres stadig.',
    },
    causes: {
      en: [
        'The target refused a value (constraint, schema or permission problem).',
        'The object was gone from, or already present in, the target.',
      ],
      da: [
        'Målsystemet afviste en værdi (constraint-, skema- eller rettighedsproblem).',
        'Objektet var forsvundet fra, eller fandtes allerede i, målsystemet.',
      ],
    },
    actions: {
      en: [
        'Open the export errors and look up each object code (e.g. cd-missing-object, permission-issue).',
        'Fix the cause, export again and run a confirming import afterwards.',
      ],
      da: [
        'Åbn eksportfejlene, og slå hver objektkode op (f.eks. cd-missing-object, permission-issue).',
        'Ret årsagen, eksportér igen, og kør bagefter en bekræftende import.',
      ],
    },
  },
  {
    code: 'completed-transient-objects',
    kind: 'completed',
    step: 'run-error-codes',
    meaning: {
      en: 'The step left some connector space objects in a transient (half-finished) state.',
      da: 'Trinnet efterlod nogle connector space-objekter i en midlertidig (halvfærdig) tilstand.',
    },
    causes: {
      en: ['A rename or move was only partly seen, for example a delta import that missed the rename.'],
      da: [
        'En omdøbning eller flytning blev kun delvist set, f.eks. en delta-import, der ikke fik omdøbningen med.',
      ],
    },
    actions: {
      en: ['Run a full import on that MA, or a delta import that brings in the rename, then synchronize.'],
      da: ['Kør en fuld import på den MA, eller en delta-import, der henter omdøbningen, og synkronisér så.'],
    },
    unverified: true,
  },
  {
    code: 'completed-skipped-already-completed',
    kind: 'completed',
    step: 'run-error-codes',
    meaning: {
      en: 'The step was skipped; the sources we have do not say when MIM reports this.',
      da: 'Trinnet blev sprunget over; de kilder, vi har, siger ikke, hvornår MIM melder dette.',
    },
    causes: {
      en: ['Not documented; the name suggests the work had already been done.'],
      da: ['Ikke dokumenteret; navnet tyder på, at arbejdet allerede var gjort.'],
    },
    actions: {
      en: ['Compare with the previous runs in run history; rerun the step if changes are still missing.'],
      da: [
        'Sammenlign med de forrige kørsler i run history; kør trinnet igen, hvis der stadig mangler ændringer.',
      ],
    },
    unverified: true,
  },
  {
    code: 'completing-obsoletion',
    kind: 'in-progress',
    step: 'run-error-codes',
    meaning: {
      en: 'The run is still working, now in its obsoletion phase; the UI may show progress as x/y.',
      da: 'Kørslen arbejder stadig og er nu i obsoletion-fasen; brugerfladen kan vise fremdrift som x/y.',
    },
    causes: {
      en: ['Normal phase at the end of a full import.'],
      da: ['En normal fase i slutningen af en fuld import.'],
    },
    actions: {
      en: ['Wait for the run to finish; only investigate if the progress stops moving for a long time.'],
      da: ['Vent på, at kørslen bliver færdig; undersøg det kun, hvis fremdriften står stille længe.'],
    },
  },
  {
    code: 'completing-referential-updates',
    kind: 'in-progress',
    step: 'run-error-codes',
    meaning: {
      en: 'The run is still working, now updating references; the UI may show progress as x/y.',
      da: 'Kørslen arbejder stadig og opdaterer nu referencer; brugerfladen kan vise fremdrift som x/y.',
    },
    causes: {
      en: ['Normal phase of a step that touches reference attributes such as group members or managers.'],
      da: ['En normal fase i et trin, der berører referenceattributter som gruppemedlemmer eller ledere.'],
    },
    actions: {
      en: ['Wait for the run to finish; large groups can make this phase slow.'],
      da: ['Vent på, at kørslen bliver færdig; store grupper kan gøre denne fase langsom.'],
    },
  },
  {
    code: 'completing-recomputation',
    kind: 'in-progress',
    step: 'run-error-codes',
    meaning: {
      en: 'The run is still working, now in its recomputation phase; the UI may show progress as x/y.',
      da: 'Kørslen arbejder stadig og er nu i genberegningsfasen; brugerfladen kan vise fremdrift som x/y.',
    },
    causes: {
      en: ['Normal phase near the end of a step.'],
      da: ['En normal fase nær slutningen af et trin.'],
    },
    actions: {
      en: ['Wait for the run to finish; only investigate if the progress stops moving for a long time.'],
      da: ['Vent på, at kørslen bliver færdig; undersøg det kun, hvis fremdriften står stille længe.'],
    },
  },
  {
    code: 'stopped-server',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The sync engine failed on the server side and stopped the run; run history does not show the real cause.',
      da: 'Sync-motoren fejlede på serversiden og stoppede kørslen; run history viser ikke den egentlige årsag.',
    },
    causes: {
      en: [
        'SQL problems: timeouts, a recent SQL restart or no disk space for the database files.',
        'FIM Service MA: the FIM Service is stopped, slow or unreachable, or the MA account lacks SQL rights on the FIMService database.',
        'Network problems between the Sync server and the connected system or SQL.',
      ],
      da: [
        'SQL-problemer: timeouts, en nylig genstart af SQL eller ingen diskplads til databasefilerne.',
        'FIM Service MA: FIM Service er stoppet, langsom eller kan ikke nås, eller MA-kontoen mangler SQL-rettigheder på FIMService-databasen.',
        'Netværksproblemer mellem Sync-serveren og det forbundne system eller SQL.',
      ],
    },
    actions: {
      en: [
        'Read the Application event log on the Sync server at the time of the run (for example event 6301 with its BAIL lines).',
        'Note which MA and which run profile fail; split combined profiles and rerun the steps one by one.',
        'If FIM Service MA export objects show failed-creation-via-web-services, follow that step instead.',
      ],
      da: [
        'Læs Application-hændelsesloggen på Sync-serveren på tidspunktet for kørslen (f.eks. hændelse 6301 med BAIL-linjerne).',
        'Notér, hvilken MA og hvilken run profile der fejler; del samlede profiler op, og kør trinnene ét ad gangen.',
        'Viser objekter i FIM Service MA-eksporten failed-creation-via-web-services, så følg det trin i stedet.',
      ],
    },
  },
  {
    code: 'stopped-server-down',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The connector or extension reported that the connected system is down (ServerDownException).',
      da: 'Connectoren eller extension meldte, at det forbundne system er nede (ServerDownException).',
    },
    causes: {
      en: [
        'The target server or its service is offline.',
        'Network, DNS or a firewall blocks the connector’s port.',
      ],
      da: [
        'Målserveren eller dens tjeneste er offline.',
        'Netværk, DNS eller en firewall blokerer connectorens port.',
      ],
    },
    actions: {
      en: [
        'Check from the Sync server that the target answers on the connector’s host name and port.',
        'Rerun the step once the target is reachable.',
      ],
      da: [
        'Tjek fra Sync-serveren, at målet svarer på connectorens værtsnavn og port.',
        'Kør trinnet igen, når målet kan nås.',
      ],
    },
  },
  {
    code: 'stopped-bad-server-credentials',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The connector reported that the connected system rejected the MA account (BadServerCredentialsException).',
      da: 'Connectoren meldte, at det forbundne system afviste MA-kontoen (BadServerCredentialsException).',
    },
    causes: {
      en: ['The MA account’s password was changed or has expired.', 'The account is locked or disabled.'],
      da: ['MA-kontoens adgangskode er ændret eller udløbet.', 'Kontoen er låst eller deaktiveret.'],
    },
    actions: {
      en: [
        'Re-enter the account and password on the MA’s connection page.',
        'Check in the target that the account is enabled and not locked.',
      ],
      da: [
        'Indtast kontoen og adgangskoden igen på MA’ens forbindelsesside.',
        'Tjek i målsystemet, at kontoen er aktiv og ikke låst.',
      ],
    },
  },
  {
    code: 'stopped-connectivity',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'MIM could not talk to the connected directory; Connection Status in the run details holds the detail.',
      da: 'MIM kunne ikke kommunikere med det forbundne katalog; Connection Status i kørslens detaljer har detaljen.',
    },
    causes: {
      en: [
        'The domain controller or server cannot be reached (network, DNS, firewall).',
        'The MA account is denied access, often the right to replicate directory changes.',
      ],
      da: [
        'Domænecontrolleren eller serveren kan ikke nås (netværk, DNS, firewall).',
        'MA-kontoen nægtes adgang, ofte retten til at replikere katalogændringer.',
      ],
    },
    actions: {
      en: [
        'Click the DC name under Connection Status to read the exact error.',
        'Check that the DC answers from the Sync server and that the AD MA account still has its rights.',
      ],
      da: [
        'Klik på DC-navnet under Connection Status for at læse den præcise fejl.',
        'Tjek, at DC’en svarer fra Sync-serveren, og at AD MA-kontoen stadig har sine rettigheder.',
      ],
    },
    unverified: true,
  },
  {
    code: 'stopped-extension-dll-exception',
    kind: 'stopped',
    step: 'extension-dll-exception',
    meaning: {
      en: 'A rules extension or an ECMA connector threw an unhandled exception, and the run stopped.',
      da: 'En rules extension eller en ECMA-connector kastede en uhåndteret undtagelse, og kørslen stoppede.',
    },
    causes: {
      en: [
        'A bug in the extension or connector code, often in provisioning.',
        'Data the code did not expect, such as an empty value or a missing key (KeyNotFoundException).',
      ],
      da: [
        'En fejl i extension- eller connector-koden, ofte i provisioneringen.',
        'Data, koden ikke forventede, f.eks. en tom værdi eller en manglende nøgle (KeyNotFoundException).',
      ],
    },
    actions: {
      en: [
        'Open the error and press Stack Trace... to see the exception and call stack.',
        'For ECMA connectors, read event 6801 in the Application log; it carries the stack.',
        'Fix the code the stack points to and rerun.',
      ],
      da: [
        'Åbn fejlen, og tryk på Stack Trace... for at se undtagelsen og kaldstakken.',
        'Ved ECMA-connectors: læs hændelse 6801 i Application-loggen; den indeholder stakken.',
        'Ret den kode, stakken peger på, og kør igen.',
      ],
    },
  },
  {
    code: 'stopped-extensible-extension-error',
    kind: 'stopped',
    step: 'extension-dll-exception',
    meaning: {
      en: 'An ECMA connector threw ExtensibleExtensionException, and the run stopped.',
      da: 'En ECMA-connector kastede ExtensibleExtensionException, og kørslen stoppede.',
    },
    causes: {
      en: ['The connector hit a fatal error from the target or from its own configuration.'],
      da: ['Connectoren ramte en fatal fejl fra målsystemet eller fra sin egen konfiguration.'],
    },
    actions: {
      en: [
        'Read the connector’s log and the stack in the Application event log.',
        'Check the connector configuration and the target it talks to, then rerun.',
      ],
      da: [
        'Læs connectorens log og stakken i Application-hændelsesloggen.',
        'Tjek connectorens konfiguration og det mål, den taler med, og kør så igen.',
      ],
    },
  },
  {
    code: 'stopped-entry-point-not-implemented',
    kind: 'stopped',
    step: 'extension-dll-exception',
    meaning: {
      en: 'The rules extension threw EntryPointNotImplementedException for a call the MA configuration makes.',
      da: 'Rules extension kastede EntryPointNotImplementedException for et kald, som MA-konfigurationen laver.',
    },
    causes: {
      en: [
        'The MA uses a rules-extension flow, join or projection that the DLL does not implement.',
        'An older DLL without that code is deployed.',
      ],
      da: [
        'MA’en bruger et rules extension-flow, -join eller -projektion, som DLL-filen ikke implementerer.',
        'Der er lagt en ældre DLL-fil uden den kode ud.',
      ],
    },
    actions: {
      en: [
        'Use Stack Trace... to see which entry point was called.',
        'Implement it in the extension, or remove the rule that calls it, then deploy the DLL and rerun.',
      ],
      da: [
        'Brug Stack Trace... til at se, hvilket indgangspunkt der blev kaldt.',
        'Implementér det i extension, eller fjern den regel, der kalder det, læg så DLL-filen ud, og kør igen.',
      ],
    },
  },
  {
    code: 'stopped-unexpected-data',
    kind: 'stopped',
    step: 'extension-dll-exception',
    meaning: {
      en: 'The rules extension threw UnexpectedDataException because it met data it cannot handle.',
      da: 'Rules extension kastede UnexpectedDataException, fordi den mødte data, den ikke kan håndtere.',
    },
    causes: {
      en: ['A source value has a format the extension code rejects on purpose.'],
      da: ['En kildeværdi har et format, som extension-koden bevidst afviser.'],
    },
    actions: {
      en: [
        'Use Stack Trace... to find the object and value.',
        'Fix the source data, or teach the extension to handle that value.',
      ],
      da: [
        'Brug Stack Trace... til at finde objektet og værdien.',
        'Ret kildedata, eller lær extension at håndtere den værdi.',
      ],
    },
  },
  {
    code: 'stopped-extension-dll-load',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The sync engine could not load the rules extension DLL.',
      da: 'Sync-motoren kunne ikke indlæse rules extension-DLL-filen.',
    },
    causes: {
      en: [
        'After installing 4.5.286.0, a customised miiserver.exe.config (or mmsscrpt.exe.config, dllhost.exe.config) was kept and lacks the binding redirect for Microsoft.MetadirectoryServicesEx.',
        'The DLL is missing from the Extensions folder or was built for the wrong .NET version.',
      ],
      da: [
        'Efter installation af 4.5.286.0 blev en tilpasset miiserver.exe.config (eller mmsscrpt.exe.config, dllhost.exe.config) beholdt, og den mangler binding redirect for Microsoft.MetadirectoryServicesEx.',
        'DLL-filen mangler i Extensions-mappen eller er bygget til en forkert .NET-version.',
      ],
    },
    actions: {
      en: [
        'Compare your .exe.config files with the ones the update ships and add the Microsoft.MetadirectoryServicesEx binding redirect (KB 4469694).',
        'Check that the DLL and its dependencies are in the Extensions folder, then restart the Sync service and rerun.',
      ],
      da: [
        'Sammenlign dine .exe.config-filer med dem, opdateringen leverer, og tilføj binding redirect for Microsoft.MetadirectoryServicesEx (KB 4469694).',
        'Tjek, at DLL-filen og dens afhængigheder ligger i Extensions-mappen, genstart så Sync-tjenesten, og kør igen.',
      ],
    },
  },
  {
    code: 'stopped-extension-dll-file-not-found',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The extension DLL named in the configuration was not found.',
      da: 'Den extension-DLL, som konfigurationen nævner, blev ikke fundet.',
    },
    causes: {
      en: [
        'The DLL was never copied to the Extensions folder, or its file name differs from the configured one.',
      ],
      da: [
        'DLL-filen blev aldrig kopieret til Extensions-mappen, eller filnavnet afviger fra det konfigurerede.',
      ],
    },
    actions: {
      en: [
        'Copy the DLL into the Extensions folder and check the name in the MA or metaverse extension settings.',
      ],
      da: [
        'Kopiér DLL-filen til Extensions-mappen, og tjek navnet i MA’ens eller metaversets extension-indstillinger.',
      ],
    },
    unverified: true,
  },
  {
    code: 'stopped-extension-dll-access',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The extension DLL exists but could not be read.',
      da: 'Extension-DLL-filen findes, men kunne ikke læses.',
    },
    causes: {
      en: ['The Sync service account has no read rights on the file, or another process locks it.'],
      da: ['Sync-tjenestekontoen har ikke læseret til filen, eller en anden proces låser den.'],
    },
    actions: {
      en: ['Check the file permissions for the Sync service account and that nothing holds the file open.'],
      da: ['Tjek filrettighederne for Sync-tjenestekontoen, og at intet holder filen åben.'],
    },
    unverified: true,
  },
  {
    code: 'stopped-extension-dll-ambiguous',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The extension DLL holds more than one class that could be the extension, so MIM cannot pick one.',
      da: 'Extension-DLL-filen indeholder mere end én klasse, der kunne være extension, så MIM kan ikke vælge.',
    },
    causes: {
      en: ['Two classes in the assembly implement the same extension interface.'],
      da: ['To klasser i assemblyen implementerer samme extension-interface.'],
    },
    actions: {
      en: ['Keep one implementing class per interface in the DLL, rebuild and deploy it.'],
      da: ['Behold én implementerende klasse pr. interface i DLL-filen, byg den igen, og læg den ud.'],
    },
    unverified: true,
  },
  {
    code: 'stopped-extension-dll-instantiation',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'MIM found the extension class but could not create an instance of it.',
      da: 'MIM fandt extension-klassen, men kunne ikke oprette en instans af den.',
    },
    causes: {
      en: ['The constructor throws, for example while reading a missing settings file.'],
      da: ['Konstruktøren kaster en undtagelse, f.eks. når den læser en indstillingsfil, der mangler.'],
    },
    actions: {
      en: ['Read the Application event log for the exception and fix the constructor or its inputs.'],
      da: ['Læs undtagelsen i Application-hændelsesloggen, og ret konstruktøren eller det, den læser.'],
    },
    unverified: true,
  },
  {
    code: 'stopped-extension-dll-invalid-assembly',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The extension file is not a .NET assembly the Sync service can load.',
      da: 'Extension-filen er ikke en .NET-assembly, som Sync-tjenesten kan indlæse.',
    },
    causes: {
      en: ['The DLL targets the wrong .NET version or platform, or the file is damaged.'],
      da: ['DLL-filen er bygget til en forkert .NET-version eller platform, eller filen er beskadiget.'],
    },
    actions: {
      en: [
        'Rebuild the extension for the .NET version and platform of the Sync service and deploy it again.',
      ],
      da: ['Byg extension igen til Sync-tjenestens .NET-version og platform, og læg den ud igen.'],
    },
    unverified: true,
  },
  {
    code: 'stopped-extension-dll-missing-dependency',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'An assembly that the extension DLL depends on could not be found.',
      da: 'En assembly, som extension-DLL-filen afhænger af, kunne ikke findes.',
    },
    causes: {
      en: ['A referenced DLL was not copied to the Extensions folder or installed in the GAC.'],
      da: ['En refereret DLL-fil blev ikke kopieret til Extensions-mappen eller installeret i GAC.'],
    },
    actions: {
      en: ['Copy every referenced assembly next to the extension, or install it in the GAC, then rerun.'],
      da: [
        'Kopiér alle refererede assemblies ved siden af extension, eller installér dem i GAC, og kør så igen.',
      ],
    },
    unverified: true,
  },
  {
    code: 'stopped-extension-dll-no-implementation',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The DLL does not implement the extension interface MIM expects.',
      da: 'DLL-filen implementerer ikke det extension-interface, MIM forventer.',
    },
    causes: {
      en: ['The wrong DLL is selected, or the class is not public or lacks the interface.'],
      da: ['Den forkerte DLL-fil er valgt, eller klassen er ikke public eller mangler interfacet.'],
    },
    actions: {
      en: [
        'Check which DLL the MA or metaverse is set to use, and that its class is public and implements the interface.',
      ],
      da: [
        'Tjek, hvilken DLL-fil MA’en eller metaverse er sat til at bruge, og at klassen er public og implementerer interfacet.',
      ],
    },
    unverified: true,
  },
  {
    code: 'stopped-extension-dll-updated-version',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The extension DLL changed on disk, so the run stopped.',
      da: 'Extension-DLL-filen blev ændret på disken, så kørslen stoppede.',
    },
    causes: {
      en: ['A new build of the extension was copied in while runs were active.'],
      da: ['En ny build af extension blev kopieret ind, mens der var aktive kørsler.'],
    },
    actions: {
      en: ['Deploy extension DLLs only when no run is active, then rerun the step.'],
      da: ['Læg kun extension-DLL-filer ud, når ingen kørsel er aktiv, og kør så trinnet igen.'],
    },
    unverified: true,
  },
  {
    code: 'stopped-change-log-out-of-order',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The delta import met change-log entries out of sequence and stopped.',
      da: 'Delta-importen mødte change log-poster i forkert rækkefølge og stoppede.',
    },
    causes: {
      en: ['The change log in the connected system was reset, trimmed or restored.'],
      da: ['Change log i det forbundne system blev nulstillet, beskåret eller gendannet.'],
    },
    actions: {
      en: [
        'Read the Application event log for the detail.',
        'Run a full import on the MA so it starts again from a known point.',
      ],
      da: [
        'Læs detaljen i Application-hændelsesloggen.',
        'Kør en fuld import på MA’en, så den starter forfra fra et kendt punkt.',
      ],
    },
    unverified: true,
  },
  {
    code: 'stopped-disk-full',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The run stopped because a disk on the Sync server ran out of space.',
      da: 'Kørslen stoppede, fordi en disk på Sync-serveren løb tør for plads.',
    },
    causes: {
      en: ['Drop files, logs or the MA data folder filled the disk.'],
      da: ['Drop-filer, logfiler eller MA’ens datamappe fyldte disken.'],
    },
    actions: {
      en: ['Free space on the disk that holds the MA data folder, then rerun.'],
      da: ['Frigør plads på den disk, der rummer MA’ens datamappe, og kør så igen.'],
    },
    unverified: true,
  },
  {
    code: 'embedded-null',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'A file-based import met an embedded null character and stopped.',
      da: 'En filbaseret import mødte et indlejret nul-tegn og stoppede.',
    },
    causes: {
      en: ['The import file is damaged or written in another encoding than the MA expects.'],
      da: ['Importfilen er beskadiget eller skrevet i en anden kodning, end MA’en forventer.'],
    },
    actions: {
      en: ['Check the file’s encoding against the MA settings, and fix the job that writes the file.'],
      da: ['Sammenlign filens kodning med MA’ens indstillinger, og ret det job, der skriver filen.'],
    },
    unverified: true,
  },
  {
    code: 'stopped-database-disk-full',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'SQL Server has no more room for the Sync database.',
      da: 'SQL Server har ikke mere plads til Sync-databasen.',
    },
    causes: {
      en: [
        'SQL Express reached its 10 GB database limit.',
        'The data or log file cannot grow: the disk is full or a maximum size is set.',
      ],
      da: [
        'SQL Express har nået sin grænse på 10 GB pr. database.',
        'Data- eller logfilen kan ikke vokse: disken er fuld, eller der er sat en maksimal størrelse.',
      ],
    },
    actions: {
      en: [
        'Give the database room: more disk, a higher maximum file size, or a full SQL edition.',
        'Clear old run history to win back space; if the service will not start, look for event 6323.',
      ],
      da: [
        'Giv databasen plads: mere disk, en højere maksimal filstørrelse eller en fuld SQL-udgave.',
        'Ryd gammel run history for at få plads igen; starter tjenesten ikke, så se efter hændelse 6323.',
      ],
    },
  },
  {
    code: 'stopped-database-connection-lost',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The sync engine lost its connection to SQL Server during the run.',
      da: 'Sync-motoren mistede forbindelsen til SQL Server under kørslen.',
    },
    causes: {
      en: ['SQL was restarted or failed over, or the network to SQL dropped.'],
      da: ['SQL blev genstartet eller skiftede node, eller netværket til SQL faldt ud.'],
    },
    actions: {
      en: ['Check SQL Server and its logs for a restart at that time, then rerun the step.'],
      da: ['Tjek SQL Server og dens logs for en genstart på det tidspunkt, og kør så trinnet igen.'],
    },
    unverified: true,
  },
  {
    // Named in the routing rules; not in the SDK lists that were read.
    code: 'stopped-database-disconnected',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The run stopped because the Synchronization Service lost its database.',
      da: 'Kørslen stoppede, fordi Synchronization Service mistede sin database.',
    },
    causes: {
      en: ['SQL Server was stopped, restarted or failed over, or the network to it dropped.'],
      da: ['SQL Server blev stoppet, genstartet eller skiftede node, eller netværket til den faldt ud.'],
    },
    actions: {
      en: ['Check that SQL Server is up and reachable from the Sync server, then rerun the step.'],
      da: ['Tjek, at SQL Server kører og kan nås fra Sync-serveren, og kør så trinnet igen.'],
    },
    unverified: true,
  },
  {
    code: 'stopped-deletion-threshold-exceeded',
    kind: 'stopped',
    step: 'out-of-scope',
    meaning: {
      en: 'Entra Connect only: its accidental-delete protection stopped an export to Entra ID.',
      da: 'Kun Entra Connect: beskyttelsen mod utilsigtede sletninger stoppede en eksport til Entra ID.',
    },
    causes: {
      en: [
        'More deletions were pending than Entra Connect allows in one export; MIM Sync itself does not raise this.',
      ],
      da: [
        'Der ventede flere sletninger, end Entra Connect tillader i én eksport; MIM Sync selv melder ikke dette.',
      ],
    },
    actions: {
      en: ['Handle it with Entra Connect’s own tools and documentation; this bot covers MIM Sync.'],
      da: ['Håndtér det med Entra Connects egne værktøjer og dokumentation; denne bot dækker MIM Sync.'],
    },
  },
  {
    code: 'stopped-object-limit',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The step stopped after reaching an object limit set for the run.',
      da: 'Trinnet stoppede efter at have nået en objektgrænse, der er sat for kørslen.',
    },
    causes: {
      en: ['A limit on the number of objects was configured, often for testing.'],
      da: ['Der er sat en grænse for antallet af objekter, ofte til test.'],
    },
    actions: {
      en: ['Usually expected; raise or remove the limit if the whole set should be processed.'],
      da: ['Det er som regel forventet; hæv eller fjern grænsen, hvis alle objekter skal behandles.'],
    },
    unverified: true,
  },
  {
    code: 'stopped-user-termination-from-wmi-or-ui',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'Someone stopped the run, in Synchronization Service Manager or through WMI.',
      da: 'Nogen stoppede kørslen, i Synchronization Service Manager eller via WMI.',
    },
    causes: {
      en: ['An operator pressed Stop, or a scheduler script stopped a run it thought was hanging.'],
      da: ['En operatør trykkede på Stop, eller et planlægningsscript stoppede en kørsel, det troede hang.'],
    },
    actions: {
      en: ['Find out who or what stopped it (scheduler logs), then rerun the profile.'],
      da: ['Find ud af, hvem eller hvad der stoppede den (planlæggerens logs), og kør så profilen igen.'],
    },
    unverified: true,
  },
  {
    code: 'sql-deadlock',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The run hit a SQL deadlock and was stopped.',
      da: 'Kørslen ramte en SQL-deadlock og blev stoppet.',
    },
    causes: {
      en: ['Other runs or SQL jobs worked on the same tables at the same time.'],
      da: ['Andre kørsler eller SQL-jobs arbejdede på de samme tabeller samtidig.'],
    },
    actions: {
      en: [
        'Rerun the step; if it repeats, stop overlapping runs and move SQL maintenance jobs away from run times.',
      ],
      da: [
        'Kør trinnet igen; sker det igen, så undgå overlappende kørsler, og flyt SQL-vedligeholdelsesjobs væk fra kørselstiderne.',
      ],
    },
    unverified: true,
  },
  {
    code: 'no-start-partition-delete',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'A configured LDAP partition was deleted or recreated with a new GUID.',
      da: 'En konfigureret LDAP-partition blev slettet eller genskabt med et nyt GUID.',
    },
    causes: {
      en: ['The naming context was removed or rebuilt in the directory.'],
      da: ['Navngivningskonteksten blev fjernet eller genopbygget i kataloget.'],
    },
    actions: {
      en: ['Refresh partitions in the MA properties, select the right ones and fix the run profiles.'],
      da: ['Opdatér partitioner i MA’ens egenskaber, vælg de rigtige, og ret run profiles.'],
    },
  },
  {
    code: 'no-start-ma-already-running',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'The MA is already running a profile, and an MA runs only one profile at a time.',
      da: 'MA’en kører allerede en profil, og en MA kører kun én profil ad gangen.',
    },
    causes: {
      en: [
        'The scheduler started a profile before the previous one on the same MA was done, or that run hangs.',
      ],
      da: [
        'Planlæggeren startede en profil, før den forrige på samme MA var færdig, eller den kørsel hænger.',
      ],
    },
    actions: {
      en: [
        'Wait for the other run, or stop it in Operations if it hangs.',
        'Make the scheduler wait for each run to finish before it starts the next one.',
      ],
      da: [
        'Vent på den anden kørsel, eller stop den i Operations, hvis den hænger.',
        'Lad planlæggeren vente på, at hver kørsel er færdig, før den starter den næste.',
      ],
    },
  },
  {
    code: 'no-start-unknown-profile-name',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'The MA has no run profile with the name that was asked for.',
      da: 'MA’en har ingen run profile med det navn, der blev bedt om.',
    },
    causes: {
      en: ['A typo in the script or scheduler, or the profile was renamed.'],
      da: ['En tastefejl i scriptet eller planlæggeren, eller profilen er omdøbt.'],
    },
    actions: {
      en: ['Compare the name with the MA’s Configure Run Profiles list and fix the script.'],
      da: ['Sammenlign navnet med listen i MA’ens Configure Run Profiles, og ret scriptet.'],
    },
  },
  {
    code: 'no-start-ma-update-in-progress',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'An MA was being created, changed or deleted, so the run could not start.',
      da: 'En MA var ved at blive oprettet, ændret eller slettet, så kørslen kunne ikke starte.',
    },
    causes: {
      en: ['Someone was saving MA changes in Synchronization Service Manager at that moment.'],
      da: ['Nogen gemte MA-ændringer i Synchronization Service Manager i det øjeblik.'],
    },
    actions: {
      en: ['Wait until the change is saved, then start the run again.'],
      da: ['Vent, til ændringen er gemt, og start så kørslen igen.'],
    },
  },
  {
    code: 'no-start-concurrent-execution-not-support',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'Two MAs of a type that cannot run at the same time were started together.',
      da: 'To MA’er af en type, der ikke kan køre samtidig, blev startet sammen.',
    },
    causes: {
      en: ['The MA type does not allow parallel runs (in the MIIS era, the Lotus Notes 4.6/5.0 MA).'],
      da: ['MA-typen tillader ikke parallelle kørsler (i MIIS-tiden Lotus Notes 4.6/5.0-MA’en).'],
    },
    actions: {
      en: ['Run these MAs one after the other.'],
      da: ['Kør disse MA’er én efter én.'],
    },
  },
  {
    code: 'access-denied',
    kind: 'other',
    step: 'run-error-codes',
    meaning: {
      en: 'The account that asked for the run may not start runs.',
      da: 'Den konto, der bad om kørslen, må ikke starte kørsler.',
    },
    causes: {
      en: [
        'It is not in the Sync admin or operator group (MIISAdmins/MIISOperators, in newer installs FIMSync* or MIMSync*).',
      ],
      da: [
        'Den er ikke med i Sync-gruppen for administratorer eller operatører (MIISAdmins/MIISOperators, i nyere installationer FIMSync* eller MIMSync*).',
      ],
    },
    actions: {
      en: [
        'Add the account to the right group, sign it out and in again (or restart the scheduler service), and retry.',
      ],
      da: [
        'Tilføj kontoen til den rigtige gruppe, log den ud og ind igen (eller genstart planlæggertjenesten), og prøv igen.',
      ],
    },
  },
  {
    code: 'no-start-file-not-found',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'The drop or import file named in the run profile does not exist.',
      da: 'Den drop- eller importfil, run profile nævner, findes ikke.',
    },
    causes: {
      en: ['Wrong file name or path in the run profile step.', 'The job that writes the file did not run.'],
      da: ['Forkert filnavn eller sti i trinnet i run profile.', 'Det job, der skriver filen, kørte ikke.'],
    },
    actions: {
      en: ['Check the file name in the run profile step and that the file is in the MA’s data folder.'],
      da: ['Tjek filnavnet i trinnet i run profile, og at filen ligger i MA’ens datamappe.'],
    },
  },
  {
    code: 'no-start-file-open',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'The drop or import file could not be opened.',
      da: 'Drop- eller importfilen kunne ikke åbnes.',
    },
    causes: {
      en: ['The file is damaged or still being written.'],
      da: ['Filen er beskadiget eller ved at blive skrevet.'],
    },
    actions: {
      en: ['Make sure the job that writes the file has finished, then rerun.'],
      da: ['Sørg for, at det job, der skriver filen, er færdigt, og kør så igen.'],
    },
  },
  {
    code: 'no-start-file-access-denied',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'The Sync service account may not read or write the drop or import file.',
      da: 'Sync-tjenestekontoen må ikke læse eller skrive drop- eller importfilen.',
    },
    causes: {
      en: ['File or folder permissions do not include the Sync service account.'],
      da: ['Fil- eller mapperettighederne omfatter ikke Sync-tjenestekontoen.'],
    },
    actions: {
      en: ['Grant the Sync service account rights on the file and its folder, then rerun.'],
      da: ['Giv Sync-tjenestekontoen rettigheder til filen og dens mappe, og kør så igen.'],
    },
  },
  {
    code: 'no-start-file-sharing-violation',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'Another process has the drop or import file open.',
      da: 'En anden proces har drop- eller importfilen åben.',
    },
    causes: {
      en: ['The writing job, a virus scanner or an editor still holds the file.'],
      da: ['Det skrivende job, en virusscanner eller en editor holder stadig filen.'],
    },
    actions: {
      en: ['Close whatever holds the file, then rerun.'],
      da: ['Luk det, der holder filen, og kør så igen.'],
    },
  },
  {
    code: 'no-start-file-contains-incorrect-step-type',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'The file does not match the type of the run profile step.',
      da: 'Filen passer ikke til typen af trinnet i run profile.',
    },
    causes: {
      en: ['For example a full-import file given to a delta step, or the other way round.'],
      da: ['F.eks. en fil til fuld import givet til et delta-trin eller omvendt.'],
    },
    actions: {
      en: ['Match the file to the step type, or change the step type in the run profile.'],
      da: ['Lad filen passe til trintypen, eller ret trintypen i run profile.'],
    },
    unverified: true,
  },
  {
    code: 'no-start-connection',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'The MA could not connect to the connected system, so the run never started.',
      da: 'MA’en kunne ikke forbinde til det forbundne system, så kørslen startede aldrig.',
    },
    causes: {
      en: ['The target is down or blocked by network, DNS or a firewall.'],
      da: ['Målet er nede eller blokeret af netværk, DNS eller en firewall.'],
    },
    actions: {
      en: ['Check that the target answers from the Sync server, then rerun.'],
      da: ['Tjek, at målet svarer fra Sync-serveren, og kør så igen.'],
    },
    unverified: true,
  },
  {
    code: 'no-start-credentials',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'The connected system rejected the MA account before the run started.',
      da: 'Det forbundne system afviste MA-kontoen, før kørslen startede.',
    },
    causes: {
      en: ['The MA account’s password changed or expired, or the account is locked.'],
      da: ['MA-kontoens adgangskode er ændret eller udløbet, eller kontoen er låst.'],
    },
    actions: {
      en: ['Re-enter the account and password in the MA properties, then rerun.'],
      da: ['Indtast kontoen og adgangskoden igen i MA’ens egenskaber, og kør så igen.'],
    },
    unverified: true,
  },
  {
    code: 'no-start-ma',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'A problem with the MA itself kept the run from starting.',
      da: 'Et problem med selve MA’en forhindrede kørslen i at starte.',
    },
    causes: {
      en: ['The MA configuration is incomplete or damaged, or its connector cannot load.'],
      da: ['MA-konfigurationen er ufuldstændig eller beskadiget, eller dens connector kan ikke indlæses.'],
    },
    actions: {
      en: ['Open the MA properties and save them again, and read the Application event log for the detail.'],
      da: ['Åbn MA’ens egenskaber, og gem dem igen, og læs detaljen i Application-hændelsesloggen.'],
    },
    unverified: true,
  },
  {
    code: 'call-failure',
    kind: 'other',
    step: 'run-error-codes',
    meaning: {
      en: 'WMI reported an unexpected error when it was asked to start the run.',
      da: 'WMI meldte en uventet fejl, da den blev bedt om at starte kørslen.',
    },
    causes: {
      en: ['An internal error in the Sync service; the event log has the detail.'],
      da: ['En intern fejl i Sync-tjenesten; hændelsesloggen har detaljen.'],
    },
    actions: {
      en: ['Read the Application event log on the Sync server at that time.'],
      da: ['Læs Application-hændelsesloggen på Sync-serveren på det tidspunkt.'],
    },
  },
  {
    code: 'connection-failure',
    kind: 'other',
    step: 'run-error-codes',
    meaning: {
      en: 'The WMI caller could not reach the Sync service.',
      da: 'WMI-kalderen kunne ikke nå Sync-tjenesten.',
    },
    causes: {
      en: [
        'The Sync service is stopped.',
        'The calling account lost its WMI rights or its Sync group membership.',
      ],
      da: [
        'Sync-tjenesten er stoppet.',
        'Den kaldende konto har mistet sine WMI-rettigheder eller sit medlemskab af Sync-grupperne.',
      ],
    },
    actions: {
      en: ['Start the Sync service if it is stopped, and check the caller’s group membership.'],
      da: ['Start Sync-tjenesten, hvis den er stoppet, og tjek kalderens gruppemedlemskab.'],
    },
  },
  // Step results the engine writes that the first rows lacked (the run-history element tree lists
  // them). Their meanings are read from the codes' names and the engine's behaviour: unverified.
  {
    code: 'stopped-error-limit',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The step stopped because the number of errors reached the limit the engine allows for one run.',
      da: 'Trinnet stoppede, fordi antallet af fejl nåede den grænse, motoren tillader i én kørsel.',
    },
    causes: {
      en: [
        'Many objects fail the same way, for example after a change to a flow or to the connected system.',
      ],
      da: [
        'Mange objekter fejler på samme måde, f.eks. efter en ændring i et flow eller i det tilsluttede system.',
      ],
    },
    actions: {
      en: ['Open a few of the errors in the run history, fix the common cause, then rerun the step.'],
      da: ['Åbn nogle af fejlene i run history, ret den fælles årsag, og kør trinnet igen.'],
    },
    unverified: true,
  },
  {
    code: 'stopped-export-write',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The export could not write to the connected system or to its export file.',
      da: 'Eksporten kunne ikke skrive til det tilsluttede system eller til sin eksportfil.',
    },
    causes: {
      en: [
        'The target refused writes, is full or read-only, or a file-based MA cannot write its export file.',
      ],
      da: [
        'Målet afviste skrivning, er fuldt eller skrivebeskyttet, eller en filbaseret MA kan ikke skrive sin eksportfil.',
      ],
    },
    actions: {
      en: ["Check the MA account's write rights and the target or file location, then rerun the export."],
      da: ['Tjek MA-kontoens skriverettigheder og målet eller filplaceringen, og kør eksporten igen.'],
    },
    unverified: true,
  },
  {
    code: 'stopped-import-read',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The import could not read from the connected system or from its import file.',
      da: 'Importen kunne ikke læse fra det tilsluttede system eller fra sin importfil.',
    },
    causes: {
      en: ['The source or the file is unavailable, locked, truncated, or the account lacks read rights.'],
      da: ['Kilden eller filen er utilgængelig, låst, afkortet, eller kontoen mangler læserettigheder.'],
    },
    actions: {
      en: ['Check that the source or file is there and readable by the MA account, then rerun the import.'],
      da: ['Tjek, at kilden eller filen findes og kan læses af MA-kontoen, og kør importen igen.'],
    },
    unverified: true,
  },
  {
    code: 'stopped-ma',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The management agent itself stopped the step.',
      da: 'Selve management agenten stoppede trinnet.',
    },
    causes: {
      en: ['The connector hit a condition it cannot continue from; the event log usually says which.'],
      da: [
        'Connectoren ramte en tilstand, den ikke kan fortsætte fra; hændelsesloggen siger som regel hvilken.',
      ],
    },
    actions: {
      en: [
        "Read the Application log entries of the run's time and the step's details, fix the cause and rerun.",
      ],
      da: [
        'Læs Application-loggens hændelser fra kørslens tidspunkt og trinnets detaljer, ret årsagen, og kør igen.',
      ],
    },
    unverified: true,
  },
  {
    code: 'stopped-out-of-memory',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The Sync engine ran out of memory during the step.',
      da: 'Sync-motoren løb tør for hukommelse under trinnet.',
    },
    causes: {
      en: [
        'Very large objects or groups, a rules extension that keeps memory, or too little memory on the server.',
      ],
      da: [
        'Meget store objekter eller grupper, en rules extension der holder på hukommelse, eller for lidt hukommelse på serveren.',
      ],
    },
    actions: {
      en: [
        "Check the server's free memory and the rules extensions, add memory if needed, then rerun the step.",
      ],
      da: [
        'Tjek serverens ledige hukommelse og rules extensions, tilføj hukommelse efter behov, og kør trinnet igen.',
      ],
    },
    unverified: true,
  },
  {
    code: 'stopped-parsing-errors',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The import stopped because the input could not be parsed.',
      da: 'Importen stoppede, fordi input ikke kunne fortolkes.',
    },
    causes: {
      en: ['A file-based MA got a file in another format, code page or delimiter than configured.'],
      da: [
        'En filbaseret MA fik en fil i et andet format, en anden tegntabel eller et andet skilletegn end konfigureret.',
      ],
    },
    actions: {
      en: ["Compare the file with the MA's format settings, fix the file or the settings, then rerun."],
      da: ["Sammenlign filen med MA'ens formatindstillinger, ret filen eller indstillingerne, og kør igen."],
    },
    unverified: true,
  },
  {
    code: 'stopped-service-shutdown',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The step stopped because the Synchronization Service was shutting down.',
      da: 'Trinnet stoppede, fordi Synchronization Service var ved at lukke ned.',
    },
    causes: {
      en: ['The service or the server was restarted, for example for patching, while the run was going.'],
      da: ['Tjenesten eller serveren blev genstartet, f.eks. ved patching, mens kørslen var i gang.'],
    },
    actions: {
      en: ['Rerun the profile once the service is up; schedule restarts outside run times.'],
      da: ['Kør profilen igen, når tjenesten kører; planlæg genstarter uden for kørselstiderne.'],
    },
    unverified: true,
  },
  {
    code: 'stopped-user-termination-from-extension',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'A rules extension ended the run on purpose.',
      da: 'En rules extension afsluttede kørslen med vilje.',
    },
    causes: {
      en: ['The extension threw the exception the engine reads as a request to stop the run.'],
      da: ['Extensionen kastede den exception, som motoren læser som en anmodning om at stoppe kørslen.'],
    },
    actions: {
      en: ["Look in the extension's code and log for why it stopped the run, then rerun."],
      da: ['Se i extensionens kode og log, hvorfor den stoppede kørslen, og kør igen.'],
    },
    unverified: true,
  },
  {
    code: 'stopped-deadlocked',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'The step stopped on a deadlock in the Sync database.',
      da: 'Trinnet stoppede på en deadlock i Sync-databasen.',
    },
    causes: {
      en: ['Runs of several MAs, or SQL jobs, worked on the same tables at the same time.'],
      da: ["Kørsler på flere MA'er, eller SQL-jobs, arbejdede på de samme tabeller samtidig."],
    },
    actions: {
      en: ['Rerun the step; if it repeats, stop overlapping runs and move SQL jobs away from run times.'],
      da: [
        'Kør trinnet igen; sker det igen, så undgå overlappende kørsler, og flyt SQL-jobs væk fra kørselstiderne.',
      ],
    },
    unverified: true,
  },
  {
    code: 'stopped-bad-ma-configuration',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: "The step stopped because the management agent's configuration is not valid.",
      da: 'Trinnet stoppede, fordi management agentens konfiguration ikke er gyldig.',
    },
    causes: {
      en: [
        'A setting refers to something that is gone or changed: a partition, an attribute, a file or an extension.',
      ],
      da: [
        'En indstilling peger på noget, der er væk eller ændret: en partition, en attribut, en fil eller en extension.',
      ],
    },
    actions: {
      en: ["Open the MA's properties, go through every page, fix what it flags, save, then rerun."],
      da: ["Åbn MA'ens egenskaber, gå alle sider igennem, ret det, der markeres, gem, og kør igen."],
    },
    unverified: true,
  },
  {
    code: 'stopped-code-page-conversion',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: "Text could not be converted between the source's code page and the engine's.",
      da: 'Tekst kunne ikke konverteres mellem kildens tegntabel og motorens.',
    },
    causes: {
      en: ['The file or source holds characters the configured code page does not have.'],
      da: ['Filen eller kilden indeholder tegn, som den konfigurerede tegntabel ikke har.'],
    },
    actions: {
      en: ["Set the MA's code page to the one the source really uses (often UTF-8), then rerun."],
      da: ["Sæt MA'ens tegntabel til den, kilden faktisk bruger (ofte UTF-8), og kør igen."],
    },
    unverified: true,
  },
  {
    code: 'stopped-file-error',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'A file the step needs could not be opened, read or written.',
      da: 'En fil, trinnet skal bruge, kunne ikke åbnes, læses eller skrives.',
    },
    causes: {
      en: [
        'The file is missing, locked by another process, or the service account lacks rights to its folder.',
      ],
      da: [
        'Filen mangler, er låst af en anden proces, eller tjenestekontoen mangler rettigheder til mappen.',
      ],
    },
    actions: {
      en: ['Check the file path in the run profile and the rights of the Sync service account, then rerun.'],
      da: ['Tjek filstien i run profilen og Sync-tjenestekontoens rettigheder, og kør igen.'],
    },
    unverified: true,
  },
  {
    code: 'stopped-extension-dll-not-configured-for-ma',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: "The MA's configuration calls a rules extension, but none is set for the MA.",
      da: "MA'ens konfiguration kalder en rules extension, men der er ingen sat for MA'en.",
    },
    causes: {
      en: [
        "A flow or join rule of type Advanced uses an extension while the MA's Configure Extensions page names no DLL.",
      ],
      da: [
        "Et flow eller en join-regel af typen Advanced bruger en extension, mens MA'ens side Configure Extensions ikke angiver en DLL.",
      ],
    },
    actions: {
      en: [
        "Name the rules extension DLL on the MA's Configure Extensions page, or remove the Advanced rules, then rerun.",
      ],
      da: [
        "Angiv rules extension-DLL'en på MA'ens side Configure Extensions, eller fjern Advanced-reglerne, og kør igen.",
      ],
    },
    unverified: true,
  },
  {
    code: 'stopped-extension-dll-not-configured-for-mv',
    kind: 'stopped',
    step: 'run-error-codes',
    meaning: {
      en: 'Provisioning or metaverse rules need a metaverse extension, but none is configured.',
      da: 'Provisionering eller metaverse-regler kræver en metaverse extension, men der er ingen konfigureret.',
    },
    causes: {
      en: [
        'Provisioning was enabled, or an MV deletion rule set to use an extension, without a metaverse rules extension.',
      ],
      da: [
        'Provisionering blev slået til, eller en MV-sletteregel sat til at bruge en extension, uden en metaverse rules extension.',
      ],
    },
    actions: {
      en: ['Set the metaverse rules extension under Tools > Options, or change the rule, then rerun.'],
      da: ['Angiv metaverse rules extension under Tools > Options, eller ændr reglen, og kør igen.'],
    },
    unverified: true,
  },
  {
    code: 'no-start-bad-ma-configuration',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: "The run did not start because the management agent's configuration is not valid.",
      da: 'Kørslen startede ikke, fordi management agentens konfiguration ikke er gyldig.',
    },
    causes: {
      en: [
        'A setting refers to something that is gone or changed, often after an import of the MA or a connector upgrade.',
      ],
      da: [
        "En indstilling peger på noget, der er væk eller ændret, ofte efter import af MA'en eller en opgradering af connectoren.",
      ],
    },
    actions: {
      en: [
        "Open the MA's properties, go through every page, fix what it flags, save, then start the run again.",
      ],
      da: [
        "Åbn MA'ens egenskaber, gå alle sider igennem, ret det, der markeres, gem, og start kørslen igen.",
      ],
    },
    unverified: true,
  },
  {
    code: 'no-start-change-log-not-enabled',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: "A delta import needs the source's change log, and it is not enabled.",
      da: 'En delta import kræver kildens change log, og den er ikke slået til.',
    },
    causes: {
      en: ['The LDAP directory or database does not keep the change log the delta import reads.'],
      da: ['LDAP-kataloget eller databasen fører ikke den change log, som delta importen læser.'],
    },
    actions: {
      en: ['Enable the change log in the source (or use full imports), then run the delta import again.'],
      da: ['Slå change log til i kilden (eller brug fulde importer), og kør delta importen igen.'],
    },
    unverified: true,
  },
  {
    code: 'no-start-database-permission',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'The run did not start because the engine lacks rights in a database it needs.',
      da: 'Kørslen startede ikke, fordi motoren mangler rettigheder i en database, den skal bruge.',
    },
    causes: {
      en: [
        "The Sync service account or the MA's SQL account lost rights on the Sync database or the source database.",
      ],
      da: [
        "Sync-tjenestekontoen eller MA'ens SQL-konto har mistet rettigheder til Sync-databasen eller kildedatabasen.",
      ],
    },
    actions: {
      en: ["Restore the account's database rights, then start the run again."],
      da: ['Genskab kontoens rettigheder i databasen, og start kørslen igen.'],
    },
    unverified: true,
  },
  {
    code: 'no-start-database-schema-mismatch',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'The run did not start because the database schema is not what the MA expects.',
      da: "Kørslen startede ikke, fordi databaseskemaet ikke er det, MA'en forventer.",
    },
    causes: {
      en: [
        'Columns or tables of the source changed since the MA was configured, or the Sync database is of another version.',
      ],
      da: [
        "Kolonner eller tabeller i kilden er ændret, siden MA'en blev konfigureret, eller Sync-databasen er af en anden version.",
      ],
    },
    actions: {
      en: ['Refresh the schema in the MA (or match the database version), save, then start the run again.'],
      da: ["Opdatér skemaet i MA'en (eller tilpas databaseversionen), gem, og start kørslen igen."],
    },
    unverified: true,
  },
  {
    code: 'no-start-database-table',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'The run did not start because a database table or view the MA uses is missing.',
      da: "Kørslen startede ikke, fordi en tabel eller et view, som MA'en bruger, mangler.",
    },
    causes: {
      en: ['The table or view was renamed, dropped or moved to another schema.'],
      da: ['Tabellen eller viewet er omdøbt, slettet eller flyttet til et andet skema.'],
    },
    actions: {
      en: ['Point the MA at the right table or view, then start the run again.'],
      da: ["Peg MA'en på den rigtige tabel eller det rigtige view, og start kørslen igen."],
    },
    unverified: true,
  },
  {
    code: 'no-start-delta-step-type-not-configured',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'A delta step was asked for, but the MA is not set up for delta.',
      da: "Et delta-trin blev bedt om, men MA'en er ikke sat op til delta.",
    },
    causes: {
      en: ["The connector's delta settings (change log, watermark, delta table) are empty."],
      da: ['Connectorens delta-indstillinger (change log, watermark, delta-tabel) er tomme.'],
    },
    actions: {
      en: ['Configure delta on the MA, or run a full import instead.'],
      da: ["Konfigurér delta på MA'en, eller kør en fuld import i stedet."],
    },
    unverified: true,
  },
  {
    code: 'no-start-file-code-page',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'The run did not start because the code page set for the file is not available.',
      da: 'Kørslen startede ikke, fordi tegntabellen for filen ikke er tilgængelig.',
    },
    causes: {
      en: ['The MA names a code page the server does not have.'],
      da: ["MA'en angiver en tegntabel, som serveren ikke har."],
    },
    actions: {
      en: ['Choose a code page the server has (often UTF-8) on the MA, then start the run again.'],
      da: ["Vælg en tegntabel, som serveren har (ofte UTF-8), på MA'en, og start kørslen igen."],
    },
    unverified: true,
  },
  {
    code: 'no-start-full-import-required',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'A full import is needed before a delta step can run.',
      da: 'En fuld import er nødvendig, før et delta-trin kan køre.',
    },
    causes: {
      en: [
        "The MA's configuration changed in a way that makes the connector space stale, or the delta watermark was lost.",
      ],
      da: ["MA'ens konfiguration er ændret, så connector space er forældet, eller delta-watermark er tabt."],
    },
    actions: {
      en: ['Run a full import on the MA, then the delta runs again.'],
      da: ["Kør en fuld import på MA'en, og derefter delta-kørslerne igen."],
    },
    unverified: true,
  },
  {
    code: 'no-start-header-row-mismatch',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: "The header row of the file does not match the MA's attribute list.",
      da: "Filens overskriftsrække passer ikke med MA'ens attributliste.",
    },
    causes: {
      en: ["The file's columns were renamed, added or reordered."],
      da: ['Filens kolonner er omdøbt, tilføjet eller flyttet.'],
    },
    actions: {
      en: [
        "Fix the file's header, or update the MA's attributes to the new columns, then start the run again.",
      ],
      da: [
        "Ret filens overskrift, eller opdatér MA'ens attributter til de nye kolonner, og start kørslen igen.",
      ],
    },
    unverified: true,
  },
  {
    code: 'no-start-ma-working-directory',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: "The MA's working folder on the Sync server is missing or not usable.",
      da: "MA'ens arbejdsmappe på Sync-serveren mangler eller kan ikke bruges.",
    },
    causes: {
      en: ['The folder under MaData was deleted or its rights were changed.'],
      da: ['Mappen under MaData er slettet, eller dens rettigheder er ændret.'],
    },
    actions: {
      en: [
        "Restore the MA's folder under MaData with rights for the Sync service account, then start the run again.",
      ],
      da: [
        "Genskab MA'ens mappe under MaData med rettigheder til Sync-tjenestekontoen, og start kørslen igen.",
      ],
    },
    unverified: true,
  },
  {
    code: 'no-start-no-domain-controller',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'No domain controller could be found for the run.',
      da: 'Der kunne ikke findes en domænecontroller til kørslen.',
    },
    causes: {
      en: ['DNS or the network fails, or the preferred domain controllers set on the MA are down.'],
      da: ["DNS eller netværket fejler, eller de foretrukne domænecontrollere på MA'en er nede."],
    },
    actions: {
      en: [
        "Check DNS and the preferred domain controllers on the MA's partition settings, then start the run again.",
      ],
      da: [
        "Tjek DNS og de foretrukne domænecontrollere i MA'ens partitionsindstillinger, og start kørslen igen.",
      ],
    },
    unverified: true,
  },
  {
    code: 'no-start-no-partition-delete',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'A partition that the run needs was removed from the connected directory.',
      da: 'En partition, kørslen skal bruge, er fjernet fra det tilsluttede katalog.',
    },
    causes: {
      en: ['A domain or naming context was removed while the MA still selects it.'],
      da: ["Et domæne eller en naming context blev fjernet, mens MA'en stadig har den valgt."],
    },
    actions: {
      en: [
        'Refresh partitions on the MA, clear the ones that are gone from the run profile, then start the run again.',
      ],
      da: ["Opdatér partitioner på MA'en, fjern dem, der er væk, fra run profilen, og start kørslen igen."],
    },
    unverified: true,
  },
  {
    code: 'no-start-partition-not-configured',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'The run profile uses a partition the MA has not selected.',
      da: "Run profilen bruger en partition, MA'en ikke har valgt.",
    },
    causes: {
      en: [
        "The partition was cleared on the MA's partition page, or the run profile was copied from another MA.",
      ],
      da: [
        "Partitionen blev fravalgt på MA'ens partitionsside, eller run profilen blev kopieret fra en anden MA.",
      ],
    },
    actions: {
      en: [
        'Select the partition on the MA or choose another one in the run profile step, then start the run again.',
      ],
      da: ["Vælg partitionen på MA'en, eller vælg en anden i run profilens trin, og start kørslen igen."],
    },
    unverified: true,
  },
  {
    code: 'no-start-partition-rename',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'A partition the run needs was renamed in the connected directory.',
      da: 'En partition, kørslen skal bruge, er omdøbt i det tilsluttede katalog.',
    },
    causes: {
      en: ['A domain or naming context was renamed after the MA was configured.'],
      da: ["Et domæne eller en naming context blev omdøbt, efter MA'en blev konfigureret."],
    },
    actions: {
      en: ["Refresh partitions on the MA and fix the run profile's partition, then start the run again."],
      da: ["Opdatér partitioner på MA'en, ret run profilens partition, og start kørslen igen."],
    },
    unverified: true,
  },
  {
    code: 'no-start-server',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: {
      en: 'The run did not start because of a problem in the Synchronization Service itself.',
      da: 'Kørslen startede ikke på grund af et problem i selve Synchronization Service.',
    },
    causes: {
      en: [
        'The service is stopping, the Sync database is not reachable, or the server is short of resources.',
      ],
      da: ['Tjenesten er ved at stoppe, Sync-databasen kan ikke nås, eller serveren mangler ressourcer.'],
    },
    actions: {
      en: [
        'Check the Application log for FIMSynchronizationService errors of that time, fix them, then start the run again.',
      ],
      da: [
        'Tjek Application-loggen for FIMSynchronizationService-fejl fra det tidspunkt, ret dem, og start kørslen igen.',
      ],
    },
    unverified: true,
  },
  {
    code: 'no-start-no-steps-in-profile',
    kind: 'no-start',
    step: 'run-error-codes',
    meaning: { en: 'The run profile has no steps.', da: 'Run profilen har ingen trin.' },
    causes: {
      en: ['The profile was created or edited and its steps were removed.'],
      da: ['Profilen blev oprettet eller redigeret, og dens trin blev fjernet.'],
    },
    actions: {
      en: ['Add the steps to the run profile (Configure Run Profiles), then start it again.'],
      da: ['Tilføj trinnene til run profilen (Configure Run Profiles), og start den igen.'],
    },
    unverified: true,
  },
];
