import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startTestStore, type TestStore } from '../helpers/store';
import { browserAvailable, openChat, type PlaygroundSession, SCREENSHOTS, startPlaygroundSession } from './browser';

const run = browserAvailable() ? describe : describe.skip;
const CHANNEL = 'Koivurinteen koulu – opiskeluhuoltoryhmä';

/** Helsinki wall-clock date and a time some minutes ahead, as the meeting form wants them. */
function helsinkiAhead(minutes: number): { date: string; time: string } {
  const f = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const [date, time] = f.format(new Date(Date.now() + minutes * 60_000)).split(' ');
  return { date, time };
}

async function choose(page: Page, card: Locator, index: number, option: string): Promise<void> {
  await card.getByRole('combobox').nth(index).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function typeInto(page: Page, input: Locator, text: string): Promise<void> {
  await input.click();
  await input.fill(text);
  await page.keyboard.press('Tab');
}

const lastCard = (page: Page, text: string) => page.locator('.ac-adaptiveCard', { hasText: text }).last();
async function waitForCard(page: Page, text: string): Promise<Locator> {
  try {
    await page.waitForFunction((t) => [...document.querySelectorAll('.ac-adaptiveCard')].some((c) => c.textContent?.includes(t)), text, { timeout: 20_000 });
  } catch (err) {
    await page.screenshot({ path: join(SCREENSHOTS, 'meeting-failure.png'), fullPage: true });
    throw err;
  }
  return lastCard(page, text);
}

run('meetings in the Agents Playground team channel', () => {
  let store: TestStore;
  let session: PlaygroundSession;

  beforeAll(async () => {
    // The bot uses a store the test can also reach, to make a reminder fall due now instead of in a day.
    store = await startTestStore('e2e-meetings');
    session = await startPlaygroundSession({ ...store.env, REMINDER_POLL_MS: '500' });
  }, 90_000);

  afterAll(async () => {
    await session?.close();
    await store?.stop();
  });

  it('sets up a group, calls a meeting from its card, adds an agenda item, receives the reminder and answers "Tulen", all in the group\'s language', async () => {
    const page = await openChat(session, { width: 1400, height: 2600 });
    await page.getByText(CHANNEL).click();
    // The welcome card speaks Finnish (the install carries no locale). The Playground's clicks say en-US, but
    // a click is answered in the language of the card clicked, and the group then posts in its own language.
    const welcome = await waitForCard(page, 'Kokoukset');

    // The Playground cannot @mention the bot in a channel, so everything is done with the cards' buttons.
    await welcome.getByRole('button', { name: 'Kokoukset' }).click();
    const setup = await waitForCard(page, 'Perusta opiskeluhuoltoryhmä');
    await choose(page, setup, 0, 'Yhteisöllinen opiskeluhuoltoryhmä');
    await setup.getByLabel('Nimi').fill('Koivurinteen yhteisöllinen OHR');
    await choose(page, setup, 1, 'Koivurinteen koulu');
    await setup.getByRole('button', { name: 'Perusta' }).click();
    // From group to meeting in one step: the set-up card becomes the group's card with Call a meeting.
    const group = await waitForCard(page, 'on perustettu');
    await expect(group.innerText()).resolves.toContain('Ei tulevia kokouksia.');
    await page.screenshot({ path: join(SCREENSHOTS, 'group-created.png'), fullPage: true });
    await group.getByRole('button', { name: 'Kutsu kokous' }).click();
    const form = await waitForCard(page, 'Toistuvuus');
    // Two days ahead: proposals close 24 h before the meeting, so "tomorrow 14:00" is already closed after 14:00.
    const { date } = helsinkiAhead(2 * 24 * 60);
    const time = '14:00';
    await form.getByLabel('Otsikko').fill('Syksyn yhteisöllinen OHR');
    // The Playground renders Input.Date and Input.Time as Fluent pickers that accept typed text.
    // The Playground's date picker takes no typed text: pick the day from its calendar ("25, November, 2026").
    const [y, mo, d] = date.split('-').map(Number);
    const month = new Date(Date.UTC(y, mo - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
    await form.getByPlaceholder('Select a date...').first().click();
    const day = page.getByRole('button', { name: `${d}, ${month}, ${y}`, exact: true });
    // At the end of a month the day is on the calendar's next page.
    if (!(await day.isVisible()))
      await page
        .getByRole('button', { name: /next month/i })
        .first()
        .click();
    await day.click();
    await typeInto(page, form.getByPlaceholder('Select a time...').first(), time);
    // Comboboxes in order: date picker, time picker, duration, recurrence, until.
    await choose(page, form, 2, '60 min');
    await form.getByLabel('Paikka tai verkkolinkki').fill('Opettajainhuone');
    await choose(page, form, 3, 'Kerran');
    await form.getByRole('button', { name: 'Lähetä' }).click();
    const agenda = await waitForCard(page, 'Syksyn yhteisöllinen OHR · Koivurinteen yhteisöllinen OHR');
    await expect(agenda.innerText()).resolves.toContain('Kokouksen avaus ja läsnäolijat');

    await expect(agenda.innerText()).resolves.not.toMatch(/Propose an item|Opening and attendance/); // one language per card
    await agenda.getByRole('button', { name: 'Ehdota asiaa' }).click();
    const proposal = await waitForCard(page, 'Asialistaehdotus');
    await proposal.getByLabel('Asia').fill('Välituntivalvonnan järjestäminen');
    await proposal.getByRole('button', { name: 'Lähetä' }).click();
    await waitForCard(page, 'Ehdotus lisättiin asialistalle.');
    await expect(agenda.innerText()).resolves.toContain('Välituntivalvonnan järjestäminen'); // updated in place

    // The reminder falls due now (instead of a day before) and the dispatcher posts it to the channel.
    const [reminder] = await store.all<{ id: string; dueDay: string }>('reminders');
    const now = new Date().toISOString();
    await store.container('reminders').item(reminder.id, reminder.dueDay).delete();
    await store.container('reminders').items.create({ ...reminder, id: `${reminder.id}-now`, dueDay: now.slice(0, 10), dueUtc: now });
    const remind = await waitForCard(page, 'Muistutus: Syksyn yhteisöllinen OHR');
    await expect(remind.innerText()).resolves.toContain('Välituntivalvonnan järjestäminen');
    await remind.getByRole('button', { name: '✅ Tulen' }).click();
    // The reminder card and the agenda card posted earlier both show the answer.
    await page.waitForFunction(() => [...document.querySelectorAll('.ac-adaptiveCard')].filter((c) => c.textContent?.includes('Tulossa 1 · Ei pääse 0')).length >= 2, undefined, { timeout: 20_000 });
    // The Meetings button, from any post of the channel, now shows the group with its meeting.
    await page.locator('.ac-adaptiveCard', { hasText: 'Hei, olen Opari' }).first().getByRole('button', { name: 'Kokoukset' }).click();
    await page.waitForFunction(
      () => [...document.querySelectorAll('.ac-adaptiveCard')].some((c) => c.textContent?.includes('Kutsu kokous') && c.textContent?.includes('Syksyn yhteisöllinen OHR')),
      undefined,
      { timeout: 20_000 },
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'meeting-reminder.png'), fullPage: true });
    await page
      .locator('.ac-adaptiveCard', { hasText: 'Kutsu kokous' })
      .last()
      .screenshot({ path: join(SCREENSHOTS, 'group-card-with-meeting.png') });
  });
});
