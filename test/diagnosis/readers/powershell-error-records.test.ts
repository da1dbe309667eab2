import { readFileSync } from 'fs';
import path from 'path';
import { readStackTrace } from '../../../src/diagnosis/readers/stack-trace-reader';
import { readPowerShellErrorRecords } from '../../../src/diagnosis/readers/powershell-error-records';

const text = readFileSync(
  path.resolve(__dirname, '../../fixtures/readers/powershell-error-records.txt'),
  'utf8',
);

describe('readPowerShellErrorRecords', () => {
  const records = readPowerShellErrorRecords(text.split('\n'));

  it('reads command, message, script location, CategoryInfo and FullyQualifiedErrorId', () => {
    expect(records).toHaveLength(2);
    expect(records[0]).toEqual({
      command: 'Set-ADUser',
      message: 'The server is unwilling to process the request',
      script: 'C:\\PSMA\\Fabrikam\\Export.ps1',
      line: 57,
      column: 9,
      category: 'NotSpecified',
      target: 'CN=Jane Doe,OU=...=fabrikam,DC=com:ADUser',
      activity: 'Set-ADUser',
      reason: 'ADException',
      fullyQualifiedErrorId:
        'ActiveDirectoryServer:8245,Microsoft.ActiveDirectory.Management.Commands.SetADUser',
    });
  });

  it('an error typed at a prompt ("At line:1 char:1") has no script and no target', () => {
    expect(records[1]).toEqual({
      command: null,
      message: 'You cannot call a method on a null-valued expression.',
      script: null,
      line: 1,
      column: 1,
      category: 'InvalidOperation',
      target: null,
      activity: null,
      reason: 'RuntimeException',
      fullyQualifiedErrorId: 'InvokeMethodOnNull',
    });
  });

  it('the stack-trace reader reports them and calls it a script', () => {
    const s = readStackTrace(text);
    expect(s.recognised).toBe(true);
    expect(s.powerShell.errorRecords).toHaveLength(2);
    expect(s.powerShell.signals).toEqual(['error-record']);
  });
});
