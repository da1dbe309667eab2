import {
  ConversationState,
  MessageFactory,
  TeamsActivityHandler,
  UserState,
  type Storage,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import type { Lang } from '../diagnosis/types';
import { langFromLocale } from '../i18n';
import { cardAttachment } from './cards';
import { languagePreference, type LanguagePreference } from './language';
import { welcomeView } from './message-views';
import { TRIAGE_DIALOG_ID, TriageDialog } from './triage-dialog';

/**
 * The Teams edge: welcomes, then hands every message to the triage dialog and saves state.
 * Knowledge and reasoning live in src/diagnosis; nothing here decides what advice to give.
 */
export class MimSyncDoctorBot extends TeamsActivityHandler {
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly languages: LanguagePreference;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;

  constructor(storage: Storage) {
    super();
    this.conversationState = new ConversationState(storage);
    this.userState = new UserState(storage);
    this.dialogState = this.conversationState.createProperty<DialogState>('dialogState');
    this.languages = languagePreference(this.userState.createProperty<Lang | undefined>('language'));
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(new TriageDialog(this.languages));

    this.onMessage(async (context, next) => {
      await this.runDialog(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      // Welcome once, when the bot itself joins; never greet every member who is added.
      const botAdded = (context.activity.membersAdded ?? []).some(
        (m) => m.id === context.activity.recipient.id,
      );
      if (botAdded) await this.sendWelcome(context);
      await next();
    });
  }

  async sendWelcome(context: TurnContext): Promise<void> {
    const lang = (await this.languages.get(context)) ?? langFromLocale(context.activity.locale);
    await context.sendActivity(MessageFactory.attachment(cardAttachment('welcome', welcomeView(lang))));
  }

  private async runDialog(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(TRIAGE_DIALOG_ID);
  }

  /** Save state after every turn, also when a handler threw, so nothing already said is lost. */
  override async run(context: TurnContext): Promise<void> {
    try {
      await super.run(context);
    } finally {
      await this.conversationState.saveChanges(context, false);
      await this.userState.saveChanges(context, false);
    }
  }
}
