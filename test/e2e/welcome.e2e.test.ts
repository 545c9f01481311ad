import { join } from 'node:path';
import { browserAvailable, type PlaygroundSession, say, SCREENSHOTS, startPlaygroundSession } from './browser';

const run = browserAvailable() ? describe : describe.skip;

run('Opari in the Microsoft 365 Agents Playground (local Teams)', () => {
  let session: PlaygroundSession;

  beforeAll(async () => {
    session = await startPlaygroundSession();
  }, 90_000);

  afterAll(async () => {
    await session?.close();
  });

  it('shows the welcome card on opening, and the help card after typing "help"', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(session.url);
    const cards = page.locator('.ac-adaptiveCard');
    await cards.first().waitFor({ timeout: 30_000 });
    await expect(cards.first().innerText()).resolves.toMatch(/Opari/);
    expect(await cards.first().getByRole('button').allInnerTexts()).toHaveLength(3);

    await say(page, 'help');
    const help = cards.last();
    await expect(help.innerText()).resolves.toContain("Hi, I'm Opari");
    await expect(help.innerText()).resolves.toContain('Ask the plan');
    await page.screenshot({ path: join(SCREENSHOTS, 'welcome-help.png') });
  });
});
