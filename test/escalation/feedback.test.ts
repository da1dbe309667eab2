import { MemoryStorage } from 'botbuilder';
import { FeedbackStore } from '../../src/escalation/feedback';

function store(): FeedbackStore {
  return new FeedbackStore(new MemoryStorage(), { cas: { baseDelayMs: 1, maxDelayMs: 5 } });
}

describe('feedback counters', () => {
  it('counts outcomes per step and per code', async () => {
    const feedback = store();
    await feedback.record({ step: 'run-error-codes', outcome: 'fixed', statusCode: 'stopped-server' });
    await feedback.record({ step: 'run-error-codes', outcome: 'fixed', statusCode: 'stopped-server' });
    await feedback.record({
      step: 'run-error-codes',
      outcome: 'still-failing',
      statusCode: 'stopped-server',
    });
    await feedback.record({
      step: 'fim-ma-failed-creation',
      outcome: 'fixed',
      statusCode: 'stopped-server',
      objectCode: 'failed-creation-via-web-services',
    });
    await feedback.record({ step: 'update-mim', outcome: 'still-failing' });

    const stats = await feedback.stats();
    expect(stats.steps).toEqual([
      {
        step: 'run-error-codes',
        fixed: 2,
        stillFailing: 1,
        up: 0,
        down: 0,
        codes: [{ kind: 'run-status', code: 'stopped-server', fixed: 2, stillFailing: 1, up: 0, down: 0 }],
        comments: [],
      },
      {
        step: 'fim-ma-failed-creation',
        fixed: 1,
        stillFailing: 0,
        up: 0,
        down: 0,
        codes: [
          {
            kind: 'object-error',
            code: 'failed-creation-via-web-services',
            fixed: 1,
            stillFailing: 0,
            up: 0,
            down: 0,
          },
          { kind: 'run-status', code: 'stopped-server', fixed: 1, stillFailing: 0, up: 0, down: 0 },
        ],
        comments: [],
      },
      { step: 'update-mim', fixed: 0, stillFailing: 1, up: 0, down: 0, codes: [], comments: [] },
    ]);
    expect(stats.resolvedBy).toEqual([
      {
        kind: 'object-error',
        code: 'failed-creation-via-web-services',
        steps: [{ step: 'fim-ma-failed-creation', fixed: 1 }],
      },
      {
        kind: 'run-status',
        code: 'stopped-server',
        steps: [
          { step: 'run-error-codes', fixed: 2 },
          { step: 'fim-ma-failed-creation', fixed: 1 },
        ],
      },
    ]);
  });

  it('loses no count when many people click at once', async () => {
    const feedback = store();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        feedback.record({
          step: 'pcns-6025',
          outcome: i % 3 === 0 ? 'still-failing' : 'fixed',
          feedbackId: `click-${i}`,
        }),
      ),
    );
    const [pcns] = (await feedback.stats()).steps;
    expect(pcns).toMatchObject({ step: 'pcns-6025', fixed: 20, stillFailing: 10 });
  });

  it('counts a repeated click once', async () => {
    const feedback = store();
    expect(
      await feedback.record({ step: 'update-mim', outcome: 'fixed', feedbackId: 'act-1/update-mim' }),
    ).toBe(true);
    expect(
      await feedback.record({ step: 'update-mim', outcome: 'fixed', feedbackId: 'act-1/update-mim' }),
    ).toBe(false);
    expect((await feedback.stats()).steps[0].fixed).toBe(1);
  });

  it('ignores codes that are not codes and refuses unknown steps', async () => {
    const feedback = store();
    await feedback.record({
      step: 'update-mim',
      outcome: 'fixed',
      statusCode: 'my password is x',
      objectCode: '',
    });
    expect((await feedback.stats()).steps[0].codes).toEqual([]);
    await expect(feedback.record({ step: 'reboot' as never, outcome: 'fixed' })).rejects.toThrow(TypeError);
    await expect(feedback.record({ step: 'update-mim', outcome: 'maybe' as never })).rejects.toThrow(
      TypeError,
    );
  });

  it('has no stats before any feedback', async () => {
    const none = { fixed: 0, stillFailing: 0, up: 0, down: 0 };
    expect(await store().stats()).toEqual({ steps: [], resolvedBy: [], last7: none, last30: none });
  });
});

describe('thumbs on advice messages', () => {
  it('count up and down per step and code, once per feedback id, with the comment redacted and capped', async () => {
    const feedback = store();
    await feedback.record({
      step: 'update-mim',
      outcome: 'thumbs-down',
      statusCode: 'stopped-server',
      feedbackId: 'ada|conv|msg-1',
      comment: `did not help, password=Hunter2! ${'x'.repeat(400)}`,
    });
    expect(
      await feedback.record({ step: 'update-mim', outcome: 'thumbs-down', feedbackId: 'ada|conv|msg-1' }),
    ).toBe(false);
    await feedback.record({ step: 'update-mim', outcome: 'thumbs-up', feedbackId: 'bo|conv|msg-1' });
    const [step] = (await feedback.stats()).steps;
    expect(step).toMatchObject({ step: 'update-mim', up: 1, down: 1, fixed: 0, stillFailing: 0 });
    expect(step.codes).toEqual([
      { kind: 'run-status', code: 'stopped-server', fixed: 0, stillFailing: 0, up: 0, down: 1 },
    ]);
    expect(step.comments).toHaveLength(1);
    expect(step.comments[0].reaction).toBe('down');
    expect(step.comments[0].text).not.toContain('Hunter2');
    expect(step.comments[0].text.length).toBeLessThanOrEqual(300);
  });

  it('read documents written before thumbs existed as zero thumbs', async () => {
    const mem = new MemoryStorage();
    await mem.write({
      'escalation/feedback/update-mim': { fixed: 3, stillFailing: 1, codes: {}, recent: [] },
    });
    const [step] = (await new FeedbackStore(mem).stats()).steps;
    expect(step).toMatchObject({ fixed: 3, stillFailing: 1, up: 0, down: 0, comments: [] });
  });
});

describe('the 7- and 30-day figures', () => {
  it('count each vote on its UTC day and leave out days older than the period', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const feedback = new FeedbackStore(new MemoryStorage(), { clock: () => now });
    await feedback.record({ step: 'update-mim', outcome: 'fixed' });
    now = Date.parse('2026-03-20T10:00:00Z');
    await feedback.record({ step: 'update-mim', outcome: 'thumbs-up' });
    await feedback.record({ step: 'pcns-6025', outcome: 'thumbs-down' });
    now = Date.parse('2026-03-25T10:00:00Z');
    const stats = await feedback.stats();
    expect(stats.last7).toEqual({ fixed: 0, stillFailing: 0, up: 1, down: 1 });
    expect(stats.last30).toEqual({ fixed: 1, stillFailing: 0, up: 1, down: 1 });
  });
});
