import { MemoryStorage } from 'botbuilder';
import { TurnFigures, UNPLACED_CHARS, unplacedText } from '../../src/escalation/turn-figures';
import type { KeyValueStore } from '../../src/escalation/store';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-03-02T10:00:00Z');

class Clock {
  constructor(public now = T0) {}
  readonly read = (): number => this.now;
}

/** MemoryStorage counting writes, that can be made to fail. */
class CountingStorage extends MemoryStorage {
  writes = 0;
  down = false;
  override async write(changes: Record<string, unknown>): Promise<void> {
    if (this.down) throw new Error('store unavailable');
    this.writes++;
    await super.write(changes as never);
  }
}

function figuresOn(store: KeyValueStore, clock: Clock): TurnFigures {
  return new TurnFigures(store, { clock: clock.read, cas: { baseDelayMs: 1, maxDelayMs: 5 } });
}

describe('turn figures', () => {
  it('count answers in memory and write them as one increment per day, not one per turn', async () => {
    const clock = new Clock();
    const storage = new CountingStorage();
    const figures = figuresOn(storage, clock);
    for (let i = 0; i < 50; i++) figures.answered();
    await figures.flush();
    expect(storage.writes).toBeLessThanOrEqual(2); // the day's creation and one increment
    expect((await figuresOn(storage, clock).period(7)).answered).toBe(50);
  });

  it('call an answer abandoned once a day has passed with no return from its user', async () => {
    const clock = new Clock();
    const figures = figuresOn(new MemoryStorage(), clock);
    const first = figures.answered();
    figures.answered();
    figures.answered();
    clock.now += HOUR;
    figures.followedUp(first);
    expect((await figures.period(7)).abandoned).toBe(0); // too early to judge
    clock.now = T0 + 2 * DAY;
    figures.followedUp(T0); // more than 24 hours later: it does not rescue the answer
    expect(await figures.period(7)).toMatchObject({ answered: 3, abandoned: 2 });
    clock.now = T0 + 10 * DAY;
    expect(await figures.period(7)).toMatchObject({ answered: 0, abandoned: 0 });
    expect(await figures.period(30)).toMatchObject({ answered: 3, abandoned: 2 });
  });

  it('list the ten most frequent unplaced messages, redacted, most frequent first', async () => {
    const clock = new Clock();
    const figures = figuresOn(new MemoryStorage(), clock);
    for (let i = 0; i < 12; i++) for (let n = 0; n <= i; n++) figures.unplaced(`question ${i}`);
    figures.unplaced('Where  is\nmy   badge?  Ask bob@contoso.com, password=Hunter2!');
    const { unplaced } = await figures.period(30);
    expect(unplaced).toHaveLength(10);
    expect(unplaced[0]).toEqual({ text: 'question 11', count: 12 });
    expect(unplaced.map((u) => u.text)).not.toContain('question 0');
    const shown = unplacedText('Where  is\nmy   badge?  Ask bob@contoso.com, password=Hunter2!');
    expect(shown).toContain('where is my badge? ask [address]');
    expect(shown).not.toContain('hunter2');
    expect(unplacedText('x'.repeat(5000))).toHaveLength(UNPLACED_CHARS);
  });

  it('keep the counts when the store is down, and write them at the next flush', async () => {
    const clock = new Clock();
    const storage = new CountingStorage();
    const figures = figuresOn(storage, clock);
    figures.answered();
    storage.down = true;
    await expect(figures.flush()).rejects.toThrow('store unavailable');
    figures.answered();
    storage.down = false;
    expect((await figures.period(1)).answered).toBe(2);
  });
});
