import { join } from 'node:path';
import { browserAvailable, say, SCREENSHOTS, openChat, playgroundForSuite } from './browser';

const run = browserAvailable() ? describe : describe.skip;

run('asking the plan in the Agents Playground', () => {
  const session = playgroundForSuite();

  it("answers a Finnish question with the plan's criteria, and says plainly when the plan has no answer", async () => {
    const page = await openChat(session(), { width: 1400, height: 1400 });

    // The Playground says en-US; the question is Finnish, and so is the answer.
    await say(page, 'millä perusteella oppilas saa avustajan?');
    const answer = page.locator('.ac-adaptiveCard').last();
    await expect(answer.innerText()).resolves.toContain('Avustajapalvelujen kriteerit');
    await expect(answer.innerText()).resolves.toMatch(/Lähde: Esimerkkialueen opiskeluhuoltosuunnitelma/);
    await expect(answer.innerText()).resolves.toContain('Avaa koko kohta');

    // 👎 is stored and the card thanks the user in place, in the card's language.
    await answer.locator('button, [role=button]').filter({ hasText: '👎' }).first().click();
    await page.waitForFunction(() => [...document.querySelectorAll('.ac-adaptiveCard')].pop()?.textContent?.includes('Kiitos palautteesta'), undefined, { timeout: 15_000 });

    await say(page, 'what is the weather tomorrow');
    const none = page.locator('.ac-adaptiveCard').last();
    await expect(none.innerText()).resolves.toContain('The plan does not cover this');
    await expect(none.innerText()).resolves.toContain('and this is not one of them'); // weather is a known off-topic subject
    await expect(none.innerText()).resolves.toContain('Ask an expert');

    // Ask an expert: the question comes back to check and edit, with a reminder not to name the pupil; with no
    // experts' channel chosen, the card says the ticket waits for one (never "sent").
    await none.getByRole('button', { name: 'Ask an expert' }).click();
    const question = none.locator('textarea');
    await expect(question.inputValue()).resolves.toBe('what is the weather tomorrow');
    await expect(none.innerText()).resolves.toContain('do not name the pupil');
    await question.fill('Who decides whether an outdoor school trip goes ahead in a storm warning?');
    await none.getByRole('button', { name: 'Send to the experts' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('.ac-adaptiveCard')].some((c) => c.textContent?.includes('Waiting for the experts’ channel')), undefined, { timeout: 20_000 });
    await page.waitForFunction(() => document.body.innerText.includes('no experts’ channel has been chosen yet'), undefined, { timeout: 20_000 });
    await expect(page.locator('.ac-adaptiveCard', { hasText: 'Waiting for the experts’ channel' }).innerText()).resolves.not.toMatch(/Sent to the experts/);
    await page.screenshot({ path: join(SCREENSHOTS, 'ask-expert-waiting.png'), fullPage: true });

    // What the plan leaves for the region to write: said so, with the placeholder as it stands and a link to it.
    await say(page, 'Kielletäänkö nikotiinipussit meidän koulun järjestyssäännöissä?');
    const unwritten = page.locator('.ac-adaptiveCard').last();
    await expect(unwritten.innerText()).resolves.toContain('Suunnitelmassa ei vielä ole ohjetta tähän');
    await expect(unwritten.innerText()).resolves.toContain('Esimerkkialue täydentää ohjeen tähän');
    await expect(unwritten.innerText()).resolves.toContain('Kysy asiantuntijalta');
    await unwritten.scrollIntoViewIfNeeded();
    await unwritten.screenshot({ path: join(SCREENSHOTS, 'answer-unwritten-fi.png') });

    // Typed without ä and ö, as on a phone: still Finnish, and still the support decision.
    await say(page, 'mita tukipaatokseen pitaa kirjata');
    await page.waitForFunction(() => [...document.querySelectorAll('.ac-adaptiveCard')].pop()?.textContent?.includes('Tukea koskeva päätös'), undefined, { timeout: 15_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'ask-the-plan.png'), fullPage: true });
  });
});
