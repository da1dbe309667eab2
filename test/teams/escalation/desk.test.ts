import { MemoryStorage } from 'botbuilder';
import { loadConfig } from '../../../src/config';
import { EscalationDesk } from '../../../src/teams/escalation/desk';
import { FAKE } from '../../helpers/activities';

describe('the escalation desk', () => {
  it('knows a support admin by Entra object id, whatever the case of the configured id', () => {
    const desk = new EscalationDesk({
      store: new MemoryStorage(),
      settings: loadConfig({}).escalation,
      supportAdminIds: [FAKE.userAadObjectId.toUpperCase()],
    });
    expect(desk.isSupportAdmin({ from: { id: 'u', name: 'n', aadObjectId: FAKE.userAadObjectId } })).toBe(
      true,
    );
    expect(desk.isSupportAdmin({ from: { id: 'u', name: 'n', aadObjectId: 'someone-else' } })).toBe(false);
    expect(desk.isSupportAdmin({ from: { id: 'u', name: 'n' } })).toBe(false);
  });
});

describe('retention sweeps', () => {
  const HOUR = 3_600_000;

  it('remove finished run-alert deliveries after an hour and keep sent case cards for the retention period', async () => {
    let now = Date.parse('2026-03-02T10:00:00Z');
    const desk = new EscalationDesk({
      store: new MemoryStorage(),
      settings: loadConfig({}).escalation,
      supportAdminIds: [],
      clock: () => now,
    });
    const target = { conversationId: '19:support' };
    await desk.enqueue({ kind: 'run-alert-card', caseId: 'alert-1', payload: {}, target }, 'alert-1/card');
    await desk.enqueue({ kind: 'case-card', caseId: 'MSD-1001', payload: {}, target }, 'MSD-1001/card');
    for (const d of await desk.outbox.claim('w', now, 30_000, 10)) await desk.outbox.complete(d.id, null);

    now += HOUR / 2;
    expect(await desk.sweepRunAlertDeliveries()).toBe(0);
    now += HOUR;
    expect(await desk.sweepRunAlertDeliveries()).toBe(1);
    await desk.sweep();
    expect((await desk.outbox.list()).map((i) => i.delivery.caseId)).toEqual(['MSD-1001']);
  });
});
