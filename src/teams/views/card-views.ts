import type { CardAction } from '../actions';
import type { RunAlertView } from './run-alert-view';
import type { RunSummaryView } from './run-summary-view';

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
  /** The failed run of a pasted or attached run history (the view run alerts use too). */
  run?: RunSummaryView;
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
  /** Optional text to copy (a case summary), shown in a monospace block; may be long. */
  detail?: string;
  /** Pages to open (a neighbouring product's documentation), after the buttons; may be empty. */
  links: LinkView[];
}

/** A page a card opens. */
export interface LinkView {
  title: string;
  url: string;
}

/** A choice of an Input.ChoiceSet. */
export interface ChoiceView {
  title: string;
  value: string;
}

/** The short form shown before a case is opened: what the bot knows, and the two inputs it lacks. */
export interface CaseFormView {
  title: string;
  intro: string;
  knownLabel: string;
  known: FactView[];
  /** Said instead of the facts when nothing was recognised; empty string otherwise. */
  nothingKnown: string;
  stepsLabel: string;
  steps: string[];
  /** What travels with the case besides the form (the user's last messages); may be empty. */
  transcriptNote: string;
  descriptionLabel: string;
  descriptionPlaceholder: string;
  descriptionError: string;
  impactLabel: string;
  impactError: string;
  impacts: ChoiceView[];
  /** The submit button (verb openCase with the one-time submission id); empty once sent. */
  buttons: ButtonView[];
  /** Once sent: "Sent as case MSD-1042"; the inputs and the button are gone. Empty before. */
  submitted: string;
}

/** A Teams @mention on a card: `<at>name</at>` in the text plus an entity naming who it is. */
export interface MentionView {
  /** Shown as `<at>name</at>` in the text. */
  name: string;
  /** As Teams reads it: a tag carries `type: "tag"`. */
  mentioned: { id: string; name: string; type?: 'tag' };
}

/** The case card: posted to the support channel (with buttons) and shown to the requester (without). */
export interface CaseCardView {
  kicker: string;
  title: string;
  status: string;
  statusColor: 'Default' | 'Good' | 'Warning' | 'Accent';
  /** Text with one `<at>name</at>` per entry of `mentions`; empty string when nobody is mentioned. */
  mentionText: string;
  mentions: MentionView[];
  facts: FactView[];
  recognisedLabel: string;
  recognised: FactView[];
  stepsLabel: string;
  steps: string[];
  transcriptLabel: string;
  transcript: string[];
  resolutionLabel: string;
  /** Empty until resolved. */
  resolution: string;
  /** The note input for Resolve; noteLabel is empty when there is no input (resolved, or the requester's copy). */
  noteLabel: string;
  notePlaceholder: string;
  noteError: string;
  /** Take case: 0 or 1 button; it does not send (or require) the note. */
  takeButtons: ButtonView[];
  /** Resolve: 0 or 1 button; it sends the note. */
  resolveButtons: ButtonView[];
}

export interface ListItemView {
  title: string;
  facts: FactView[];
  /** A problem to see at once (a case card that was not delivered); empty string when none. */
  warning: string;
}

/** A titled list: my cases, open cases, feedback stats. */
export interface ListView {
  title: string;
  /** Shown under the title: the empty-list sentence, or a note such as "showing the first 20". */
  text: string;
  items: ListItemView[];
}

export interface CardViews {
  welcome: WelcomeView;
  question: QuestionView;
  advice: AdviceView;
  message: MessageView;
  error: MessageView;
  'case-form': CaseFormView;
  case: CaseCardView;
  list: ListView;
  'run-alert': RunAlertView;
}

export type CardName = keyof CardViews;
