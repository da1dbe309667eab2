import type { EventIdInfo } from '../types';

/**
 * Event IDs an admin may paste: the Sync server's (source FIMSynchronizationService, also used by
 * Entra Connect's engine) and PCNS's on the domain controllers. meaning is null where no source that
 * was read explains the ID, so the bot says so instead of guessing.
 */
export const EVENT_IDS: readonly EventIdInfo[] = [
  // Sync server
  { id: 6050, source: 'sync', level: 'unknown', meaning: null, step: 'run-error-codes' },
  {
    id: 6100,
    source: 'sync',
    level: 'unknown',
    meaning: {
      en: 'A run profile step ended with errors; monitoring scripts treat it as a connector sync error.',
      da: 'Et trin i en run profile sluttede med fejl; overvågningsscripts behandler det som en synkroniseringsfejl på en connector.',
    },
    step: 'run-error-codes',
    unverified: true,
  },
  {
    id: 6127,
    source: 'sync',
    level: 'warning',
    meaning: {
      en: 'A delta run started after the rules configuration changed, so a full synchronization is needed.',
      da: 'En delta-kørsel startede, efter at regelkonfigurationen var ændret, så der skal køres en fuld synkronisering.',
    },
    step: 'run-error-codes',
  },
  {
    id: 6152,
    source: 'sync',
    level: 'unknown',
    meaning: {
      en: 'A required rules extension could not be loaded (the run shows stopped-extension-dll-load).',
      da: 'En påkrævet rules extension kunne ikke indlæses (kørslen viser stopped-extension-dll-load).',
    },
    step: 'run-error-codes',
    unverified: true,
  },
  {
    id: 6301,
    source: 'sync',
    level: 'error',
    meaning: {
      en: 'The sync engine hit an unexpected error; the event holds BAIL lines with an HRESULT such as 0x80230304.',
      da: 'Sync-motoren ramte en uventet fejl; hændelsen indeholder BAIL-linjer med en HRESULT som 0x80230304.',
    },
    step: 'run-error-codes',
  },
  {
    id: 6309,
    source: 'sync',
    level: 'error',
    meaning: {
      en: 'An operation for a management agent failed unexpectedly, e.g. 0x8023063d when two profiles with a sync step run at once.',
      da: 'En handling for en management agent fejlede uventet, f.eks. 0x8023063d, når to profiler med et synkroniseringstrin kører samtidig.',
    },
    step: 'run-error-codes',
  },
  { id: 6311, source: 'sync', level: 'unknown', meaning: null, step: 'run-error-codes' },
  {
    id: 6323,
    source: 'sync',
    level: 'error',
    meaning: {
      en: 'The Sync service cannot start because SQL Server has run out of space for its database.',
      da: 'Sync-tjenesten kan ikke starte, fordi SQL Server er løbet tør for plads til dens database.',
    },
    step: 'run-error-codes',
  },
  { id: 6324, source: 'sync', level: 'unknown', meaning: null, step: 'run-error-codes' },
  { id: 6325, source: 'sync', level: 'unknown', meaning: null, step: 'run-error-codes' },
  { id: 6326, source: 'sync', level: 'unknown', meaning: null, step: 'run-error-codes' },
  { id: 6327, source: 'sync', level: 'unknown', meaning: null, step: 'run-error-codes' },
  { id: 6328, source: 'sync', level: 'unknown', meaning: null, step: 'run-error-codes' },
  { id: 6329, source: 'sync', level: 'unknown', meaning: null, step: 'run-error-codes' },
  { id: 6400, source: 'sync', level: 'unknown', meaning: null, step: 'run-error-codes' },
  {
    id: 6801,
    source: 'sync',
    level: 'error',
    meaning: {
      en: 'An extensible (ECMA) connector returned an error MIM does not support; the event carries the stack trace.',
      da: 'En extensible (ECMA) connector returnerede en fejl, som MIM ikke understøtter; hændelsen indeholder stack trace.',
    },
    step: 'extension-dll-exception',
  },
  {
    id: 6803,
    source: 'sync',
    level: 'unknown',
    meaning: {
      en: 'An export step ended with errors; event 6941 carries the detail per object.',
      da: 'Et eksporttrin sluttede med fejl; hændelse 6941 har detaljen pr. objekt.',
    },
    step: 'run-error-codes',
    unverified: true,
  },
  {
    id: 6903,
    source: 'sync',
    level: 'information',
    meaning: {
      en: 'The Sync server received a password notification from PCNS.',
      da: 'Sync-serveren modtog en adgangskodenotifikation fra PCNS.',
    },
    step: 'out-of-scope',
  },
  { id: 6914, source: 'sync', level: 'unknown', meaning: null, step: 'run-error-codes' },
  { id: 6915, source: 'sync', level: 'unknown', meaning: null, step: 'run-error-codes' },
  {
    id: 6947,
    source: 'sync',
    level: 'warning',
    meaning: {
      en: 'An ECMA2 connector’s configuration was saved with an older assembly version than the installed DLL; refresh the connector.',
      da: 'En ECMA2-connectors konfiguration er gemt med en ældre assembly-version end den installerede DLL; opdatér connectoren.',
    },
    step: 'update-connectors',
  },

  // PCNS on the domain controller. Informational events are no failure and the PCNS errors other
  // than 6025 are not its step (routing rule 5): both route out of scope; 4003-4005 (the target does
  // not answer) are the unreachable target of the 6025 step.
  {
    id: 2001,
    source: 'pcns',
    level: 'information',
    meaning: { en: 'The PCNS service started.', da: 'PCNS-tjenesten startede.' },
    step: 'out-of-scope',
  },
  {
    id: 2002,
    source: 'pcns',
    level: 'information',
    meaning: { en: 'The PCNS service stopped.', da: 'PCNS-tjenesten stoppede.' },
    step: 'out-of-scope',
  },
  {
    id: 2003,
    source: 'pcns',
    level: 'information',
    meaning: { en: 'PCNS created a new notification queue.', da: 'PCNS oprettede en ny notifikationskø.' },
    step: 'out-of-scope',
  },
  {
    id: 2004,
    source: 'pcns',
    level: 'information',
    meaning: {
      en: 'PCNS loaded an existing queue and reports how many items were read, expired, had no target or were queued.',
      da: 'PCNS indlæste en eksisterende kø og oplyser, hvor mange elementer der blev læst, var udløbet, manglede mål eller kom i kø.',
    },
    step: 'out-of-scope',
  },
  {
    id: 2005,
    source: 'pcns',
    level: 'information',
    meaning: {
      en: 'A target queue has dropped back below its warning size.',
      da: 'En målkø er igen under sin advarselsgrænse.',
    },
    step: 'out-of-scope',
  },
  {
    id: 4001,
    source: 'pcns',
    level: 'warning',
    meaning: {
      en: 'PCNS loaded its configuration but found no active target, so nothing is queued.',
      da: 'PCNS indlæste sin konfiguration, men fandt intet aktivt mål, så intet sættes i kø.',
    },
    step: 'out-of-scope',
  },
  {
    id: 4002,
    source: 'pcns',
    level: 'warning',
    meaning: {
      en: 'PCNS refreshed its configuration but found no active target, so nothing is queued.',
      da: 'PCNS genindlæste sin konfiguration, men fandt intet aktivt mål, så intet sættes i kø.',
    },
    step: 'out-of-scope',
  },
  {
    id: 4003,
    source: 'pcns',
    level: 'warning',
    meaning: {
      en: 'The target (Sync server) did not answer a password notification; PCNS keeps waiting.',
      da: 'Målet (Sync-serveren) svarede ikke på en adgangskodenotifikation; PCNS bliver ved med at vente.',
    },
    step: 'pcns-6025',
  },
  {
    id: 4004,
    source: 'pcns',
    level: 'warning',
    meaning: {
      en: 'The target (Sync server) did not answer a status query; PCNS keeps waiting.',
      da: 'Målet (Sync-serveren) svarede ikke på en statusforespørgsel; PCNS bliver ved med at vente.',
    },
    step: 'pcns-6025',
  },
  {
    id: 4005,
    source: 'pcns',
    level: 'warning',
    meaning: {
      en: 'A target queue has reached its warning size, usually because the target is not taking notifications.',
      da: 'En målkø har nået sin advarselsgrænse, som regel fordi målet ikke modtager notifikationer.',
    },
    step: 'pcns-6025',
  },
  {
    id: 6000,
    source: 'pcns',
    level: 'error',
    meaning: {
      en: 'The PCNS configuration is missing in Active Directory, so the service stops.',
      da: 'PCNS-konfigurationen mangler i Active Directory, så tjenesten stopper.',
    },
    step: 'out-of-scope',
  },
  {
    id: 6001,
    source: 'pcns',
    level: 'error',
    meaning: {
      en: 'The queue file was partly corrupt; the readable part was saved to a separate file.',
      da: 'Køfilen var delvist ødelagt; den læsbare del blev gemt i en separat fil.',
    },
    step: 'out-of-scope',
  },
  {
    id: 6025,
    source: 'pcns',
    level: 'error',
    meaning: {
      en: 'PCNS could not authenticate or reach the Sync server target (SPN, duplicate SPN, FQDN or clock skew).',
      da: 'PCNS kunne ikke godkende eller nå Sync-servermålet (SPN, dobbelt SPN, FQDN eller tidsforskel).',
    },
    step: 'pcns-6025',
  },
  {
    id: 6032,
    source: 'pcns',
    level: 'error',
    meaning: {
      en: 'The target’s inclusion/exclusion filter is invalid, so every notification is filtered out; often a deleted group.',
      da: 'Målets inklusions-/eksklusionsfilter er ugyldigt, så alle notifikationer filtreres fra; ofte en slettet gruppe.',
    },
    step: 'out-of-scope',
  },
];
