import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { freePort, startBot, type RunningBot } from '../helpers/bot';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '__screenshots__');

/**
 * Debian's Chromium, headless, with the flags this closed network needs. Without Chromium the e2e tests
 * are skipped locally with a notice; in CI (CI=true) a missing browser is a failure, never a skip.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run must install it (apt-get install -y chromium)`);
  process.stderr.write(`e2e skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)\n`);
  return false;
}

export async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-sync', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** The bot with its Agents Playground on a free port, and a browser: what every e2e suite starts with. */
export interface PlaygroundSession {
  bot: RunningBot;
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

export async function startPlaygroundSession(env: Record<string, string> = {}): Promise<PlaygroundSession> {
  const bot = await startBot({ ...env, PLAYGROUND: 'on', PLAYGROUND_PORT: String(await freePort()) });
  const ready = await bot.waitForLog((l) => l.event === 'playground.ready' || l.event === 'playground.failed', 45_000);
  if (ready.event !== 'playground.ready') throw new Error(`Playground did not start: ${String(ready.reason)}`);
  const browser = await launch();
  return {
    bot,
    browser,
    url: String(ready.url),
    close: async () => {
      await browser.close();
      expect(await bot.stop('SIGINT')).toBe(0);
    },
  };
}

/** A suite's Playground session: started before its tests, closed after them (read it inside a test). */
export function playgroundForSuite(): () => PlaygroundSession {
  let session: PlaygroundSession | undefined;
  beforeAll(async () => {
    session = await startPlaygroundSession();
  }, 90_000);
  afterAll(async () => {
    await session?.close();
  });
  return () => session!;
}

/** A new page on the Playground's chat, once Opari's first card (the welcome) is there. */
export async function openChat(session: PlaygroundSession, viewport: { width: number; height: number }): Promise<Page> {
  const page = await session.browser.newPage({ viewport });
  await page.goto(session.url);
  await page.locator('.ac-adaptiveCard').first().waitFor({ timeout: 30_000 });
  return page;
}

/** Types into the chat box and waits for a new card from the bot. */
export async function say(page: Page, text: string): Promise<void> {
  const before = await page.locator('.ac-adaptiveCard').count();
  await send(page, text);
  await page.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length > n, before, { timeout: 20_000 });
}

/** Types a message into the Playground's editor and sends it. */
async function send(page: Page, text: string): Promise<void> {
  const editor = page.locator('[data-lexical-editor="true"]');
  await editor.click();
  await editor.pressSequentially(text);
  await page.keyboard.press('Enter');
}

/** Types a message that Opari answers with a line of text, not a card, and waits for that line. */
export async function sayExpectingText(page: Page, text: string, reply: string): Promise<void> {
  await send(page, text);
  await page.getByText(reply).first().waitFor({ timeout: 20_000 });
}

/** Picks an option of a card's n-th combobox (the Playground renders compact choice sets as Fluent dropdowns). */
export async function choose(page: Page, card: Locator, index: number, option: string): Promise<void> {
  await card.getByRole('combobox').nth(index).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The Playground's date picker takes no typed text: opens the n-th one and clicks the day ("25, November, 2026"). */
export async function pickDate(page: Page, card: Locator, index: number, isoDate: string): Promise<void> {
  const [y, mo, d] = isoDate.split('-').map(Number);
  const month = new Date(Date.UTC(y, mo - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
  await card.getByPlaceholder('Select a date...').nth(index).click();
  const day = page.getByRole('button', { name: `${d}, ${month}, ${y}`, exact: true });
  if (!(await day.isVisible()))
    await page
      .getByRole('button', { name: /next month/i })
      .first()
      .click();
  await day.click();
}

/** The newest card containing `text`, once there is one (a screenshot is kept if it never comes). */
export async function waitForCard(page: Page, text: string, failureShot = 'failure'): Promise<Locator> {
  try {
    await page.waitForFunction((t) => [...document.querySelectorAll('.ac-adaptiveCard')].some((c) => c.textContent?.includes(t)), text, { timeout: 30_000 });
  } catch (err) {
    await page.screenshot({ path: join(SCREENSHOTS, `${failureShot}.png`), fullPage: true });
    throw err;
  }
  return page.locator('.ac-adaptiveCard', { hasText: text }).last();
}
