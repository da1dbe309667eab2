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
