import type { Localized } from '../types';

/**
 * The products next to the MIM 2016 Synchronization Service that admins write about in the same
 * breath: other engines, the tools that schedule and script the Sync engine, and the other parts of
 * MIM. How each shows itself (names, namespaces, services, cmdlets, log names) was taken from the
 * real-style corpus (eval/corpus). Phrases follow the signal tables' syntax: lower-case words,
 * `*` for any word that starts so. Links only where a stored copy of the page or tracker was seen.
 */

export const PRODUCT_IDS = [
  'entra-connect',
  'entra-provisioning',
  'sharepoint-profile-sync',
  'mim-service',
  'lithnet-autosync',
  'lithnet-sync-module',
  'lithnet-service-client',
  'lithnet-password-protection',
  'unifynow',
  'metaverse-rules-extension',
  'pam',
  'certificate-management',
  'bhold',
  'sspr',
  'pcns-setup',
  'other-identity-product',
  'lithnet-access-manager',
  'scom-monitoring',
  'splunk',
  'metadirectory-services',
  'biztalk-sso',
  'mim-config-documenter',
  'other-mim-scheduler',
  'other-runtime-tool',
  'other-pam-product',
  'sql-monitoring',
  'configuration-management',
  'linux-directory-client',
] as const;

export type ProductId = (typeof PRODUCT_IDS)[number];

/**
 * - `engine`: another sync engine around the same codes (routing rules 2 and 9): named, it decides,
 *   whatever run status is quoted.
 * - `around`: a tool or a part of MIM around the Sync engine: it decides when the question is about
 *   it, not when it is only how the failing run was started (routing rule 10).
 */
export type ProductReach = 'engine' | 'around';

export interface NeighbourProduct {
  id: ProductId;
  name: string;
  /**
   * How an answer names it where the name is a description ("another vendor's identity manager"),
   * per language, to stand inside a sentence.
   */
  label?: Localized;
  reach: ProductReach;
  markers: readonly string[];
  /** Phrases that say the message is about MIM Sync itself after all (the FIM connector for Azure AD). */
  butNot?: readonly string[];
  /** What the product is, in one line. */
  what: Localized;
  /** Its documentation, where verified. */
  docs?: string;
  /** Where its maintainers take bug reports, where verified. */
  tracker?: string;
}

