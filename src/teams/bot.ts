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
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type MessagingExtensionResult,
  type StatePropertyAccessor,
  type Storage,
  type TurnContext,
} from 'botbuilder';
// Deep imports: the package's index also loads prompts and the recognizers-text suite (~0.5 s, ~30 MB).
import { DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
import { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
import type { DialogState } from 'botbuilder-dialogs/lib/dialogContext';
import { DialogsComponentRegistration } from 'botbuilder-dialogs/lib/dialogsComponentRegistration';
import type { DialogStateManagerConfiguration } from 'botbuilder-dialogs/lib/memory/dialogStateManager';
import type { Lang } from '../diagnosis/types';
import { langFromLocale, t, type StringKey } from '../i18n';
import { BoundedTtlSet } from '../lib/bounded-set';
import { shownAsText } from '../lib/shown-as-text';
import { JsonBotState } from '../state/json-bot-state';
import { DEFAULT_FILE_SETTINGS, type FileSettings } from '../config/files';
import { commitTurn } from '../state/turn-commit';
import { DIAGNOSE_MESSAGE_COMMAND, diagnoseMessage } from './extensions/diagnose-message';
import { SEARCH_KNOWLEDGE_COMMAND, searchKnowledgeResponse } from './extensions/search-knowledge';
import { isClickOnly, runAction, type CardAction } from './actions';
import { CASE_OPENED_THIS_TURN_KEY } from './actions/open-case';
import type { Owned } from './actions/verb';
import type { EscalationDesk } from './escalation/desk';
import type { RunAlerts } from './run-watch/run-alerts';
import { answerThumb, FEEDBACK_INVOKE, rememberAdvice } from './escalation/thumbs';
import { readInput } from './input/read-input';
import { languagePreference, resolveLanguage, type LanguagePreference } from './language';
import { TRIAGE_DIALOG_ID, TriageDialog } from './triage/dialog';
import type { ClickTurn, TriageServices } from './triage/turn';
import { newOutcome, type ClickNote, type TurnOutcome } from './turn-outcome';
import { cardAttachment, type AdaptiveCardJson } from './views/cards';
import { errorView, welcomeView } from './views/message-views';

const CARD_ACTION_INVOKE = 'adaptiveCard/action';

/**
 * Where a DialogContext looks for its memory configuration before building one. Building it (a
 * service collection of memory scopes) was most of what a DialogContext cost per turn; the scopes
 * hold no state of their own, so one configuration serves every turn.
 */
const DIALOG_STATE_MANAGER_CONFIGURATION = 'DialogStateManagerConfiguration';

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
  /** FILE_DOWNLOAD_HOSTS and the limits for files sent in a 1:1 chat; the defaults otherwise. */
  files?: FileSettings;
  /** Run alerts in the support channel, when RUN_WATCH_KEYS is set: their buttons are answered here. */
  runAlerts?: RunAlerts;
}

function unknownCommand(lang: Lang): MessagingExtensionResult {
  return { type: 'message', text: t(lang, 'extension.unknownCommand') };
}

/** The sentence for a click note; an Action.Submit click hears "stale" a little more fully. */
function noteText(note: ClickNote, lang: Lang, invoke: boolean): string {
  if (typeof note === 'object') return note.text;
  const keys: Record<typeof note, StringKey> = {
    done: 'reply.actionDone',
    stale: invoke ? 'reply.cardOutOfDate' : 'reply.staleCard',
    unreadable: 'reply.badAction',
  };
  return t(lang, keys[note]);
}

/**
 * The Teams edge: welcomes, hands every message and card click to the triage dialog (a support card
 * click, which needs no case, straight to its verb in actions/), applies the TurnOutcome the turn
 * returned, and saves state. Knowledge and reasoning live in src/diagnosis.
 */
export class MimSyncDoctorBot extends TeamsActivityHandler {
  readonly conversationState: BotState;
  /** Per user *and* conversation (thread): two colleagues in one thread each have their own case. */
  readonly privateState: BotState;
  readonly userState: BotState;
  readonly languages: LanguagePreference;
  /** botbuilder's dialog stack, in the per-user-in-conversation state. */
  private readonly dialogs: DialogSet;
  private readonly dialogMemory: DialogStateManagerConfiguration;
  /** Where versions before 0.2 kept the triage case; read once, then moved onto the dialog stack. */
  private readonly earlierTriageState: StatePropertyAccessor<unknown>;
  private readonly welcomed: StatePropertyAccessor<boolean>;
  /** When this user was last given advice here and has not come back since (for `stats`' abandoned answers). */
  private readonly advisedAt: StatePropertyAccessor<number | undefined>;
  /** Conversations welcomed lately by this instance; the stored flag covers restarts and others. */
  private readonly welcoming = new BoundedTtlSet(10_000, 10 * 60_000);
  private readonly services: TriageServices;
  /** Our message handler, registered with onMessage like any other (see run()). */
  private readonly messageHandler = async (
    context: TurnContext,
    next: () => Promise<void>,
  ): Promise<void> => {
    await this.onMessageTurn(context);
    await next();
  };

  constructor(storage: Storage, options: BotOptions = {}) {
    super();
    // Stock key schemes, cheaper change check (src/state/json-bot-state.ts).
    this.conversationState = new JsonBotState(storage, new ConversationState(storage));
    this.privateState = new JsonBotState(storage, new PrivateConversationState(storage));
    this.userState = new JsonBotState(storage, new UserState(storage));
    this.earlierTriageState = this.privateState.createProperty<unknown>('triage');
    this.welcomed = this.conversationState.createProperty<boolean>('welcomed');
    this.advisedAt = this.privateState.createProperty<number | undefined>('advisedAt');
    this.languages = languagePreference(this.userState.createProperty<Lang | undefined>('language'));
    this.services = {
      desk: options.escalation,
      languages: this.languages,
      forgetUserState: (context) => this.forgetUserState(context),
      files: options.files ?? DEFAULT_FILE_SETTINGS,
      runAlerts: options.runAlerts,
    };
    const triage = new TriageDialog(this.services);
    this.dialogs = new DialogSet(this.privateState.createProperty<DialogState>('dialogState')).add(triage);
    const components = new DialogsComponentRegistration();
    this.dialogMemory = {
      memoryScopes: components.getMemoryScopes(),
      pathResolvers: components.getPathResolvers(),
    };

    this.onMessage(this.messageHandler);

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
    await this.noteReturn(context);
    await this.apply(context, await this.takeTurn(context));
  }

  /** Action.Execute clicks: what the turn returned becomes the invoke response. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === FEEDBACK_INVOKE) {
      await this.noteReturn(context);
      return answerThumb(context, this.services.desk);
    }
    if (context.activity.name !== CARD_ACTION_INVOKE) return super.onInvokeActivity(context);
    await this.noteReturn(context);
    return this.apply(context, await this.takeTurn(context));
  }

  /** A user given advice here came back (a message, a click, a thumb): that answer was not abandoned. */
  private async noteReturn(context: TurnContext): Promise<void> {
    const desk = this.services.desk;
    if (!desk) return;
    const at = await this.advisedAt.get(context);
    if (at === undefined) return;
    desk.turns.followedUp(at);
    await this.advisedAt.delete(context);
  }

  /** The turn's figures: an answer given (and when, to see whether its user comes back), or a message not placed. */
  private async countTurn(context: TurnContext, outcome: TurnOutcome): Promise<void> {
    const desk = this.services.desk;
    if (!desk) return;
    if (outcome.advice && outcome.advice.length > 0) await this.advisedAt.set(context, desk.turns.answered());
    if (outcome.unplaced) desk.turns.unplaced(outcome.unplaced.text);
  }

  /** One turn, one outcome: a click that needs no case (a support card's) goes to its verb, the rest to the dialog. */
  private async takeTurn(context: TurnContext): Promise<TurnOutcome> {
    const input = readInput(context.activity);
    if (input.kind === 'action' && notTheClickersCard(input.action, context)) {
      return this.refuseOthersCard(context, input.action);
    }
    if (input.kind === 'action' && isClickOnly(input.action)) return this.onClick(context, input.action);
    return this.runDialog(context);
  }

  /**
   * Applies a turn's outcome, the one place that knows how an invoke and a message differ: the
   * replies go out, a card that changed is replaced for everyone outside a 1:1 chat, and an
   * Action.Execute click gets its card or its note in the invoke response.
   */
  private async apply(
    context: TurnContext,
    outcome: TurnOutcome,
  ): Promise<InvokeResponse<CardActionResponseBody>> {
    const invoke = context.activity.type === ActivityTypes.Invoke;
    const replies = [...outcome.replies];
    if (!invoke && outcome.note)
      replies.unshift(MessageFactory.text(noteText(outcome.note, outcome.lang, false)));
    if (outcome.advice && this.services.desk)
      rememberAdvice(context, replies, outcome.advice, this.services.desk);
    await this.countTurn(context, outcome);
    if (replies.length > 0) await context.sendActivities(replies);
    if (outcome.replace?.everyone && context.activity.conversation?.conversationType !== 'personal')
      await this.replaceClickedCard(context, outcome.replace.card);
    if (outcome.replace)
      return cardActionResponse({
        statusCode: 200,
        type: ADAPTIVE_CARD_RESPONSE,
        value: outcome.replace.card,
      });
    const text = noteText(outcome.note ?? 'done', outcome.lang, true);
    return cardActionResponse({ statusCode: 200, type: MESSAGE_RESPONSE, value: text });
  }

  /** "Diagnose with MIM Sync Doctor" on a message (composeExtension/submitAction). */
  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    const lang = await this.userLang(context);
    if (action.commandId !== DIAGNOSE_MESSAGE_COMMAND) return { composeExtension: unknownCommand(lang) };
    return diagnoseMessage(action, lang, this.services.desk !== undefined);
  }

  /** The compose-box search (composeExtension/query), the initial run included. */
  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    const lang = await this.userLang(context);
    if (query.commandId !== SEARCH_KNOWLEDGE_COMMAND) return { composeExtension: unknownCommand(lang) };
    return searchKnowledgeResponse(query, lang, this.services.desk !== undefined);
  }

  private async userLang(context: TurnContext): Promise<Lang> {
    return (await this.languages.get(context)) ?? langFromLocale(context.activity.locale);
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
        cardAttachment('welcome', welcomeView(lang, { escalation: this.services.desk !== undefined })),
      ),
    );
  }

  /** "delete my data": this user's dialog state here and their language choice. */
  private async forgetUserState(context: TurnContext): Promise<void> {
    await this.privateState.delete(context);
    await this.userState.delete(context);
  }

  /**
   * A click on a card shown to someone else (their case form, their question): a polite sentence
   * naming whose it is, and nothing changes, neither their card nor anybody's case.
   */
  private async refuseOthersCard(context: TurnContext, action: CardAction): Promise<TurnOutcome> {
    const lang = resolveLanguage(await this.languages.get(context), null, null, context.activity.locale);
    const out = newOutcome(lang);
    const owned = action as Owned;
    const name = owned.forName ? shownAsText(owned.forName) : t(lang, 'reply.notYours.someone');
    const key: StringKey = action.verb === 'openCase' ? 'reply.notYours.form' : 'reply.notYours.question';
    out.note = { text: t(lang, key, { name }) };
    return out;
  }

  /**
   * A click that needs no dialog state (Take case / Resolve on a support card): a support engineer's
   * click neither needs nor leaves a case of their own. Who clicked is the activity's sender.
   */
  private async onClick(context: TurnContext, action: CardAction): Promise<TurnOutcome> {
    const lang = resolveLanguage(await this.languages.get(context), null, null, context.activity.locale);
    const turn: ClickTurn = { context, lang, out: newOutcome(lang), services: this.services };
    await runAction(turn, action);
    return turn.out;
  }

  /**
   * The triage dialog through botbuilder's DialogSet: continue the dialog on the stack, else begin
   * it, with the case a user had under the property earlier versions used.
   */
  private async runDialog(context: TurnContext): Promise<TurnOutcome> {
    context.turnState.set(DIALOG_STATE_MANAGER_CONFIGURATION, this.dialogMemory);
    const dc = await this.dialogs.createContext(context);
    let result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      const earlier = await this.earlierTriageState.get(context);
      if (earlier !== undefined) await this.earlierTriageState.delete(context);
      result = await dc.beginDialog(TRIAGE_DIALOG_ID, { state: earlier });
    }
    return result.result as TurnOutcome;
  }

  /** True while the stock route of a message would run our message handler and nothing else. */
  private onlyOurMessageHandler(): boolean {
    const { Turn, Message, Dialog } = this.handlers;
    return (
      Turn === undefined &&
      Dialog === undefined &&
      Message?.length === 1 &&
      Message[0] === this.messageHandler
    );
  }

  /** Replace the clicked card so its buttons cannot be used again. */
  private async replaceClickedCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
    const cardActivityId = context.activity.replyToId;
    if (!cardActivityId) return;
    try {
      await context.updateActivity({
        id: cardActivityId,
        type: 'message',
        conversation: context.activity.conversation,
        attachments: [CardFactory.adaptiveCard(card)],
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
      // Messages, by far the most turns, go straight to their handler while it is the only one that
      // would see them: ActivityHandler's generic dispatch (handler chains built per turn) cost more
      // than some of our own work. Once anyone registers another onTurn, onMessage or onDialog
      // handler, messages take the stock route too, so no handler is ever skipped.
      handle: () =>
        context.activity?.type === ActivityTypes.Message && this.onlyOurMessageHandler()
          ? this.onMessageTurn(context)
          : super.run(context),
      retryText: async (ctx) =>
        t((await this.languages.get(ctx)) ?? langFromLocale(ctx.activity.locale), 'reply.repeat'),
      retain: [CASE_OPENED_THIS_TURN_KEY],
    });
  }
}

/** Whether a click is on a card that names another user as its owner (older cards name nobody). */
function notTheClickersCard(action: CardAction, context: TurnContext): boolean {
  const owner = (action as Owned).for;
  return owner !== undefined && owner !== context.activity.from?.id;
}

/** The apology card for a turn that failed. */
export async function sendErrorCard(context: TurnContext, lang: Lang): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(cardAttachment('error', errorView(lang))));
}
