import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { AdaptiveCardJson } from '../teams/views/cards';

/** What the terminal shows for one bot activity. */
export type Printed = { kind: 'text'; text: string } | { kind: 'card'; card: AdaptiveCardJson };

/**
 * A Bot Framework adapter for the terminal: the same bot and dialog as in Teams, with activities
 * handed to a print callback instead of the Bot Connector.
 */
export class ConsoleAdapter extends BotAdapter {
  private nextId = 0;
  private readonly reference: Partial<ConversationReference>;

  constructor(
    private readonly print: (item: Printed) => void,
    locale = 'en-US',
  ) {
    super();
    this.reference = {
      channelId: 'console',
      serviceUrl: 'http://localhost',
      conversation: { id: 'console', isGroup: false, conversationType: 'personal', name: 'console' },
      user: { id: 'console-user', name: 'Admin' },
      bot: { id: 'mim-sync-doctor', name: 'MIM Sync Doctor' },
      locale,
    };
  }

  /** Run one user turn: a typed line or a card click's data. */
  async receive(
    input: { text?: string; value?: unknown },
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      {
        type: ActivityTypes.Message,
        id: String(++this.nextId),
        timestamp: new Date(),
        text: input.text ?? '',
        value: input.value,
      },
      this.reference,
      true,
    );
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, logic);
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === ActivityTypes.Message) {
        if (activity.text) this.print({ kind: 'text', text: activity.text });
        for (const attachment of activity.attachments ?? []) {
          if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') {
            this.print({ kind: 'card', card: attachment.content as AdaptiveCardJson });
          }
        }
      }
      responses.push({ id: String(++this.nextId) });
    }
    return responses;
  }

  async updateActivity(): Promise<ResourceResponse | void> {
    // The terminal cannot change what it already printed.
  }

  async deleteActivity(): Promise<void> {
    // Nothing to delete in a terminal.
  }

  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continue' },
      reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