export const PRODUCTS: readonly NeighbourProduct[] = [
  {
    id: 'entra-connect',
    name: 'Microsoft Entra Connect (Azure AD Connect, DirSync)',
    reach: 'engine',
    markers: [
      'azure ad connect',
      'azure active directory connect',
      'aad connect',
      'aadconnect',
      'azureadconnect',
      'entra connect',
      'entra id connect',
      'entra cloud sync',
      'cloud sync agent',
      'azure ad sync',
      'azure ad sync service',
      'azure active directory sync',
      'dirsync',
      'directory sync tool',
      'directory synchronization tool',
      'directory sync server',
      'adsync*',
      'start adsyncsynccycle',
      'password hash sync*',
      'staging mode',
    ],
    butNot: [
      'fim azure ad connector',
      'azure ad connector for fim',
      'connector for azure ad',
      'windows azure ad ma',
      'azure ad ma',
      'waad ma',
      'not aad connect',
      'not azure ad connect',
      'ikke aad connect',
      'ikke azure ad connect',
    ],
    what: {
      en: 'Microsoft’s sync engine between Active Directory and Entra ID; it has its own troubleshooting guides',
      da: 'Microsofts synkroniseringsmotor mellem Active Directory og Entra ID; den har sine egne fejlfindingsguider',
    },
    docs: 'https://learn.microsoft.com/en-us/entra/identity/hybrid/connect/tshoot-connect-sync-errors',
  },
  {
    id: 'entra-provisioning',
    name: 'Microsoft Entra provisioning agent (ECMA Connector Host)',
    reach: 'engine',
    markers: [
      'ecma connector host',
      'provisioning agent',
      'on premises provisioning',
      'on prem provisioning',
      'azure ad provisioning',
      'entra provisioning',
      'entra id provisioning',
    ],
    what: {
      en: 'Entra ID’s own provisioning to on-premises apps, which hosts ECMA2 connectors without the MIM Sync engine',
      da: 'Entra ID’s egen provisionering til lokale apps, som kører ECMA2-connectors uden MIM Sync-motoren',
    },
  },
  {
    id: 'sharepoint-profile-sync',
    name: 'SharePoint 2010/2013 User Profile Synchronization',
    reach: 'engine',
    markers: [
      'user profile sync*',
      'user profile service',
      'user profile synchron*',
      'user profile import',
      'profile synchronization',
      'profile sync',
      'profilsynkronisering*',
      'profil sync',
      'ups',
      'central admin*',
      'profileimportexportextension',
      'mossad*',
      'moss ma',
      'ilmma',
      // SharePoint 2010 and 2013 carry the embedded FIM engine; 2016 and later use MIM itself.
      'sharepoint 2010',
      'sharepoint 2013',
      'sp2010',
      'sp2013',
      'sp 2010',
      'sp 2013',
      // SharePoint Foundation has no profile sync of its own; community timer jobs fill in.
      'sharepoint foundation',
      'foundationsync',
      'timer job*',
      'user profile application',
      'upa',
    ],
    // A MIM 2016 Sync server used for SharePoint profiles routes by its Sync symptom (routing rule 9).
    butNot: ['mim 2016', 'sharepoint connector', 'spma', 'sharepoint 2016', 'sharepoint 2019'],
    what: {
      en: 'SharePoint’s own profile synchronisation, which runs an embedded copy of the FIM engine managed from Central Administration',
      da: 'SharePoints egen profilsynkronisering, som kører en indbygget FIM-motor, der styres fra Central Administration',
    },
  },
  {
    id: 'mim-service',
    name: 'MIM Service and Portal',
    reach: 'around',
    markers: [
      'mim service database',
      'fimservice database',
      'fimservice db',
      'mpr',
      'mprs',
      'management policy rule*',
      'request history',
      'request processing',
      'set transition*',
      'rcdc',
      'mimwal',
      'xpath*',
      'wal activit*',
      'workflow activit*',
      'workflow instance*',
      'authorization workflow*',
      'action workflow*',
      // The Service and Portal's own patch, as its installer names it (FIMService_x64_KB….msp).
      'fimservice x64*',
      'service portal hotfix',
      'service and portal hotfix',
      'service portal update',
      'service and portal update',
      // The Service's web service endpoint, as a custom client's error quotes it.
      'resourcemanagementservice',
      'mim service won t start',
      'fim service won t start',
      'mim service starter ikke',
    ],
    what: {
      en: 'the MIM Service, its Portal, policy rules and workflows, on the other side of the FIM/MIM Service MA',
      da: 'MIM Service og Portalen med politikregler og workflows, på den anden side af FIM/MIM Service MA’en',
    },
    docs: 'https://learn.microsoft.com/en-us/microsoft-identity-manager/install-mim-service-portal',
  },
  {
    id: 'lithnet-autosync',
    name: 'Lithnet AutoSync',
    reach: 'around',
    markers: ['autosync', 'auto sync', 'lithnet autosync', 'miis autosync', 'lithnet miiserver autosync*'],
    what: {
      en: 'a community scheduler that starts the Sync engine’s run profiles and sends alerts',
      da: 'en scheduler fra fællesskabet, der starter Sync-motorens run profiles og sender alarmer',
    },
    docs: 'https://docs.lithnet.io/autosync-for-mim',
    tracker: 'https://github.com/lithnet/miis-autosync/issues',
  },
  {
    id: 'lithnet-sync-module',
    name: 'Lithnet PowerShell module for the Sync Service (LithnetMIISAutomation)',
    reach: 'around',
    markers: [
      'lithnetmiisautomation',
      'lithnet module',
      'lithnet modulet',
      'lithnet powershell',
      'lithnet miis powershell',
      'miis powershell',
      'get runsummary',
      'get rundetail',
      'get lastrundetails',
      'start managementagent',
      'wait managementagent',
      'join csobject',
      'get csobject',
      'clear runhistory',
      'get mvobject',
    ],
    what: {
      en: 'a community PowerShell module that drives and queries the Sync engine',
      da: 'et PowerShell-modul fra fællesskabet, der styrer og læser Sync-motoren',
    },
    docs: 'https://docs.lithnet.io/mim-sync-service',
    tracker: 'https://github.com/lithnet/miis-powershell/issues',
  },
  {
    id: 'lithnet-service-client',
    name: 'Lithnet Resource Management client and PowerShell module',
    reach: 'around',
    markers: [
      'resourcemanagementclient',
      'resource management client',
      'set resourcemanagementclient',
      'lithnet resourcemanagement*',
      'lithnetrmc',
      'lithnet rmc',
      'rmc module',
      'resourcemanagement powershell',
      'lithnet rest api',
      'lithnet rma',
      'rma modul*',
      'search resources',
    ],
    what: {
      en: 'community client libraries and PowerShell for the MIM Service, not the Sync engine',
      da: 'klientbiblioteker og PowerShell fra fællesskabet til MIM Service, ikke Sync-motoren',
    },
    tracker: 'https://github.com/lithnet/resourcemanagement-powershell/issues',
  },
  {
    id: 'lithnet-password-protection',
    name: 'Lithnet Password Protection for Active Directory',
    reach: 'around',
    markers: [
      'lithnet password protection',
      'password protection for active directory',
      'lithnet password filter',
      'lithnet lpp',
      'lpp',
      'lithnetpasswordprotection*',
      // Its store of breached-password hashes comes from Have I Been Pwned.
      'hashesfromhibp',
      'sync hashesfromhibp',
      'hibp',
      'have i been pwned',
      'haveibeenpwned',
      'compromisedpassword*',
    ],
    what: {
      en: 'a password filter on the domain controllers that checks new passwords; it does not involve the Sync engine',
      da: 'et adgangskodefilter på domænecontrollerne, der tjekker nye adgangskoder; Sync-motoren er ikke med',
    },
    docs: 'https://docs.lithnet.io/password-protection/v1.0',
  },
  {
    id: 'unifynow',
    name: 'UNIFYNow',
    reach: 'around',
    markers: ['unifynow', 'unify now', 'unifybroker', 'unify broker'],
    what: {
      en: 'a commercial scheduler that runs MIM run profiles through operation lists',
      da: 'en kommerciel scheduler, der kører MIM-run profiles gennem operation lists',
    },
  },
  {
    id: 'metaverse-rules-extension',
    name: 'MRE, the community metaverse rules extension',
    reach: 'around',
    markers: ['mre', 'metaverse rules extension'],
    what: {
      en: 'a community provisioning rules extension configured in its own XML; its own settings are its project’s to answer',
      da: 'en provisionerings-extension fra fællesskabet med sin egen XML-konfiguration; dens indstillinger hører til dens projekt',
    },
  },
  {
    id: 'pam',
    name: 'MIM Privileged Access Management (PAM)',
    reach: 'around',
    markers: [
      'pam',
      'mim pam',
      'privileged access management',
      'pamtrust',
      'pamrole*',
      'bastion*',
      'pam request*',
    ],
    what: {
      en: 'MIM’s privileged access feature with its bastion forest and PAM requests',
      da: 'MIMs funktion til privilegeret adgang med bastion-forest og PAM-anmodninger',
    },
  },
  {
    id: 'certificate-management',
    name: 'MIM Certificate Management (CM)',
    reach: 'around',
    markers: [
      'certificate management',
      'certificate manager',
      'fim cm',
      'mim cm',
      'cm portal',
      'clmweb',
      'smart card*',
      'smartcard*',
      'profile template*',
    ],
    what: {
      en: 'MIM’s certificate and smart card management portal',
      da: 'MIMs portal til certifikater og smartcards',
    },
    docs: 'https://learn.microsoft.com/en-us/microsoft-identity-manager/mim-cm-deploy',
  },
  {
    id: 'bhold',
    name: 'BHOLD',
    reach: 'around',
    markers: ['bhold*'],
    what: {
      en: 'MIM’s role-based access and attestation suite',
      da: 'MIMs pakke til rollebaseret adgang og attestering',
    },
    docs: 'https://learn.microsoft.com/en-us/microsoft-identity-manager/bhold-installation-guide',
  },
  {
    id: 'sspr',
    name: 'MIM self-service password reset (SSPR)',
    reach: 'around',
    markers: [
      'sspr',
      'self service password reset',
      'password reset portal',
      'password registration',
      'registreringsportal*',
      'nulstilling af adgangskode*',
    ],
    what: {
      en: 'MIM’s password reset and registration portals, run by the MIM Service',
      da: 'MIMs portaler til nulstilling og registrering af adgangskoder, som MIM Service kører',
    },
    docs: 'https://learn.microsoft.com/en-us/microsoft-identity-manager/working-with-self-service-password-reset',
  },
  {
    id: 'pcns-setup',
    name: 'PCNS set-up and configuration',
    reach: 'around',
    // Named here only for the answer; when PCNS questions carry no failure is a rule of the decision.
    markers: [],
    what: {
      en: 'installing and configuring the Password Change Notification Service; of PCNS, I cover event 6025 and Kerberos, SPN and unreachable-target errors',
      da: 'installation og opsætning af Password Change Notification Service; af PCNS dækker jeg hændelse 6025 og Kerberos-, SPN- og target-fejl',
    },
    docs: 'https://learn.microsoft.com/en-us/microsoft-identity-manager/deploying-mim-password-change-notification-service-on-domain-controller',
  },
  {
    id: 'other-identity-product',
    name: 'Another vendor’s identity manager (CA / Broadcom, Oracle, SailPoint, One Identity, Netwrix, midPoint, Efecte)',
    label: {
      en: 'another vendor’s identity manager',
      da: 'en anden leverandørs identity manager',
    },
    reach: 'engine',
    markers: [
      'ca identity manager',
      'broadcom identity manager',
      'symantec identity manager',
      'ca idm',
      'oracle identity manager',
      'oim 11g*',
      'oim 12c',
      'sailpoint',
      'identityiq',
      'one identity manager',
      'netiq identity manager',
      // Netwrix Identity Manager was Usercube; its packages are named like MIM's connectors.
      'netwrix identity manager',
      'adobe user sync',
      'keycloak',
      'usercube*',
      // One Identity Active Roles has a Synchronization Service of its own (once Quick Connect).
      'active roles',
      'activeroles',
      'quick connect',
      // Other identity governance products, which ship connectors named like MIM's own.
      'midpoint',
      'evolveum',
      'efecte',
      'matrix42',
      // ForgeRock's identity manager, not its directory (ForgeRock DS, now PingDS), which MIM's Generic
      // LDAP connector reads like any LDAP server.
      'forgerock idm',
      'forgerock identity manag*',
      'forgerock openidm',
      'openidm',
      'omada identity',
      'saviynt',
      'oracle identity governance',
      'identity synchronization for windows',
      // IBM's directory integrator (Tivoli, later Security Directory Integrator) has its own
      // changelog connectors and AssemblyLines.
      'tivoli directory integrator',
      'security directory integrator',
      'ibm directory integrator',
      // Identity governance and single sign-on services with provisioning of their own.
      'conductorone',
      'pingone',
      'pingfederate',
    ],
    what: {
      en: 'an identity management product from another vendor, with its own engine and support',
      da: 'et identity management-produkt fra en anden leverandør, med sin egen motor og support',
    },
  },
  {
    id: 'lithnet-access-manager',
    name: 'Lithnet Access Manager',
    reach: 'around',
    markers: [
      'lithnet access manager',
      'lithnet ams',
      'lithnet laps',
      // Its namespace in a pasted log (Lithnet.AccessManager.Agent) and its agent by name.
      'lithnet accessmanager*',
      'access manager agent',
      'access manager service',
    ],
    what: {
      en: 'a web app for LAPS passwords, BitLocker keys and just-in-time admin access; it does not involve the Sync engine',
      da: 'en webapp til LAPS-adgangskoder, BitLocker-nøgler og just-in-time-administratoradgang; Sync-motoren er ikke med',
    },
  },
  {
    id: 'scom-monitoring',
    name: 'System Center Operations Manager (SCOM)',
    reach: 'around',
    markers: [
      'scom',
      'system center operations manager',
      'operations manager agent',
      'scom agent*',
      'mim management pack',
    ],
    what: {
      en: 'the monitoring that watches the Sync server; its agents and alerts are its own',
      da: 'overvågningen af Sync-serveren; dens agenter og alarmer hører til den selv',
    },
  },
  {
    // The SQL instance under the Sync database often hosts other databases; their monitor's alerts are theirs.
    id: 'sql-monitoring',
    name: 'SQL Server monitoring (Redgate Monitor, SQL Sentry, SolarWinds DPA)',
    label: {
      en: 'a SQL Server monitoring tool',
      da: 'et overvågningsværktøj til SQL Server',
    },
    reach: 'around',
    markers: [
      'redgate monitor',
      'sql monitor',
      'sql sentry',
      'sentryone',
      'solarwinds dpa',
      'database performance analyzer',
    ],
    what: {
      en: 'a monitoring tool for the SQL instance; its alerts about other databases on that instance are not Sync failures',
      da: 'et overvågningsværktøj til SQL-instansen; dets alarmer om andre databaser på instansen er ikke Sync-fejl',
    },
  },
  {
    // What builds the Sync server and its SQL instance and keeps them so: its resources and runs are its own.
    id: 'configuration-management',
    name: 'Configuration management (PowerShell DSC, Ansible, Puppet)',
    label: {
      en: 'a configuration management tool',
      da: 'et værktøj til konfigurationsstyring',
    },
    reach: 'around',
    markers: [
      'dsc',
      'powershell dsc',
      'desired state configuration',
      'dsc resource*',
      'dsc configuration*',
      'sqlserverdsc',
      'xwebapppool',
      'ansible',
      'ansible playbook*',
      'puppet',
    ],
    what: {
      en: 'the tool that builds the servers and keeps their settings; what its resources set or fail to set is its own',
      da: 'værktøjet, der bygger serverne og holder deres indstillinger; det, dets ressourcer sætter eller ikke får sat, hører til det selv',
    },
  },
  {
    // Linux hosts joined to the same AD: their Kerberos and login trouble is theirs, whatever the DCs run.
    id: 'linux-directory-client',
    name: 'Linux directory clients (SSSD, realmd, Winbind)',
    label: {
      en: 'a Linux host’s directory client',
      da: 'en Linux-maskines katalogklient',
    },
    reach: 'around',
    markers: ['sssd', 'sssd conf', 'realmd', 'winbind', 'krb5 conf', 'kinit'],
    what: {
      en: 'the software that joins Linux hosts to AD and logs users on there; its Kerberos errors are the host’s, not the Sync engine’s',
      da: 'softwaren, der melder Linux-maskiner ind i AD og logger brugere på dér; dens Kerberos-fejl hører til maskinen, ikke til Sync-motoren',
    },
  },
  {
    id: 'splunk',
    name: 'Splunk',
    reach: 'around',
    markers: ['splunk*', 'universal forwarder', 'inputs conf'],
    what: {
      en: 'the log platform that collects the Sync server’s events; its forwarders, inputs and alerts are its own',
      da: 'logplatformen, der samler Sync-serverens hændelser; dens forwardere, inputs og alarmer hører til den selv',
    },
  },
  {
    id: 'metadirectory-services',
    name: 'Microsoft Metadirectory Services (MMS 2.2), the predecessor of MIIS',
    reach: 'engine',
    markers: ['mms 2 2', 'mms 2 2 sp1', 'metadirectory services', 'microsoft metadirectory'],
    what: {
      en: 'the engine before MIIS 2003 and FIM, long out of support; the steps here are for MIM 2016',
      da: 'motoren før MIIS 2003 og FIM, for længst uden support; trinene her gælder MIM 2016',
    },
  },
  {
    id: 'biztalk-sso',
    name: 'BizTalk Enterprise Single Sign-On (ENTSSO)',
    reach: 'engine',
    markers: ['biztalk*', 'entsso', 'enterprise single sign on', 'enterprise sso'],
    what: {
      en: 'BizTalk’s credential store, which can take password changes from its own PCNS component; the MIM Sync engine is not involved',
      da: 'BizTalks lager af legitimationsoplysninger, som kan modtage adgangskodeskift fra sin egen PCNS-komponent; MIM Sync-motoren er ikke med',
    },
  },
  {
    id: 'mim-config-documenter',
    name: 'MIM Configuration Documenter',
    reach: 'around',
    markers: ['mimconfigdocumenter*', 'config documenter', 'configuration documenter'],
    what: {
      en: 'a community tool that writes a report of the Sync and Service configuration from exported files; its crashes are its own',
      da: 'et værktøj fra fællesskabet, der skriver en rapport over Sync- og Service-konfigurationen ud fra eksporterede filer; dets nedbrud er dets egne',
    },
  },
  {
    id: 'other-mim-scheduler',
    name: 'Another scheduler for the Sync engine’s run profiles',
    label: {
      en: 'another scheduler for the Sync engine’s run profiles',
      da: 'en anden planlægger til Sync-motorens run profiles',
    },
    reach: 'around',
    markers: [
      'mimsyncscheduler',
      'mim sync scheduler',
      'tetron*',
      // General job schedulers that start the run profiles as one job among many.
      'pgagent',
      'control m',
      'hangfire',
      'quartz',
      'jenkins',
      'rundeck',
      'autosys',
      'visualcron',
      'activebatch',
      'automic',
    ],
    what: {
      en: 'a third-party tool that starts run profiles on a schedule; how its schedules are built is its own documentation’s to answer',
      da: 'et værktøj fra tredjepart, der starter run profiles efter en plan; hvordan dets planer bygges, står i dets egen dokumentation',
    },
  },
  {
    // The Sync engine and its extensions run on .NET (and PowerShell): a Python, Java or PHP stack
    // trace comes from another program, whatever it syncs.
    id: 'other-runtime-tool',
    name: 'A tool that runs on Python, Java or PHP',
    label: {
      en: 'a tool that runs on Python, Java or PHP',
      da: 'et værktøj, der kører på Python, Java eller PHP',
    },
    reach: 'engine',
    markers: [
      'traceback most recent call last',
      'py line',
      'java lang*',
      'javax*',
      'org apache*',
      'jdbc',
      'kafka connect',
      'debezium',
      'springframework',
      'exception in thread main',
      'php artisan',
      'php fatal error',
      'php warning',
    ],
    what: {
      en: 'not part of MIM: the Sync engine and its extensions run on .NET, so a Python, Java or PHP stack trace is that program’s own',
      da: 'ikke en del af MIM: Sync-motoren og dens udvidelser kører på .NET, så en stack trace fra Python, Java eller PHP er programmets egen',
    },
  },
  {
    // Other vendors' vaults and privilege managers share SQL instances and DCs with MIM, not its engine.
    id: 'other-pam-product',
    name: 'Another vendor’s privileged access product (CyberArk, Delinea / Thycotic, BeyondTrust)',
    label: {
      en: 'another vendor’s privileged access product',
      da: 'et privileged access-produkt fra en anden leverandør',
    },
    reach: 'around',
    markers: ['cyberark', 'thycotic', 'delinea', 'beyondtrust', 'privilege manager', 'secret server'],
    what: {
      en: 'a privileged access product from another vendor, with its own services, database and support',
      da: 'et privileged access-produkt fra en anden leverandør, med sine egne tjenester, database og support',
    },
  },
];

const BY_ID = new Map(PRODUCTS.map((p) => [p.id, p]));

export function getProduct(id: string): NeighbourProduct | undefined {
  return BY_ID.get(id as ProductId);
}
