import { greetingLength, recognize } from '../../src/diagnosis/recognize';
import type { Finding, FindingKind } from '../../src/diagnosis/types';

function values(text: string, kind: FindingKind): string[] {
  return recognize(text)
    .findings.filter((f: Finding) => f.kind === kind)
    .map((f) => f.value);
}

describe('recognize: status and error codes however they are written', () => {
  it.each([
    ['stopped-extension-dll-exception', 'stopped-extension-dll-exception'],
    ['the run said stopped extension dll exception', 'stopped-extension-dll-exception'],
    ['StoppedExtensionDllException on import', 'stopped-extension-dll-exception'],
    ['stopped_connectivity last night', 'stopped-connectivity'],
    ['status: stoped-conectivity', 'stopped-connectivity'],
    ['stoped-extension-dll-exeption', 'stopped-extension-dll-exception'],
    ['Completed-Export-Errors', 'completed-export-errors'],
    ['no-start-ma-already-running', 'no-start-ma-already-running'],
    ['kørslen endte med afbrudt server', 'stopped-server'],
    ['run stopped with extension-dll-exception', 'stopped-extension-dll-exception'],
  ])('finds the run status in "%s"', (text, code) => {
    expect(values(text, 'run-status')).toContain(code);
  });

  it.each([
    ['export: failed-creation-via-web-services', 'failed-creation-via-web-services'],
    ['FailedModificationViaWebServices', 'failed-modification-via-web-services'],
    ['cd-error on 12 objects', 'cd-error'],
    ['sync-rule-flow-provisioning-failed', 'sync-rule-flow-provisioning-failed'],
  ])('finds the object error in "%s"', (text, code) => {
    expect(values(text, 'object-error')).toContain(code);
  });

  it('does not read a code whose words any program writes, spaced in prose, as that code', () => {
    // "An unexpected error occurred" is .NET's and every web app's wording, not MIM's object error.
    expect(
      values('The underlying connection was closed: An unexpected error occurred on a send.', 'object-error'),
    ).toEqual([]);
    expect(values('one object shows unexpected-error after the delta sync', 'object-error')).toEqual([
      'unexpected-error',
    ]);
    // MIM's own event text for an engine failure still counts as one.
    expect(
      values('The server encountered an unexpected error in the synchronization engine:', 'symptom'),
    ).toContain('engine-failure');
    expect(values('There was an unexpected error on the admin page.', 'symptom')).not.toContain(
      'engine-failure',
    );
  });

  it('prefers the whole run status over the object code inside it', () => {
    const found = recognize('status stopped-extension-dll-exception').findings;
    expect(found.filter((f) => f.kind === 'run-status').map((f) => f.value)).toEqual([
      'stopped-extension-dll-exception',
    ]);
    expect(found.filter((f) => f.kind === 'object-error')).toEqual([]);
  });

  it('does not invent a code from ordinary words', () => {
    expect(values('the server stopped and the export failed', 'run-status')).toEqual([]);
  });
});

describe('recognize: event IDs, builds, names', () => {
  it.each([
    ['event 6025 on DC01', '6025'],
    ['Event ID: 6025', '6025'],
    ['hændelse 6025 i loggen', '6025'],
    ['PCNS 4003 warning', '4003'],
    ['EventID 6311 in the app log', '6311'],
  ])('finds event %s', (text, id) => {
    expect(values(text, 'event-id')).toContain(id);
  });

  it('does not read event IDs out of build numbers', () => {
    expect(values('we run 4.1.3766.0 and 4.6.607.0', 'event-id')).toEqual([]);
  });

  it('finds MIM and connector builds', () => {
    expect(values('sync 4.6.421.0, connectors 1.1.1610.0', 'mim-build')).toEqual(['4.6.421.0']);
    expect(values('sync 4.6.421.0, connectors 1.1.1610.0', 'connector-build')).toEqual(['1.1.1610.0']);
  });

  it.each([
    ['GLDAP against OpenLDAP', 'generic-ldap'],
    ['our GSQL MA', 'generic-sql'],
    ['the Notes connector', 'lotus-domino'],
    ['FIM MA export', 'fim-service'],
    ['MIM Service MA', 'fim-service'],
    ['ADMA delta import', 'ad'],
    ['PSMA export', 'powershell'],
  ])('knows the connector in "%s"', (text, id) => {
    expect(values(text, 'connector')).toContain(id);
  });

  it('reads a connector named inside a longer name as the longer one', () => {
    // "Web Service MA" ends in "Service MA", which alone names the FIM Service MA.
    expect(values('Your Web Service MA calls our API nightly.', 'connector')).toEqual(['web-services']);
    expect(values('The MIM Service MA export hangs.', 'connector')).toEqual(['fim-service']);
  });

  it('reads exception names and HRESULTs from a stack trace', () => {
    const trace = [
      'Microsoft.MetadirectoryServices.ObjectAlreadyExistsException: An object with DN "CN=x" already exists',
      '   at Microsoft.MetadirectoryServices.Impl.ConnectorCollectionImpl.StartNewConnector(String)',
      '   at Mms_Metaverse.MVExtensionObject.Provision(MVEntry mventry)',
      'BAIL: MMS(1234): 0x80230304',
    ].join('\n');
    const found = recognize(trace).findings;
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'exception', value: 'objectalreadyexistsexception' }),
        expect.objectContaining({ kind: 'hresult', value: '0x80230304' }),
        expect.objectContaining({ kind: 'symptom', value: 'stack-trace' }),
      ]),
    );
  });
});

