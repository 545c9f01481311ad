import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort, startBot, type RunningBot } from '../helpers/bot';
import { browserAvailable, launch, SCREENSHOTS } from './browser';

const run = browserAvailable() ? describe : describe.skip;

run('Opari in the Microsoft 365 Agents Playground (local Teams)', () => {
  let bot: RunningBot;
  let browser: Browser;
  let playgroundUrl: string;

  beforeAll(async () => {
    bot = await startBot({ PLAYGROUND: 'on', PLAYGROUND_PORT: String(await freePort()) });
    const ready = await bot.waitForLog((l) => l.event === 'playground.ready' || l.event === 'playground.failed', 45_000);
    if (ready.event !== 'playground.ready') throw new Error(`Playground did not start: ${String(ready.reason)}`);
    playgroundUrl = String(ready.url);
    browser = await launch();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    expect(await bot?.stop('SIGINT')).toBe(0);
  });

  it('shows the welcome card on opening, and the help card after typing "help"', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(playgroundUrl);
    const cards = page.locator('.ac-adaptiveCard');
    await cards.first().waitFor({ timeout: 30_000 });
    await expect(cards.first().innerText()).resolves.toMatch(/Opari/);
    expect(await cards.first().getByRole('button').allInnerTexts()).toHaveLength(3);

    const before = await cards.count();
    const editor = page.locator('[data-lexical-editor="true"]');
    await editor.click();
    await editor.pressSequentially('help');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length > n, before, { timeout: 20_000 });
    const help = cards.last();
    await expect(help.innerText()).resolves.toContain("Hi, I'm Opari");
    await expect(help.innerText()).resolves.toContain('Ask the plan');
    await page.screenshot({ path: join(SCREENSHOTS, 'welcome-help.png') });
  });
});
