import { caseFigures, type EscalationCase } from '../../src/escalation';

/** What `stats` says about cases: opened in the period, taken, and the median minutes to take one. */

const NOW = Date.parse('2026-03-30T12:00:00Z');
const opened = (daysAgo: number, takenAfterMin: number | null) => {
  const created = NOW - daysAgo * 86_400_000;
  return {
    createdAt: new Date(created).toISOString(),
    takenAt: takenAfterMin === null ? null : new Date(created + takenAfterMin * 60_000).toISOString(),
  } as EscalationCase;
};

describe('caseFigures', () => {
  it('counts the cases of the period and takes the median of their times to take', () => {
    const cases = [opened(1, 10), opened(2, 30), opened(3, null), opened(6, 20), opened(20, 600)];
    expect(caseFigures(cases, NOW, 7)).toEqual({ opened: 4, taken: 3, medianMinutesToTake: 20 });
    expect(caseFigures(cases, NOW, 30)).toEqual({ opened: 5, taken: 4, medianMinutesToTake: 25 });
  });

  it('says null when no case of the period was taken', () => {
    expect(caseFigures([opened(1, null)], NOW, 7)).toEqual({
      opened: 1,
      taken: 0,
      medianMinutesToTake: null,
    });
    expect(caseFigures([], NOW, 30)).toEqual({ opened: 0, taken: 0, medianMinutesToTake: null });
  });
});
