import type { Lang } from '../diagnosis/types';
import { da } from './da';
import { en, type StringKey } from './en';

export type { StringKey } from './en';

export const STRINGS: Record<Lang, Record<StringKey, string>> = { en, da };

/** Look up a user-facing string and fill its {placeholders}. */
export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  const template = STRINGS[lang][key];
  // Most strings have no placeholder; this runs for every string of every card.
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The language for a Teams locale such as "da-DK": Danish for da-*, English otherwise. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^da(?:[-_]|$)/i.test(locale) ? 'da' : 'en';
}
