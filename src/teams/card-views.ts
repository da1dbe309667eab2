import type { CardAction } from './card-actions';

/**
 * View models the card templates in `cards/` are expanded with. Every visible string is
 * already localised here; templates hold layout only.
 */

export interface ButtonView {
  title: string;
  data: CardAction;
}

export interface FactView {
  title: string;
  value: string;
}

/** A group of choice buttons; Teams shows at most 6 per action set, so choices come in groups. */
export interface ButtonGroupView {
  buttons: ButtonView[];
}

export interface WelcomeView {
  title: string;
  intro: string;
  examplesLabel: string;
  examples: string[];
  commandsLabel: string;
  commands: FactView[];
  buttons: ButtonView[];
}

export interface QuestionView {
  questionId: string;
  title: string;
  prompt: string;
  /** Tells the user they may also type an answer. */
  hint: string;
  groups: ButtonGroupView[];
  /** Once answered: what was chosen; the buttons are gone so nothing can be clicked twice. */
  answered?: string;
}

export interface NumberedView {
  n: string;
  text: string;
}

export interface SectionView {
  title: string;
  items: string[];
}

export interface AdviceView {
  /** e.g. "Recommended step 3 of 7" */
  kicker: string;
  title: string;
  /** What the bot recognised in the message; may be empty. */
  recognisedLabel: string;
  recognised: FactView[];
  /** Extra knowledge: meaning of a code, likely causes, version gap; may be empty. */
  sections: SectionView[];
  actionsLabel: string;
  actions: NumberedView[];
  whyLabel: string;
  why: string;
  /** Optional closing note, e.g. a second problem the message mentioned; empty string when none. */
  note: string;
  docLabel: string;
  docUrl: string;
  buttons: ButtonView[];
}

export interface MessageView {
  title: string;
  text: string;
  buttons: ButtonView[];
}

export interface CardViews {
  welcome: WelcomeView;
  question: QuestionView;
  advice: AdviceView;
  message: MessageView;
  error: MessageView;
}

export type CardName = keyof CardViews;
