import { readFileSync } from 'fs';
import path from 'path';
import { readStackTrace } from '../../../src/diagnosis/readers/stack-trace-reader';

const FIXTURES = path.resolve(__dirname, '../../fixtures/readers');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

describe('readStackTrace: a rules extension', () => {
  const s = readStackTrace(fixture('stack-rules-extension-nre.txt'));

  it('reads the exception: type, short name, message', () => {
    expect(s.exceptions).toHaveLength(1);
    expect(s.innermost).toMatchObject({
      type: 'System.NullReferenceException',
      name: 'NullReferenceException',
      message: 'Object reference not set to an instance of an object.',
    });
  });

  it('reads each frame: namespace, class, method, explicit interface, parameters, file and line', () => {
    expect(s.frameCount).toBe(2);
    expect(s.frames[1]).toMatchObject({
      kind: 'dotnet',
      namespace: 'Contoso.MAExtension',
      className: 'MAExtensionObject',
      method: 'MapAttributesForImport',
      interfaceName: 'Microsoft.MetadirectoryServices.IMASynchronization',
      parameters: 'String FlowRuleName, CSEntry csentry, MVEntry mventry',
      file: 'C:\\src\\Contoso.MAExtension\\MAExtension.cs',
      line: 112,
      platform: false,
      exceptionIndex: 0,
    });
  });

  it('the throwing frame is the customer code nearest the throw; the callsite comes from the interface method', () => {
    expect(s.throwingFrame).toMatchObject({
      className: 'AttributeHelpers',
      method: 'BuildDisplayName',
      line: 57,
    });
    expect(s.entryPoint).toMatchObject({
      callsite: 'import-flow',
      kind: 'ma-extension',
      interfaceName: 'IMASynchronization',
    });
    expect(s.callsite).toBe('import-flow');
    expect(s.powerShell.looksLikeScript).toBe(false);
  });
});

describe('readStackTrace: provisioning in a metaverse extension', () => {
  const s = readStackTrace(fixture('stack-provisioning-already-exists.txt'));

  it('skips the text before the trace and the platform frames on top', () => {
    expect(s.innermost?.name).toBe('ObjectAlreadyExistsException');
    expect(s.innermost?.message).toContain('already exists in management agent "FABRIKAM-ADMA"');
    expect(s.frames.filter((f) => f.platform).map((f) => f.method)).toEqual([
      'StartNewConnector',
      'CommitNewConnector',
    ]);
    expect(s.throwingFrame).toMatchObject({
      namespace: 'Fabrikam.MVExtension',
      className: 'ProvisioningRules',
      method: 'ProvisionAdUser',
    });
    expect(s.entryPoint).toMatchObject({ callsite: 'provisioning', kind: 'mv-extension' });
  });
});

describe('readStackTrace: a nested chain with --->', () => {
  const s = readStackTrace(fixture('stack-nested-chain.txt'));

  it('lists the chain outer to inner and gives each exception its block of frames', () => {
    expect(s.exceptions.map((e) => [e.name, e.frames.map((f) => f.method)])).toEqual([
      ['SettingsException', ['Load', 'Initialize']],
      ['XmlException', ['Throw', 'Load', 'Parse']],
      ['IOException', ['WinIOError', 'Init', 'OpenStream']],
    ]);
    expect(s.innermost?.message).toMatch(
      /^The process cannot access the file '.*Contoso\.Sync\.config' because/,
    );
  });

  it('the throwing frame is in the innermost exception; the callsite is Initialize', () => {
    expect(s.throwingFrame).toMatchObject({
      className: 'Settings',
      method: 'OpenStream',
      line: 31,
      exceptionIndex: 2,
    });
    expect(s.callsite).toBe('initialize');
  });
});

describe('readStackTrace: the "Inner Exception:" form a logger writes', () => {
  const s = readStackTrace(fixture('stack-inner-exception-form.txt'));

  it('reads both exceptions and their frames, and finds the connector call', () => {
    expect(s.exceptions.map((e) => [e.type, e.frames.length])).toEqual([
      ['Contoso.Connectors.Rest.RestConnectorException', 1],
      ['System.Net.WebException', 3],
    ]);
    expect(s.innermost?.message).toBe('The remote server returned an error: (401) Unauthorized.');
    expect(s.throwingFrame).toMatchObject({ className: 'RestClient', method: 'Send' });
    expect(s.entryPoint).toMatchObject({
      callsite: 'connector-export',
      kind: 'ecma2-connector',
      interfaceName: null,
    });
  });
});

