/**
 * What a user does in the Agents Playground page. Every message shows up several times on the page
 * (chat list preview, bubble, log panel), so text lookups take the last match; cards are found by
 * the renderer's `.ac-adaptiveCard` root so that the log panel never matches.
 */
import type { Locator, Page } from 'playwright-core';

/** Long enough for a bot turn on a loaded 2-core CI machine; the Playground adds its own round trip. */
export const REPLY_TIMEOUT_MS = 30_000;

/** The Playground's bot is called "Test Bot" unless a manifest says otherwise. */
export const BOT_NAME = 'Test Bot';

export async function openPlayground(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await composer(page).waitFor({ timeout: REPLY_TIMEOUT_MS });
}

/**
 * Personal Chat, Group Chat, General, Announcements: the items of the left-hand list. Channels are
 * labelled "<team> - <channel>" for screen readers.
 */
export async function openChat(page: Page, name: string): Promise<void> {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page
    .getByRole('treeitem', { name: new RegExp(`^(.+ - )?${escaped}$`) })
    .first()
    .click();
}

/** The message box at the bottom of a chat, or the "Start a new post" box of a channel. */
export function composer(page: Page): Locator {
  return page.locator('[data-lexical-editor="true"]').first();
}

/** Types into the composer like a user (Lexical ignores `fill`) and presses Enter. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  await composer(page).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Starts a channel post that @mentions the bot, picked from the mention menu as a user would. */
export async function postMentioningBot(page: Page, text: string): Promise<void> {
  await composer(page).click();
  await page.keyboard.type('@');
  await page.getByRole('menuitem', { name: BOT_NAME }).click();
  await page.keyboard.type(` ${text}`);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
}

function pageOf(scope: Page | Locator): Page {
  return 'goto' in scope ? scope : scope.page();
}

/** The newest rendered card, within `scope`, that shows exactly `text` (a title, usually). */
export function cardWith(scope: Page | Locator, text: string): Locator {
  // `has` is matched inside each card, so it must be built from the page, not from `scope`.
  return scope
    .locator('.ac-adaptiveCard')
    .filter({ has: pageOf(scope).getByText(text, { exact: true }) })
    .last();
}

/** Waits for a card showing `text` and returns it. */
export async function waitForCard(scope: Page | Locator, text: string): Promise<Locator> {
  const card = cardWith(scope, text);
  await card.waitFor({ timeout: REPLY_TIMEOUT_MS });
  return card;
}

/** A channel thread (root post and its replies) whose root shows `text`. */
export function threadWith(page: Page, text: string): Locator {
  return page.getByRole('group').filter({ hasText: text }).last();
}

/** Action.Execute and Action.Submit buttons of a card (Action.OpenUrl renders with role "link"). */
export function cardButtons(card: Locator): Locator {
  return card.getByRole('button');
}
