/**
 * `npm run eval:robust -- file.jsonl [more.jsonl]`: how often a harmless edit changes the route of
 * a message the bot routes right. Admins greet, sign off, quote the last reply, name the other
 * products they run and say which build they are on; none of that changes what they ask. A route
 * that moves under such an edit is tuned to the message's wording, not its meaning, and will not
 * hold on posts nobody has seen. Prints counts and ids per edit, never a text (blind sets included).
 */
import { diagnose } from '../diagnosis/diagnose';
import { cleanText } from '../teams/input/read-input';
import { runCli } from './run-cli';
import { readLabelled, type Labelled } from './eval';

type Lang = 'en' | 'da';

/**
 * An edit that leaves the question as it was: text put before and after the message, per language,
 * or a rewrite of the message itself.
 */
export interface HarmlessEdit {
  name: string;
  before?: Record<Lang, string>;
  after?: Record<Lang, string>;
  rewrite?: (text: string) => string;
}

export const HARMLESS_EDITS: readonly HarmlessEdit[] = [
  {
    name: 'greeting',
    before: {
      en: 'Hi all, hope you had a good weekend. A question from our side:\n\n',
      da: 'Hej alle, håber I har haft en god weekend. Et spørgsmål fra os:\n\n',
    },
  },
  {
    name: 'signature',
    after: {
      en: '\n\nThanks in advance!\n--\nJane Doe | Senior IAM Engineer | Example Ltd | +44 20 0000 0000\nThis e-mail may contain confidential information.',
      da: '\n\nPå forhånd tak!\n--\nMette Hansen | IAM-konsulent | Eksempel A/S | +45 00 00 00 00\nDenne mail kan indeholde fortrolige oplysninger.',
    },
  },
  {
    name: 'quoted reply',
    after: {
      en: '\n\n> On Tuesday, Peter wrote:\n> Have you tried restarting the service?',
      da: '\n\n> Tirsdag skrev Peter:\n> Har du prøvet at genstarte servicen?',
    },
  },
  {
    name: 'another product, fine',
    after: {
      en: '\n\nWe also have Azure AD Connect in the same domain, but that one is fine.',
      da: '\n\nVi har også Azure AD Connect i samme domæne, men den kører fint.',
    },
  },
  {
    name: 'environment line',
    after: {
      en: '\n\nEnvironment: MIM 4.6.607.0 on Windows Server 2019, SQL 2019 on a separate server.',
      da: '\n\nMiljø: MIM 4.6.607.0 på Windows Server 2019, SQL 2019 på en separat server.',
    },
  },
  {
    name: 'story first',
    before: {
      en: 'We had a power outage in the datacenter on Thursday and everything came back up. ',
      da: 'Vi havde et strømudfald i datacenteret i torsdags, og alt er kommet op igen. ',
    },
  },
  {
    name: 'urgency first',
    before: {
      en: 'URGENT, production is affected. ',
      da: 'HASTER, produktion er ramt. ',
    },
  },
  {
    name: 'tried already',
    after: {
      en: '\n\nWe already rebooted the server and tried again, same result.',
      da: '\n\nVi har allerede genstartet serveren og prøvet igen, samme resultat.',
    },
  },
  // Chat is typed fast: many admins write in lower case and leave out the question mark.
  { name: 'all lower case', rewrite: (text) => text.toLowerCase() },
  { name: 'no question mark', rewrite: (text) => text.replace(/\?/g, '') },
];

export interface EditFigures {
  edit: string;
  /** Ids of messages routed right whose route the edit changed. */
  changed: string[];
}

export interface RobustnessFigures {
  /** Messages the bot routes right as they are: the ones an edit can move. */
  routedRight: number;
  edits: EditFigures[];
}

function routeOf(text: string): string {
  return diagnose(cleanText(text)).decision.route;
}

function edited(item: Labelled, edit: HarmlessEdit): string {
  const lang: Lang = item.lang === 'da' ? 'da' : 'en';
  const text = edit.rewrite ? edit.rewrite(item.text) : item.text;
  return `${edit.before?.[lang] ?? ''}${text}${edit.after?.[lang] ?? ''}`;
}

/** For each edit, the messages routed right whose route it changes. */
export function robustness(
  items: readonly Labelled[],
  edits: readonly HarmlessEdit[] = HARMLESS_EDITS,
): RobustnessFigures {
  const right = items.filter((item) => routeOf(item.text) === item.expect);
  return {
    routedRight: right.length,
    edits: edits.map((edit) => ({
      edit: edit.name,
      changed: right.filter((item) => routeOf(edited(item, edit)) !== item.expect).map((item) => item.id),
    })),
  };
}

function report(file: string, f: RobustnessFigures): string {
  const lines = [`== ${file}: ${f.routedRight} routed right`];
  for (const e of f.edits) {
    const pct = f.routedRight === 0 ? '-' : `${((100 * e.changed.length) / f.routedRight).toFixed(1)}%`;
    const ids = e.changed.length > 0 ? `  ${e.changed.join(' ')}` : '';
    lines.push(`  ${e.edit.padEnd(24)} ${String(e.changed.length).padStart(4)} moved (${pct})${ids}`);
  }
  return lines.join('\n');
}

function main(): void {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    process.stderr.write('Usage: npm run eval:robust -- messages.jsonl [more.jsonl]\n');
    process.exitCode = 2;
    return;
  }
  const reports = files.map((file) => report(file, robustness(readLabelled(file))));
  process.stdout.write(`${reports.join('\n\n')}\n`);
}

if (require.main === module) runCli(main);
