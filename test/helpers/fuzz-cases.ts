import type { Activity } from 'botbuilder';
import { cardInvoke, cardSubmit, channelMessage, personalMessage } from './activities';

/**
 * Malformed requests for fuzzing POST /api/messages: a seeded PRNG mutates Teams-shaped activities
 * (and their raw bytes and headers) in ways real clients, broken proxies and attackers produce.
 */

/** mulberry32: tiny, fast, good enough, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Gen {
  constructor(readonly next: () => number) {}
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  /** Text with the characters that break naive handling: controls, surrogates, HTML, RTL, emoji. */
  text(maxLength: number): string {
    const alphabet = [
      'a',
      'Z',
      '0',
      ' ',
      '\n',
      '\t',
      '<',
      '>',
      '&',
      '"',
      "'",
      '\\',
      '/',
      '{',
      '}',
      '[',
      ']',
      '%',
      '$',
      '\u0000',
      '\u0007',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u200b',
      '\u202e',
      '\ufeff',
      '\ufffe',
      '\ud800',
      '\udfff',
      '😀',
      'æ',
      'ø',
      'å',
      '&nbsp;',
      '<at>',
      '</at>',
      '<script>',
      '${',
      '{{',
      '}}',
      'stopped-server',
      '6025',
      '4.6.421.0',
      '__proto__',
      'constructor',
      'null',
    ];
    const length = this.int(maxLength + 1);
    let out = '';
    while (out.length < length) out += this.pick(alphabet);
    return out;
  }
  /** Any JSON value, nested up to `depth`. */
  value(depth = 3): unknown {
    const kind = this.int(depth > 0 ? 10 : 7);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return this.chance(0.5);
      case 2:
        return this.pick([0, -1, 1e308, -1e-308, 2 ** 53 + 1, 42]);
      case 3:
      case 4:
        return this.text(40);
      case 5:
        return '';
      case 6:
        return this.pick(['message', 'invoke', 'help', 'answer', 'showStep', 'pcns-6025', 'symptom#1']);
      case 7:
      case 8: {
        const object: Record<string, unknown> = {};
        const keys = this.int(4);
        for (let i = 0; i < keys; i++) {
          object[this.pick(['verb', 'step', 'choice', 'questionId', 'data', 'id', 'x', this.text(6)])] =
            this.value(depth - 1);
        }
        return object;
      }
      default:
        return Array.from({ length: this.int(4) }, () => this.value(depth - 1));
    }
  }
}

/** serviceUrl values a mutation may use: the stub, or ones that cannot reach any other machine. */
function serviceUrlMutations(stubUrl: string): unknown[] {
  return [
    stubUrl,
    '',
    'not a url',
    'ftp://127.0.0.1/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    42,
    null,
    {},
    [stubUrl],
  ];
}

export interface FuzzCase {
  kind: string;
  /** Raw body to send, or an activity to JSON-encode. */
  body: string | Record<string, unknown>;
  headers: Record<string, string>;
}

const FIELDS = [
  'type',
  'id',
  'channelId',
  'from',
  'recipient',
  'conversation',
  'text',
  'value',
  'channelData',
  'locale',
  'replyToId',
  'entities',
  'attachments',
  'name',
  'timestamp',
  'textFormat',
  'deliveryMode',
  'membersAdded',
];

function baseActivity(gen: Gen, stubUrl: string): Record<string, unknown> {
  const users = 40;
  const user = gen.int(users);
  const options = {
    serviceUrl: stubUrl,
    userId: `29:fuzz-user-${user}`,
    userAadObjectId: `00000000-0000-4000-8000-${String(user).padStart(12, '0')}`,
    locale: gen.pick(['en-US', 'da-DK', 'de-DE', '', 'xx']),
  };
  const shapes: Array<() => Partial<Activity>> = [
    () =>
      personalMessage(
        gen.pick([
          'hello',
          'PCNS logs event 6025',
          'stopped-server on the AD MA',
          'help',
          'start over',
          'version 4.6.421.0',
        ]),
        options,
      ),
    () =>
      channelMessage(gen.pick(['stopped-connectivity', 'help', '']), {
        ...options,
        conversationId: `19:fuzz-${gen.int(10)}@thread.tacv2;messageid=${gen.int(5)}`,
      }),
    () =>
      cardSubmit(
        {
          verb: gen.pick(['answer', 'showStep', 'fixed', 'stillFailing', 'help', 'startOver']),
          step: 'pcns-6025',
          questionId: 'symptom#1',
          choice: 'pcns-6025',
        },
        options,
      ),
    () => cardInvoke(gen.pick(['answer', 'showStep', 'x']), { step: 'pcns-6025' }, options),
    () => ({
      ...personalMessage('', options),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: '28:00000000-0000-4000-8000-00000000b0b0', name: 'MIM Sync Doctor' }],
    }),
  ];
  const activity = { ...gen.pick(shapes)() } as Record<string, unknown>;
  // Each user has their own 1:1 chat, as in Teams; channel threads are shared.
  const conversation = activity.conversation as Record<string, unknown>;
  if (conversation.conversationType === 'personal') {
    activity.conversation = { ...conversation, id: `a:fuzz-personal-${user}` };
  }
  return activity;
}

