import { normaliseEventLevel } from '../../../src/diagnosis/readers/event-level';

describe('normaliseEventLevel', () => {
  it.each([
    ['Error', 'error'],
    ['Fejl', 'error'],
    ['Warning', 'warning'],
    ['Advarsel', 'warning'],
    ['Information', 'information'],
    ['Oplysninger', 'information'],
    ['Critical', 'critical'],
    ['Kritisk', 'critical'],
    ['Verbose', 'verbose'],
    ['SuccessAudit', 'audit-success'],
    ['FailureAudit', 'audit-failure'],
    ['Overvågning mislykkedes', 'audit-failure'],
    ['1', 'critical'],
    ['2', 'error'],
    ['3', 'warning'],
    ['4', 'information'],
    ['0', 'information'],
    ['5', 'verbose'],
  ])('%s -> %s', (raw, level) => {
    expect(normaliseEventLevel(raw)).toBe(level);
  });

  it('null for what is not a level', () => {
    expect(normaliseEventLevel('Classic')).toBeNull();
    expect(normaliseEventLevel('9')).toBeNull();
  });
});
