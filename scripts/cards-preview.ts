/**
 * npm run cards:preview: every card template, filled with the sample views of
 * test/fixtures/card-samples.ts (English and Danish) and expanded by src/teams/views/cards.ts, rendered by
 * the official Adaptive Cards JS renderer in headless Chromium with a Teams-like light host config.
 * Writes docs/cards/<sample id>.png. The renderer's parse and validation events fail the run, so a
 * preview is also a check that the official renderer accepts every card.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as AC from 'adaptivecards';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import { advise, emptyFacts } from '../src/diagnosis/advise';
import { recognize } from '../src/diagnosis/recognize';
import { QUESTIONS } from '../src/diagnosis/triage-tree';
import { t } from '../src/i18n';
import { adviceView } from '../src/teams/views/advice-view';
import { welcomeView } from '../src/teams/views/message-views';
import { questionView } from '../src/teams/views/question-view';
import { expandCard, type AdaptiveCardJson } from '../src/teams/views/cards';
import { CARD_SAMPLES, type AnyCardSample } from '../test/fixtures/card-samples';

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'docs', 'cards');
const AC_DIST = path.join(ROOT, 'node_modules', 'adaptivecards', 'dist');

/** Teams' web font stack; on Linux it falls through to Arial's metric twin, Liberation Sans. */
const FONT = `"Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif`;

/** Teams light theme (Fluent 2 neutrals, Teams brand purple) for text on every container style. */
const FOREGROUND = {
  default: { default: '#242424', subtle: '#616161' },
  dark: { default: '#242424', subtle: '#616161' },
  light: { default: '#FFFFFF', subtle: '#F5F5F5' },
  accent: { default: '#5B5FC7', subtle: '#4F52B2' },
  good: { default: '#0E700E', subtle: '#107C10' },
  warning: { default: '#835B00', subtle: '#8A6A00' },
  attention: { default: '#C4314B', subtle: '#B10E1C' },
};

const style = (
  backgroundColor: string,
): { backgroundColor: string; foregroundColors: typeof FOREGROUND } => ({
  backgroundColor,
  foregroundColors: FOREGROUND,
});

/** Sizes and colours as close to Teams as its public host config and a Teams window show them. */
export const TEAMS_LIGHT_HOST_CONFIG = {
  supportsInteractivity: true,
  fontTypes: {
    default: {
      fontFamily: FONT,
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 300, default: 400, bolder: 600 },
    },
    monospace: {
      fontFamily: `Consolas, "Liberation Mono", "Courier New", monospace`,
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 300, default: 400, bolder: 600 },
    },
  },
  lineHeights: { small: 16, default: 20, medium: 20, large: 24, extraLarge: 32 },
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  containerStyles: {
    default: style('#FFFFFF'),
    emphasis: style('#F5F5F5'),
    accent: style('#E8EBFA'),
    good: style('#F1FAF1'),
    warning: style('#FFF9F0'),
    attention: style('#FDF3F4'),
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  factSet: {
    title: {
      color: 'default',
      size: 'default',
      isSubtle: false,
      weight: 'bolder',
      wrap: true,
      maxWidth: 150,
    },
    value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 16,
  },
  textStyles: {
    heading: { size: 'large', weight: 'bolder', color: 'default', isSubtle: false, fontType: 'default' },
  },
};

/** The chat around the card: Teams' grey canvas, a white message with a hairline border, its buttons. */
const TEAMS_CSS = `
  body { margin: 0; background: #F5F5F5; font-family: ${FONT}; }
  #frame { display: inline-block; padding: 16px; background: #F5F5F5; }
  #bubble { background: #FFFFFF; border: 1px solid #E0E0E0; border-radius: 6px;
    box-shadow: 0 1px 2px rgba(0, 0, 0, 0.12); overflow: hidden; }
  .ac-actionSet { flex-wrap: wrap !important; row-gap: 8px; }
  .ac-pushButton { font-family: ${FONT}; font-size: 14px; font-weight: 600; color: #242424;
    background: #FFFFFF; border: 1px solid #D1D1D1; border-radius: 4px; height: 32px; padding: 0 12px;
    flex: 0 0 auto !important; white-space: nowrap; }
  .ac-pushButton > div { overflow: visible !important; }
  .ac-pushButton.style-positive { background: #5B5FC7; border-color: #5B5FC7; color: #FFFFFF; }
  .ac-pushButton.style-destructive { background: #FFFFFF; border-color: #D1D1D1; color: #C4314B; }
`;

/**
 * Teams turns `<at>name</at>` plus a mention entity into a highlighted name; the JS renderer knows
 * nothing of mentions and would print the tags. Shown the way Teams shows them, as "@name".
 */
function withMentionsShown(card: AdaptiveCardJson): AdaptiveCardJson {
  return JSON.parse(JSON.stringify(card).replace(/<at>(.*?)<\/at>/g, '@$1')) as AdaptiveCardJson;
}

