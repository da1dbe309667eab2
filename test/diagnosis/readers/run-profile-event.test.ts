import { readRunProfileEvent } from '../../../src/diagnosis/readers/run-profile-event';

describe('readRunProfileEvent', () => {
  it('reads a 6050 failure with its counts (quotes around the numbers optional)', () => {
    const text = `The management agent "FABRIKAM-SQL" failed on run profile "Export" because the server encountered errors.

 Additional Information
 Discovery Errors       : "1"
 Synchronization Errors : 2
 Metaverse Retry Errors : "3"
 Export Errors          : "4"
 Warnings               : "5"`;
    expect(readRunProfileEvent(text)).toEqual({
      maName: 'FABRIKAM-SQL',
      runProfile: 'Export',
      outcome: 'failed',
      reason: 'because the server encountered errors',
      counts: {
        discoveryErrors: 1,
        synchronizationErrors: 2,
        metaverseRetryErrors: 3,
        exportErrors: 4,
        warnings: 5,
      },
    });
  });

  it('reads "step execution completed on run profile ... with errors"', () => {
    expect(
      readRunProfileEvent(
        'The management agent "contoso.com" step execution completed on run profile "Export" with errors.',
      ),
    ).toMatchObject({
      maName: 'contoso.com',
      runProfile: 'Export',
      outcome: 'completed',
      reason: 'with errors',
    });
  });

  it('null for a description that names no MA and no run profile', () => {
    expect(readRunProfileEvent('The Password Change Notification Service started.')).toBeNull();
  });
});