describe('readStackTrace: a PowerShell connector script', () => {
  const s = readStackTrace(fixture('stack-powershell-connector.txt'));

  it('says it is a script, and why', () => {
    expect(s.powerShell.looksLikeScript).toBe(true);
    expect(s.powerShell.signals).toEqual(['automation-frames', 'script-frames', 'automation-exception']);
    expect(s.innermost).toMatchObject({
      type: 'System.Management.Automation.RuntimeException',
      message: 'You cannot call a method on a null-valued expression.',
    });
  });

  it('the throwing frame is the script line; the callsite is the connector import call', () => {
    expect(s.powerShell.scriptFrames.map((f) => [f.method, f.file, f.line])).toEqual([
      ['Get-FabrikamPerson', 'C:\\PSMA\\Fabrikam\\Import.ps1', 88],
      ['<ScriptBlock>', 'C:\\PSMA\\Fabrikam\\Import.ps1', 131],
      ['<ScriptBlock>', null, 1],
    ]);
    expect(s.throwingFrame).toMatchObject({
      kind: 'script',
      method: 'Get-FabrikamPerson',
      line: 88,
      exceptionIndex: null,
    });
    expect(s.entryPoint).toMatchObject({
      callsite: 'connector-import',
      interfaceName: 'IMAExtensible2CallImport',
    });
    expect(s.exceptions[0].frames.map((f) => f.method)).toEqual(['Invoke', 'GetImportEntries']);
  });
});

