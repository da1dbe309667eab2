/**
 * One e2e scenario = one jest file with its own bot, Playground and browser, so no dialog state,
 * language preference or chat history leaks from one scenario into the next.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { openBrowser, type E2eBrowser } from './browser';
import { openPlayground } from './playground-page';
import { startStack, type Stack } from './stack';

export const RESULTS_DIR = path.join(__dirname, 'results');

export interface ScenarioContext {
  page: Page;
  stack: Stack;
  browser: E2eBrowser;
  /** Saves `results/<scenario>-<label>.png`, after scrolling `focus` into view. */
  snap(label: string, focus?: Locator): Promise<void>;
}

/** Polls a plain condition (no locator to wait on), failing with `what` after `timeoutMs`. */
export async function until(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What scrollIntoView needs; the project compiles without the DOM lib. */
interface Scrollable {
  scrollIntoView(options: { block: 'start' | 'center' | 'end' }): void;
}

async function screenshot(page: Page, file: string, focus?: Locator): Promise<void> {
  // The chat pane scrolls on its own, so a full-page shot would not help: show what matters.
  // Top-aligned: a card is often taller than the window, and its title is what identifies it.
  if (focus) {
    await focus
      .evaluate((el: Scrollable) => el.scrollIntoView({ block: 'start' }), undefined, { timeout: 5000 })
      .catch(() => undefined);
  }
  await page.screenshot({ path: file, timeout: 10_000 });
}

/**
 * Registers beforeAll/afterAll for the stack and returns `run`, which wraps the test body: on
 * success it saves `results/<name>.png` (with `focus` in view); on failure the page, the bot's log
 * and the Playground's log, then rethrows.
 */
export function useScenario(name: string): {
  run(body: (ctx: ScenarioContext) => Promise<Locator | void>): Promise<void>;
} {
  let stack: Stack | undefined;
  let browser: E2eBrowser | undefined;

  beforeAll(async () => {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    stack = await startStack();
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  return {
    async run(body) {
      if (!stack || !browser) throw new Error(`scenario ${name}: the stack did not start`);
      const { page } = browser;
      const ctx: ScenarioContext = {
        page,
        stack,
        browser,
        snap: (label, focus) => screenshot(page, path.join(RESULTS_DIR, `${name}-${label}.png`), focus),
      };
      try {
        await openPlayground(page, stack.playground.url);
        const focus = await body(ctx);
        await screenshot(page, path.join(RESULTS_DIR, `${name}.png`), focus ?? undefined);
      } catch (err) {
        await screenshot(page, path.join(RESULTS_DIR, `${name}-failure.png`)).catch(() => undefined);
        fs.writeFileSync(path.join(RESULTS_DIR, `${name}-bot.log`), `${stack.bot.proc.lines.join('\n')}\n`);
        fs.writeFileSync(
          path.join(RESULTS_DIR, `${name}-playground.log`),
          `${stack.playground.proc.lines.join('\n')}\nblocked by the loopback rule:\n${browser.blocked.join('\n')}\n`,
        );
        throw err;
      }
    },
  };
}