/** Teams shows `msteams.width: "Full"` cards across the chat column; others at message width. */
function widthOf(card: AdaptiveCardJson): number {
  return card.msteams?.width === 'Full' ? 640 : 460;
}

interface Preview {
  id: string;
  card: AdaptiveCardJson;
}

/**
 * The cards people meet first are built by the bot's own view code, so the pictures show its real
 * wording; the rest come from the samples.
 */
function liveSamples(): AnyCardSample[] {
  const recognition = recognize('ADMA delta import goes stopped-connectivity every night around 2am');
  const facts = { ...emptyFacts(), findings: recognition.findings };
  return (['en', 'da'] as const).flatMap((lang): AnyCardSample[] => [
    { id: `welcome-${lang}`, name: 'welcome', lang, view: welcomeView(lang, { escalation: true }) },
    {
      id: `question-${lang}`,
      name: 'question',
      lang,
      view: questionView(QUESTIONS.symptom, 'symptom#1', lang),
    },
    {
      id: `advice-${lang}`,
      name: 'advice',
      lang,
      view: adviceView(advise('run-error-codes', facts), {
        lang,
        shown: ['run-error-codes'],
        escalate: true,
      }),
    },
  ]);
}

/** The samples, plus each question card as it looks once answered (updated in place, no buttons). */
function previews(fixtures: readonly AnyCardSample[]): Preview[] {
  const live = liveSamples();
  const samples = [...live, ...fixtures.filter((f) => !live.some((l) => l.id === f.id))];
  const out: Preview[] = samples.map((s) => ({ id: s.id, card: expandCard(s.name, s.view) }));
  for (const s of samples) {
    if (s.name !== 'question') continue;
    // The fifth choice (PCNS event 6025 in the samples): one that leads straight to a step.
    const choices = s.view.groups.flatMap((g) => g.buttons);
    const chosen = (choices[4] ?? choices[0])?.title ?? '';
    const answered = {
      ...s.view,
      groups: [],
      hint: '',
      answered: t(s.lang, 'question.answered', { choice: chosen }),
    };
    out.push({ id: s.id.replace('question', 'question-answered'), card: expandCard('question', answered) });
  }
  return out;
}

/** The parts of the page the render function touches (the project compiles without the DOM lib). */
interface PreviewWindow {
  AdaptiveCards: typeof AC;
  document: { getElementById(id: string): Bubble | null };
}
interface Bubble {
  style: { width: string };
  replaceChildren(...nodes: unknown[]): void;
}

/** Renders one card into #bubble and returns the renderer's complaints (empty when all is well). */
async function render(
  page: Page,
  card: AdaptiveCardJson,
  hostConfig: object,
  width: number,
): Promise<string[]> {
  return page.evaluate(
    ({ card, hostConfig, width }) => {
      const win = globalThis as unknown as PreviewWindow;
      const lib = win.AdaptiveCards;
      const adaptiveCard = new lib.AdaptiveCard();
      adaptiveCard.hostConfig = new lib.HostConfig(hostConfig);
      const context = new lib.SerializationContext(lib.Versions.v1_5);
      adaptiveCard.parse(card, context);
      const problems: string[] = [];
      for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
      for (const e of adaptiveCard.validateProperties().validationEvents) problems.push(e.message);
      const element: unknown = adaptiveCard.render();
      const bubble = win.document.getElementById('bubble');
      if (!element || !bubble) return [...problems, 'nothing rendered'];
      bubble.style.width = `${width}px`;
      bubble.replaceChildren(element);
      return problems;
    },
    { card, hostConfig, width },
  );
}

async function main(): Promise<void> {
  const js = fs.readFileSync(path.join(AC_DIST, 'adaptivecards.min.js'), 'utf8');
  const css = fs.readFileSync(path.join(AC_DIST, 'adaptivecards.css'), 'utf8');
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const old of fs.readdirSync(OUT_DIR).filter((f) => f.endsWith('.png')))
    fs.rmSync(path.join(OUT_DIR, old));

  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
    headless: true,
  });
  let failed = false;
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 1 });
    // Everything is inline; nothing may be fetched (no fonts from a CDN, no images).
    await page.route('**/*', (route) => route.abort('blockedbyclient'));
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><style>${css}${TEAMS_CSS}</style></head>` +
        `<body><div id="frame"><div id="bubble"></div></div></body></html>`,
    );
    await page.addScriptTag({ content: js });
    for (const { id, card } of previews(CARD_SAMPLES)) {
      const problems = await render(page, withMentionsShown(card), TEAMS_LIGHT_HOST_CONFIG, widthOf(card));
      if (problems.length > 0) {
        failed = true;
        process.stderr.write(`${id}: ${problems.join('; ')}\n`);
      }
      const file = path.join(OUT_DIR, `${id}.png`);
      await page.locator('#frame').screenshot({ path: file });
      process.stdout.write(
        `${path.relative(ROOT, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)\n`,
      );
    }
  } finally {
    await browser.close();
  }
  if (failed) process.exit(1);
}

main().catch((err: unknown) => {
  process.stderr.write(`cards:preview: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
