import { newCase, resolveCase, summarizeFindings, takeCase } from '../../src/escalation/case';
import { caseSummary } from '../../src/escalation/summary';
import { summaryCaseInput as input } from '../fixtures/case-samples';

const created = newCase(input, 1042, 's', new Date('2025-03-01T09:05:00Z'));

describe('caseSummary', () => {
  it('lists only what was recognised, in a fixed order, with codes as MIM shows them', () => {
    expect(caseSummary(created)).toEqual({
      caseId: 'MSD-1042',
      status: 'open',
      requester: 'Alice Admin',
      openedAt: '2025-03-01T09:05:00.000Z',
      impact: 'all-runs-blocked',
      description: 'Eksporten til AD stopper',
      recognised: [
        { kind: 'statusCodes', value: 'stopped-extension-dll-exception' },
        { kind: 'eventIds', value: '6801' },
        { kind: 'mimBuild', value: '4.6.607.0' },
        { kind: 'connectorBuilds', value: '1.1.2166.0' },
      ],
      steps: [{ step: 'extension-dll-exception', outcome: 'still-failing' }],
      transcript: ['kørslen stopper', 'adgangskode: [REDACTED]'],
      takenBy: null,
      resolvedBy: null,
      resolution: null,
    });
  });

  it('says who took and resolved the case, and when', () => {
    const now = new Date('2025-03-02T10:00:00Z');
    const taken = takeCase(created, { id: 'b', name: 'Bo Support' }, now).case;
    const resolved = resolveCase(taken, { id: 'b', name: 'Bo Support' }, 'Ny DLL udrullet', now).case;
    expect(caseSummary(resolved)).toMatchObject({
      status: 'resolved',
      takenBy: { name: 'Bo Support', at: now.toISOString() },
      resolvedBy: { name: 'Bo Support', at: now.toISOString() },
      resolution: 'Ny DLL udrullet',
    });
  });

  it('recognises nothing when nothing was found', () => {
    const bare = newCase(
      {
        ...input,
        findings: summarizeFindings(
          { findings: [], mimBuild: null, connector: null, statusCode: null },
          null,
        ),
      },
      1,
      's',
      new Date(),
    );
    expect(caseSummary(bare).recognised).toEqual([]);
  });
});