function setDeep(target: Record<string, unknown>, gen: Gen, value: unknown): void {
  let node: Record<string, unknown> = target;
  for (let depth = 0; depth < 3; depth++) {
    const keys = Object.keys(node).filter((k) => k !== 'serviceUrl');
    const key = keys.length > 0 && gen.chance(0.7) ? gen.pick(keys) : gen.pick(FIELDS);
    const child = node[key];
    if (
      depth < 2 &&
      typeof child === 'object' &&
      child !== null &&
      !Array.isArray(child) &&
      gen.chance(0.6)
    ) {
      node = child as Record<string, unknown>;
      continue;
    }
    if (key !== 'serviceUrl') node[key] = value;
    return;
  }
}

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { n: value } : [value];
  return value;
}

/** One malformed request; `kind` names the mutation for the summary. */
export function makeCase(gen: Gen, stubUrl: string, seenIds: string[]): FuzzCase {
  const activity = baseActivity(gen, stubUrl);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const kind = gen.pick([
    'drop-field',
    'retype-field',
    'retype-deep',
    'pollute',
    'deep-nesting',
    'huge-text',
    'unknown-type',
    'invoke-name',
    'service-url',
    'raw-bytes',
    'headers',
    'timestamps',
    'redelivery',
    'card-data',
    'tenant',
  ] as const);
  switch (kind) {
    case 'drop-field':
      delete activity[gen.pick(FIELDS)];
      break;
    case 'retype-field': {
      const field = gen.pick(FIELDS);
      activity[field] = gen.value(2);
      break;
    }
    case 'retype-deep':
      setDeep(activity, gen, gen.value(2));
      break;
    case 'pollute': {
      const json = JSON.stringify(activity);
      const poison = gen.pick([
        '"__proto__":{"polluted":"yes","isAdmin":true}',
        '"constructor":{"prototype":{"polluted":"yes"}}',
        '"prototype":{"polluted":"yes"}',
        '"value":{"__proto__":{"verb":"showStep","step":"pcns-6025"}}',
        '"channelData":{"__proto__":{"tenant":{"id":"x"}},"tenant":{"__proto__":{"id":"y"}}}',
        '"from":{"id":"29:x","__proto__":{"aadObjectId":"00000000-0000-4000-8000-000000000001"}}',
      ]);
      return { kind, body: `${json.slice(0, -1)},${poison}}`, headers };
    }
    case 'deep-nesting':
      activity[gen.pick(['value', 'channelData', 'entities', 'attachments'])] = nested(
        gen.pick([5, 30, 63, 65, 200, 2000]),
        gen.value(0),
      );
      break;
    case 'huge-text':
      activity.text = gen.text(50).repeat(gen.pick([100, 2000, 10_000]));
      break;
    case 'unknown-type':
      activity.type = gen.pick([
        'Message',
        'MESSAGE',
        'messages',
        'invokeResponse',
        'launch',
        'trace',
        'event',
        'typing',
        'handoff',
        'deleteUserData',
        gen.text(12),
      ]);
      break;
    case 'invoke-name':
      activity.type = 'invoke';
      activity.name = gen.pick([
        'composeExtension/query',
        'adaptiveCard/action',
        'signin/verifyState',
        'task/fetch',
        'config/fetch',
        'handoff/action',
        gen.text(20),
        42,
      ]);
      activity.value = gen.value(3);
      break;
    case 'service-url':
      activity.serviceUrl = gen.pick(serviceUrlMutations(stubUrl));
      break;
    case 'raw-bytes': {
      const json = JSON.stringify(activity);
      const cut = gen.int(json.length);
      const body = gen.pick([
        json.slice(0, cut),
        `${json.slice(0, cut)}${gen.text(5)}${json.slice(cut)}`,
        `\ufeff${json}`,
        `${json}${json}`,
        json.replace(/"/g, "'"),
        json.replace('"type"', '"type":"invoke","type"'),
        gen.text(200),
        '',
      ]);
      return { kind, body, headers };
    }
    case 'headers': {
      const variants: Array<Record<string, string>> = [
        { 'content-type': 'text/plain' },
        { 'content-type': 'application/json; charset=latin1' },
        { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        { 'content-type': 'application/vnd.api+json' },
        { 'content-type': 'application/json', 'x-request-id': gen.text(300) },
        { 'content-type': 'application/json', 'x-request-id': 'ok-id-1' },
        { 'content-type': 'APPLICATION/JSON' },
        { 'content-type': '' },
      ];
      const chosen = gen.pick(variants);
      // fetch refuses header values with control characters; keep such ids printable.
      const cleaned = Object.fromEntries(
        Object.entries(chosen).map(([k, v]) => [k, v.replace(/[^\x20-\x7e]/g, 'x')]),
      );
      return { kind, body: JSON.stringify(activity), headers: cleaned };
    }
    case 'timestamps':
      activity.timestamp = gen.pick([
        '2024-02-30T25:61:00Z',
        'yesterday',
        '',
        0,
        '9999-12-31T23:59:59Z',
        {},
        '-271821-04-20T00:00:00Z',
      ]);
      activity.localTimestamp = gen.value(1);
      activity.expiration = gen.value(1);
      break;
    case 'redelivery':
      if (seenIds.length > 0) activity.id = gen.pick(seenIds);
      break;
    case 'card-data':
      activity.type = 'message';
      activity.value = gen.value(4);
      delete activity.text;
      break;
    case 'tenant':
      activity.channelData = gen.pick([
        { tenant: { id: gen.value(1) } },
        { tenant: 'x' },
        [],
        null,
        { tenant: { id: '00000000-0000-4000-8000-00000000beef' } },
      ]);
      activity.conversation = { id: 'a:fuzz-tenant', tenantId: gen.value(1) };
      break;
  }
  if (typeof activity.id === 'string') seenIds.push(activity.id);
  return { kind, body: activity, headers };
}
