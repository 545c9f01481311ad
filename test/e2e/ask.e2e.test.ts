import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort, startBot, type RunningBot } from '../helpers/bot';
import { browserAvailable, launch, SCREENSHOTS } from './browser';

const run = browserAvailable() ? describe : describe.skip;

async function say(page: Page, text: string): Promise<void> {
  const before = await page.locator('.ac-adaptiveCard').count();
  const editor = page.locator('[data-lexical-editor="true"]');
  await editor.click();
  await editor.pressSequentially(text);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length > n, before, { timeout: 20_000 });
}

run('asking the plan in the Agents Playground', () => {
  let bot: RunningBot;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    bot = await startBot({ PLAYGROUND: 'on', PLAYGROUND_PORT: String(await freePort()) });
    const ready = await bot.waitForLog((l) => l.event === 'playground.ready' || l.event === 'playground.failed', 45_000);
    if (ready.event !== 'playground.ready') throw new Error(`Playground did not start: ${String(ready.reason)}`);
    url = String(ready.url);
    browser = await launch();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.stop('SIGINT');
  });

  it('answers a Finnish question with the plan\'s criteria, and says plainly when the plan has no answer', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
    await page.goto(url);
    await page.locator('.ac-adaptiveCard').first().waitFor({ timeout: 30_000 });

    await say(page, 'millä perusteella oppilas saa avustajan?');
    const answer = page.locator('.ac-adaptiveCard').last();
    await expect(answer.innerText()).resolves.toContain('Criteria for assistant services');
    await expect(answer.innerText()).resolves.toMatch(/Source: Student welfare plan of Esimerkkialue/);
    await expect(answer.innerText()).resolves.toContain('Open whole section');

    // 👎 is stored and the card thanks the user in place.
    await answer.locator('button, [role=button]').filter({ hasText: '👎' }).first().click();
    await page.waitForFunction(() => [...document.querySelectorAll('.ac-adaptiveCard')].pop()?.textContent?.includes('Thanks for the feedback'), undefined, { timeout: 15_000 });

    await say(page, 'what is the weather tomorrow');
    const none = page.locator('.ac-adaptiveCard').last();
    await expect(none.innerText()).resolves.toContain('The plan does not cover this');
    await expect(none.innerText()).resolves.toContain('Ask an expert');
    await page.screenshot({ path: join(SCREENSHOTS, 'ask-the-plan.png'), fullPage: true });
  });
});
