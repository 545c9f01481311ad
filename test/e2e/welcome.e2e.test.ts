import { join } from 'node:path';
import { browserAvailable, say, sayExpectingText, SCREENSHOTS, openChat, playgroundForSuite } from './browser';

const run = browserAvailable() ? describe : describe.skip;

run('Opari in the Microsoft 365 Agents Playground (local Teams)', () => {
  const session = playgroundForSuite();

  it('shows the welcome card on opening, and the help card after typing "help"', async () => {
    const page = await openChat(session(), { width: 1400, height: 1000 });
    const cards = page.locator('.ac-adaptiveCard');
    await expect(cards.first().innerText()).resolves.toMatch(/Opari/);
    expect(await cards.first().getByRole('button').allInnerTexts()).toHaveLength(3);

    await say(page, 'help');
    const help = cards.last();
    await expect(help.innerText()).resolves.toContain("Hi, I'm Opari");
    await expect(help.innerText()).resolves.toContain('Ask the plan');
    await page.screenshot({ path: join(SCREENSHOTS, 'welcome-help.png') });
  });

  it('answers in the language typed, although the Playground always says en-US, and confirms "kieli ruotsi" in Swedish', async () => {
    const page = await openChat(session(), { width: 1400, height: 2200 });
    const cards = page.locator('.ac-adaptiveCard');

    await say(page, 'apua');
    await expect(cards.last().innerText()).resolves.toContain('Hei, olen Opari');
    await say(page, 'millä perusteella oppilas saa avustajan?');
    const answer = cards.last();
    await expect(answer.innerText()).resolves.toContain('Avaa koko kohta');
    await expect(answer.innerText()).resolves.not.toMatch(/Open whole section|Source:/);
    await say(page, 'kieli ruotsi');
    await expect(cards.last().innerText()).resolves.toContain('Hej, jag är Opari');
    await page.getByText('Språket är nu svenska.').first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'language.png'), fullPage: true });
  });

  it('answers thanks, an emoji and goodbye with a short line in the language typed, and "mitä osaat?" with the help card', async () => {
    const page = await openChat(session(), { width: 1400, height: 1600 });
    const cards = page.locator('.ac-adaptiveCard');
    await sayExpectingText(page, 'kiitos!', 'Ole hyvä! Kysy lisää milloin tahansa.');
    await sayExpectingText(page, '👍', 'Kirjoita kysymyksesi suunnitelmasta tai "apua", niin näet, mitä osaan.');
    await say(page, 'mitä osaat?');
    await expect(cards.last().innerText()).resolves.toContain('Hei, olen Opari');
    await sayExpectingText(page, 'thanks Opari', "You're welcome! Ask me more at any time.");
    await sayExpectingText(page, 'hej då', 'Hej då! Fråga mig när som helst.');
    // None of them was taken for a question the plan does not answer.
    await expect(page.getByText(/Suunnitelma ei vastaa tähän|The plan does not cover this/).count()).resolves.toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'small-talk.png'), fullPage: true });
  });
});
