import type { Localized, MimBuild } from '../types';

/**
 * MIM 2016 builds from the official version history, newest first, plus the FIM 2010 builds admins
 * still run. syncFixes is true only where the history says the build updates the Synchronization
 * Service. 4.6.691.0 (SP3) was added to the docs and then reverted, so it stays unconfirmed.
 */
export const MIM_BUILDS: readonly MimBuild[] = [
  {
    build: '4.6.691.0',
    date: null,
    kb: null,
    line: 'MIM 2016 SP3',
    syncFixes: false,
    unconfirmed: true,
    notes: {
      en: 'Service Pack 3 as briefly listed in the docs (Windows Server 2025, SQL Server 2022, ADFS sign-in for the portal, Azure SQL with managed identity, SharePoint SE); the entry was withdrawn, so the build is unconfirmed. In-place upgrade only from 4.6.673.0.',
      da: 'Service Pack 3, som det kortvarigt stod i dokumentationen (Windows Server 2025, SQL Server 2022, ADFS-login til portalen, Azure SQL med managed identity, SharePoint SE); posten blev trukket tilbage, så builden er ikke bekræftet. In-place-opgradering kun fra 4.6.673.0.',
    },
  },
  {
    build: '4.6.673.0',
    date: '2023-10-03',
    kb: '5018333',
    line: 'MIM 2016 SP2',
    syncFixes: false,
    notes: {
      en: 'Cumulative SP2 hotfix with PAM and MIM updates; the newest build in the official history and the starting point for an SP3 upgrade.',
      da: 'Kumulativ SP2-hotfix med PAM- og MIM-opdateringer; den nyeste build i den officielle historik og udgangspunktet for en opgradering til SP3.',
    },
  },
  {
    build: '4.6.641.0',
    date: '2023-04-21',
    kb: '5012051',
    line: 'MIM 2016 SP2',
    syncFixes: true,
    notes: {
      en: 'Cumulative hotfix for PAM, Service and Portal, and the Synchronization Service.',
      da: 'Kumulativ hotfix til PAM, Service og Portal samt Synchronization Service.',
    },
  },
  {
    build: '4.6.607.0',
    date: '2022-02-10',
    kb: '5009981',
    line: 'MIM 2016 SP2',
    syncFixes: true,
    notes: {
      en: 'Cumulative hotfix for PAM, Service and Portal, Sync and the SSPR portals; required for the Generic LDAP EntryUUID anchor (connector 1.1.2005.0).',
      da: 'Kumulativ hotfix til PAM, Service og Portal, Sync og SSPR-portalerne; kræves til Generic LDAP-ankeret EntryUUID (connector 1.1.2005.0).',
    },
  },
  {
    build: '4.6.540.0',
    date: '2021-11-09',
    kb: '5007373',
    line: 'MIM 2016 SP2',
    syncFixes: false,
    notes: {
      en: 'Cumulative hotfix that hardens the MIM Portal against cross-site scripting.',
      da: 'Kumulativ hotfix, der beskytter MIM Portal bedre mod cross-site scripting.',
    },
  },
  {
    build: '4.6.531.0',
    date: '2021-10-08',
    kb: '5004861',
    line: 'MIM 2016 SP2',
    syncFixes: true,
    notes: {
      en: 'Cumulative hotfix for Sync, Service and PAM; also fixes the MIM Service installer problem of 4.6.530.0.',
      da: 'Kumulativ hotfix til Sync, Service og PAM; retter også installationsfejlen i MIM Service fra 4.6.530.0.',
    },
  },
  {
    build: '4.6.530.0',
    date: null,
    kb: null,
    line: 'MIM 2016 SP2',
    syncFixes: false,
    notes: {
      en: 'Replaced by 4.6.531.0; its MIM Service installer had a gMSA problem.',
      da: 'Erstattet af 4.6.531.0; dens installationsprogram til MIM Service havde et gMSA-problem.',
    },
  },
  {
    build: '4.6.421.0',
    date: '2021-03-17',
    kb: '4599279',
    line: 'MIM 2016 SP2',
    syncFixes: false,
    notes: {
      en: 'Service and Portal hotfix that adds application-context (modern) authentication to Exchange Online mailboxes.',
      da: 'Hotfix til Service og Portal, der tilføjer application-context-godkendelse (moderne) til Exchange Online-postkasser.',
    },
  },
  {
    build: '4.6.359.0',
    date: '2020-11-29',
    kb: '4585922',
    line: 'MIM 2016 SP2',
    syncFixes: true,
    notes: {
      en: 'Updates Synchronization Service Manager, Service and Portal; replaces 4.6.355.0, which slowed the MIM Service down.',
      da: 'Opdaterer Synchronization Service Manager, Service og Portal; erstatter 4.6.355.0, som gjorde MIM Service langsom.',
    },
  },
  {
    build: '4.6.355.0',
    date: '2020-11-06',
    kb: null,
    line: 'MIM 2016 SP2',
    syncFixes: false,
    notes: {
      en: 'Replaced by 4.6.359.0 because of a MIM Service performance regression.',
      da: 'Erstattet af 4.6.359.0 på grund af en ydelsesforringelse i MIM Service.',
    },
  },
  {
    build: '4.6.263.0',
    date: '2020-08-07',
    kb: '4576473',
    line: 'MIM 2016 SP2',
    syncFixes: true,
    notes: {
      en: 'Updates for Certificate Management, Synchronization Service Manager and PAM.',
      da: 'Opdateringer til Certificate Management, Synchronization Service Manager og PAM.',
    },
  },
  {
    build: '4.6.258.0',
    date: '2020-05-22',
    kb: '4560335',
    line: 'MIM 2016 SP2',
    syncFixes: false,
    notes: {
      en: 'Updates for Service, Portal and PAM.',
      da: 'Opdateringer til Service, Portal og PAM.',
    },
  },
  {
    build: '4.6.34.0',
    date: '2019-10',
    kb: '4512924',
    line: 'MIM 2016 SP2',
    syncFixes: true,
    notes: {
      en: 'Service Pack 2: Sync on Windows Server 2019 and SQL 2017, TLS 1.2-only installs, gMSA service account, "Use MIMSync account" on the FIM Service MA; needs .NET 4.6 and the VC++ 2013 runtime. Replaces SP1 builds 4.4.1302.0–4.5.412.0.',
      da: 'Service Pack 2: Sync på Windows Server 2019 og SQL 2017, installation i miljøer med kun TLS 1.2, gMSA som tjenestekonto, "Use MIMSync account" på FIM Service MA; kræver .NET 4.6 og VC++ 2013-runtime. Erstatter SP1-builds 4.4.1302.0–4.5.412.0.',
    },
  },
  {
    build: '4.5.412.0',
    date: '2019-05-10',
    kb: '4489646',
    line: 'MIM 2016 SP1',
    syncFixes: true,
    notes: {
      en: 'Fixes for Sync, Service, Portal, CM and PAM; known RCDC problem on group forms when displayedOwner is empty.',
      da: 'Rettelser til Sync, Service, Portal, CM og PAM; kendt RCDC-problem på gruppeformularer, når displayedOwner er tom.',
    },
  },
  {
    build: '4.5.286.0',
    date: '2018-11-19',
    kb: '4469694',
    line: 'MIM 2016 SP1',
    syncFixes: false,
    notes: {
      en: 'Service, Portal and PAM updates; customised .exe.config files can lead to stopped-extension-dll-load.',
      da: 'Opdateringer til Service, Portal og PAM; tilpassede .exe.config-filer kan give stopped-extension-dll-load.',
    },
  },
  {
    build: '4.5.202.0',
    date: '2018-08-30',
    kb: '4346632',
    line: 'MIM 2016 SP1',
    syncFixes: false,
    notes: {
      en: 'MFA Server as an alternative MFA provider, a PAM REST fix and portal UI fixes.',
      da: 'MFA Server som alternativ MFA-udbyder, en rettelse til PAM REST og rettelser i portalens brugerflade.',
    },
  },
  {
    build: '4.5.26.0',
    date: '2018-06-30',
    kb: '4073679',
    line: 'MIM 2016 SP1',
    syncFixes: true,
    notes: {
      en: 'Sync: gMSA support (also in miisactivate and miiskmu), partition refresh is saved, clearer error for too-long indexed strings, FIM MA export errors with invalid characters no longer corrupt run history.',
      da: 'Sync: gMSA-understøttelse (også i miisactivate og miiskmu), opdatering af partitioner gemmes, tydeligere fejl ved for lange indekserede strenge, eksportfejl fra FIM MA med ugyldige tegn ødelægger ikke længere run history.',
    },
  },
  {
    build: '4.4.1749.0',
    date: '2017-11-30',
    kb: null,
    line: 'MIM 2016 SP1',
    syncFixes: true,
    notes: {
      en: 'Sync: password reset works without a trust to the target domain; many portal and CM fixes.',
      da: 'Sync: nulstilling af adgangskode virker uden tillid til måldomænet; mange rettelser til portal og CM.',
    },
  },
  {
    build: '4.4.1642.0',
    date: '2017-08-29',
    kb: null,
    line: 'MIM 2016 SP1',
    syncFixes: true,
    notes: {
      en: 'Sync: import filter on moved objects, MA Designer hang on "Configure Partitions and Hierarchies", precedence hand-over on disconnect, crash on metaverse type change; customised .exe.config files can lead to stopped-extension-dll-load.',
      da: 'Sync: importfilter på flyttede objekter, MA Designer hang i "Configure Partitions and Hierarchies", overdragelse af precedence ved disconnect, nedbrud ved skift af metaverse-type; tilpassede .exe.config-filer kan give stopped-extension-dll-load.',
    },
  },
  {
    build: '4.4.1549.0',
    date: '2017-03-27',
    kb: '4012498',
    line: 'MIM 2016 SP1',
    syncFixes: false,
    notes: {
      en: 'SP1 hotfix; matching BHOLD build 6.0.36.0.',
      da: 'SP1-hotfix; tilhørende BHOLD-build 6.0.36.0.',
    },
  },
  {
    build: '4.4.1302.0',
    date: '2016-11-09',
    kb: null,
    line: 'MIM 2016 SP1',
    syncFixes: true,
    notes: {
      en: 'Service Pack 1: cross-browser portal, Exchange Online for the MIM Service, SQL 2016 and SharePoint 2016 support; upgrade Sync before Service and Portal.',
      da: 'Service Pack 1: portal til flere browsere, Exchange Online til MIM Service, understøttelse af SQL 2016 og SharePoint 2016; opgradér Sync før Service og Portal.',
    },
  },
  {
    build: '4.3.2266.0',
    date: '2016-07-15',
    kb: '3171342',
    line: 'MIM 2016 RTM',
    syncFixes: false,
    notes: {
      en: 'Hotfix on the RTM line, which is no longer supported.',
      da: 'Hotfix til RTM-linjen, som ikke længere understøttes.',
    },
  },
  {
    build: '4.3.2195.0',
    date: '2016-03-20',
    kb: '3134725',
    line: 'MIM 2016 RTM',
    syncFixes: false,
    notes: { en: 'Hotfix on the RTM line.', da: 'Hotfix til RTM-linjen.' },
  },
  {
    build: '4.3.2064.0',
    date: '2015-12-11',
    kb: '3092179',
    line: 'MIM 2016 RTM',
    syncFixes: false,
    notes: { en: 'Hotfix on the RTM line.', da: 'Hotfix til RTM-linjen.' },
  },
  {
    build: '4.3.1935.0',
    date: '2015-08-06',
    kb: null,
    line: 'MIM 2016 RTM',
    syncFixes: false,
    notes: { en: 'MIM 2016 general availability (RTM).', da: 'MIM 2016 generelt tilgængelig (RTM).' },
  },
  {
    build: '4.1.3766.0',
    date: null,
    kb: null,
    line: 'FIM 2010 R2',
    syncFixes: false,
    notes: {
      en: 'Latest FIM 2010 R2 SP1 build found; an in-place upgrade straight to MIM 2016 SP1 (4.4.1302.0) is supported.',
      da: 'Den seneste FIM 2010 R2 SP1-build, der er fundet; en direkte in-place-opgradering til MIM 2016 SP1 (4.4.1302.0) understøttes.',
    },
  },
  {
    build: '4.1.3419.0',
    date: null,
    kb: null,
    line: 'FIM 2010 R2',
    syncFixes: false,
    notes: {
      en: 'FIM 2010 R2 SP1; the lowest build that can upgrade directly to MIM 2016 SP2.',
      da: 'FIM 2010 R2 SP1; den laveste build, der kan opgraderes direkte til MIM 2016 SP2.',
    },
  },
  {
    build: '4.1.2273.0',
    date: null,
    kb: null,
    line: 'FIM 2010 R2',
    syncFixes: false,
    notes: { en: 'FIM 2010 R2 RTM.', da: 'FIM 2010 R2 RTM.' },
  },
  {
    build: '4.0.2592.0',
    date: null,
    kb: null,
    line: 'FIM 2010',
    syncFixes: false,
    notes: { en: 'FIM 2010 RTM.', da: 'FIM 2010 RTM.' },
  },
];

