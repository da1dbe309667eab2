import { redact, REDACTED, REDACTION_RULES } from '../../src/escalation/redact';

const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.c2lnbmF0dXJlLXBhcnQtaGVyZQ';

describe('redact: secrets', () => {
  it.each([
    ['password=', 'password=hunter2 and more', 'password=[REDACTED] and more'],
    [
      'pwd= in an ODBC string',
      'Driver={SQL Server};Server=sql01;Uid=svc;Pwd=S3cret!;',
      'Driver={SQL Server};Server=sql01;Uid=svc;Pwd=[REDACTED];',
    ],
    ['Password: prose', 'Password: Summer2024!', 'Password: [REDACTED]'],
    ['-Password quoted', "Set-X -Password 'P@ss w0rd' -Name y", "Set-X -Password '[REDACTED]' -Name y"],
    ['-Password double-quoted', '-Password "abc def"', '-Password "[REDACTED]"'],
    [
      'ConvertTo-SecureString literal',
      '$p = ConvertTo-SecureString "Pa55" -AsPlainText',
      '$p = ConvertTo-SecureString "[REDACTED]" -AsPlainText',
    ],
    ['adgangskode: (Danish)', 'adgangskode: Sommer2024!', 'adgangskode: [REDACTED]'],
    ['adgangskoden er (Danish prose)', 'adgangskoden er Hemmelig1 nu', 'adgangskoden er [REDACTED] nu'],
    ['password is (prose)', 'my password is Summer2024! ok', 'my password is [REDACTED] ok'],
    [
      'SQL connection string',
      'Server=sql01;Database=FIMSynchronizationService;User Id=sa;Password=Secret1;',
      'Server=sql01;Database=FIMSynchronizationService;User Id=sa;Password=[REDACTED];',
    ],
    [
      'AccountKey=',
      'AccountName=acct;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==;',
      'AccountName=acct;AccountKey=[REDACTED];',
    ],
    [
      'storage connection string',
      'conn DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=abc+/def==;EndpointSuffix=core.windows.net end',
      'conn DefaultEndpointsProtocol=[REDACTED] end',
    ],
    [
      'SharedAccessSignature=',
      'BlobEndpoint=https://x.blob.core.windows.net;SharedAccessSignature=sv=2022-11-02&ss=b&sig=abc%2Fdef;',
      'BlobEndpoint=https://x.blob.core.windows.net;SharedAccessSignature=[REDACTED];',
    ],
    [
      'SharedAccessKey=',
      'Endpoint=sb://x/;SharedAccessKeyName=Root;SharedAccessKey=abcdEFGH1234=',
      'Endpoint=sb://x/;SharedAccessKeyName=Root;SharedAccessKey=[REDACTED]',
    ],
    [
      'SAS sig in a URL',
      'https://a.blob.core.windows.net/c?sv=2022&sig=AbC%2B123&se=2025',
      'https://a.blob.core.windows.net/c?sv=2022&sig=[REDACTED]&se=2025',
    ],
    ['Bearer token', `Authorization: Bearer ${JWT}`, 'Authorization: Bearer [REDACTED]'],
    ['bare Bearer', 'sent Bearer abcdefghijklmnopqrstuvwxyz0123', 'sent Bearer [REDACTED]'],
    ['Basic auth header', 'Authorization: Basic dXNlcjpwYXNz', 'Authorization: Basic [REDACTED]'],
    ['JWT anywhere', `token was ${JWT}.`, 'token was [REDACTED].'],
    [
      'client_secret=',
      'client_id=abc&client_secret=x~Y.123&grant_type=client_credentials',
      'client_id=abc&client_secret=[REDACTED]&grant_type=client_credentials',
    ],
    [
      'JSON client_secret',
      '{"client_secret": "s3cr3t", "tenant": "t"}',
      '{"client_secret": "[REDACTED]", "tenant": "t"}',
    ],
    ['api_key=', 'api_key=12345abc', 'api_key=[REDACTED]'],
    ['api-key header', 'x-api-key: abcdef123', 'x-api-key: [REDACTED]'],
    ['apikey=', 'apikey=zzz', 'apikey=[REDACTED]'],
    [
      'hex secret after "key"',
      'the storage key 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a here',
      'the storage key [REDACTED] here',
    ],
    ['base64 after "secret"', 'secret Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==', 'secret [REDACTED]'],
    ['long token after "token"', 'token: a1b2c3d4e5f6g7h8i9j0k1l2', 'token: [REDACTED]'],
    ['LDIF unicodePwd', 'unicodePwd:: IgBQAGEAcwBzAHcAbwByAGQAIgA=', 'unicodePwd:: [REDACTED]'],
    [
      'PEM private key',
      'key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nabc\n-----END RSA PRIVATE KEY-----\nafter',
      'key:\n[REDACTED]\nafter',
    ],
    [
      'PEM cut off in the paste',
      'x -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
      'x [REDACTED]',
    ],
    [
      'encrypted PEM',
      '-----BEGIN ENCRYPTED PRIVATE KEY-----\nabc\n-----END ENCRYPTED PRIVATE KEY-----',
      '[REDACTED]',
    ],
    ['quoted value cut off at the line end', 'password="abc\nnext line', 'password="[REDACTED]\nnext line'],
  ])('%s', (_name, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const text = `password=hunter2; ${JWT}; AccountKey=abc==; -----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----`;
    const once = redact(text);
    expect(redact(once)).toBe(once);
    expect(once).not.toMatch(/hunter2|abc==|eyJhbGci/);
  });

  it('names its rules', () => {
    expect(REDACTION_RULES).toContain('private-key-pem');
    expect(REDACTION_RULES).toContain('jwt');
  });
});

