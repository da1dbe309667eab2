import type { ConnectorBuild } from '../types';

/** Download page of the generic connector package (all generic connectors in one installer). */
export const CONNECTOR_DOWNLOAD_URL = 'https://go.microsoft.com/fwlink/?LinkId=717495';

/**
 * Builds of the generic ECMA2 connector package (Generic LDAP, Generic SQL, Web Services, PowerShell,
 * Graph, Lotus Domino, Generic CSV), newest first. Where the history lists two builds in one entry,
 * both rows carry the shared notes, because the page does not say which fix came in which.
 */
export const CONNECTOR_BUILDS: readonly ConnectorBuild[] = [
  {
    // The page lists it under November 2024 but labels it March 2024; the section it sits in wins.
    build: '1.1.2057.0',
    date: '2024-11',
    notes: {
      en: 'Graph: faster full and delta imports.',
      da: 'Graph: hurtigere fuld import og delta-import.',
    },
  },
  {
    build: '1.1.2038.0',
    date: '2024-03',
    notes: {
      en: 'All connectors on .NET 4.6.2; Graph uses MSAL and handles deltas of filtered objects better; Web Services checks CRLs on HTTPS; Lotus Domino needs VC++ 14 (x86 and x64); CSV/LDAP installer conflict fixed.',
      da: 'Alle connectors på .NET 4.6.2; Graph bruger MSAL og håndterer delta for filtrerede objekter bedre; Web Services tjekker CRL’er over HTTPS; Lotus Domino kræver VC++ 14 (x86 og x64); konflikt mellem CSV- og LDAP-installation rettet.',
    },
  },
  {
    build: '1.1.2036.0',
    date: '2024-03',
    notes: {
      en: 'Generic CSV: fixes for export encoding and reference DNs.',
      da: 'Generic CSV: rettelser til kodning ved eksport og reference-DN’er.',
    },
  },
  {
    build: '1.1.2031.0',
    date: '2024-03',
    notes: {
      en: 'New Generic CSV connector (preview) with users, groups and members files, PowerShell before and after runs, and a choice of encodings.',
      da: 'Ny Generic CSV-connector (preview) med filer til brugere, grupper og medlemmer, PowerShell før og efter kørsler og valg af kodning.',
    },
  },
  {
    build: '1.1.2025.0',
    date: '2023-08',
    notes: {
      en: 'LDAP: duplicate OpenLDAP accesslog entries; SQL: member type on export and MySQL error handling.',
      da: 'LDAP: dobbelte poster i OpenLDAP-accesslog; SQL: medlemstype ved eksport og fejlhåndtering for MySQL.',
    },
  },
  {
    build: '1.1.2005.0',
    date: '2022-05',
    notes: {
      en: 'LDAP: OpenLDAP EntryUUID anchor (needs Sync 4.6.607.0+ and the IgnoreMissingObjectTypeForGLDAP DWORD set to 1), Unicode password hashes, Int32; Graph: administrativeUnit (beta), Int64; SQL: PostgreSQL and case-sensitive names. SQL names are no longer upper-cased automatically, so check the configuration after upgrading.',
      da: 'LDAP: OpenLDAP-ankeret EntryUUID (kræver Sync 4.6.607.0+ og DWORD-værdien IgnoreMissingObjectTypeForGLDAP sat til 1), Unicode-adgangskode-hashes, Int32; Graph: administrativeUnit (beta), Int64; SQL: PostgreSQL og navne med forskel på store og små bogstaver. SQL-navne laves ikke længere automatisk om til store bogstaver, så tjek konfigurationen efter opgradering.',
    },
  },
  {
    build: '1.1.1610.0',
    date: '2021-09',
    notes: {
      en: 'PowerShell: script timeout; SQL: query-based export for other sources; LDAP: Kerberos three-part SPN and inherited schema classes.',
      da: 'PowerShell: timeout for scripts; SQL: forespørgselsbaseret eksport til andre kilder; LDAP: Kerberos-SPN i tre dele og nedarvede skemaklasser.',
    },
  },
  {
    build: '1.1.1431.0',
    date: '2021-03',
    notes: {
      en: 'LDAP: password hashes for OpenLDAP and OUD delta import; Web Services: TLS 1.2.',
      da: 'LDAP: adgangskode-hashes til OpenLDAP og delta-import fra OUD; Web Services: TLS 1.2.',
    },
  },
  {
    build: '1.1.1381.0',
    date: '2021-02',
    notes: {
      en: 'Graph: multi-valued strings in B2B invitations; LDAP: OUD change log.',
      da: 'Graph: strenge med flere værdier i B2B-invitationer; LDAP: change log fra OUD.',
    },
  },
  {
    build: '1.1.1347.0',
    date: '2020-12',
    notes: {
      en: 'Graph: no B2B invitation is sent for mail-enabled groups and contacts.',
      da: 'Graph: der sendes ikke længere B2B-invitationer til mailaktiverede grupper og kontakter.',
    },
  },
  {
    build: '1.1.1346.0',
    date: '2020-11',
    notes: {
      en: 'Graph: cache corruption on delta, duplicates on full import, complex types; SQL: native authentication with TrustedConnection=false; LDAP: group membership from the OpenLDAP accesslog.',
      da: 'Graph: ødelagt cache ved delta, dubletter ved fuld import, komplekse typer; SQL: native godkendelse med TrustedConnection=false; LDAP: gruppemedlemskab fra OpenLDAP-accesslog.',
    },
  },
  {
    build: '1.1.1302.0',
    date: '2020-09',
    notes: {
      en: 'Graph (together with 1.1.1301.0): /beta schema, empty UserType, cache errors, retries on timeouts, directory extensions.',
      da: 'Graph (sammen med 1.1.1301.0): /beta-skema, tom UserType, cachefejl, genforsøg ved timeout, directory extensions.',
    },
  },
  {
    build: '1.1.1301.0',
    date: '2020-08',
    notes: {
      en: 'Graph (together with 1.1.1302.0): /beta schema, empty UserType, cache errors, retries on timeouts, directory extensions.',
      da: 'Graph (sammen med 1.1.1302.0): /beta-skema, tom UserType, cachefejl, genforsøg ved timeout, directory extensions.',
    },
  },
  {
    build: '1.1.1170.0',
    date: '2020-04',
    notes: {
      en: 'Together with 1.1.1130.0: SQL multi-valued and change-tracking fixes (including parameters cut at 397 bytes), Notes AdminP group delete, LDAP operational attributes, Graph B2B guests and sovereign clouds.',
      da: 'Sammen med 1.1.1130.0: SQL-rettelser til flere værdier og change tracking (bl.a. parametre afkortet ved 397 byte), sletning af grupper via Notes AdminP, operationelle LDAP-attributter, Graph B2B-gæster og sovereign clouds.',
    },
  },
  {
    build: '1.1.1130.0',
    date: '2020-02',
    notes: {
      en: 'Together with 1.1.1170.0: SQL multi-valued and change-tracking fixes (including parameters cut at 397 bytes), Notes AdminP group delete, LDAP operational attributes, Graph B2B guests and sovereign clouds.',
      da: 'Sammen med 1.1.1170.0: SQL-rettelser til flere værdier og change tracking (bl.a. parametre afkortet ved 397 byte), sletning af grupper via Notes AdminP, operationelle LDAP-attributter, Graph B2B-gæster og sovereign clouds.',
    },
  },
  {
    build: '1.1.953.0',
    date: '2019-06',
    notes: {
      en: 'SQL: paging bug that imported only the first page fixed, command timeout follows the connector timeout; OID: empty Changes in delta; Graph: manager and empty values, token renewal.',
      da: 'SQL: fejl i paging, hvor kun første side blev importeret, er rettet, og command timeout følger connectorens timeout; OID: tom Changes i delta; Graph: manager og tomme værdier, fornyelse af token.',
    },
  },
  {
    build: '1.1.913.0',
    date: '2019-01',
    notes: {
      en: 'SQL regression that read only 5,000 objects fixed; Graph uses TLS 1.2 by default; Oracle 12c/18c.',
      da: 'SQL-regression, hvor kun 5.000 objekter blev læst, er rettet; Graph bruger TLS 1.2 som standard; Oracle 12c/18c.',
    },
  },
  {
    build: '1.1.911.0',
    date: null,
    notForMim: true,
    notes: {
      en: 'Released for Entra Connect only; do not install it on MIM.',
      da: 'Udgivet kun til Entra Connect; installér den ikke på MIM.',
    },
  },
  {
    build: '1.1.861.0',
    date: null,
    notes: {
      en: 'Setup renamed to Microsoft, with many SQL, LDAP, Web Services and Notes fixes in this and the earlier undated builds.',
      da: 'Installationen omdøbt til Microsoft, med mange rettelser til SQL, LDAP, Web Services og Notes i denne og de tidligere udaterede builds.',
    },
  },
  {
    build: '1.1.830.0',
    date: null,
    notes: {
      en: 'Needs a binding redirect to 4.1.4.0 in miiserver.exe.config.',
      da: 'Kræver en binding redirect til 4.1.4.0 i miiserver.exe.config.',
    },
  },
  {
    build: '1.1.551.0',
    date: null,
    notes: {
      en: 'Oldest of the undated builds; many SQL, LDAP, Web Services and Notes fixes followed it.',
      da: 'Den ældste af de udaterede builds; mange rettelser til SQL, LDAP, Web Services og Notes kom efter den.',
    },
  },
  {
    build: '1.1.443.0',
    date: '2017-03',
    notes: {
      en: 'SQL: "*" in references; LDAP: search per container.',
      da: 'SQL: "*" i referencer; LDAP: søgning pr. container.',
    },
  },
  {
    build: '1.1.117.0',
    date: '2016-03',
    notes: {
      en: 'First release of the Generic SQL connector.',
      da: 'Første udgave af Generic SQL-connectoren.',
    },
  },
];
