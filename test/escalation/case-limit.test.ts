import { overDailyCaseLimit, type EscalationCase } from '../../src/escalation';

/** The daily cap counts the cases a requester opened in the last 24 hours; a repeat is never refused. */

const NOW = Date.parse('2026-03-02T12:00:00Z');
const opened = (submissionId: string, hoursAgo: number) =>
  ({ submissionId, createdAt: new Date(NOW - hoursAgo * 3_600_000).toISOString() }) as EscalationCase;

describe('overDailyCaseLimit', () => {
  it('refuses once the cases of the last 24 hours reach the cap', () => {
    const cases = [opened('a', 1), opened('b', 23)];
    expect(overDailyCaseLimit(cases, 'new', NOW, 3)).toBe(false);
    expect(overDailyCaseLimit(cases, 'new', NOW, 2)).toBe(true);
  });

  it('does not count cases older than a day', () => {
    expect(overDailyCaseLimit([opened('a', 25), opened('b', 48)], 'new', NOW, 1)).toBe(false);
  });

  it('lets a repeated submission through to find its case', () => {
    expect(overDailyCaseLimit([opened('a', 1), opened('b', 2)], 'a', NOW, 2)).toBe(false);
  });
});
