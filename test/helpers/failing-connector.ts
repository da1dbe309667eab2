import type { Activity } from 'botbuilder';
import { startConnectorStub, type ConnectorStub, type RecordedRequest } from './connector-stub';

/** One planned answer: a status, Teams' error body, headers such as Retry-After. */
export interface PlannedAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A request and the status the stand-in answered it with. */
export interface Answered {
  request: RecordedRequest;
  status: number;
  /** process.hrtime.bigint() when it arrived, to order it against storage writes. */
  at: bigint;
  /** The body it was answered with when the test planned it or it was a new thread. */
  response?: unknown;
}

export interface FailingConnector {
  readonly stub: ConnectorStub;
  readonly serviceUrl: string;
  /** Every request with the status it got, in arrival order. */
  readonly answered: readonly Answered[];
  /** The next requests matching `match` get these answers, one each, before normal service resumes. */
  plan(match: (r: RecordedRequest) => boolean, answers: PlannedAnswer[]): void;
  /** Every later request matching `match` gets this answer (until `clearPlans`). */
  always(match: (r: RecordedRequest) => boolean, answer: PlannedAnswer): void;
  clearPlans(): void;
  /** Case cards: POST /v3/conversations (a new channel thread). */
  threadPosts(): Answered[];
  /** Resolves when `check` holds for what arrived; rejects with what did arrive after timeoutMs. */
  waitUntil(
    check: (answered: readonly Answered[]) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<void>;
  close(): Promise<void>;
}

/** Teams' answers for the failures the outbox must survive. */
export const TEAMS_ERRORS = {
  serverError: { status: 500, body: { error: { code: 'ServiceError', message: 'Internal error' } } },
  throttled: (seconds: number): PlannedAnswer => ({
    status: 429,
    body: { error: { code: 'Throttled', message: 'Too many requests' } },
    headers: { 'retry-after': String(seconds) },
  }),
  notInRoster: {
    status: 403,
    body: {
      error: {
        code: 'BotNotInConversationRoster',
        message: 'The bot is not part of the conversation roster.',
      },
    },
  },
  handoffRejected: {
    status: 400,
    body: { error: { code: 'BadArgument', message: 'Unknown activity type' } },
  },
} satisfies Record<string, PlannedAnswer | ((n: number) => PlannedAnswer)>;

export const isThreadPost = (r: RecordedRequest): boolean =>
  r.method === 'POST' && r.path === '/v3/conversations';

/**
 * The connector stand-in (real HTTP on 127.0.0.1) with answers a test can plan: 500s, 429 with
 * Retry-After, 403 BotNotInConversationRoster. New channel threads are answered as Teams does:
 * `{ id: '<channel id>;messageid=<root activity id>', activityId }`.
 */
export async function startFailingConnector(): Promise<FailingConnector> {
  const answered: Answered[] = [];
  let plans: { match: (r: RecordedRequest) => boolean; answers: PlannedAnswer[]; forever: boolean }[] = [];
  let threads = 0;
  const waiters = new Set<() => void>();

  const stub = await startConnectorStub((request) => {
    const plan = plans.find((p) => p.match(request) && p.answers.length > 0);
    let answer: PlannedAnswer | undefined;
    if (plan) answer = plan.forever ? plan.answers[0] : plan.answers.shift();
    else if (isThreadPost(request)) {
      threads += 1;
      const body = request.body as { channelData?: { channel?: { id?: string } } } | undefined;
      const channelId = body?.channelData?.channel?.id ?? '19:unknown@thread.tacv2';
      const rootId = `17000000000${String(threads).padStart(2, '0')}`;
      answer = { status: 201, body: { id: `${channelId};messageid=${rootId}`, activityId: rootId } };
    }
    const isActivity =
      (request.method === 'POST' || request.method === 'PUT') && request.conversationId !== undefined;
    answered.push({
      request,
      status: answer?.status ?? (isActivity ? 200 : 404),
      at: process.hrtime.bigint(),
      response: answer?.body,
    });
    setImmediate(() => waiters.forEach((wake) => wake()));
    return answer;
  });

  return {
    stub,
    serviceUrl: stub.serviceUrl,
    answered,
    plan(match, answers) {
      plans.push({ match, answers: [...answers], forever: false });
    },
    always(match, answer) {
      plans.push({ match, answers: [answer], forever: true });
    },
    clearPlans() {
      plans = [];
    },
    threadPosts: () => answered.filter((a) => isThreadPost(a.request)),
    waitUntil(check, what, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const wake = (): void => {
          if (!check(answered)) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          const seen = answered
            .map((a) => `${a.request.method} ${a.request.path} -> ${a.status}`)
            .join('\n  ');
          reject(
            new Error(`failing connector: no ${what} within ${timeoutMs} ms; got:\n  ${seen || 'nothing'}`),
          );
        }, timeoutMs);
        waiters.add(wake);
        wake();
      });
    },
    close: () => stub.close(),
  };
}

/** The message activity a request carried (POST body or PUT body). */
export function activityOf(a: Answered | RecordedRequest): Partial<Activity> {
  const request = 'request' in a ? a.request : a;
  return (request.body ?? {}) as Partial<Activity>;
}
