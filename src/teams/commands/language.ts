import type { Lang } from '../../diagnosis/types';
import { tell } from '../triage/turn';
import type { CommandDef } from './command';

export interface LanguageCommand {
  id: 'language';
  lang: Lang;
}

const LANGUAGE_WORDS: Record<string, Lang> = {
  english: 'en',
  engelsk: 'en',
  en: 'en',
  danish: 'da',
  dansk: 'da',
  da: 'da',
};

/** `language danish` / `sprog engelsk`: the user's choice, remembered for them. */
export const language: CommandDef<LanguageCommand> = {
  pattern: /^(?:language|sprog|lang) (\w{2,10})$/i,
  read(m) {
    const lang = Object.hasOwn(LANGUAGE_WORDS, m[1].toLowerCase())
      ? LANGUAGE_WORDS[m[1].toLowerCase()]
      : undefined;
    return lang ? { id: 'language', lang } : null;
  },
  // The language named is the reply's language, whatever the command's words are.
  danish: [],
  async handle(turn, command) {
    await turn.services.languages.set(turn.context, command.lang);
    // The new language is the turn's from here on: the confirmation and every other reply.
    turn.state.lang = command.lang;
    turn.lang = command.lang;
    turn.out.lang = command.lang;
    tell(turn, 'reply.languageSet');
  },
};
