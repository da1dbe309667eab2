import { FAKE, cardSubmit, personalMessage } from '../helpers/activities';
import { useMessageStub } from '../helpers/connector-stub';
import { looksLikeLeak, postActivity, postRaw, useEdgeBot } from '../helpers/edge-harness';

/** Odd but well-formed activities over HTTP get a polite reply. */

const { stub: connector, at, messagesSent } = useMessageStub();

describe('odd but well-formed activities get a polite reply', () => {
  const h = useEdgeBot({ RATE_LIMIT_PER_USER: 'off', RATE_LIMIT_PER_CONVERSATION: 'off' });

  async function expectPoliteTurn(body: string | Record<string, unknown>): Promise<void> {
    connector.reset();
    const res =
      typeof body === 'string' ? await postRaw(h.baseUrl, body) : await postActivity(h.baseUrl, body);
    expect(res.status).toBe(200);
    expect(looksLikeLeak(await res.text())).toBe(false);
    expect(messagesSent().length).toBeGreaterThanOrEqual(1);
    expect(h.logLines.filter((l) => l.includes('"msg":"turn failed"'))).toEqual([]);
  }

  it('huge text (900 KB) is answered, quickly', async () => {
    const started = Date.now();
    await expectPoliteTurn({ ...personalMessage('stopped-server '.repeat(60_000), at()) });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('__proto__ and constructor.prototype keys are dropped, nothing is polluted, the turn runs', async () => {
    const activity = JSON.stringify(personalMessage('PCNS logs event 6025', at()));
    const poisoned =
      activity.slice(0, -1) +
      ',"__proto__":{"polluted":"yes","isAdmin":true},' +
      '"constructor":{"prototype":{"polluted":"yes"}},' +
      '"channelData":{"tenant":{"id":"' +
      FAKE.tenantId +
      '"},"__proto__":{"polluted":"yes"}},' +
      '"value":{"__proto__":{"verb":"showStep"},"constructor":{"prototype":{"polluted":"yes"}}}}';
    await expectPoliteTurn(poisoned);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'isAdmin')).toBe(false);
    expect(h.logLines.some((l) => l.includes('dropped __proto__/constructor keys'))).toBe(true);
  });

  it.each([
    ['value null', null],
    ['value true', true],
    ['verb that is an object', { verb: { toString: 'x' } }],
    ['verb that is an array', { verb: ['help'] }],
    ['step that is a huge string', { verb: 'showStep', step: 's'.repeat(50_000) }],
    ['value nested 40 levels deep', JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)) as unknown],
  ])('card data with unexpected types: %s', async (_what, value) => {
    await expectPoliteTurn({ ...cardSubmit({}, at()), value } as Record<string, unknown>);
  });

  it('an invalid timestamp does not break the turn', async () => {
    await expectPoliteTurn({
      ...personalMessage('hello', at()),
      timestamp: 'yesterday-ish',
      localTimestamp: 7,
    });
  });
});
