import type { Lang } from '../../diagnosis/types';

/** Commands that work anywhere in a conversation, in English and Danish. */
export type Command =
  | { id: 'help' }
  | { id: 'startOver' }
  | { id: 'fixed' }
  | { id: 'stillFailing' }
  | { id: 'status'; code: string }
  | { id: 'version'; build: string }
  | { id: 'language'; lang: Lang }
  | { id: 'escalate' }
  | { id: 'myCases' }
  | { id: 'deleteMyData' }
  | { id: 'openCases' }
  | { id: 'stats' }
  | { id: 'useChannel' };

interface CommandRow {
  pattern: RegExp;
  toCommand: (m: RegExpMatchArray) => Command | null;
}

const LANGUAGE_WORDS: Record<string, Lang> = {
  english: 'en',
  engelsk: 'en',
  en: 'en',
  danish: 'da',
  dansk: 'da',
  da: 'da',
};

// Anchored and bounded, so a 100 KB paste cannot make them backtrack.
const COMMANDS: readonly CommandRow[] = [
  { pattern: /^(?:help|hjælp|hjaelp|\?|menu)$/i, toCommand: () => ({ id: 'help' }) },
  {
    pattern: /^(?:start over|restart|reset|cancel|start forfra|begynd forfra|forfra|annuller|nulstil)$/i,
    toCommand: () => ({ id: 'startOver' }),
  },
  // The advice buttons, typed: people often write the label instead of clicking.
  {
    pattern: /^(?:that fixed it|fixed|it works|works now|solved|det løste det|løst|det virker|virker nu)$/i,
    toCommand: () => ({ id: 'fixed' }),
  },
  {
    pattern:
      /^(?:still failing|still broken|still fails|didn'?t help|did not help|fejler stadig|hjalp ikke|virker stadig ikke)$/i,
    toCommand: () => ({ id: 'stillFailing' }),
  },
  {
    pattern: /^(?:status|code|kode|statuskode|fejlkode) ([\w -]{2,80})$/i,
    toCommand: (m) => ({ id: 'status', code: m[1].trim() }),
  },
  {
    pattern: /^(?:version|build|versionen) (\S{1,40})$/i,
    toCommand: (m) => ({ id: 'version', build: m[1] }),
  },
  // Escalation (issue 6).
  {
    pattern: /^(?:escalate|escalate to support|eskalér|eskaler|eskalér til support|eskaler til support)$/i,
    toCommand: () => ({ id: 'escalate' }),
  },
  { pattern: /^(?:my cases|mine sager)$/i, toCommand: () => ({ id: 'myCases' }) },
  {
    pattern: /^(?:delete my data|forget me|slet mine data|glem mig)$/i,
    toCommand: () => ({ id: 'deleteMyData' }),
  },
  { pattern: /^(?:open cases|åbne sager|aabne sager)$/i, toCommand: () => ({ id: 'openCases' }) },
  { pattern: /^(?:stats|statistics|statistik)$/i, toCommand: () => ({ id: 'stats' }) },
  {
    pattern:
      /^(?:use this channel for escalations|use this channel for support|brug denne kanal til eskaleringer|brug kanalen til eskaleringer|brug denne kanal til support)$/i,
    toCommand: () => ({ id: 'useChannel' }),
  },
  {
    pattern: /^(?:language|sprog|lang) (\w{2,10})$/i,
    toCommand: (m) => {
      const lang = LANGUAGE_WORDS[m[1].toLowerCase()];
      return lang ? { id: 'language', lang } : null;
    },
  },
];

/** The command a message is, or null when it is an ordinary message. */
export function parseCommand(text: string): Command | null {
  const line = text.trim().replace(/\s+/g, ' ').replace(/[.!]$/, '');
  if (line.length > 120) return null;
  for (const row of COMMANDS) {
    const m = line.match(row.pattern);
    if (m) return row.toCommand(m);
  }
  return null;
}

const DANISH_COMMAND_WORDS = new Set([
  'hjælp',
  'hjaelp',
  'forfra',
  'annuller',
  'nulstil',
  'løste',
  'løst',
  'virker',
  'fejler',
  'hjalp',
  'kode',
  'statuskode',
  'fejlkode',
  'versionen',
  'eskalér',
  'eskaler',
  'sager',
  'slet',
  'glem',
  'åbne',
  'aabne',
  'statistik',
  'brug',
]);

/** A command's own language: "hjælp" is Danish whatever the locale says; "help" says nothing. */
export function commandLanguage(text: string): Lang | null {
  return text
    .toLowerCase()
    .split(/\s+/)
    .some((w) => DANISH_COMMAND_WORDS.has(w))
    ? 'da'
    : null;
}
