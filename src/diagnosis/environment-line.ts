import { SENTENCE_END, isNumber, toWords } from './words';

/**
 * A sentence that only says what the admin runs ("MIM 4.6.607.0 on Windows Server 2019, SQL 2019 on
 * a separate server", "Vi kører FIM 2010 R2 på Windows 2012"): background, not what is asked. Admins
 * add such a line to almost every post, so its platform words and build must not steer the answer.
 * A sentence counts only when every word is a platform, product or version word, a number, or a
 * small word that joins them; "we upgraded MIM to 4.6.607.0" says something happened and is not one.
 */
const PLATFORMS = new Set([
  'mim',
  'fim',
  'windows',
  'win',
  'server',
  'servers',
  'sql',
  'sqlserver',
  'mssql',
  'os',
  'net',
  'framework',
  'r2',
  'sp1',
  'sp2',
  'sp3',
  'x64',
]);

/** Words an environment line is made of besides the platforms: labels, joints, machine words. */
const JOINERS = new Set([
  // English
  'environment',
  'env',
  'setup',
  'versions',
  'version',
  'build',
  'platform',
  'we',
  're',
  'are',
  'is',
  's',
  'our',
  'it',
  'its',
  'run',
  'running',
  'on',
  'in',
  'with',
  'and',
  'plus',
  'a',
  'an',
  'the',
  'of',
  'both',
  'all',
  'box',
  'boxes',
  'machine',
  'machines',
  'vm',
  'vms',
  'host',
  'hosts',
  'separate',
  'dedicated',
  'same',
  'remote',
  'local',
  'own',
  'microsoft',
  'identity',
  'manager',
  'synchronization',
  'synchronisation',
  'sync',
  'service',
  'standard',
  'enterprise',
  'edition',
  'datacenter',
  'instance',
  'named',
  'default',
  'database',
  'db',
  'bit',
  'english',
  // Danish
  'miljø',
  'miljoe',
  'opsætning',
  'versioner',
  'vi',
  'kører',
  'har',
  'er',
  'vores',
  'den',
  'det',
  'på',
  'i',
  'med',
  'og',
  'en',
  'et',
  'begge',
  'alle',
  'maskine',
  'maskiner',
  'separat',
  'dedikeret',
  'dedikerede',
  'samme',
  'egen',
  'egne',
]);

/** Most messages name no platform next to a number: they skip the splitting. */
const HINT = /\b(?:mim|fim|windows|win|sql|server)\b[^\n]{0,60}\d|\d[^\n]{0,60}\b(?:windows|sql|server)\b/i;

/** True when the sentence only says which platforms and builds are run. */
export function isEnvironmentSentence(sentence: string): boolean {
  if (sentence.trim().endsWith('?')) return false;
  const words = toWords(sentence).map((w) => w.text);
  let platforms = 0;
  let numbers = 0;
  for (const word of words) {
    if (isNumber(word)) numbers++;
    else if (PLATFORMS.has(word)) platforms++;
    else if (!JOINERS.has(word)) return false;
  }
  return platforms > 0 && numbers > 0;
}

/** Where the message's environment sentences are (offsets into the text). */
export function environmentSentences(text: string): { start: number; end: number }[] {
  if (!HINT.test(text)) return [];
  const found: { start: number; end: number }[] = [];
  let start = 0;
  const check = (end: number): void => {
    if (isEnvironmentSentence(text.slice(start, end))) found.push({ start, end });
    start = end;
  };
  for (const m of text.matchAll(SENTENCE_END)) check((m.index ?? 0) + m[0].length);
  if (start < text.length) check(text.length);
  return found;
}