describe('readStackTrace: other shapes', () => {
  it('Danish .NET: "ved ... i ...:linje N"', () => {
    const s = readStackTrace(
      'System.InvalidCastException: Den angivne konvertering er ugyldig.\n   ved Contoso.MAExtension.MAExtensionObject.Microsoft.MetadirectoryServices.IMASynchronization.MapAttributesForExport(String FlowRuleName, MVEntry mventry, CSEntry csentry) i C:\\src\\MAExtension.cs:linje 140',
    );
    expect(s.frames[0]).toMatchObject({
      method: 'MapAttributesForExport',
      file: 'C:\\src\\MAExtension.cs',
      line: 140,
    });
    expect(s.callsite).toBe('export-flow');
  });

  it('AggregateException repeats its inner exception as "(Inner Exception #0)": read once', () => {
    const s = readStackTrace(
      [
        'System.AggregateException: One or more errors occurred. ---> System.TimeoutException: The operation has timed out.',
        '   at Fabrikam.Graph.Client.GetUsers(String filter)',
        '   --- End of inner exception stack trace ---',
        '   at System.Threading.Tasks.Task.Wait()',
        '   at Fabrikam.Graph.Connector.GetImportEntries(GetImportEntriesRunStep step)',
        '---> (Inner Exception #0) System.TimeoutException: The operation has timed out.',
        '   at Fabrikam.Graph.Client.GetUsers(String filter)<---',
      ].join('\n'),
    );
    expect(s.exceptions.map((e) => e.name)).toEqual(['AggregateException', 'TimeoutException']);
    expect(s.throwingFrame).toMatchObject({ className: 'Client', method: 'GetUsers' });
    expect(s.callsite).toBe('connector-import');
  });

  it('a trace whose line breaks a chat client dropped', () => {
    const flat =
      'System.NullReferenceException: Object reference not set to an instance of an object. at Contoso.MAExtension.AttributeHelpers.BuildDisplayName(CSEntry csentry) in C:\\src\\AttributeHelpers.cs:line 57 at Contoso.MAExtension.MAExtensionObject.Microsoft.MetadirectoryServices.IMASynchronization.MapAttributesForImport(String FlowRuleName, CSEntry csentry, MVEntry mventry)';
    const s = readStackTrace(flat);
    expect(s.innermost?.message).toBe('Object reference not set to an instance of an object.');
    expect(s.frames.map((f) => f.method)).toEqual(['BuildDisplayName', 'MapAttributesForImport']);
    expect(s.callsite).toBe('import-flow');
  });

  it('a multi-line message stays one message', () => {
    const s = readStackTrace(
      'System.ArgumentNullException: Value cannot be null.\nParameter name: source\n   at System.Linq.Enumerable.First[TSource](IEnumerable`1 source)',
    );
    expect(s.innermost?.message).toBe('Value cannot be null.\nParameter name: source');
    expect(s.frames[0]).toMatchObject({
      namespace: 'System.Linq',
      className: 'Enumerable',
      method: 'First[TSource]',
      platform: true,
    });
    expect(s.throwingFrame).toBeNull();
  });

  it('an implicit implementation is mapped by its method name only in the customer code', () => {
    const s = readStackTrace(
      'System.Exception: boom\n   at Microsoft.Something.Host.Provision(MVEntry e)\n   at Contoso.MV.MVExtensionObject.ShouldDeleteFromMV(CSEntry csentry, MVEntry mventry)',
    );
    expect(s.entryPoint).toMatchObject({ callsite: 'mv-deletion', kind: 'mv-extension' });
    expect(s.entryPoint?.frame.className).toBe('MVExtensionObject');
  });

  it('ShouldProjectToMV, FilterForDisconnection, MapAttributesForJoin, ResolveJoinSearch, Deprovision', () => {
    const at = (m: string) =>
      readStackTrace(
        `System.Exception: x\n   at Contoso.MA.MAExtensionObject.Microsoft.MetadirectoryServices.IMASynchronization.${m}(CSEntry csentry)`,
      ).callsite;
    expect(
      [
        'ShouldProjectToMV',
        'FilterForDisconnection',
        'MapAttributesForJoin',
        'ResolveJoinSearch',
        'Deprovision',
      ].map(at),
    ).toEqual(['projection', 'connector-filter', 'join-mapping', 'join-resolution', 'deprovisioning']);
  });

  it('ECMA2 schema and password calls', () => {
    const at = (iface: string, m: string) =>
      readStackTrace(
        `System.Exception: x\n   at Fabrikam.Ecma.Connector.Microsoft.MetadirectoryServices.${iface}.${m}(KeyedCollection\`2 configParameters)`,
      ).callsite;
    expect(at('IMAExtensible2GetSchema', 'GetSchema')).toBe('connector-schema');
    expect(at('IMAExtensible2Password', 'SetPassword')).toBe('connector-password');
    expect(at('IMAExtensible2CallExport', 'PutExportEntries')).toBe('connector-export');
  });

  it('a lambda inside MapAttributesForImport still names its callsite', () => {
    const s = readStackTrace(
      'System.FormatException: Input string was not in a correct format.\n   at System.Number.ParseInt32(String s, NumberStyles style, NumberFormatInfo info)\n   at Contoso.MAExtension.MAExtensionObject.<MapAttributesForImport>b__0(Value v)',
    );
    expect(s.throwingFrame?.method).toBe('<MapAttributesForImport>b__0');
    expect(s.callsite).toBe('import-flow');
  });

  it('XML entities left from raw run-history XML are decoded', () => {
    const s = readStackTrace(
      'System.Exception: a &lt;b&gt;\n   at Contoso.X.&lt;&gt;c.&lt;Run&gt;b__1_0(Int32 i)',
    );
    expect(s.innermost?.message).toBe('a <b>');
    expect(s.frames[0]).toMatchObject({ className: '<>c', method: '<Run>b__1_0' });
  });

  it('a bare PowerShell exception name counts as a script sign', () => {
    const s = readStackTrace('RuntimeException: You cannot call a method on a null-valued expression.');
    expect(s.innermost?.type).toBe('RuntimeException');
    expect(s.powerShell.signals).toEqual(['automation-exception']);
  });

  it('"at night" on a line of its own is not a frame', () => {
    expect(readStackTrace('it fails\nat night\nat 2am').frameCount).toBe(0);
  });

  it('plain text is not a stack trace', () => {
    const s = readStackTrace('the export failed at 2am, see the run history');
    expect(s.recognised).toBe(false);
    expect(s.exceptions).toEqual([]);
    expect(s.frames).toEqual([]);
    expect(s.callsite).toBeNull();
  });

  it('"Type: message" reads as an exception; a type named in prose does not', () => {
    expect(readStackTrace('System.String: hello').exceptions).toHaveLength(1);
    expect(readStackTrace('the value was System.String').exceptions).toHaveLength(0);
  });
});

describe('readStackTrace: hostile lines stay cheap', () => {
  const spaces = ' '.repeat(200_000);
  it.each([
    ['a 200,000-space line', `x${spaces}y`],
    ['"at" and 200,000 spaces', `   at A.B(${spaces}x`],
    ['a header and 200,000 spaces', `System.X: "${spaces}x`],
    ['a separator and 200,000 spaces', `--- ${spaces}x`],
    ['commas before a script line', `at ${'a,'.repeat(50_000)}: line`],
    ['") in " many times', `at A.B() in ${'x) in '.repeat(20_000)}:line`],
    ['"At" with many colons', `At ${'x:1 '.repeat(30_000)}`],
    ['a CategoryInfo of brackets', `    + CategoryInfo : A: (${'(x) ['.repeat(20_000)}`],
  ])('%s', (_name, text) => {
    const started = Date.now();
    readStackTrace(text);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('100,000 frames: counted, 200 kept', () => {
    const s = readStackTrace(`System.Exception: x\n${'   at A.B.C(Int32 x)\n'.repeat(100_000)}`);
    expect(s.frameCount).toBe(100_000);
    expect(s.frames).toHaveLength(200);
  });
});
