import { getStep } from '../../diagnosis/knowledge';
import type { Decision, Lang, StepId } from '../../diagnosis/types';
import { t, type StringKey } from '../../i18n';
import { getProduct, type NeighbourProduct } from '../../diagnosis/knowledge/products';
import type { ButtonView, LinkView, MessageView, WelcomeView } from './card-views';

const COMMANDS: readonly [StringKey, StringKey][] = [
  ['command.name.help', 'command.help'],
  ['command.name.startOver', 'command.startOver'],
  ['command.name.status', 'command.status'],
  ['command.name.version', 'command.version'],
  ['command.name.language', 'command.language'],
];

/** Steps offered under an out-of-scope answer: the closest two, never a menu. */
const MAX_NEAREST = 2;

/** Shown when escalation is wired (the Teams bot); the terminal chat has no support team to reach. */
const ESCALATION_COMMANDS: readonly [StringKey, StringKey][] = [
  ['command.name.escalate', 'command.escalate'],
  ['command.name.myCases', 'command.myCases'],
  ['command.name.deleteMyData', 'command.deleteMyData'],
  ['command.name.support', 'command.support'],
];

const EXAMPLES: readonly StringKey[] = [
  'welcome.example1',
  'welcome.example2',
  'welcome.example3',
  'welcome.example4',
];

/** Welcome and help share one card: what the bot does, examples, commands. */
export function welcomeView(lang: Lang, options: { escalation?: boolean } = {}): WelcomeView {
  const commands = options.escalation ? [...COMMANDS, ...ESCALATION_COMMANDS] : COMMANDS;
  return {
    title: t(lang, 'welcome.title'),
    intro: t(lang, 'welcome.intro'),
    examplesLabel: t(lang, 'welcome.examplesLabel'),
    examples: EXAMPLES.map((key) => t(lang, key)),
    commandsLabel: t(lang, 'welcome.commandsLabel'),
    commands: commands.map(([name, text]) => ({ title: t(lang, name), value: t(lang, text) })),
    buttons: [{ title: t(lang, 'welcome.button.start'), data: { verb: 'startOver' } }],
  };
}

export function messageView(title: string, text: string, buttons: ButtonView[] = []): MessageView {
  return { title, text, buttons, links: [] };
}

export function errorView(lang: Lang): MessageView {
  return {
    title: t(lang, 'error.title'),
    text: t(lang, 'error.text'),
    buttons: [{ title: t(lang, 'advice.button.startOver'), data: { verb: 'startOver' } }],
    links: [],
  };
}

/**
 * The answer to a message the bot does not cover: which product it is about where one is named (with
 * its documentation and tracker, where verified), what the bot does cover, the steps the message came
 * closest to (for when it is a Sync problem after all) and, where cases can be opened, a way to a
 * human. A clear answer, not a dead end.
 */
export function outOfScopeView(
  product: NeighbourProduct | undefined,
  lang: Lang,
  options: { escalation: boolean; nearest?: readonly StepId[]; unsure?: boolean },
): MessageView {
  const nearest = (options.nearest ?? []).slice(0, MAX_NEAREST);
  const buttons: ButtonView[] = nearest.map((step) => ({
    title: getStep(step).title[lang],
    data: { verb: 'showStep', step },
  }));
  if (options.escalation)
    buttons.push({ title: t(lang, 'advice.button.escalate'), data: { verb: 'escalate' } });
  const orPick = nearest.length > 0 ? ` ${t(lang, 'reply.outOfScope.nearest')}` : '';
  if (!product) {
    const [title, text]: [StringKey, StringKey] = options.unsure
      ? ['reply.unsure.title', 'reply.unsure.text']
      : ['reply.outOfScope.title', 'reply.outOfScope.text'];
    return messageView(t(lang, title), `${t(lang, text)}${orPick}`, buttons);
  }
  const named = product.label?.[lang] ?? product.name;
  // The text opens with the product: a description ("another vendor's …") starts the sentence there.
  const vars = { product: named, Product: capitalised(named, lang), what: product.what[lang] };
  const links: LinkView[] = [];
  if (product.docs) links.push({ title: t(lang, 'reply.outOfScope.product.docs', vars), url: product.docs });
  if (product.tracker)
    links.push({ title: t(lang, 'reply.outOfScope.product.tracker', vars), url: product.tracker });
  return {
    ...messageView(
      t(lang, 'reply.outOfScope.product.title', vars),
      `${t(lang, 'reply.outOfScope.product.text', vars)}${orPick}`,
      buttons,
    ),
    links,
  };
}

/** The out-of-scope answer to a decision: the product it names, the steps it came closest to, and whether it abstained. */
export function outOfScopeAnswerView(
  decision: Decision | undefined,
  lang: Lang,
  options: { escalation: boolean },
): MessageView {
  const product = decision?.product ? getProduct(decision.product) : undefined;
  return outOfScopeView(product, lang, {
    escalation: options.escalation,
    nearest: decision?.candidates.map((c) => c.step) ?? [],
    unsure: decision?.unsure === true,
  });
}

function capitalised(text: string, lang: Lang): string {
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}
