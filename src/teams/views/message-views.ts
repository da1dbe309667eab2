import type { Lang } from '../../diagnosis/types';
import { t, type StringKey } from '../../i18n';
import type { ButtonView, MessageView, WelcomeView } from './card-views';

const COMMANDS: readonly [StringKey, StringKey][] = [
  ['command.name.help', 'command.help'],
  ['command.name.startOver', 'command.startOver'],
  ['command.name.status', 'command.status'],
  ['command.name.version', 'command.version'],
  ['command.name.language', 'command.language'],
];

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
  return { title, text, buttons };
}

export function errorView(lang: Lang): MessageView {
  return {
    title: t(lang, 'error.title'),
    text: t(lang, 'error.text'),
    buttons: [{ title: t(lang, 'advice.button.startOver'), data: { verb: 'startOver' } }],
  };
}
