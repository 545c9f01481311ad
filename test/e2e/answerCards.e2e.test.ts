import { join } from 'node:path';
import { browserAvailable, say, SCREENSHOTS, openChat, playgroundForSuite } from './browser';

const run = browserAvailable() ? describe : describe.skip;

/**
 * Ten answer cards in the Agents Playground, in Finnish, Swedish and English: each quotes the passage that holds
 * the answer (the criteria and who decides, the steps with 112, the rule with its hours). Screenshots of the
 * cards go to test/e2e/__screenshots__/answer-NN-<lang>.png.
 */
const CARDS: { lang: 'fi' | 'sv' | 'en'; q: string; quote: RegExp }[] = [
  { lang: 'fi', q: 'millä perusteella oppilas saa avustajan?', quote: /Avustajapalvelua harkitaan/ },
  { lang: 'fi', q: 'milloin oppilaalle voidaan myöntää koulunkäyntiavustaja ja kuka siitä päättää?', quote: /Rehtori .*tekee tukea koskevan päätöksen/ },
  { lang: 'fi', q: 'kuka päättää yli kolmen päivän poissaolosta', quote: /Rehtori päättää yli kolmen/ },
  { lang: 'fi', q: 'kuinka usein koulukohtainen liite tarkistetaan', quote: /joka lukuvuosi/ },
  { lang: 'sv', q: 'Vad ska vi göra först om det händer en allvarlig olycka?', quote: /Ring 112/ },
  { lang: 'sv', q: 'vem beviljar ledighet för en resa på en vecka', quote: /Rektor beslutar om ledighet för mer än tre skoldagar/ },
  { lang: 'sv', q: 'hur många timmars frånvaro innan man gör en anmälan till kuratorn', quote: /50 timmar per termin/ },
  { lang: 'en', q: 'what do I do first when there is a serious accident at school', quote: /Call 112/ },
  { lang: 'en', q: 'how many hours of absence before I refer a pupil to the kuraattori', quote: /50 hours in a term/ },
  { lang: 'en', q: 'who decides on support for a pupil', quote: /the principal, as delegated/ },
];

const SWITCH = { fi: 'kieli suomi', sv: 'språk svenska', en: 'language english' };

run('answer cards quote the passage that answers, in the Agents Playground', () => {
  const session = playgroundForSuite();

  it('shows ten answer cards in fi, sv and en, each quoting the passage that holds the answer', async () => {
    const page = await openChat(session(), { width: 1200, height: 1400 });
    let lang: string | undefined;
    for (const [i, c] of CARDS.entries()) {
      if (c.lang !== lang) {
        await say(page, SWITCH[c.lang]);
        lang = c.lang;
      }
      await say(page, c.q);
      const card = page.locator('.ac-adaptiveCard').last();
      await expect(card.innerText().then((t) => t.replace(/\*\*/g, ''))).resolves.toMatch(c.quote);
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: join(SCREENSHOTS, `answer-${String(i + 1).padStart(2, '0')}-${c.lang}.png`) });
    }
  }, 240_000);
});
