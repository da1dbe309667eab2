import {
  ActivityTypes,
  CardFactory,
  type BotState,
  ConversationState,
  MessageFactory,
  PrivateConversationState,
  TeamsActivityHandler,
  UserState,
  type InvokeResponse,
  type StatePropertyAccessor,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import type { Lang } from '../diagnosis/types';
import { langFromLocale, t, type StringKey } from '../i18n';
import type { CardAction } from './card-actions';
import { BoundedTtlSet } from '../edge/bounded-set';
import { JsonBotState } from '../state/json-bot-state';
import { commitTurn } from '../state/turn-commit';
import { cardAttachment, expandCard, type AdaptiveCardJson } from './cards';
import { caseCardView } from './case-views';
import type { CaseClickResult, EscalationDesk } from './escalation-desk';
import { languagePreference, type LanguagePreference } from './language';
import { welcomeView } from './message-views';
import { readInput } from './read-input';
import {
  ANSWERED_CARD_KEY,
  BAD_CLICK_KEY,
  CASE_OPENED_THIS_TURN_KEY,
  INVOKE_MESSAGE_KEY,
  STALE_CLICK_KEY,
  TriageDialog,
} from './triage-dialog';
import type { TriageState } from './triage-state';

/** What a DialogSet stored before the triage state had a property of its own (read once, then dropped). */
interface LegacyDialogState {
  dialogStack?: Array<{ id?: string; state?: unknown }>;
}

const CARD_ACTION_INVOKE = 'adaptiveCard/action';

/** Teams' content types for the two kinds of Action.Execute response. */
const ADAPTIVE_CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';

/** The body of an `adaptiveCard/action` invoke response: a replacement card or a short message. */
interface CardActionResponseBody {
  statusCode: 200;
  type: typeof ADAPTIVE_CARD_RESPONSE | typeof MESSAGE_RESPONSE;
  value: AdaptiveCardJson | string;
}

function cardActionResponse(body: CardActionResponseBody): InvokeResponse<CardActionResponseBody> {
  return { status: 200, body };
}

export interface BotOptions {
  /** Support cases (issue 6); without it the bot offers no escalation (the terminal chat). */
  escalation?: EscalationDesk;
}

type SupportClick = Extract<CardAction, { verb: 'takeCase' | 'resolveCase' }>;

function isSupportClick(action: CardAction): action is SupportClick {
  return action.verb === 'takeCase' || action.verb === 'resolveCase';
}

/** What the clicker is told when a support card click changes nothing. */
function refusalText(result: Exclude<CaseClickResult, { ok: true }>, lang: Lang): string {
  const keys: Record<typeof result.reason, StringKey> = {
    'not-support': 'reply.case.notSupport',
    'wrong-card': 'reply.case.wrongCard',
    'not-found': 'reply.case.notFound',
    'note-missing': 'reply.case.noteMissing',
    'already-resolved': 'reply.case.alreadyResolved',
    'taken-by-other': 'reply.case.takenByOther',
  };
  return t(lang, keys[result.reason], result.reason === 'taken-by-other' ? { name: result.by } : {});
}

/**
 * The Teams edge: welcomes, hands every message and card click to the triage dialog, keeps clicked
 * cards from being clicked twice, and saves state. Knowledge and reasoning live in src/diagnosis.
 */
export class MimSyncDoctorBot extends TeamsActivityHandler {
  readonly conversationState: BotState;
  /** Per user *and* conversation (thread): two colleagues in one thread each have their own case. */
  readonly privateState: BotState;
  readonly userState: BotState;
  readonly languages: LanguagePreference;
  private readonly triageState: StatePropertyAccessor<TriageState>;
  private readonly legacyDialogState: StatePropertyAccessor<LegacyDialogState>;
  private readonly welcomed: StatePropertyAccessor<boolean>;
  private readonly triage: TriageDialog;
  /** Conversations welcomed lately by this instance; the stored flag covers restarts and others. */
  private readonly welcoming = new BoundedTtlSet(10_000, 10 * 60_000);
  private readonly escalation: EscalationDesk | undefined;

  constructor(storage: Storage, options: BotOptions = {}) {
    super();
    // Stock key schemes, cheaper change check (src/state/json-bot-state.ts).
    this.conversationState = new JsonBotState(storage, new ConversationState(storage));
    this.privateState = new JsonBotState(storage, new PrivateConversationState(storage));
    this.userState = new JsonBotState(storage, new UserState(storage));
    this.triageState = this.privateState.createProperty<TriageState>('triage');
    this.legacyDialogState = this.privateState.createProperty<LegacyDialogState>('dialogState');
    this.welcomed = this.conversationState.createProperty<boolean>('welcomed');
    this.languages = languagePreference(this.userState.createProperty<Lang | undefined>('language'));
    this.escalation = options.escalation;
    this.triage = new TriageDialog(this.languages, {
      escalation: options.escalation,
      forgetUserState: (context) => this.forgetUserState(context),
    });

    this.onMembersAdded(async (context, next) => {
      // Welcome once, when the bot itself joins; never greet every member who is added.
      const botAdded = (context.activity.membersAdded ?? []).some(
        (m) => m.id === context.activity.recipient?.id,
      );
      if (botAdded) await this.welcomeOnce(context);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcomeOnce(context);
      await next();
    });
  }

  /** A message: typed text, or a card's Action.Submit (older clients). */
  private async onMessageTurn(context: TurnContext): Promise<void> {
    const input = readInput(context.activity);
    if (input.kind === 'action' && isSupportClick(input.action)) {
      // An Action.Submit from an old client: answer in the thread; the card itself is updated by the outbox.
      const result = await this.onSupportClick(context, input.action);
      const lang = await this.clickerLanguage(context);
      await context.sendActivity(result.ok ? t(lang, 'reply.actionDone') : refusalText(result, lang));
      return;
    }
    await this.runDialog(context);
    // Where only the clicker sees the card, the stale-click check is enough; elsewhere everyone
    // must see that the question was answered.
    if (context.activity.conversation?.conversationType !== 'personal') await this.updateClickedCard(context);
  }

  /** Teams sends both installationUpdate and conversationUpdate on install: one welcome card per conversation. */
  private async welcomeOnce(context: TurnContext): Promise<void> {
    // The two events arrive together, before either turn has saved the flag: claim it here first.
    const conversationId = context.activity.conversation?.id ?? '';
    if (!this.welcoming.add(conversationId)) return;
    if (await this.welcomed.get(context, false)) return;
    await this.welcomed.set(context, true);
    const lang = (await this.languages.get(context)) ?? langFromLocale(context.activity.locale);
    await context.sendActivity(
      MessageFactory.attachment(
        cardAttachment('welcome', welcomeView(lang, { escalation: this.escalation !== undefined })),
      ),
    );
  }

  /** "delete my data": this user's dialog state here and their language choice. */
  private async forgetUserState(context: TurnContext): Promise<void> {
    await this.privateState.delete(context);
    await this.userState.delete(context);
  }

  private async clickerLanguage(context: TurnContext): Promise<Lang> {
    return (await this.languages.get(context)) ?? langFromLocale(context.activity.locale);
  }

  /**
   * Take case / Resolve on a support card. Stateless: no dialog runs, so a support engineer's click
   * neither needs nor leaves a case of their own. Who clicked is the activity's sender.
   */
  private async onSupportClick(context: TurnContext, action: SupportClick): Promise<CaseClickResult> {
    if (!this.escalation) return { ok: false, reason: 'not-support' };
    return action.verb === 'takeCase'
      ? this.escalation.take(context.activity, action.caseId)
      : this.escalation.resolve(context.activity, action.caseId, action.note);
  }

  /**
   * The triage dialog on its own state property: one dialog that never ends needs no dialog stack,
   * and building a DialogContext (memory scopes, validation) cost more than the dialog's own work.
   */
  private async runDialog(context: TurnContext): Promise<void> {
    let stored: unknown = await this.triageState.get(context);
    if (stored === undefined) {
      // A case in progress from before the change carries on.
      const legacy = await this.legacyDialogState.get(context);
      stored = legacy?.dialogStack?.find((entry) => entry.id === 'triage')?.state;
      if (legacy !== undefined) await this.legacyDialogState.delete(context);
    }
    const state = await this.triage.handleTurn(context, stored);
    // "delete my data" drops the cached state during the turn: then nothing is written back.
    if (this.privateState.get(context) !== undefined) await this.triageState.set(context, state);
  }

  /**
   * Action.Execute clicks. The answered question card comes back in the invoke response (what the
   * clicker sees) and, where others see the card too, is replaced for everyone with updateActivity.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== CARD_ACTION_INVOKE) return super.onInvokeActivity(context);
    const input = readInput(context.activity);
    if (input.kind === 'action' && isSupportClick(input.action)) {
      const result = await this.onSupportClick(context, input.action);
      if (result.ok) {
        // The clicker sees the new card at once; everyone else through the outbox's card update.
        const card = expandCard('case', caseCardView(result.case, { audience: 'support' }));
        return cardActionResponse({ statusCode: 200, type: ADAPTIVE_CARD_RESPONSE, value: card });
      }
      const text = refusalText(result, await this.clickerLanguage(context));
      return cardActionResponse({ statusCode: 200, type: MESSAGE_RESPONSE, value: text });
    }
    await this.runDialog(context);
    const answered = context.turnState.get(ANSWERED_CARD_KEY) as AdaptiveCardJson | undefined;
    const lang = (await this.languages.get(context)) ?? langFromLocale(context.activity.locale);
    if (answered) {
      if (context.activity.conversation?.conversationType !== 'personal')
        await this.updateClickedCard(context);
      return cardActionResponse({ statusCode: 200, type: ADAPTIVE_CARD_RESPONSE, value: answered });
    }
    const message = context.turnState.get(INVOKE_MESSAGE_KEY) as string | undefined;
    if (message) return cardActionResponse({ statusCode: 200, type: MESSAGE_RESPONSE, value: message });
    const key = context.turnState.get(STALE_CLICK_KEY)
      ? 'reply.cardOutOfDate'
      : context.turnState.get(BAD_CLICK_KEY)
        ? 'reply.badAction'
        : 'reply.actionDone';
    return cardActionResponse({ statusCode: 200, type: MESSAGE_RESPONSE, value: t(lang, key) });
  }

  /** Replace the clicked question card so its buttons cannot be used again. */
  private async updateClickedCard(context: TurnContext): Promise<void> {
    const answered = context.turnState.get(ANSWERED_CARD_KEY) as AdaptiveCardJson | undefined;
    const cardActivityId = context.activity.replyToId;
    if (!answered || !cardActivityId) return;
    try {
      await context.updateActivity({
        id: cardActivityId,
        type: 'message',
        conversation: context.activity.conversation,
        attachments: [CardFactory.adaptiveCard(answered)],
      });
    } catch {
      // Some clients (and the terminal) cannot edit a sent card; the answer itself already went through.
    }
  }

  /**
   * Replies are held until state is saved; a turn that loses an eTag race with another instance
   * runs once more on fresh state (src/state/turn-commit.ts). Dialog state goes first: a conflict
   * there means nothing of this turn was written yet.
   */
  override async run(context: TurnContext): Promise<void> {
    await commitTurn(context, {
      states: [this.privateState, this.conversationState, this.userState],
      // Messages, by far the most turns, go straight to their handler: ActivityHandler's generic
      // dispatch (handler chains built per turn) cost more than some of our own work. Everything
      // else (invokes, conversation and installation updates) takes the stock route.
      handle: () =>
        context.activity?.type === ActivityTypes.Message ? this.onMessageTurn(context) : super.run(context),
      retryText: async (ctx) =>
        t((await this.languages.get(ctx)) ?? langFromLocale(ctx.activity.locale), 'reply.repeat'),
      retain: [CASE_OPENED_THIS_TURN_KEY],
    });
  }
}
