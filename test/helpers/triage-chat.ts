import { MemoryStorage, TestAdapter, type Activity, type Middleware } from 'botbuilder';
import { STEPS, getStep } from '../../src/diagnosis/knowledge/steps';
import type { Lang, StepId } from '../../src/diagnosis/types';
import { MimSyncDoctorBot } from '../../src/teams/bot';
import { seeActivity, type Seen, type SeenButton } from './replies';

/**
 * A conversation with the triage dialog as a Teams user has it, through the bot that runs it: what
 * they type or click, and what they see back (card headings, texts, buttons, links).
 */

// ---- what the user sees

/** One reply as the user sees it: a plain text, or a card's heading, visible text and facts, buttons and links. */
export function see(activity: Partial<Activity>): Seen {
  return seeActivity(activity, { facts: true });
}

/** Card headings, or the text of plain replies: the one-line summary of a turn. */
export function headlines(replies: readonly Seen[]): string[] {
  return replies.map((r) => r.title || r.text);
}

// ---- a conversation with the dialog

/** Teams stamps every inbound activity with the client's locale. */
function teamsLocale(locale: string): Middleware {
  return {
    onTurn: async (context, next) => {
      context.activity.locale ??= locale;
      await next();
    },
  };
}

export class Chat {
  private readonly adapter: TestAdapter;
  private last: Seen[] = [];

  constructor(locale = 'en-US') {
    const bot = new MimSyncDoctorBot(new MemoryStorage());
    this.adapter = new TestAdapter((context) => bot.run(context), { channelId: 'msteams' });
    this.adapter.use(teamsLocale(locale));
  }

  say(text: string): Promise<Seen[]> {
    return this.send({ type: 'message', text });
  }

  /** Clicks the button with this title on the latest replies (the last card that has one). */
  click(title: string, on: readonly Seen[] = this.last): Promise<Seen[]> {
    // Action.Execute arrives as an adaptiveCard/action invoke carrying the verb and the data.
    const { data } = this.button(title, on);
    const { verb } = data;
    return this.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
    });
  }

  button(title: string, on: readonly Seen[] = this.last): SeenButton {
    const button = [...on]
      .reverse()
      .flatMap((r) => r.buttons)
      .find((b) => b.title === title);
    if (!button) {
      const offered = on.flatMap((r) => r.buttons.map((b) => b.title)).join(' | ');
      throw new Error(`No button "${title}" on the latest replies; offered: ${offered || 'none'}`);
    }
    return button;
  }

  /** The replies the user sees; an invoke's response is not one of them (test/teams/bot.test.ts covers it). */
  async send(activity: Partial<Activity>): Promise<Seen[]> {
    await this.adapter.processActivity(activity);
    const replies: Seen[] = [];
    for (let reply = this.adapter.activeQueue.shift(); reply; reply = this.adapter.activeQueue.shift()) {
      if (reply.type !== 'invokeResponse') replies.push(see(reply));
    }
    this.last = replies;
    return replies;
  }
}

// ---- expectations

const ADVICE_BUTTONS: Record<Lang, string[]> = {
  en: ['That fixed it', 'Still failing', 'Start over'],
  da: ['Det løste det', 'Fejler stadig', 'Start forfra'],
};
const KICKER: Record<Lang, (n: number) => string> = {
  en: (n) => `Recommended step ${n} of 7`,
  da: (n) => `Anbefalet trin ${n} af 7`,
};

/** The advice card of a step: its title, its documentation link, its kicker and the three buttons. */
export function expectAdvice(reply: Seen | undefined, id: StepId, lang: Lang = 'en'): void {
  const step = getStep(id);
  expect(reply?.title).toBe(step.title[lang]);
  expect(reply?.links).toEqual([step.docUrl]);
  expect(reply?.body).toContain(KICKER[lang](step.order));
  expect(reply?.body).toContain(step.actions[lang][0]);
  expect(reply?.buttons.map((b) => b.title)).toEqual(ADVICE_BUTTONS[lang]);
}

export const SYMPTOM_QUESTION = 'What goes wrong?';
export const SYMPTOM_LABELS = [...STEPS.map((s) => s.symptom.en), 'Something else'];

/** The question that sharpens a step's advice when the message did not already answer it. */
export const REFINE_QUESTION: Record<StepId, string | null> = {
  'update-mim': 'Which MIM Sync build do you run?',
  'update-connectors': 'Which connector is it?',
  'run-error-codes': 'What is the exact run status?',
  'extension-dll-exception': null,
  'pcns-6025': null,
  'fim-ma-slow-full-sync': null,
  'fim-ma-failed-creation': null,
};
