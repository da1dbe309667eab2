import type { Activity } from 'botbuilder';
import {
  FAKE,
  cardInvoke,
  channelMessage,
  personalMessage,
  type ActivityOptions,
  type ChannelOptions,
} from './activities';
import type { RecordedRequest } from './connector-stub';
import { post, SUPPORT, type EscalationBot } from './escalation-bot';
import { activityOf, isThreadPost, type FailingConnector } from './failing-connector';
import { cardNodes, seeActivity, type Seen } from './replies';

/** A reply as a user sees it, plus its card JSON and the ids of its inputs. */
export interface SeenCard extends Seen {
  card: unknown;
  inputs: string[];
}

export function seeCard(activity: Partial<Activity>): SeenCard {
  const card = activity.attachments?.find(
    (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
  )?.content;
  const inputs = [...cardNodes(card)]
    .filter((n) => String(n.type).startsWith('Input.'))
    .map((n) => String(n.id));
  return { ...seeActivity(activity), card, inputs };
}

/** Every message the bot posted to a conversation (in-turn replies and proactive notices), in order. */
export function messagesPostedTo(
  connector: Pick<FailingConnector, 'answered'>,
  conversationId: string,
): Partial<Activity>[] {
  return connector.answered
    .filter((a) => a.request.method === 'POST' && a.request.conversationId === conversationId)
    .map(activityOf)
    .filter((a) => a.type === 'message');
}

/** The same messages as the user sees them. */
export function messagesTo(connector: Pick<FailingConnector, 'answered'>, conversationId: string): Seen[] {
  return messagesPostedTo(connector, conversationId).map((a) => seeActivity(a));
}

/** The message that walks to "Time for a human" in two "Still failing" clicks (run-error-codes, update-mim). */
export const STOPPED_RUN = 'ADMA  Delta Import  stopped-connectivity  01-03-2024 02:00:13';

/** Drives one requester's conversation with an escalation bot and reads what reached the connector. */
export class Requester {
  private seen = 0;

  constructor(
    private readonly bot: Pick<EscalationBot, 'baseUrl'>,
    private readonly connector: FailingConnector,
    readonly options: ChannelOptions & { inChannel?: boolean } = {},
  ) {}

  get conversationId(): string {
    return (
      this.options.conversationId ??
      (this.options.inChannel ? FAKE.channelThreadId : FAKE.personalConversationId)
    );
  }

  private at(): ActivityOptions & { serviceUrl: string } {
    return { ...this.options, serviceUrl: this.connector.serviceUrl };
  }

  private message(text: string): Partial<Activity> {
    return this.options.inChannel ? channelMessage(text, this.at()) : personalMessage(text, this.at());
  }

  /** Messages the bot posted to this conversation since the last call. */
  news(): Partial<Activity>[] {
    const mine = messagesPostedTo(this.connector, this.conversationId);
    const fresh = mine.slice(this.seen);
    this.seen = mine.length;
    return fresh;
  }

  /** Replies to one activity: proactive notices arriving meanwhile answer an older one. */
  private repliesTo(activityId: string | undefined): SeenCard[] {
    return messagesPostedTo(this.connector, this.conversationId)
      .filter((a) => a.replyToId === activityId)
      .map(seeCard);
  }

  async say(text: string): Promise<SeenCard[]> {
    this.news();
    const activity = this.message(text);
    const res = await post(this.bot.baseUrl, activity);
    if (res.status !== 200) throw new Error(`bot answered ${res.status}`);
    return this.repliesTo(activity.id);
  }

  /** An Action.Execute click in this conversation; returns the invoke response body and the new messages. */
  async click(
    data: Record<string, unknown>,
    extra: Partial<Activity> = {},
  ): Promise<{ response: InvokeBody; replies: SeenCard[] }> {
    this.news();
    const invoke = {
      ...cardInvoke(String(data.verb), data, { ...this.at(), inChannel: this.options.inChannel }),
      ...extra,
    };
    const res = await post(this.bot.baseUrl, invoke);
    if (res.status !== 200) throw new Error(`bot answered ${res.status}`);
    return { response: res.body as InvokeBody, replies: this.repliesTo(invoke.id) };
  }

  /** Says the stopped-connectivity run, clicks Still failing twice, then Escalate: returns the form. */
  async walkToForm(): Promise<{ exhausted: SeenCard; form: SeenCard; submissionId: string }> {
    const [advice] = await this.say(STOPPED_RUN);
    let card = advice;
    for (let i = 0; i < 2; i++) {
      const still = card.buttons.find((b) => b.data.verb === 'stillFailing');
      if (!still) throw new Error('no Still failing button');
      const { replies } = await this.click(still.data);
      // The advice may be followed by a question that refines it: the card with the buttons counts.
      const next = [...replies].reverse().find((r) => r.buttons.some((b) => b.data.verb === 'escalate'));
      if (!next) throw new Error(`no card with Escalate after Still failing: ${JSON.stringify(replies)}`);
      card = next;
    }
    const escalate = card.buttons.find((b) => b.data.verb === 'escalate');
    if (!escalate) throw new Error(`no Escalate button on "${card.title}"`);
    const { replies } = await this.click(escalate.data);
    const form = replies[replies.length - 1];
    const submit = form.buttons.find((b) => b.data.verb === 'openCase');
    if (!submit) throw new Error('no Open case button on the form');
    return { exhausted: card, form, submissionId: String(submit.data.submissionId) };
  }

  /** Submits the form as Teams does: the inputs merged into the button's data. */
  submit(
    submissionId: string,
    description = 'AD MA delta import stops every night',
    impact = 'all-runs-blocked',
  ) {
    return this.click({ verb: 'openCase', submissionId, description, impact });
  }
}

export interface InvokeBody {
  statusCode: number;
  type: string;
  value: unknown;
}

/** The card of an invoke response, as a user would see it. */
export function seeInvokeCard(body: InvokeBody): Seen {
  return seeActivity({
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: body.value }],
  });
}

/** The support thread a case card created, from the connector's answer. */
export interface PostedCard {
  request: RecordedRequest;
  threadId: string;
  rootId: string;
  card: Seen;
  cardJson: Record<string, unknown>;
}

export function postedCards(connector: FailingConnector): PostedCard[] {
  return connector.answered
    .filter((a) => isThreadPost(a.request) && a.status < 300)
    .map((a) => {
      const body = a.request.body as { activity: Partial<Activity> };
      const answer = a.response as { id: string; activityId: string };
      return {
        request: a.request,
        threadId: answer.id,
        rootId: answer.activityId,
        card: seeActivity(body.activity),
        cardJson: body.activity.attachments?.[0]?.content as Record<string, unknown>,
      };
    });
}

/** A support engineer clicking on the case card in its thread. */
export function engineerIn(
  thread: string,
  who: { id: string; name: string; aad?: string } = { id: SUPPORT.engineerId, name: SUPPORT.engineerName },
) {
  return {
    inChannel: true as const,
    conversationId: thread,
    channelId: SUPPORT.channelId,
    teamId: SUPPORT.teamId,
    userId: who.id,
    userName: who.name,
    userAadObjectId: who.aad ?? SUPPORT.engineerAad,
    replyToId: thread.split(';messageid=')[1],
  };
}

/** Text of every TextBlock in a card JSON, for checking what support reads. */
export function cardText(card: unknown): string {
  return [...cardNodes(card)]
    .flatMap((n) =>
      n.type === 'TextBlock'
        ? [String(n.text)]
        : n.type === 'FactSet'
          ? (n.facts as { title: string; value: string }[]).map((f) => `${f.title}: ${f.value}`)
          : [],
    )
    .join('\n');
}
