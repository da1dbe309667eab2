import * as readers from '../../../src/diagnosis/readers';

describe('src/diagnosis/readers (the public entry)', () => {
  it('exports the three readers and the CLI summary', () => {
    expect(typeof readers.readRunHistory).toBe('function');
    expect(typeof readers.readEventLog).toBe('function');
    expect(typeof readers.readStackTrace).toBe('function');
    expect(typeof readers.summarizeRunHistory).toBe('function');
  });

  it('the readers compose: an extension call stack from a run history reads as a stack trace', () => {
    const reading = readers.readRunHistory(
      '<import-error dn="CN=A"><error-type>extension-dll-exception</error-type><extension-error-info><call-stack>System.NullReferenceException: Object reference not set to an instance of an object.\n   at Contoso.MAExtension.MAExtensionObject.Microsoft.MetadirectoryServices.IMASynchronization.MapAttributesForImport(String FlowRuleName, CSEntry csentry, MVEntry mventry)</call-stack></extension-error-info></import-error>',
    );
    const stack = reading.runs[0].steps[0].errorGroups[0].examples[0].extensionError?.callStack ?? '';
    expect(readers.readStackTrace(stack).callsite).toBe('import-flow');
  });
});
