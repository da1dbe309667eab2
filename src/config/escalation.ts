/** Escalation to a support channel: where case cards go, who they mention, how long cases stay. */
import { ConfigError, parseBoolean, parseGuidList, parseWholeNumber, shown } from './values';

/** A Teams channel the bot posts case cards to: from SUPPORT_* settings, or registered in Teams. */
export interface SupportChannelSetting {
  /** The channel's id, `19:...@thread.tacv2`; a thread in it is `<id>;messageid=<root activity id>`. */
  channelId: string;
  serviceUrl: string;
  tenantId: string;
}

/** Someone the case card @mentions: a Teams user id (29:...) or an Entra object id, and the name shown. */
export interface SupportMention {
  /** A Teams user id (29:...), an Entra object id, or a Teams tag id. */
  id: string;
  name: string;
  /** Set for a Teams tag (`tag:<tag id>|<tag name>`): everyone with the tag is notified. */
  type?: 'tag';
}

export interface EscalationSettings {
  /** SUPPORT_CHANNEL_ID + SUPPORT_SERVICE_URL + SUPPORT_TENANT_ID; null: use the channel registered in Teams. */
  supportChannel: SupportChannelSetting | null;
  /** SUPPORT_MENTION_IDS as `id|Name,id|Name`, a tag as `tag:<tag id>|<tag name>`. */
  supportMentions: SupportMention[];
  /** CASE_RETENTION_DAYS: a case with no change for this long is deleted (default 90). */
  caseRetentionDays: number;
  /** HANDOFF_EVENT: also emit Bot Framework handoff.initiate (Teams answers it with 400; default off). */
  handoffEvent: boolean;
  /** OUTBOX_RETRY_BASE_MS: the first retry of a failed delivery waits up to this long (default 1000). */
  outboxRetryBaseMs: number;
  /** CASES_PER_USER_PER_DAY: cases one requester may open in 24 hours (default 5). */
  casesPerUserPerDay: number;
}

const TEAMS_CHANNEL_ID = /^19:[^\s;/?#]{1,200}@thread\.(?:tacv2|skype)$/;

const MENTION_ID =
  /^(?:29:[A-Za-z0-9_.:-]{1,300}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Teams tag ids are opaque base64-like strings (Graph's teamworkTag id). */
const TAG_ID = /^[A-Za-z0-9+/=_-]{1,300}$/;

export function parseEscalationSettings(get: (name: string) => string | undefined): EscalationSettings {
  return {
    supportChannel: parseSupportChannel(get),
    supportMentions: parseMentions(get('SUPPORT_MENTION_IDS')),
    caseRetentionDays: parseWholeNumber('CASE_RETENTION_DAYS', get('CASE_RETENTION_DAYS'), 90, 1, 3650),
    handoffEvent: parseBoolean('HANDOFF_EVENT', get('HANDOFF_EVENT'), false),
    outboxRetryBaseMs: parseWholeNumber(
      'OUTBOX_RETRY_BASE_MS',
      get('OUTBOX_RETRY_BASE_MS'),
      1000,
      1,
      600_000,
    ),
    casesPerUserPerDay: parseWholeNumber('CASES_PER_USER_PER_DAY', get('CASES_PER_USER_PER_DAY'), 5, 1, 1000),
  };
}

/** All three or none: a channel id without its service URL and tenant cannot be posted to. */
function parseSupportChannel(get: (name: string) => string | undefined): SupportChannelSetting | null {
  const channelId = get('SUPPORT_CHANNEL_ID');
  const serviceUrl = get('SUPPORT_SERVICE_URL');
  const tenantId = get('SUPPORT_TENANT_ID');
  if (channelId === undefined) {
    const stray =
      serviceUrl !== undefined ? 'SUPPORT_SERVICE_URL' : tenantId !== undefined ? 'SUPPORT_TENANT_ID' : null;
    if (stray)
      throw new ConfigError(stray, `${stray} is set but SUPPORT_CHANNEL_ID is not: set all three, or none.`);
    return null;
  }
  if (!TEAMS_CHANNEL_ID.test(channelId)) {
    throw new ConfigError(
      'SUPPORT_CHANNEL_ID',
      `SUPPORT_CHANNEL_ID=${shown(channelId)} is not valid: give a Teams channel id like 19:abc123@thread.tacv2 (Get link to channel shows it).`,
    );
  }
  if (serviceUrl === undefined || !/^https?:\/\/[^\s]+$/i.test(serviceUrl) || !URL.canParse(serviceUrl)) {
    throw new ConfigError(
      'SUPPORT_SERVICE_URL',
      `SUPPORT_SERVICE_URL${serviceUrl === undefined ? ' is required with SUPPORT_CHANNEL_ID' : `=${shown(serviceUrl)} is not valid`}: give the Teams service URL, e.g. https://smba.trafficmanager.net/emea/.`,
    );
  }
  const [tenant] = parseGuidList('SUPPORT_TENANT_ID', tenantId);
  if (tenant === undefined) {
    throw new ConfigError(
      'SUPPORT_TENANT_ID',
      'SUPPORT_TENANT_ID is required with SUPPORT_CHANNEL_ID: the tenant id (a GUID).',
    );
  }
  return { channelId, serviceUrl, tenantId: tenant };
}

function parseMentions(raw: string | undefined): SupportMention[] {
  if (raw === undefined) return [];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [raw = '', name = '', ...rest] = entry.split('|').map((part) => part.trim());
      const tag = raw.toLowerCase().startsWith('tag:');
      const id = tag ? raw.slice('tag:'.length) : raw;
      const idOk = tag ? TAG_ID.test(id) : MENTION_ID.test(id);
      // The name goes inside <at>...</at> on the card: markup characters would break the mention.
      if (!idOk || name === '' || name.length > 100 || /[<>&]/.test(name) || rest.length > 0) {
        throw new ConfigError(
          'SUPPORT_MENTION_IDS',
          `SUPPORT_MENTION_IDS contains ${shown(entry)}: give comma-separated id|Name pairs, the id a Teams user id (29:...), an Entra object id, or tag:<tag id> for a Teams tag.`,
        );
      }
      return tag ? { id, name, type: 'tag' as const } : { id, name };
    });
}
