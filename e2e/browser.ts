/** Headless Debian Chromium through playwright-core, allowed to talk to loopback only. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** No background traffic of Chromium's own (updates, sync, field trials), no QUIC probing. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Requests the page may make: loopback, and URLs that never touch the network. */
export function isLoopbackUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (['data:', 'blob:', 'about:'].includes(url.protocol)) return true;
  return LOOPBACK_HOSTS.has(url.hostname);
}

export interface E2eBrowser {
  context: BrowserContext;
  page: Page;
  /** Every URL the page tried to reach outside loopback (aborted): font CDNs, links clicked. */
  blocked: string[];
  close(): Promise<void>;
}

/** A fresh profile each time, so no cookie or cached Playground state carries over between scenarios. */
export async function openBrowser(viewport = { width: 1400, height: 1000 }): Promise<E2eBrowser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mim-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
    headless: true,
    viewport,
    locale: 'en-US',
  });
  const blocked: string[] = [];
  // On the context, not the page, so that pop-ups (Action.OpenUrl) are covered too.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLoopbackUrl(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(
    (url) => !isLoopbackUrl(url.href.replace(/^ws/, 'http')),
    async (ws) => {
      blocked.push(ws.url());
      await ws.close();
    },
  );
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    blocked,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