describe('redact: MIM literals stay', () => {
  it.each([
    'stopped-extension-dll-exception on the AD MA',
    'completed-export-errors with failed-creation-via-web-services',
    'object error password-policy-violation and password-set-disallowed',
    'encryption-key-lost after the restore',
    'System.Collections.Generic.KeyNotFoundException: The given key was not present in the dictionary.',
    'Event ID 6025 from PCNS; event 6801 and 6309',
    'build 4.6.607.0, connector 1.1.2166.0',
    'CN=svc-mimsync,OU=Service Accounts,DC=contoso,DC=com',
    'CN=Password Reset Users,OU=Groups,DC=contoso,DC=com',
    'pwdLastSet=0 and userAccountControl=512',
    'Password synchronization failed; Password Change Notification Service logged it',
    'the password is expired.',
    'anchor key: 3F2504E0-4F89-11D3-9A0C-0305E82C3301',
    'HRESULT 0x80230626 in miiserver.exe',
    'Bearer token auth failed',
    'registry key: HKLM\\SYSTEM\\CurrentControlSet\\Services\\FIMSynchronizationService',
    'thumbprint 1234567890ABCDEF1234567890ABCDEF12345678 on the cert',
  ])('%s', (text) => {
    expect(redact(text)).toBe(text);
  });
});

describe('redact: linear time on hostile input', () => {
  const N = 100_000;
  const fill = (unit: string): string => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);

  it.each([
    ['one long word', 'a'.repeat(N)],
    ['keyword then spaces', `password${' '.repeat(N)}`],
    ['repeated password=', fill('password=')],
    ['unclosed quote', `"password":"${'a'.repeat(N)}`],
    ['repeated open quotes', fill('password="')],
    ['eyJ repeated', fill('eyJ')],
    ['eyJ then a long run', `eyJ${'a'.repeat(N)}`],
    ['JWT-like fragments', fill('eyJaaaa.eyJbbbb.')],
    ['PEM BEGIN repeated', fill('-----BEGIN PRIVATE KEY-----')],
    ['PEM BEGIN prefixes', fill('-----BEGIN ')],
    ['Bearer with short tokens', fill('Bearer aaaaaaaaaaaaaaa ')],
    ['key word with short values', fill('key aaaaaaaaaaaaaaaaaaa ')],
    ['key word then a long run', `key ${'a1'.repeat(N / 2)}`],
    ['SharedAccessSignature repeated', fill('SharedAccessSignature ')],
    ['Authorization repeated', fill('Authorization: ')],
    ['-Password repeated', fill('-Password "')],
    ['prose repeated', fill('password is ')],
    [
      'everything mixed',
      fill('password: eyJ key= -----BEGIN Bearer "secret":" DefaultEndpointsProtocol= \n'),
    ],
    ['dashes', '-'.repeat(N)],
    ['equals', '='.repeat(N)],
  ])('%s (100 KB)', (_name, text) => {
    const started = performance.now();
    const out = redact(text);
    const elapsed = performance.now() - started;
    expect(typeof out).toBe('string');
    // Linear patterns take a few ms here; a quadratic one takes seconds.
    expect(elapsed).toBeLessThan(500);
  });

  it('still redacts inside a big paste', () => {
    const text = `${'log line stopped-server\n'.repeat(4000)}password=hunter2\n${'x'.repeat(1000)}`;
    expect(redact(text)).toContain(`password=${REDACTED}`);
    expect(redact(text)).not.toContain('hunter2');
  });
});
