import { MAX_PAGE, searchKnowledge } from '../../src/diagnosis/search-knowledge';
import { STEPS } from '../../src/diagnosis/knowledge';

/** Searching the knowledge from the compose box: codes in any spelling, events, builds, symptom words. */

const first = (query: string) => searchKnowledge(query).hits[0];

describe('searching the knowledge', () => {
  it.each([
    'stopped-conn',
    'stoppedconnectivity',
    'StoppedConnectivity',
    'stopped-connectivty',
    'STOPPED CONNECTIVITY',
  ])('"%s" finds stopped-connectivity first', (query) => {
    expect(first(query)).toMatchObject({
      kind: 'run-status',
      id: 'stopped-connectivity',
      step: 'run-error-codes',
    });
  });

  it('finds an event ID and a build', () => {
    expect(first('6025')).toMatchObject({ kind: 'event-id', id: '6025', step: 'pcns-6025' });
    expect(first('4.6.673.0')).toMatchObject({ kind: 'mim-build', id: '4.6.673.0', step: 'update-mim' });
  });

  it('finds an object error from part of its code', () => {
    expect(searchKnowledge('failed-creation').hits.map((h) => h.id)).toContain(
      'failed-creation-via-web-services',
    );
  });

  it('turns symptom words, English or Danish, into the steps they point to', () => {
    const english = searchKnowledge('full sync on the FIM service MA is very slow');
    expect(english.hits.some((h) => h.kind === 'step' && h.id === 'fim-ma-slow-full-sync')).toBe(true);
    const danish = searchKnowledge('fuld synkronisering på FIM MA er meget langsom');
    expect(danish.lang).toBe('da');
    expect(danish.hits.some((h) => h.kind === 'step' && h.id === 'fim-ma-slow-full-sync')).toBe(true);
  });

  it('lists the seven steps for an empty query', () => {
    expect(searchKnowledge('  ').hits.map((h) => h.id)).toEqual(STEPS.map((s) => s.id));
  });

  it('pages with skip and count, at most 25 a page', () => {
    const all = searchKnowledge('stopped', { count: 100 });
    expect(all.hits.length).toBeLessThanOrEqual(MAX_PAGE);
    expect(all.total).toBeGreaterThan(MAX_PAGE);
    const second = searchKnowledge('stopped', { skip: 25, count: 25 });
    expect(second.hits[0]).toEqual(searchKnowledge('stopped', { skip: 25, count: 1 }).hits[0]);
    expect(second.hits.map((h) => h.id)).not.toContain(all.hits[0]?.id);
  });

  it('answers a query of emoji or noise with nothing, not an error', () => {
    expect(searchKnowledge('🔥🔥🔥').hits).toEqual([]);
    expect(searchKnowledge('x'.repeat(100_000)).hits).toEqual([]);
  });
});
