import { loadConfig } from '../../src/config';
import { FAKE } from '../helpers/activities';
import { configError } from '../helpers/config-error';

const CHANNEL = '19:fake-support-channel@thread.tacv2';

describe('escalation settings', () => {
  const channel = {
    SUPPORT_CHANNEL_ID: CHANNEL,
    SUPPORT_SERVICE_URL: 'https://smba.trafficmanager.net/emea/',
    SUPPORT_TENANT_ID: FAKE.tenantId.toUpperCase(),
  };

  it('has safe defaults: no channel, 90 days, no handoff event, 1 s first retry', () => {
    expect(loadConfig({}).escalation).toEqual({
      supportChannel: null,
      supportMentions: [],
      caseRetentionDays: 90,
      handoffEvent: false,
      outboxRetryBaseMs: 1000,
      casesPerUserPerDay: 5,
    });
  });

  it('reads a Teams tag as tag:<tag id>|<tag name>, and refuses a tag id with spaces', () => {
    const config = loadConfig({
      ...channel,
      SUPPORT_MENTION_IDS: 'tag:MjQzMmI1N2ItMGFi+ZC00/M2Ri=|MIM Support',
    });
    expect(config.escalation.supportMentions).toEqual([
      { id: 'MjQzMmI1N2ItMGFi+ZC00/M2Ri=', name: 'MIM Support', type: 'tag' },
    ]);
    expect(() => loadConfig({ ...channel, SUPPORT_MENTION_IDS: 'tag:not a tag|MIM Support' })).toThrow(
      'tag:<tag id> for a Teams tag',
    );
  });

  it('reads the channel, mentions and numbers', () => {
    const config = loadConfig({
      ...channel,
      SUPPORT_MENTION_IDS: ` 29:1abc-def|Olga Oncall , ${FAKE.userAadObjectId}|Jens Jensen`,
      CASE_RETENTION_DAYS: '30',
      HANDOFF_EVENT: 'TRUE',
      OUTBOX_RETRY_BASE_MS: '250',
      CASES_PER_USER_PER_DAY: '12',
    });
    expect(config.escalation).toEqual({
      supportChannel: {
        channelId: CHANNEL,
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        tenantId: FAKE.tenantId,
      },
      supportMentions: [
        { id: '29:1abc-def', name: 'Olga Oncall' },
        { id: FAKE.userAadObjectId, name: 'Jens Jensen' },
      ],
      caseRetentionDays: 30,
      handoffEvent: true,
      outboxRetryBaseMs: 250,
      casesPerUserPerDay: 12,
    });
  });

  it.each([
    [{ SUPPORT_CHANNEL_ID: CHANNEL }, 'SUPPORT_SERVICE_URL', /required with SUPPORT_CHANNEL_ID/],
    [{ ...channel, SUPPORT_TENANT_ID: undefined }, 'SUPPORT_TENANT_ID', /required with SUPPORT_CHANNEL_ID/],
    [{ SUPPORT_SERVICE_URL: 'https://x/' }, 'SUPPORT_SERVICE_URL', /set all three, or none/],
    [{ ...channel, SUPPORT_CHANNEL_ID: 'General' }, 'SUPPORT_CHANNEL_ID', /19:abc123@thread.tacv2/],
    [{ ...channel, SUPPORT_SERVICE_URL: 'smba.example' }, 'SUPPORT_SERVICE_URL', /not valid/],
    [{ ...channel, SUPPORT_TENANT_ID: 'contoso' }, 'SUPPORT_TENANT_ID', /not a GUID/],
    [{ SUPPORT_MENTION_IDS: '29:abc' }, 'SUPPORT_MENTION_IDS', /id\|Name pairs/],
    [{ SUPPORT_MENTION_IDS: '29:abc|<b>Olga</b>' }, 'SUPPORT_MENTION_IDS', /id\|Name pairs/],
    [{ SUPPORT_MENTION_IDS: 'olga|Olga' }, 'SUPPORT_MENTION_IDS', /id\|Name pairs/],
    [{ CASE_RETENTION_DAYS: '0' }, 'CASE_RETENTION_DAYS', /from 1 to 3650/],
    [{ CASE_RETENTION_DAYS: '90d' }, 'CASE_RETENTION_DAYS', /from 1 to 3650/],
    [{ HANDOFF_EVENT: 'yes' }, 'HANDOFF_EVENT', /true, false/],
    [{ OUTBOX_RETRY_BASE_MS: '-5' }, 'OUTBOX_RETRY_BASE_MS', /whole number/],
    [{ CASES_PER_USER_PER_DAY: '0' }, 'CASES_PER_USER_PER_DAY', /from 1 to 1000/],
    [{ CASES_PER_USER_PER_DAY: 'lots' }, 'CASES_PER_USER_PER_DAY', /from 1 to 1000/],
  ])('refuses %j naming %s', (env, variable, message) => {
    const err = configError(env as NodeJS.ProcessEnv);
    expect(err.variable).toBe(variable);
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('\n');
  });
});
