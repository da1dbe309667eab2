import { decide } from '../../src/diagnosis/decide';
import { EMPHASIS } from '../../src/diagnosis/emphasis';
import { diagnose } from '../../src/diagnosis/diagnose';

function decision(text: string) {
  return diagnose(text).decision;
}

describe('decide', () => {
  it.each([
    [
      'a pasted run status answers at once',
      'ADMA delta import stopped-connectivity every night',
      'run-error-codes',
    ],
    ["the article's own event answers at once", 'PCNS logs event 6025 on DC02', 'pcns-6025'],
    ['a misspelt code still answers', 'run says stoped-extension-dll-exeption', 'extension-dll-exception'],
  ])('%s', (_name, text, step) => {
    const d = decision(text);
    expect(d.kind).toBe('answer');
    expect(d.route).toBe(step);
  });

  it('puts the product before the status code (routing rule 2)', () => {
    const d = decision('Azure AD Connect: export to Entra ends with stopped-server and event 6301');
    expect(d.kind).toBe('out-of-scope');
    expect(d.route).toBe('out-of-scope');
    expect(d.statusCode).toBe('stopped-server');
  });

  it('answers what the admin asks about when a message has two problems (routing rule 1)', () => {
    const d = decision(
      'one DC logs 6025 now and then, not worried about that. main problem: full sync on the FIM MA went from 2h to 11h',
    );
    expect(d.route).toBe('fim-ma-slow-full-sync');
  });

  it('routes stopped-server with failed-creation objects to the FIM MA step (routing rule 7)', () => {
    expect(
      decision('FIM MA export stopped-server, objects show failed-creation-via-web-services').route,
    ).toBe('fim-ma-failed-creation');
    expect(decision('the HR MA export ended in stopped-server').route).toBe('run-error-codes');
  });

  it('sends an export the MIM Service web service never received to the FIM MA step (step table)', () => {
    expect(
      decision(
        'MIMMA export errors on every object: there was no endpoint listening at the service URL. Is that the port?',
      ).route,
    ).toBe('fim-ma-failed-creation');
    const d = decision(
      'Export on the FIM Service MA: each object ends in error, EndpointNotFoundException in the log. A new firewall went in last week. Could it be blocking the calls?',
    );
    expect({ kind: d.kind, route: d.route }).toEqual({ kind: 'answer', route: 'fim-ma-failed-creation' });
  });

  it('lets a PCNS event other than 6025 decide, however often the message says PCNS (routing rule 5)', () => {
    const d = decision(
      'PCNS logger 6032 på begge DC’er siden i går. Skal PCNS-målet sættes op igen, eller er PCNS-gruppen nok?',
    );
    expect(d.route).toBe('out-of-scope');
    expect(decision('PCNS logs 6025 on both DCs since yesterday. Does PCNS need a new target?').route).toBe(
      'pcns-6025',
    );
  });

  it('finds no step in a question about scheduling the runs when nothing fails', () => {
    expect(
      decision(
        'What is best practice for scheduling run profiles? Today a scheduled task starts a VBScript every 10 minutes. How often should a full sync run?',
      ).route,
    ).toBe('out-of-scope');
    expect(
      decision('Hvor ofte bør man køre full sync? Vores planlagte opgave kører alle run profiles hver time.')
        .route,
    ).toBe('out-of-scope');
    // A scheduled run that fails is a failure all the same.
    expect(
      decision(
        'Our scheduled task starts the ADMA delta import and it ends stopped-connectivity. How often should it retry?',
      ).route,
    ).toBe('run-error-codes');
  });

  it('sends a build question about one of the four generic connectors to their builds (routing rule 3)', () => {
    // Answered at once, not asked: the connector and the build question belong together.
    expect(
      decision(
        'Generic LDAP imports stop halfway since the connector pack was upgraded last week. Which build should we be on?',
      ),
    ).toMatchObject({ kind: 'answer', route: 'update-connectors' });
    // Upgrading the connector is not upgrading MIM.
    expect(
      decision(
        'Kort spørgsmål om Web Service connectoren: skal jeg vælge Repair eller afinstallere først når jeg opgraderer?',
      ).route,
    ).toBe('update-connectors');
  });

  it('routes an exception from a PowerShell connector’s script by the exception, a generic connector named beside it or not (routing rule 3)', () => {
    const script =
      'Our PowerShell connector import script throws System.Net.WebException: (429) Too Many Requests and the full import stops with stopped-extension-dll-exception.';
    expect(decision(script).route).toBe('extension-dll-exception');
    expect(decision(`${script} The connector is the same download as Generic LDAP and SQL.`).route).toBe(
      'extension-dll-exception',
    );
    // Asked whether the pack is to blame, the bot may ask, but it does not settle on the pack.
    const asked = decision(
      `${script} Is it the connector package, the same download as Generic LDAP and SQL, or my script?`,
    );
    expect(asked).not.toMatchObject({ kind: 'answer', route: 'update-connectors' });
    expect(asked.candidates.map((c) => c.step)).toContain('extension-dll-exception');
    expect(
      decision(
        'Our own ECMA2 connector throws Newtonsoft.Json.JsonReaderException in GetImportEntries and the run stops with stopped-extension-dll-exception. Side note, the Generic SQL connectors were upgraded to 1.1.2057.0 last week.',
      ).route,
    ).toBe('extension-dll-exception');
    // The generic connector that throws is still the connectors' own bug.
    expect(
      decision(
        'The Generic LDAP connector throws System.NullReferenceException in its export and the run stops with stopped-extension-dll-exception.',
      ).route,
    ).toBe('update-connectors');
  });

  it('keeps an exception with the generic connector when the admin rules their own code out (routing rule 3)', () => {
    const trace = [
      'Generic SQL MA against the HR schema dies on Full Import.',
      'Status: stopped-extension-dll-exception',
      'Event 6801: The extensible extension returned an unsupported error.',
      ' "System.Data.Odbc.OdbcException: ERROR [HY000] ORA-01000: maximum open cursors exceeded',
      '   at System.Data.Odbc.OdbcConnection.HandleError(...)"',
      'Connector is 1.1.913.0.',
    ].join('\n');
    expect(
      decision(
        `${trace} It's the Microsoft generic connector, not our own code. Is this a known leak in that build?`,
      ),
    ).toMatchObject({ kind: 'answer', route: 'update-connectors' });
    expect(
      decision(
        `${trace} Det er Microsofts generic connector, ikke vores egen kode. Er det en kendt fejl i det build?`,
      ),
    ).toMatchObject({ kind: 'answer', route: 'update-connectors' });
  });

  it('reads the build the admin runs as background unless the message talks about builds or fixes', () => {
    const environment =
      '\n\nEnvironment: MIM 4.6.607.0 on Windows Server 2019, SQL 2019 on a separate server.';
    const miljø = '\n\nMiljø: MIM 4.6.607.0 på Windows Server 2019, SQL 2019 på en separat server.';
    // Told where they stand, not asking about it: the build makes no build question.
    expect(decision(`How do I pin the bot to the left bar in Teams?${environment}`).route).toBe(
      'out-of-scope',
    );
    expect(
      decision(
        `Hvordan flytter jeg en SQL Server-instans til en ny VM? Et generelt spørgsmål, ikke om MIM.${miljø}`,
      ).route,
    ).toBe('out-of-scope');
    // The fault laid at the build's door, or a known bug asked about, still is one.
    expect(
      decision(
        `Moving a user to another OU ignores our connector filter in this build: the object stays a normal connector.${environment}`,
      ).route,
    ).toBe('update-mim');
    expect(
      decision('Vi kører MIM 4.5.286.0. Er det en kendt fejl, at partition refresh ikke bliver gemt?').route,
    ).toBe('update-mim');
  });

  it('lets the talk of upgrades go with the generic connector it is about, not with the MIM build named', () => {
    const upgraded =
      'After the connector pack upgrade last week the Generic SQL full import stops at exactly 5,000 objects, no error. Which build should we be on?';
    const withBuild = decision(`${upgraded}\n\nEnvironment: MIM 4.6.607.0 on Windows Server 2019.`);
    expect({ kind: withBuild.kind, route: withBuild.route }).toEqual({
      kind: 'answer',
      route: 'update-connectors',
    });
    // The MIM build asked about is the question again.
    expect(
      decision(
        'We run the Generic LDAP connector on 4.4.1749.0. Is 4.4.1749.0 too old, should we upgrade MIM first?',
      ).route,
    ).toBe('update-mim');
  });

  it('takes the admin’s word that a question is not about MIM, or that nothing is broken', () => {
    expect(
      decision(
        'Not MIM this time but our HR portal: the login page throws a duplicate user error. Any ideas?',
      ).route,
    ).toBe('out-of-scope');
    expect(
      decision(
        'Design question, nothing broken: should the second Sync server share the SQL alias and the encryption key?',
      ).route,
    ).toBe('out-of-scope');
  });

  it('keeps the admin’s word that nothing is broken over a stopped service they mention on purpose', () => {
    expect(
      decision(
        'Nothing is broken, but the Sync service is stopped on our spare server on purpose. Should it stay stopped?',
      ).route,
    ).toBe('out-of-scope');
    // A pasted run status says otherwise.
    expect(
      decision('Nothing is broken I thought, but last night the delta import ended with stopped-server.')
        .route,
    ).toBe('run-error-codes');
  });

  it('finds no step for how the Sync service is built or kept when nothing fails', () => {
    expect(
      decision(
        'Is it by design that the Configure Extensions page of our PowerShell MA only lets me pick password management?',
      ).route,
    ).toBe('out-of-scope');
    expect(
      decision(
        'Er det meningen at vores testmiljø skal have sin egen sync server, eller kan vi dele databasen med produktion?',
      ).route,
    ).toBe('out-of-scope');
    // Which build supports a design is a build question, and a failure on the spare is a failure.
    expect(decision('Which Sync build supports running under a gMSA for high availability?').route).toBe(
      'update-mim',
    );
    expect(
      decision('Our failover node ended the delta import with stopped-server after the cluster moved.').route,
    ).toBe('run-error-codes');
  });

  it('takes the admin’s word that the Sync side runs fine when no failure of it is pasted', () => {
    expect(
      decision(
        'My reporting script reads the run history from the Sync database and now fails the pre-login handshake after the SqlClient update. The sync service is fine. Should I set TrustServerCertificate?',
      ).route,
    ).toBe('out-of-scope');
    // A failure pasted or named as a code says otherwise.
    expect(
      decision(
        "Sync kører fint, men HR MA'ens delta import ender med stopped-connectivity hver nat. Hvorfor?",
      ).route,
    ).toBe('run-error-codes');
    expect(
      decision(
        'MIM runs fine, but the rules extension on the HR MA throws NullReferenceException in MapAttributesForImport.',
      ).route,
    ).toBe('extension-dll-exception');
  });

  it('takes the admin’s word that PCNS delivers when no failure is pasted', () => {
    expect(
      decision(
        'Should the new sync VM take its time from the Hyper-V host or from the domain hierarchy? No PCNS errors, runs all fine, we just want it right.',
      ).route,
    ).toBe('out-of-scope');
    expect(
      decision(
        'Lots of Schannel 36887 errors on MIMSYNC01 since the TLS GPO. All run profiles are fine and PCNS is delivering. Should we worry?',
      ).route,
    ).toBe('out-of-scope');
    // A 6025 pasted beside it is still the 6025 step.
    expect(
      decision(
        'PCNS works for most users, but DC03 logs event 6025 for the DMZ accounts since the SPN moved.',
      ).route,
    ).toBe('pcns-6025');
  });

  it('finds no step for hardening planned on the DCs while nothing fails yet', () => {
    expect(
      decision(
        'Security will enforce LDAP signing and channel binding on the DCs next quarter. Nothing is failing today. Does our Generic LDAP MA against AD LDS sign its binds?',
      ).route,
    ).toBe('out-of-scope');
    expect(
      decision(
        "Vi skal slå LDAP signing til på vores DC'er, og der fejler ikke noget endnu. Signerer AD MA'en sine binds?",
      ).route,
    ).toBe('out-of-scope');
    // Once a run fails after the change, it is a run failure like any other.
    expect(
      decision(
        'Since we enforced LDAP signing on the DCs, the Generic LDAP MA export ends with stopped-connectivity every night.',
      ).route,
    ).toBe('run-error-codes');
  });

  it('leaves a scheduled task’s own result code, written short, to the scheduler', () => {
    const d = decision(
      'The scheduled task that starts our MIM delta cycle shows Last Run Result 0x41301 all day and skips the next trigger. Should it stop the existing instance?',
    );
    expect(d.route).toBe('out-of-scope');
  });

  it('reads a code shown as the task’s last run result as the task’s own, while no run failed', () => {
    expect(
      decision(
        'Our scheduled task for the MIM run cycle shows Last Run Result 0xFFFD0000 since the scripts share moved. No run shows up in the Sync Service Manager. Does the computer account need read on the share?',
      ).route,
    ).toBe('out-of-scope');
    expect(
      decision(
        'Opgaven der starter vores MIM-kørsler viser sidste kørselsresultat 0x80070005, og der kommer ingen kørsel i Synchronization Service Manager. Mangler SYSTEM rettigheder?',
      ).route,
    ).toBe('out-of-scope');
    // A run that failed is still the Sync failure, whatever the task reported.
    expect(
      decision(
        'The task shows Last Run Result 0x80230304 and the ADMA delta import ended with stopped-connectivity. What does that status mean?',
      ).route,
    ).toBe('run-error-codes');
  });

  it('takes “nothing wrong”, “no problems yet” and “det er planlægning” as nothing broken', () => {
    expect(
      decision(
        'Inden vi patcher sync-serveren tager drift et VMware-snapshot. Kommer sync-serveren og databasen ud af trit, hvis vi ruller tilbage? Vi er ikke i gang, det er planlægning.',
      ).route,
    ).toBe('out-of-scope');
    expect(
      decision(
        'The AV team puts Trend Micro on our new MIM 2016 SP2 sync server. What should they exclude for the sync service? No problems yet, just no surprises wanted.',
      ).route,
    ).toBe('out-of-scope');
    expect(
      decision(
        'Jeg vil have en SCOM-alert når FIMSynchronizationService skriver event 6050. Hvordan filtrerer jeg på event id? Der er ikke noget galt med kørslerne, det er bare overvågningen.',
      ).route,
    ).toBe('out-of-scope');
  });

  it('finds no step when MIM is not installed yet', () => {
    expect(
      decision(
        'Chocolatey fejler med "Could not establish trust relationship for the SSL/TLS secure channel" på den nye sync-server. Skal proxyens rod i Trusted Root? MIM er ikke installeret endnu.',
      ).route,
    ).toBe('out-of-scope');
    expect(
      decision(
        'The new sync server fails every TLS download through the proxy with "The underlying connection was closed". MIM isn’t installed yet, we are preparing the box.',
      ).route,
    ).toBe('out-of-scope');
  });

  it('finds no step when the run reports success and the question is how it behaves', () => {
    expect(
      decision(
        'Our LDAP-fed import always stops at 5,000 objects while the run shows success. Is there a page size setting?',
      ).route,
    ).toBe('out-of-scope');
    expect(
      decision(
        'Delta importen viser success hver gang, men den henter hele tabellen. Hvordan skal delta viewet se ud?',
      ).route,
    ).toBe('out-of-scope');
    // A run that says success while the Service refuses the new users is still the FIM MA step.
    expect(
      decision('The FIM MA export says success but the new users never show up in the portal.').route,
    ).toBe('fim-ma-failed-creation');
  });

  it('abstains on a long post with little for any step and nothing specific in it', () => {
    const story =
      'Hi all, our HR team has a small in-house web app that shows people from a nightly copy of the metaverse, read through a SQL view we built ourselves. Since the app team moved it to new hosting, ';
    const weak = decision(
      `${story}the people page shows old job titles for some users. How should such a view be refreshed?`,
    );
    expect({ route: weak.route, nearest: weak.candidates.map((c) => c.step), unsure: weak.unsure }).toEqual({
      route: 'out-of-scope',
      nearest: ['fim-ma-slow-full-sync'],
      unsure: true,
    });
    // A message about another product is out of scope for what it is about, not for saying too little.
    expect(decision('Our Entra Connect server ends every delta import with stopped-server.').unsure).not.toBe(
      true,
    );
    // An HRESULT (or an exception) alone says what failed, not that the Sync engine did.
    expect(
      decision(
        `${story}opening the people page gives 0x80070005 for some users. Where should that app’s permissions be set?`,
      ).unsure,
    ).toBe(true);
    // The same story quoting what failed is a Sync question; a short message is answered on less.
    expect(
      decision(
        `${story}the nightly delta import on the HR MA ends with stopped-server. What does that status mean?`,
      ).route,
    ).toBe('run-error-codes');
    expect(decision('fim ma ful sync slooow').route).toBe('fim-ma-slow-full-sync');
  });

  it('takes the admin at their word when they say the question is not about MIM', () => {
    expect(
      decision(
        'Not sure this is the right place. Our vault connector shows "An unexpected error has occurred" on every sync. MIM isn’t involved, I just figured someone here has seen it.',
      ).route,
    ).toBe('out-of-scope');
    expect(
      decision(
        'hej, lidt off topic: KDC logger duplicate SPN for MSSQLSvc på DC02. Hvordan finder jeg dubletterne?',
      ).route,
    ).toBe('out-of-scope');
    expect(
      decision(
        'Hej, lidt uden for MIM: people picker i SharePoint finder ingen brugere i vores OpenLDAP. Nogen idéer?',
      ).route,
    ).toBe('out-of-scope');
    expect(
      decision(
        'Et sidespørgsmål: vores HR-portals natlige import fra AD fejler med timeout mod SQL. Nogen idéer?',
      ).route,
    ).toBe('out-of-scope');
    expect(
      decision(
        'Not strictly MIM, but our HR app’s nightly LDAP import fails with a timeout against the DCs. Any ideas?',
      ).route,
    ).toBe('out-of-scope');
    expect(
      decision(
        'Not MIM, hoping someone has seen it: our HR portal’s LDAP directory sync fails and its log only shows a generic error. Where are the real LDAP errors logged?',
      ).route,
    ).toBe('out-of-scope');
    expect(
      decision(
        'Ikke MIM, men LDAP: vores wiki-login fejler mod AD efter DC-opgraderingen. Hvor skal jeg kigge?',
      ).route,
    ).toBe('out-of-scope');
    // MIM as the neighbour of what is asked counts against a step, as any product in passing does.
    expect(
      decision(
        'We run an in-house portal next to MIM. Since Tuesday its nightly user import is slow and times out. Is there a known issue?',
      ).route,
    ).toBe('out-of-scope');
    // A Sync failure quoted as a code still gets its step.
    expect(
      decision('A bit off topic maybe, but our ADMA delta import ends with stopped-connectivity.').route,
    ).toBe('run-error-codes');
  });

  it('sends an extension that ran too long to the error-code table: nothing was thrown', () => {
    expect(
      decision(
        'Delta sync on the AD MA: completed-sync-errors, 200 objects with extension-dll-timeout. What does that mean?',
      ).route,
    ).toBe('run-error-codes');
    expect(
      decision('Delta sync: completed-sync-errors, objects show extension-dll-exception. Where do I look?')
        .route,
    ).toBe('extension-dll-exception');
  });

  it('reads a neighbour that works again as context, not as the question', () => {
    const d = decision(
      'Our Linux clients fail Kerberos after the DC time incident; raising the clock skew in krb5.conf changed nothing. PCNS to MIM on the same DCs is working again. Is the skew tolerance a client or a DC setting?',
    );
    // Kerberos on the DCs keeps PCNS among the candidates, but the bot does not answer with it.
    expect(d.kind).not.toBe('answer');
    const pcns = diagnose(
      'PCNS to MIM on the same DCs is working again. The Linux side still fails.',
    ).recognition;
    expect(pcns.findings.find((f) => f.value === 'pcns')?.emphasis).toBe(EMPHASIS.dismissed);
  });

  it('reads a password filter DLL that will not load as outside the 6025 step (routing rule 5)', () => {
    expect(
      decision(
        'We added a banned-password filter next to PCNS in Notification Packages. System log: The password notification DLL OpenPwFilter failed to load with error 577. Does 577 mean the DLL has to be signed?',
      ).route,
    ).toBe('out-of-scope');
    expect(decision('PCNS on DC02 logs event 6025 for every password change. What does it mean?').route).toBe(
      'pcns-6025',
    );
  });

  it('does not read another product’s service pack as MIM’s', () => {
    const exchange = decision(
      'We are preparing an Exchange 2010 SP3 to 2016 cross-forest move. Will the script clash with the GALSync contacts MIM made?',
    );
    expect(exchange.candidates.map((c) => c.step)).not.toContain('update-mim');
    expect(decision('Should we go to MIM 2016 SP2 first, or straight to the latest hotfix?').route).toBe(
      'update-mim',
    );
  });

  it('answers the build question of a post that plans to leave MIM later', () => {
    expect(
      decision(
        'Management wants MIM until 2029, then Entra ID Governance. Before that, which hotfix build should the Sync server be on? We are still on 4.6.34.0.',
      ),
    ).toMatchObject({ kind: 'answer', route: 'update-mim' });
    expect(
      decision('We plan to replace MIM with Entra ID Governance next year. Where do we start?').route,
    ).toBe('out-of-scope');
  });

  it('reads the environment line as background: its build and platforms neither answer nor lengthen', () => {
    const line = '\n\nEnvironment: MIM 4.6.607.0 on Windows Server 2019, SQL 2019 on a separate server.';
    // Alone, the platform words would read as an upgrade question.
    expect(decision(line.trim()).kind).not.toBe('answer');
    // A long post with nothing for any step stays unsure with the line's build in it.
    const story =
      'Hi all, our HR team has a small in-house web app that shows people from a nightly copy of the metaverse, read through a SQL view we built ourselves. Since the app team moved it to new hosting, the people page shows old job titles for some users. How should such a view be refreshed?';
    expect(decision(`${story}${line}`).unsure).toBe(true);
    // A short question does not become a long post because of the line.
    const short = 'The HR MA export ends with stopped-server every night. What does that status mean?';
    expect(decision(`${short}${line}`)).toMatchObject({ kind: 'answer', route: 'run-error-codes' });
    // Asked about, the build is what the message is about.
    expect(
      decision('Vi kører MIM 4.5.286.0 på Windows Server 2016. Hvilken build skal vi opgradere til?'),
    ).toMatchObject({ kind: 'answer', route: 'update-mim' });
  });

  it('finds no step for a design question that names the rules extension, in either language', () => {
    expect(
      decision(
        'A design question, not an error: we want attribute precedence between HR and AD on title. Can Sync do it declaratively, or should it live in a rules extension (IMASynchronization)? What is best practice?',
      ).route,
    ).toBe('out-of-scope');
    expect(
      decision(
        'Et designspørgsmål, ikke en fejl: vi vil have attribute precedence mellem HR og AD på title. Kan Sync klare det deklarativt, eller skal det i en rules extension (IMASynchronization)? Hvad er best practice?',
      ).route,
    ).toBe('out-of-scope');
  });

  it('reads "I can’t see any failed-creation errors" as their absence: a plain stopped-server (routing rule 7)', () => {
    expect(
      decision(
        'Last night the FIM Service MA export stopped with stopped-server. I can’t see any failed-creation errors on the objects, it just stopped. Where do I start?',
      ).route,
    ).toBe('run-error-codes');
    expect(
      decision(
        'Eksporten på FIM Service MA’en stoppede med stopped-server i nat. Jeg kan ikke se nogen failed-creation fejl på objekterne. Hvor starter jeg?',
      ).route,
    ).toBe('run-error-codes');
  });

  it('does not count a connector named only to rule it out', () => {
    const en = decision(
      'We run the built-in SQL Server MA, not the Generic SQL connector. Its delta import ended with stopped-server last night.',
    );
    expect({ kind: en.kind, route: en.route }).toEqual({ kind: 'answer', route: 'run-error-codes' });
    const da = decision(
      'Vi bruger den indbyggede SQL Server MA, ikke Generic SQL connectoren. Delta importen endte med stopped-server i nat.',
    );
    expect({ route: da.route, secondary: da.secondary }).toEqual({
      route: 'run-error-codes',
      secondary: null,
    });
  });

  it('reads a sync account the Service may not let create users as the FIM MA step', () => {
    expect(
      decision(
        'The MIM Service says the sync account is not allowed to create users since someone edited the MPRs.',
      ).route,
    ).toBe('fim-ma-failed-creation');
  });

  it('knows Exchange’s own services for another product', () => {
    expect(
      decision(
        'Directory replication on our old Exchange 5.5 site fails with 0xc1030b22 and event 2019 from MSExchangeAdmin. Which role does the service account need?',
      ).route,
    ).toBe('out-of-scope');
  });

  it('reads an error event the admin sees at information level as something else writing to that log', () => {
    expect(
      decision(
        'Event 6801 from FIMSynchronizationService shows up every 15 minutes, Level: Information, text "Starting Delta Synchronization". Nothing failed and the runs are all success. What writes it?',
      ).route,
    ).toBe('out-of-scope');
    // The same event as an error is the extension step.
    expect(
      decision(
        'Event 6801 from FIMSynchronizationService shows up every 15 minutes and the delta sync on the HR MA ends with stopped-extension-dll-exception. What writes it?',
      ).route,
    ).toBe('extension-dll-exception');
  });

  it('knows AD’s own replication between domain controllers for another product, in either language', () => {
    expect(
      decision(
        'Forcing replication in Sites and Services between DC02 and DC05 gives "The Target Principal Name is incorrect". PCNS on DC05 queues too, but how do I get replication going first?',
      ).route,
    ).toBe('out-of-scope');
    expect(
      decision(
        'Replikering mellem DC02 og DC05 fejler med "The Target Principal Name is incorrect", og PCNS på DC05 står også i kø. Hvordan får jeg replikeringen i gang først?',
      ).route,
    ).toBe('out-of-scope');
  });

  it('does not take the Azure portal for the MIM Portal', () => {
    expect(
      decision(
        'Graph connectoren kaster Authorization_RequestDenied exceptions ved import. Skal der mere til i Azure portalen?',
      ).route,
    ).toBe('extension-dll-exception');
  });

  it('treats a status that is a known issue of the named build as a build question (routing rule 4)', () => {
    expect(
      decision('runs stop with stopped-extension-dll-load right after we installed 4.5.286.0').route,
    ).toBe('update-mim');
    expect(decision('full sync dies, status stopped-extension-dll-load and event 6152').route).toBe(
      'run-error-codes',
    );
  });

  it('says nothing specific about a greeting, and routes it out of scope for a batch caller', () => {
    const d = decision('hi there');
    expect(d.kind).toBe('no-signal');
    expect(d.route).toBe('out-of-scope');
    expect(d.candidates).toEqual([]);
  });

  it('does not let the word model guess at pasted binary noise', () => {
    const noise = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 400))).join(
      '',
    );
    const d = decision(noise);
    expect(d.kind).toBe('no-signal');
    expect(d.route).toBe('out-of-scope');
  });

  it('reports only run-level statuses as statusCode and object errors as objectCode', () => {
    const d = decision('completed-export-errors with cd-error on 12 objects');
    expect(d.statusCode).toBe('completed-export-errors');
    expect(d.objectCode).toBe('cd-error');
  });

  it('asks which of two close candidates rather than guessing', () => {
    const d = decide({
      text: 'x',
      lang: null,
      words: [],
      findings: [
        { kind: 'symptom', value: 'slow', raw: 'slow', confidence: 0.8 },
        { kind: 'symptom', value: 'pcns', raw: 'pcns', confidence: 0.8 },
      ],
    });
    expect(d.kind).toBe('clarify');
    expect(d.candidates.map((c) => c.step).sort()).toEqual(['fim-ma-slow-full-sync', 'pcns-6025']);
  });
});