describe('recognize: short codes and negated failure words', () => {
  it('reads a result code written without its leading zeros as the whole HRESULT', () => {
    // Task Scheduler shows "Last Run Result: (0x41301)" for SCHED_S_TASK_RUNNING, 0x00041301.
    expect(values('Last Run Result: 0x41301', 'hresult')).toEqual(['0x00041301']);
    expect(values('BAIL: MMS(1234): 0x80230304', 'hresult')).toEqual(['0x80230304']);
    // Four hex digits or fewer are offsets and flags, not result codes.
    expect(values('flags 0x7e at offset 0x1f40', 'hresult')).toEqual([]);
  });

  it('reads a product named right after a negation as ruled out, within its sentence', () => {
    expect(values('Vi bruger ikke Entra provisioning her.', 'not-product')).toEqual(['entra-provisioning']);
    expect(values("We don't use Entra provisioning here.", 'not-product')).toEqual(['entra-provisioning']);
    // A negated verb other than having or using keeps the product the subject.
    expect(values("I can't find the Entra provisioning agent's log.", 'product')).toEqual([
      'entra-provisioning',
    ]);
    expect(values('Reboot did not help. Entra provisioning agent logs errors.', 'product')).toEqual([
      'entra-provisioning',
    ]);
  });

  it('does not count a failure word the admin negates', () => {
    expect(values('Nothing is failing today, we are only planning.', 'symptom')).toEqual(
      expect.arrayContaining(['nothing-broken']),
    );
    expect(values('Nothing is failing today, we are only planning.', 'symptom')).not.toContain('error-words');
    expect(values('Der fejler ikke noget endnu.', 'symptom')).not.toContain('error-words');
    expect(values('The export is failing since Monday.', 'symptom')).toContain('error-words');
  });

  it('reads PCNS as fine only where the admin says it delivers, not where it works for some', () => {
    expect(values('All run profiles are fine and PCNS is delivering.', 'symptom')).toContain('pcns-fine');
    expect(values('Ingen PCNS fejl, og PCNS kører fint på alle DCer.', 'symptom')).toContain('pcns-fine');
    expect(values('PCNS works for most users, but some passwords never arrive.', 'symptom')).not.toContain(
      'pcns-fine',
    );
    expect(values('PCNS virker for nogle brugere, ikke for andre.', 'symptom')).not.toContain('pcns-fine');
  });

  it('reads a hang in the word, not in a product name that starts like it', () => {
    expect(values('The full sync hangs at 38 % for hours.', 'symptom')).toContain('hang');
    expect(values('We start the run profiles from a Hangfire recurring job.', 'symptom')).not.toContain(
      'hang',
    );
  });
});

describe('recognize: language', () => {
  it.each([
    ['fuld synkronisering hænger i flere timer på vores FIM MA, hvad kan vi gøre?', 'da'],
    ['full sync hangs for hours on our FIM MA, what can we do?', 'en'],
    ['stopped-server', null],
  ])('"%s" is written in %s', (text, lang) => {
    expect(recognize(text).lang).toBe(lang);
  });
});

describe('recognize: adversarial input', () => {
  const inputs: [string, string][] = [
    ['100 KB of one letter', 'a'.repeat(100_000)],
    ['hyphen chains', 'stopped-'.repeat(15_000)],
    ['near-codes everywhere', 'stoped-extension-dll-exeption '.repeat(3_000)],
    ['digits and dots', '4.6.4.'.repeat(20_000)],
    ['emoji only', '🔥😱'.repeat(20_000)],
    [
      'binary garbage',
      Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join(''),
    ],
    ['stack frame openers', '   at '.repeat(20_000)],
  ];

  it.each(inputs)('answers %s without blowing up', (_name, text) => {
    const started = process.hrtime.bigint();
    const result = recognize(text);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(Array.isArray(result.findings)).toBe(true);
    // A safety bound against catastrophic backtracking, not a speed target (see npm run bench:recognize).
    expect(ms).toBeLessThan(2000);
  });
});

describe('the greeting a post opens with', () => {
  it.each([
    ['Hi all, hope you had a good weekend. A question from our side:\n\nOur ADMA fails', 'Our ADMA fails'],
    ['Hej alle, håber I har haft en god weekend. Et spørgsmål fra os:\n\nVores ADMA', 'Vores ADMA'],
    ['Hey there! Quick question: how do I rerun a profile', 'how do I rerun a profile'],
    // An opening line that already says what fails loses only its "Hi,".
    ['Hi, our ADMA stops every night', 'our ADMA stops every night'],
  ])('is left out of the account: %j', (text, account) => {
    expect(text.slice(greetingLength(text))).toBe(account);
  });

  it('is the message itself when there is nothing else, and nothing when there is none', () => {
    expect(greetingLength('good morning! 😊')).toBe(0);
    expect(greetingLength('High CPU on the sync server')).toBe(0);
  });

  it('does not count towards the length of the post', () => {
    const question = 'full sync on the FIM MA takes 11 hours now';
    const greeted = recognize(`Hello team, hope you are well.\n\n${question}`);
    expect(greeted.ownLength).toBe(question.length);
  });
});
