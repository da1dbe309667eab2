import { diagnose } from '../../src/diagnosis/diagnose';
import { PRODUCTS } from '../../src/diagnosis/knowledge/products';

/** Neighbouring products: when the product decides, and when it is only mentioned (routing rules 2, 5, 8, 9, 10). */

describe('a neighbouring product', () => {
  it.each([
    [
      'another engine decides whatever status it quotes (rule 2)',
      'Our Azure AD Connect server: the AD connector delta import ends in stopped-extension-dll-exception since Monday.',
      'out-of-scope',
      'entra-connect',
    ],
    [
      'the FIM connector for Azure AD is a connector of the Sync engine, not that engine',
      'The FIM Azure AD connector (the old one, not AAD Connect) stops every import with stopped-extension-dll-exception.',
      'extension-dll-exception',
      null,
    ],
    [
      'SharePoint 2010 profile sync is SharePoint’s own engine (rule 9)',
      'SharePoint 2010 user profile synchronization: the incremental profile sync ends stopped-server in miisclient every night.',
      'out-of-scope',
      'sharepoint-profile-sync',
    ],
    [
      'SharePoint 2010 and 2013 carry their own FIM engine, whatever the admin calls the feature (rule 9)',
      'Since we added a BCS entity to the SharePoint 2013 user profiles the sync step in miisclient shows stopped-extension-dll-exception. Where do I look?',
      'out-of-scope',
      'sharepoint-profile-sync',
    ],
    [
      'a MIM 2016 Sync server used for SharePoint profiles routes by its symptom (rule 9)',
      'MIM 2016 syncing profiles to SharePoint 2019: the SPMA export now ends with stopped-server. What does that status mean?',
      'run-error-codes',
      null,
    ],
    [
      'a scheduler asked about, with no Sync failure, decides',
      'Vores AutoSync trigger fyrer aldrig for HR MA’en, selv om der er ændringer. Hvordan fejlfinder jeg AutoSync triggers?',
      'out-of-scope',
      'lithnet-autosync',
    ],
    [
      'a tool whose own code throws, in a message that never mentions the Sync engine, decides',
      'Access Manager agent on a workgroup server: agent.log has Lithnet.AccessManager.Agent.RegistrationFailedException: the registration key was rejected. Why?',
      'out-of-scope',
      'lithnet-access-manager',
    ],
    [
      'a known bug of a tool is the tool’s, when no Sync build is named',
      'Efter vi rullede Lithnet Password Protection ud på vores DC’er fejler oprettelse af brugere i ADUC med en memory fejl. Er det en kendt fejl i den version?',
      'out-of-scope',
      'lithnet-password-protection',
    ],
    [
      'the same tool next to a Sync failure does not decide (rule 10)',
      'Since Lithnet Password Protection went onto the DCs our ADMA export ends with stopped-server. What should I check?',
      'run-error-codes',
      null,
    ],
    [
      'another engine named only on the side, next to a Sync failure, does not decide (rule 10)',
      'The HR MA export ends with stopped-extension-dll-exception since the weekend. We also have Azure AD Connect in the same forest, but that one runs fine.',
      'extension-dll-exception',
      null,
    ],
    [
      'the same aside in Danish',
      'Vores AD MA delta import stopper med stopped-connectivity hver nat. Vi har i øvrigt også Azure AD Connect kørende, men den kører fint.',
      'run-error-codes',
      null,
    ],
    [
      'another engine named on the side while the exception is the question does not decide either',
      'We get EntryPointNotImplementedException on sync since we set an import flow to Advanced. Btw we also have Azure AD Connect in the domain.',
      'extension-dll-exception',
      null,
    ],
    [
      'a scheduler that only started the failing run does not (rule 10)',
      'AutoSync starts our ADMA delta import every 10 minutes and since this morning it ends in stopped-connectivity. What should I check?',
      'run-error-codes',
      null,
    ],
    [
      'a run status quoted as background does not outweigh the tool the question names (rule 10)',
      'Our exports finish completed-export-errors, which is expected for a few contractors. How do I make the AutoSync trigger skip them?',
      'out-of-scope',
      'lithnet-autosync',
    ],
    [
      'a message that keeps coming back to the tool is about the tool, whatever status it quotes in passing',
      'After the upgrade AutoSync no longer sees the end of the HR MA run, the last one ended completed-export-errors. The AutoSync editor shows it running all day and only an AutoSync restart clears it. Ideas?',
      'out-of-scope',
      'lithnet-autosync',
    ],
    [
      'a failure asked about still gets its step, however often the tool is named',
      'AutoSync runs our HR MA, AutoSync mails us, and AutoSync says the delta import ends stopped-connectivity. What does stopped-connectivity mean?',
      'run-error-codes',
      null,
    ],
    [
      'a password filter on the DCs is not PCNS, whatever event the DC logs',
      'Since the DCs run Lithnet Password Protection users see a generic error when a password is rejected, and the DC logs event 8204. Can the message be changed?',
      'out-of-scope',
      'lithnet-password-protection',
    ],
    [
      'another vendor’s identity manager is not MIM, whatever it calls a duplicate',
      'Our SailPoint IdentityIQ aggregation from AD throws a duplicate account error since the upgrade. Which setting fixes it?',
      'out-of-scope',
      'other-identity-product',
    ],
    [
      'another identity manager’s own LDAP connector is not MIM’s Generic LDAP connector',
      'In midPoint the LDAP connector misses every change from OpenLDAP, while MIM’s Generic LDAP connector reads the same accesslog fine. Do I need a newer connector build?',
      'out-of-scope',
      'other-identity-product',
    ],
    [
      'IBM’s directory integrator has changelog connectors of its own',
      'The other team runs IBM Tivoli Directory Integrator 7 against our old Sun DS and its changelog connector keeps missing changes. Is it the merge mode parameter?',
      'out-of-scope',
      'other-identity-product',
    ],
    [
      'another vendor’s privilege manager on the same SQL instance throws its own exceptions',
      'Privilege Manager from Delinea shares the SQL instance with MIM and logs Thycotic.Data.DataAccessorException: the transaction log is full. How do we keep its log small?',
      'out-of-scope',
      'other-pam-product',
    ],
    [
      'a product named only to be ruled out does not decide',
      'Export til AD fra MIM (AD MA, ikke Entra) ender med completed-export-errors og permission-issue. Vi bruger ikke Entra provisioning her. Hvad betyder permission-issue?',
      'run-error-codes',
      null,
    ],
    [
      'the same product named as what runs still decides (rule 2)',
      'Our Entra provisioning agent logs completed-export-errors for the on-prem app. What does it mean?',
      'out-of-scope',
      'entra-provisioning',
    ],
    [
      'an identity governance service with a connector named like MIM’s is another product',
      'We are evaluating ConductorOne for access reviews. Can its LDAP connector share the bind account of our Generic LDAP MA? No errors yet, just planning.',
      'out-of-scope',
      'other-identity-product',
    ],
    [
      'a SQL monitor’s alert about another database on the Sync database’s instance is not a slow sync',
      'Redgate Monitor raises PAGEIOLATCH waits on the ERP database every night. The MIM sync database is on the same instance. Should we move the ERP files?',
      'out-of-scope',
      'sql-monitoring',
    ],
    [
      'the tool that keeps the SQL instance’s settings is the subject when its resource undoes a fix',
      'Our MIM SQL instance is built with DSC. After each reboot SQL fails to start with a logon failure until I clear the password that the SqlServiceAccount resource sets for the gMSA. How do we configure that resource for a gMSA?',
      'out-of-scope',
      'configuration-management',
    ],
    [
      'a configuration tool named for how the server was built does not override a run failure (rule 10)',
      'Our sync server was built with Ansible last year. Since Monday the ADMA delta import ends with stopped-connectivity. What does that status mean?',
      'run-error-codes',
      null,
    ],
    [
      'the monitoring of the Sync server is not the Sync engine while the runs succeed',
      'SCOM shows our MIM sync server as grey with heartbeat failures, yet every run profile ends with success. Who should look at it?',
      'out-of-scope',
      'scom-monitoring',
    ],
    [
      'the engine before MIIS is not MIM 2016',
      'We still run Microsoft Metadirectory Services 2.2 somewhere: the AD MA starts and stops at once with nothing in the logs. Any ideas?',
      'out-of-scope',
      'metadirectory-services',
    ],
    [
      'a run that succeeded is no Sync failure: the scheduler that calls it failed is the subject',
      'UNIFYNow marks the HR operation list as failed although the run history in MIM shows success for every step.',
      'out-of-scope',
      'unifynow',
    ],
    [
      'policy rules named in a FIM Service MA export failure are how those errors read (rule 8)',
      'FIM MA export: the new users get failed-creation-via-web-services with PermissionDenied. Which MPR are we missing?',
      'fim-ma-failed-creation',
      null,
    ],
    [
      'the MIM Service named alone, asked about its own queries, is the Service, not its MA (rule 8)',
      'An XPath filter with contains() gives an error in the FIM Service event log while starts-with works. Does the MIM Service support contains in XPath?',
      'out-of-scope',
      'mim-service',
    ],
    [
      'the Service named with an export of its MA is still the MA’s failure (rule 8)',
      'The FIM Service MA export gives failed-creation-via-web-services for every new user since Friday.',
      'fim-ma-failed-creation',
      null,
    ],
    [
      'another vendor’s synchronization service decides, whatever its SQL timeouts (rule 2)',
      'In Active Roles Synchronization Service the SQL connection times out on our large HR view. Where is the command timeout set?',
      'out-of-scope',
      'other-identity-product',
    ],
    [
      'BizTalk’s single sign-on receiving PCNS notifications is BizTalk’s, not the 6025 step',
      'ENTSSO on the BizTalk box logs that a password change came in from PCNS for each user. Is that fine or do I need to act?',
      'out-of-scope',
      'biztalk-sso',
    ],
    [
      'a documentation tool that crashes is the tool’s problem, not an extension exception',
      'MIMConfigDocumenter stops half way with System.Xml.XmlException: unexpected token. Our runs are fine; what file does it read?',
      'out-of-scope',
      'mim-config-documenter',
    ],
    [
      'a PCNS set-up question is not the 6025 step (rule 5)',
      'Skal PCNS installeres på hver DC i forest’en, eller er det nok med dem i den ene site?',
      'out-of-scope',
      'pcns-setup',
    ],
    [
      'a PCNS 6025 error still is',
      'PCNS logs event 6025 on DC02 for every password change since the SPN was moved.',
      'pcns-6025',
      null,
    ],
    [
      'a Python stack trace comes from another program, whatever it syncs',
      'Our user sync job dies:\nTraceback (most recent call last):\n  File "app.py", line 345, in main\nldap.FILTER_ERROR: Bad search filter\nIs there a known issue with the LDAP connector?',
      'out-of-scope',
      'other-runtime-tool',
    ],
    [
      'a Java exception from a Kafka Connect connector on the Sync database’s SQL instance is that connector’s own',
      'The data team’s Debezium SQL Server connector reads CDC from the same instance as our MIM databases and died in the patch window:\norg.apache.kafka.connect.errors.ConnectException: An exception occurred in the change event producer.\nCaused by: com.microsoft.sqlserver.jdbc.SQLServerException: SHUTDOWN is in progress.\nMIM recovered fine. Can it reconnect by itself?',
      'out-of-scope',
      'other-runtime-tool',
    ],
    [
      'a job scheduler that starts the runs is the subject when its own job status is asked about (rule 10)',
      'We start our MIM run profiles from pgAgent. Last night the LDS MA export ended completed-export-errors and the wrapper exits 1, but the pgAgent job still shows success. How do I make pgAgent honour the exit code?',
      'out-of-scope',
      'other-mim-scheduler',
    ],
    [
      'the scheduler that started a failing run does not override the failure asked about (rule 10)',
      'Control-M starts our run profiles. Since Monday the ADMA delta import ends with stopped-connectivity. What does that status mean?',
      'run-error-codes',
      null,
    ],
    [
      'a Linux host’s Kerberos trouble after DC patching is its directory client’s, with PCNS fine',
      'After the DC patches our RHEL hosts (SSSD) stopped taking AD logins: KDC has no support for encryption type. PCNS on the same DCs is fine, no 6025s. Anyone seen this with SSSD and the Kerberos hardening?',
      'out-of-scope',
      'linux-directory-client',
    ],
    [
      'ForgeRock’s directory is a target of the Generic LDAP connector, not another identity manager',
      'Delta import from PingDS (formerly ForgeRock DS) with the Generic LDAP connector 1.1.1610.0 fails: the last known change number was not found in the changelog. Is there a newer build that handles this?',
      'update-connectors',
      null,
    ],
    [
      'a monitoring tool asked about decides over the events it is to alert on',
      'We want Splunk to alert when a MIM run fails. The universal forwarder sends nothing from the Application log source FIMSynchronizationService. Plan is to alert on 6100 and 6801 afterwards. Does the whitelist need the Splunk Add-on for Windows?',
      'out-of-scope',
      'splunk',
    ],
    [
      'a custom client of the MIM Service web service is the Service’s business (rule 8)',
      'Our own C# app calls the MIM Service: There was no endpoint listening at https://mimsvc:5725/ResourceManagementService that could accept the message. Do the bindings have to match on both sides?',
      'out-of-scope',
      'mim-service',
    ],
    [
      'the Service and Portal’s own patch failing to install is not a Sync build question',
      'The MIM 2016 SP1 Service and Portal hotfix (FIMService_x64_KB3201389.msp) rolls back with error 1603 at the very end. Any idea why?',
      'out-of-scope',
      'mim-service',
    ],
  ])('%s', (_name, text, step, product) => {
    const { decision } = diagnose(text);
    expect({ step: decision.route, product: decision.product ?? null }).toEqual({ step, product });
  });
});

describe('the products table', () => {
  it('links only to pages and trackers over https, and names every product in both languages', () => {
    for (const p of PRODUCTS) {
      for (const url of [p.docs, p.tracker].filter((u): u is string => u !== undefined))
        expect(url).toMatch(/^https:\/\/[a-z0-9.-]+\//);
      expect(p.what.en.length).toBeGreaterThan(10);
      expect(p.what.da.length).toBeGreaterThan(10);
      // A description stands inside a sentence ("That is another vendor's identity manager").
      if (p.label)
        expect([p.label.en, p.label.da].map((l) => l.charAt(0) === l.charAt(0).toLowerCase())).toEqual([
          true,
          true,
        ]);
    }
  });
});
