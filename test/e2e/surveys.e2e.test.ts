import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestStore, type TestStore } from '../helpers/store';
import { browserAvailable, choose, pickDate, type PlaygroundSession, say, SCREENSHOTS, startPlaygroundSession, waitForCard } from './browser';

const run = browserAvailable() ? describe : describe.skip;
const CHANNEL = { id: '19:koivurinne-ohr@thread.tacv2', name: 'Koivurinteen koulu – opiskeluhuoltoryhmä' };
const TENANT = '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b';
const PRINCIPAL = { id: '29:user-rehtori', name: 'Jari Nieminen', aadObjectId: '0a1b2c3d-0004-4000-8000-000000000004' };

function helsinkiDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date(Date.now() + offsetDays * 24 * 3600_000));
}

run('a staff well-being survey in the Agents Playground', () => {
  let store: TestStore;
  let session: PlaygroundSession;

  /** Typing in the Playground's channel does not reach the bot: the principal's set-up comes as card actions for that channel. */
  async function inChannel(verb: string, data: Record<string, unknown>): Promise<void> {
    const activity = {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: `${session.url}/_connector`,
      locale: 'en-US',
      from: PRINCIPAL,
      recipient: { id: '28:opari-local-bot', name: 'Opari' },
      conversation: { id: CHANNEL.id, conversationType: 'channel', isGroup: true, tenantId: TENANT },
      channelData: { tenant: { id: TENANT }, channel: { id: CHANNEL.id }, team: { id: '19:opiskeluhuolto-general@thread.tacv2' } },
      value: { action: { type: 'Action.Execute', verb, data } },
    };
    const res = await fetch(`${session.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(res.status).toBe(200);
  }

  beforeAll(async () => {
    store = await startTestStore('e2e-surveys');
    session = await startPlaygroundSession({ ...store.env, SURVEY_POLL_MS: '500' });
  }, 90_000);

  afterAll(async () => {
    await session?.close();
    await store?.stop();
  });

  it("a coordinator starts a pulse, a member answers it, the round closes, the results card shows the chart and the communal group's agenda gets the item", async () => {
    const page: Page = await session.browser.newPage({ viewport: { width: 1400, height: 3000 } });
    try {
      await journey(page);
    } catch (err) {
      await page.screenshot({ path: join(SCREENSHOTS, 'survey-failure.png'), fullPage: true });
      throw err;
    }
  }, 240_000);

  async function journey(page: Page): Promise<void> {
    await page.goto(session.url);
    await page.locator('.ac-adaptiveCard').first().waitFor({ timeout: 30_000 });

    // The principal sets up Koivurinne's communal group in its channel and calls its next meeting; an admin
    // makes Aino (the Playground's user) the school's survey coordinator.
    await inChannel('group.create', { type: 'communal', name: 'Koivurinteen yhteisöllinen OHR', school: 'koivurinne' });
    await inChannel('form.submit', {
      formId: 'kokous',
      title: 'Yhteisöllinen OHR',
      date: helsinkiDay(10),
      time: '14:00',
      duration: '60',
      place: 'Opettajainhuone',
      recurrence: 'once',
      until: '',
      dates: '',
    });
    await inChannel('roles.add', { school: 'koivurinne', role: 'koordinaattori', person: '29:user-kuraattori' });

    await say(page, 'survey');
    const rounds = await waitForCard(page, 'Well-being surveys', 'survey-failure');
    await rounds.getByRole('button', { name: 'New round' }).click();
    const form = await waitForCard(page, 'New survey round', 'survey-failure');
    await choose(page, form, 0, 'Well-being pulse (2 min)');
    // The Playground renders the schools' multi-select as a dropdown of checkable options.
    await form.getByRole('combobox').nth(1).click();
    await page.getByText("Koivurinteen koulu – communal group's conversation", { exact: true }).click();
    await page.keyboard.press('Escape');
    await pickDate(page, form, 0, helsinkiDay());
    await pickDate(page, form, 1, helsinkiDay(7));
    await form.getByRole('button', { name: 'Start the round' }).click();
    await waitForCard(page, 'is set up, open', 'survey-failure');

    // The invitation arrives in this personal chat; the member answers in about a minute.
    const pulse = await waitForCard(page, 'Send answers', 'survey-failure');
    await expect(pulse.innerText()).resolves.toContain('In recent weeks I have had energy and drive at work.');
    const answers = [
      '4 – somewhat agree',
      '2 – somewhat disagree',
      '3 – neither agree nor disagree',
      '4 – somewhat agree',
      '5 – strongly agree',
      '5 – strongly agree',
      '8',
      'Kuraattori, psychologist or school nurse',
    ];
    for (const [k, option] of answers.entries()) await choose(page, pulse, k, option);
    await pulse.getByRole('button', { name: 'Send answers' }).click();
    const thanks = await waitForCard(page, 'Thank you for answering!', 'survey-failure');
    await expect(thanks.innerText()).resolves.toContain(`You can change them until ${helsinkiDay(7).split('-').reverse().map(Number).join('.')}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'survey-answered.png'), fullPage: true });

    // The Playground has one user: five colleagues' answers are written as the bot writes them (no identity, the day only).
    const [round] = (await store.all<{ id: string; kind: string }>('surveyRounds')).filter((d) => d.kind === 'round');
    for (let k = 0; k < 5; k++) {
      await store.container('surveyRounds').items.create({
        id: `a${randomUUID().replace(/-/g, '')}`,
        roundId: round.id,
        kind: 'answer',
        schoolId: 'koivurinne',
        values: { vigour: 3 + (k % 3), exhaustion: 2, workload: 1 + (k % 3), influence: 4, respect: 4, sharedTask: 5, workAbility: 7 + (k % 3) },
        day: helsinkiDay(),
      });
    }

    await say(page, 'survey');
    const list = await waitForCard(page, 'Close now', 'survey-failure');
    await list.getByRole('button', { name: 'Close now' }).click();
    await waitForCard(page, 'The round is closing', 'survey-failure');
    const results = await waitForCard(page, 'Well-being pulse', 'survey-failure').then(async () => {
      await page.waitForFunction(() => [...document.querySelectorAll('.ac-adaptiveCard')].some((c) => c.textContent?.includes(': results') && c.querySelector('svg')), undefined, { timeout: 40_000 });
      return page.locator('.ac-adaptiveCard', { hasText: ': results' }).last();
    });
    const text = await results.innerText();
    expect(text).toContain('6 respondents');
    expect(text).toContain('Strongest: Shared task (100% favourable)');
    expect(await results.locator('svg').count()).toBeGreaterThan(0); // the chart, drawn by the client
    await results.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'survey-results.png'), fullPage: true });

    // The communal group's channel: the agenda card got the item in place, and the results card offers a workshop.
    await page.getByText(CHANNEL.name).click();
    const agenda = await waitForCard(page, 'Staff well-being: Well-being pulse', 'survey-failure');
    // The group was set up from an English client, so its agenda is in English; the item sits before "Other business".
    const agendaText = await agenda.innerText();
    expect(agendaText).toContain('Opening and attendance');
    expect(agendaText.indexOf('Staff well-being: Well-being pulse')).toBeLessThan(agendaText.indexOf('Other business'));
    const groupCard = await waitForCard(page, 'Book a workshop', 'survey-failure');
    await expect(groupCard.innerText()).resolves.toContain("The results are on the agenda of the group's next meeting");
    await page.screenshot({ path: join(SCREENSHOTS, 'survey-channel.png'), fullPage: true });
  }
});
