import type { Step, StepId } from '../types';

/**
 * The seven recommended steps of "Configure MIM sync service", in the article's order.
 * Links: the learn.microsoft.com address where the facts file confirms the page moved there,
 * otherwise the article's own URL.
 */
export const STEPS: readonly Step[] = [
  {
    id: 'update-mim',
    order: 1,
    title: { en: 'Run a recent MIM Sync build', da: 'Kør en nyere build af MIM Sync' },
    symptom: { en: 'Known bug / which build', da: 'Kendt fejl / hvilken build' },
    actions: {
      en: [
        'Find your build: Synchronization Service Manager > Help > About, or the file version of miiserver.exe.',
        'Compare it with the MIM version history and read the fixes listed for every newer build.',
        'If a newer build fixes your symptom, install it on the Sync server first (then Service and Portal), after a backup of the Sync database and the encryption keys.',
        'Run the failing run profile again and check the run history.',
      ],
      da: [
        'Find din build: Synchronization Service Manager > Help > About, eller filversionen af miiserver.exe.',
        'Sammenlign den med MIM-versionshistorikken, og læs rettelserne for hver nyere build.',
        'Hvis en nyere build retter dit symptom, så installér den på Sync-serveren først (derefter Service og Portal), efter backup af Sync-databasen og krypteringsnøglerne.',
        'Kør den fejlende run profile igen, og tjek run history.',
      ],
    },
    why: {
      en: 'Many Sync failures are known bugs that Microsoft has already fixed in a hotfix rollup; each rollup contains every earlier fix.',
      da: 'Mange Sync-fejl er kendte fejl, som Microsoft allerede har rettet i en hotfix-pakke; hver pakke indeholder alle tidligere rettelser.',
    },
    docUrl: 'https://learn.microsoft.com/en-us/microsoft-identity-manager/reference/version-history',
    docTitle: { en: 'MIM version history', da: 'MIM-versionshistorik' },
  },
  {
    id: 'update-connectors',
    order: 2,
    title: {
      en: 'Install a recent generic connector build',
      da: 'Installér en nyere build af de generiske connectors',
    },
    symptom: {
      en: 'Generic LDAP / SQL / Domino / Web Services connector',
      da: 'Generic LDAP / SQL / Domino / Web Services connector',
    },
    actions: {
      en: [
        'Find the installed connector build under Programs and Features ("Microsoft Identity Manager Connectors").',
        'Read the connector version history for fixes to your connector since that build.',
        'Install the latest connector package on the Sync server.',
        'Refresh every ECMA2 connector afterwards: open its properties, re-enter the password, visit each page, refresh partitions, OK. Otherwise event 6947 warns that the configuration is older than the DLL.',
      ],
      da: [
        'Find den installerede connector-build under Programmer og funktioner ("Microsoft Identity Manager Connectors").',
        'Læs connectorens versionshistorik for rettelser siden den build.',
        'Installér den nyeste connector-pakke på Sync-serveren.',
        'Opdatér derefter hver ECMA2-connector: åbn egenskaberne, indtast adgangskoden igen, gå gennem hver side, opdatér partitioner, OK. Ellers advarer hændelse 6947 om, at konfigurationen er ældre end DLL-filen.',
      ],
    },
    why: {
      en: 'Generic LDAP, Generic SQL, Lotus Domino and Web Services connectors ship separately from MIM, and most of their bugs are fixed only in a newer connector build.',
      da: 'Generic LDAP-, Generic SQL-, Lotus Domino- og Web Services-connectorerne udgives separat fra MIM, og de fleste af deres fejl rettes kun i en nyere connector-build.',
    },
    docUrl:
      'https://learn.microsoft.com/en-us/microsoft-identity-manager/reference/microsoft-identity-manager-2016-connector-version-history',
    docTitle: { en: 'Connector version history', da: 'Connectorernes versionshistorik' },
  },
  {
    id: 'run-error-codes',
    order: 3,
    title: { en: 'Look up the run error code', da: 'Slå kørslens fejlkode op' },
    symptom: { en: 'A run stopped with an error', da: 'En kørsel stoppede med en fejl' },
    actions: {
      en: [
        'Open Synchronization Service Manager > Operations and select the failed run.',
        'Note the run status (for example stopped-connectivity) and any object error codes in the step details.',
        'Look each code up in the management agent run error code table for its meaning and likely causes.',
        'For stopped-server and other engine-side stops, read the Application event log on the Sync server around the time of the run.',
      ],
      da: [
        'Åbn Synchronization Service Manager > Operations, og vælg den fejlede kørsel.',
        'Notér run status (f.eks. stopped-connectivity) og eventuelle fejlkoder på objekterne i trinnets detaljer.',
        'Slå hver kode op i tabellen over fejlkoder for management agent-kørsler, og se betydning og sandsynlige årsager.',
        'Ved stopped-server og andre stop i selve motoren: læs Application-hændelsesloggen på Sync-serveren omkring tidspunktet for kørslen.',
      ],
    },
    why: {
      en: 'The status code says which part failed (connection, import, synchronization or export); the code table maps it to the causes worth checking first.',
      da: 'Statuskoden fortæller, hvilken del der fejlede (forbindelse, import, synkronisering eller eksport); kodetabellen peger på de årsager, der er værd at tjekke først.',
    },
    docUrl: 'https://learn.microsoft.com/en-us/microsoft-identity-manager/reference/maerrorcodes',
    docTitle: { en: 'Management agent run error codes', da: 'Fejlkoder for management agent-kørsler' },
  },
  {
    id: 'extension-dll-exception',
    order: 4,
    title: {
      en: 'Read the stack trace of the extension exception',
      da: 'Læs stack trace for undtagelsen i extension',
    },
    symptom: { en: 'extension-dll-exception', da: 'extension-dll-exception' },
    actions: {
      en: [
        'In the run details, click the extension-dll-exception link to open Connector Space Object Properties.',
        'Check the Extension rule field, then click Stack Trace... (lower right) for the exception and its call stack.',
        'If Stack Trace... is greyed out, read the Application event log (for ECMA connectors, event 6801).',
        'Fix the rules extension or connector code the stack points to; build it in Debug to get line numbers.',
      ],
      da: [
        'Klik på linket extension-dll-exception i kørslens detaljer for at åbne Connector Space Object Properties.',
        'Tjek feltet Extension rule, og klik så på Stack Trace... (nederst til højre) for undtagelsen og kaldstakken.',
        'Hvis Stack Trace... er gråt, så læs Application-hændelsesloggen (for ECMA-connectors hændelse 6801).',
        'Ret den rules extension eller connector-kode, som stakken peger på; byg den i Debug for at få linjenumre.',
      ],
    },
    why: {
      en: 'The status only says that extension code threw; the stack trace names the exception and the line, which is where the real cause is.',
      da: 'Status siger kun, at extension-koden kastede en undtagelse; stack trace viser undtagelsen og linjen, og det er der, den egentlige årsag findes.',
    },
    // TechNet Wiki moved to learn.microsoft.com's archive (links-and-facts.md).
    docUrl:
      'https://learn.microsoft.com/en-us/archive/technet-wiki/7515.fim-troubleshooting-extension-dll-exception',
    docTitle: {
      en: 'FIM troubleshooting: extension-dll-exception',
      da: 'FIM-fejlfinding: extension-dll-exception',
    },
  },
  {
    id: 'pcns-6025',
    order: 5,
    title: { en: 'Fix PCNS event 6025', da: 'Løs PCNS-hændelse 6025' },
    symptom: { en: 'PCNS event 6025', da: 'PCNS-hændelse 6025' },
    actions: {
      en: [
        'On the domain controller that logged 6025, note the target (Sync server) name in the event.',
        'Check that the SPN in the PCNS target configuration (pcnscfg list) is registered on the account that runs the Sync service, with the server FQDN.',
        'Look for the same SPN on another account (setspn -X) and remove the duplicate.',
        'Check the clock skew between DC and Sync server (under 5 minutes), DNS, the firewall, and the forest trust when the Sync server is in another forest.',
      ],
      da: [
        'Notér navnet på målet (Sync-serveren) i hændelsen på den domænecontroller, der logførte 6025.',
        'Tjek, at SPN i PCNS-målets konfiguration (pcnscfg list) er registreret på den konto, der kører Sync-tjenesten, med serverens FQDN.',
        'Søg efter samme SPN på en anden konto (setspn -X), og fjern dubletten.',
        'Tjek tidsforskellen mellem DC og Sync-server (under 5 minutter), DNS, firewall og skov-tillid, når Sync-serveren står i en anden skov.',
      ],
    },
    why: {
      en: 'Event 6025 means PCNS on the DC could not authenticate or reach the Sync server over Kerberos; a missing, duplicate or short-name SPN or clock skew are the usual causes.',
      da: 'Hændelse 6025 betyder, at PCNS på DC ikke kunne godkende eller nå Sync-serveren via Kerberos; en manglende, dobbelt eller kortnavns-SPN eller tidsforskel er de typiske årsager.',
    },
    docUrl: 'https://learn.microsoft.com/en-us/archive/technet-wiki/4159.pcns-troubleshooting-event-id-6025',
    docTitle: { en: 'PCNS troubleshooting: event ID 6025', da: 'PCNS-fejlfinding: hændelses-id 6025' },
  },
  {
    id: 'fim-ma-slow-full-sync',
    order: 6,
    title: {
      en: 'Speed up a slow full sync (TempDB)',
      da: 'Gør en langsom fuld synkronisering hurtigere (TempDB)',
    },
    symptom: { en: 'Full sync slow or hanging', da: 'Fuld synkronisering langsom eller hænger' },
    actions: {
      en: [
        'In SQL Server Management Studio, check the TempDB files: size, Autogrowth setting and free disk space.',
        'Pre-size TempDB and the Sync/Service databases so that autogrowth is only a safety net.',
        'Give TempDB one data file per CPU core, on its own disk, separate from the log files.',
        'If SQL shares the server with MIM, cap SQL max server memory; then rerun the full sync and compare run times.',
      ],
      da: [
        'Tjek TempDB-filerne i SQL Server Management Studio: størrelse, Autogrowth-indstilling og ledig diskplads.',
        'Giv TempDB og Sync/Service-databaserne en startstørrelse, så autogrowth kun er et sikkerhedsnet.',
        'Giv TempDB én datafil pr. CPU-kerne på sin egen disk, adskilt fra logfilerne.',
        'Hvis SQL deler server med MIM, så sæt et loft over SQL max server memory; kør derefter den fulde synkronisering igen, og sammenlign kørselstiderne.',
      ],
    },
    why: {
      en: 'A full sync with the FIM Service MA leans hard on SQL TempDB; when TempDB keeps growing in small steps, every growth pauses the run and it looks hung.',
      da: 'En fuld synkronisering med FIM Service MA belaster SQL TempDB hårdt; når TempDB vokser i små skridt, pauser hver vækst kørslen, og den ser ud til at hænge.',
    },
    docUrl:
      'https://social.technet.microsoft.com/wiki/contents/articles/14713.troubleshooting-fim-performance-slow-or-hanging-full-synchronization.aspx',
    docTitle: {
      en: 'Troubleshooting slow or hanging full synchronization',
      da: 'Fejlfinding af langsom eller hængende fuld synkronisering',
    },
    moreDocs: [
      {
        url: 'https://learn.microsoft.com/en-us/microsoft-identity-manager/mim-best-practices#sql-setup',
        title: { en: 'MIM best practices: SQL setup', da: 'MIM best practices: SQL-opsætning' },
      },
    ],
  },
  {
    id: 'fim-ma-failed-creation',
    order: 7,
    title: {
      en: 'Resolve failed-creation-via-web-services on the FIM Service MA',
      da: 'Løs failed-creation-via-web-services på FIM Service MA',
    },
    symptom: { en: 'FIM Service MA failed-creation', da: 'FIM Service MA failed-creation' },
    actions: {
      en: [
        'Open one object with failed-creation-via-web-services and read the error detail (for example ValueViolatesUniqueness on objectSid).',
        'Search the MIM Service for an existing object with the same unique value; a duplicate metaverse object is the usual cause.',
        'Check the join rules and the FIM Service MA deprovisioning setting ("make disconnectors" can leave two metaverse objects when users leave and re-enter scope).',
        'Clean up the duplicates, then run Full Import (stage only), Full Sync and Export on the FIM Service MA.',
      ],
      da: [
        'Åbn et objekt med failed-creation-via-web-services, og læs fejldetaljen (f.eks. ValueViolatesUniqueness på objectSid).',
        'Søg i MIM Service efter et eksisterende objekt med samme unikke værdi; et dobbelt metaverse-objekt er den typiske årsag.',
        'Tjek join-reglerne og FIM Service MA\u2019s deprovisioning-indstilling ("make disconnectors" kan efterlade to metaverse-objekter, når brugere forlader og genindtræder i scope).',
        'Ryd op i dubletterne, og kør derefter Full Import (stage only), Full Sync og Export på FIM Service MA.',
      ],
    },
    why: {
      en: 'failed-creation-via-web-services means the MIM Service refused a create request from the FIM Service MA export; the detail names the rule the object broke.',
      da: 'failed-creation-via-web-services betyder, at MIM Service afviste en oprettelse fra FIM Service MA-eksporten; detaljen viser, hvilken regel objektet brød.',
    },
    // The blog archive moved to learn.microsoft.com (links-and-facts.md).
    docUrl:
      'https://learn.microsoft.com/en-us/archive/blogs/iamsupport/support-info-fimma-failed-creation-via-web-services',
    docTitle: {
      en: 'Support-Info: failed-creation-via-web-services',
      da: 'Support-Info: failed-creation-via-web-services',
    },
    moreDocs: [
      {
        url: 'https://social.technet.microsoft.com/wiki/contents/articles/17242.fim-troubleshooting-failed-creation-via-web-services-invalidrepresentationexception-valueviolatesuniqueness.aspx',
        title: {
          en: 'Troubleshooting failed-creation-via-web-services: ValueViolatesUniqueness',
          da: 'Fejlfinding af failed-creation-via-web-services: ValueViolatesUniqueness',
        },
      },
    ],
  },
];

const BY_ID = new Map<StepId, Step>(STEPS.map((s) => [s.id, s]));

export function getStep(id: StepId): Step {
  const step = BY_ID.get(id);
  if (!step) throw new Error(`Unknown step ${id}`);
  return step;
}
