import type { Activity } from 'botbuilder';
import { loadConfig } from '../../../src/config';
import { isSupportAdmin, isTenantAllowed, tenantIdsOf } from '../../../src/adapter/middleware/tenant';
import { createAdapter } from '../../../src/adapter/adapter';
import { createLogger } from '../../../src/logger';
import { FAKE, cardInvoke, personalMessage } from '../../helpers/activities';
import { useMessageStub } from '../../helpers/connector-stub';
import { postActivity, sleep, useEdgeBot } from '../../helpers/edge-harness';

/** The tenant allow-list, and who counts as a support admin. */

const { stub: connector, at, messagesSent } = useMessageStub();

describe('tenant allow-list', () => {
  const OTHER = '00000000-0000-4000-8000-00000000beef';
  const h = useEdgeBot({ ALLOWED_TENANT_IDS: ` ${FAKE.tenantId.toUpperCase()} ,` });

  it('serves an allowed tenant (ids compared case-insensitively)', async () => {
    await postActivity(h.baseUrl, personalMessage('PCNS logs event 6025', at()));
    expect(messagesSent()).toHaveLength(1);
  });

  it('ignores other tenants: no answer, no typing, no state, one log line per tenant', async () => {
    for (let i = 0; i < 4; i++) {
      expect((await postActivity(h.baseUrl, personalMessage('hi', at({ tenantId: OTHER })))).status).toBe(
        200,
      );
    }
    await postActivity(
      h.baseUrl,
      personalMessage('hi', at({ tenantId: '00000000-0000-4000-8000-0000000000f1' })),
    );
    const invoke = await postActivity(h.baseUrl, cardInvoke('x', {}, at({ tenantId: OTHER })));
    expect(invoke.status).toBe(200);
    await sleep(700); // past the typing indicator's delay
    expect(connector.activities).toHaveLength(0);
    expect(h.storage.calls).toEqual({ read: 0, write: 0, delete: 0 });
    expect(h.logLines.filter((l) => l.includes('tenant that is not allowed'))).toHaveLength(2);
  });

  it('ignores activities naming no tenant, or two different ones', async () => {
    const none = { ...personalMessage('hi', at()), channelData: {}, conversation: { id: 'a:x' } };
    const two = { ...personalMessage('hi', at()), conversation: { id: 'a:x', tenantId: OTHER } };
    await postActivity(h.baseUrl, none);
    await postActivity(h.baseUrl, two);
    await sleep(50);
    expect(connector.activities).toHaveLength(0);
  });

  it('leaves the bot’s own proactive turns alone, even when the reference names no tenant', async () => {
    const adapter = createAdapter(h.config, createLogger({ logLevel: 'silent' }), async () => undefined);
    let ran = false;
    await adapter.continueConversationAsync(
      'any-app-id',
      {
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        conversation: { id: 'a:proactive', isGroup: false, conversationType: 'personal', name: '' },
      },
      async () => {
        ran = true;
      },
    );
    expect(ran).toBe(true);
  });

  it('reads tenant ids from channelData and conversation', () => {
    const activity = {
      channelData: { tenant: { id: 'AAA' } },
      conversation: { id: 'c', tenantId: 'aaa' },
    } as unknown as Partial<Activity>;
    expect(tenantIdsOf(activity)).toEqual(['aaa']);
    expect(isTenantAllowed(activity, [])).toBe(true);
    expect(isTenantAllowed(activity, ['AAA'])).toBe(true);
    expect(isTenantAllowed({ channelData: { tenant: { id: 42 } } } as Partial<Activity>, ['42'])).toBe(false);
  });
});

describe('isSupportAdmin', () => {
  const config = loadConfig({ SUPPORT_ADMIN_IDS: '00000000-0000-4000-8000-00000000C0C0' });
  it('is true only for a listed Entra object id', () => {
    expect(isSupportAdmin(personalMessage('x'), config)).toBe(true);
    expect(
      isSupportAdmin(
        personalMessage('x', { userAadObjectId: '00000000-0000-4000-8000-000000000000' }),
        config,
      ),
    ).toBe(false);
    expect(isSupportAdmin({ from: { id: 'x', name: 'n' } }, config)).toBe(false);
    expect(
      isSupportAdmin({ from: { id: 'x', name: 'n', aadObjectId: 42 as unknown as string } }, config),
    ).toBe(false);
    expect(isSupportAdmin(personalMessage('x'), loadConfig({}))).toBe(false);
  });
});
