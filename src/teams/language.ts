import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Lang } from '../diagnosis/types';
import { langFromLocale } from '../i18n';

/** Where a user's explicit language choice is remembered (user state in the bot). */
export interface LanguagePreference {
  get(context: TurnContext): Promise<Lang | undefined>;
  set(context: TurnContext, lang: Lang): Promise<void>;
}

export function languagePreference(accessor: StatePropertyAccessor<Lang | undefined>): LanguagePreference {
  return {
    get: (context) => accessor.get(context),
    set: (context, lang) => accessor.set(context, lang),
  };
}

/**
 * The reply language: the user's explicit choice, else the language the message is written in,
 * else the language the conversation has used so far (a typed "4.6.421.0" says little),
 * else the Teams locale (many Danish admins run Teams in English, so the message wins over it).
 */
export function resolveLanguage(
  chosen: Lang | undefined,
  written: Lang | null,
  previous: Lang | null,
  locale: string | undefined,
): Lang {
  return chosen ?? written ?? previous ?? langFromLocale(locale);
}