export interface SupportFact {
  /** ISO date of the last day of support. */
  endOfSupport: string;
  /** Earlier announced end date, when Microsoft moved it. */
  previousEndOfSupport: string | null;
  /** Not checked against Microsoft's lifecycle page. */
  unverified: boolean;
}

export const MIM_SUPPORT: { readonly mim2016: SupportFact; readonly fim2010: SupportFact } = {
  mim2016: { endOfSupport: '2029-01-09', previousEndOfSupport: '2026-01-13', unverified: false },
  fim2010: { endOfSupport: '2022-10-11', previousEndOfSupport: null, unverified: true },
};

/** Build a direct in-place SP3 upgrade must start from. */
export const SP3_UPGRADE_BASELINE = '4.6.673.0';
/** Lowest FIM 2010 R2 build that upgrades directly to MIM 2016 SP2. */
export const SP2_DIRECT_UPGRADE_MINIMUM = '4.1.3419.0';

export interface KnownIssue {
  /** Builds the issue is reported for. */
  builds: readonly string[];
  /** Run status the issue shows up as, when it has one. */
  statusCode: string | null;
  text: Localized;
  kb: string | null;
  /** Build that fixes it, when there is one. */
  fixedIn: string | null;
}

export const KNOWN_ISSUES: readonly KnownIssue[] = [
  {
    // Documented for 4.5.286.0 (KB 4469694); nothing ties it to 4.4.1642.0 (links-and-facts.md).
    builds: ['4.5.286.0'],
    statusCode: 'stopped-extension-dll-load',
    text: {
      en: 'If you kept customised miiserver.exe.config, mmsscrpt.exe.config or dllhost.exe.config files, the Microsoft.MetadirectoryServicesEx binding redirect is missing and runs stop with stopped-extension-dll-load; add the redirect.',
      da: 'Har du beholdt tilpassede filer miiserver.exe.config, mmsscrpt.exe.config eller dllhost.exe.config, mangler binding redirect for Microsoft.MetadirectoryServicesEx, og kørsler stopper med stopped-extension-dll-load; tilføj redirect.',
    },
    kb: '4469694',
    fixedIn: null,
  },
  {
    builds: ['4.6.421.0'],
    statusCode: null,
    text: {
      en: 'The update can fail on the MIM Service with a gMSA or Exchange Online basic auth when PollExchangeEnabled is 1: set it to 0, install, set it back to 1 and restart the MIM Service.',
      da: 'Opdateringen kan fejle på MIM Service med gMSA eller Exchange Online basic auth, når PollExchangeEnabled er 1: sæt den til 0, installér, sæt den tilbage til 1, og genstart MIM Service.',
    },
    kb: '4599279',
    fixedIn: null,
  },
  {
    builds: ['4.6.530.0'],
    statusCode: null,
    text: {
      en: 'The MIM Service installer had a gMSA problem that needed a registry workaround; 4.6.531.0 replaces this build.',
      da: 'Installationsprogrammet til MIM Service havde et gMSA-problem, der krævede en løsning i registreringsdatabasen; 4.6.531.0 erstatter denne build.',
    },
    kb: null,
    fixedIn: '4.6.531.0',
  },
  {
    builds: ['4.5.412.0'],
    statusCode: null,
    text: {
      en: 'The RCDC form for groups does not render when displayedOwner is empty, so such groups cannot be viewed or edited in the portal.',
      da: 'RCDC-formularen til grupper vises ikke, når displayedOwner er tom, så sådanne grupper kan ikke ses eller redigeres i portalen.',
    },
    kb: '4489646',
    fixedIn: null,
  },
];
