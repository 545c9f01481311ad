import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { browserAvailable, openChat, type PlaygroundSession, say, SCREENSHOTS, startPlaygroundSession } from './browser';

const run = browserAvailable() ? describe : describe.skip;

/** The Playground's team channel from .m365agentsplayground.yml, and its tenant. */
const CHANNEL = { id: '19:koivurinne-ohr@thread.tacv2', name: 'Koivurinteen koulu – opiskeluhuoltoryhmä' };
const TENANT = '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b';

async function choose(page: Page, form: Locator, index: number, option: string): Promise<void> {
  await form.getByRole('combobox').nth(index).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

run('forms in the Agents Playground', () => {
  let session: PlaygroundSession;

  beforeAll(async () => {
    session = await startPlaygroundSession();
    const url = session.url;
    // The Playground's channel cannot send the bot a command without an @mention (not supported there), so
    // the admin's "set the school channel" card action is posted to the bot directly, for the Playground's channel.
    const setChannel = {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: `${url}/_connector`,
      from: { id: '29:user-rehtori', name: 'Jari Nieminen', aadObjectId: '0a1b2c3d-0004-4000-8000-000000000004' },
      recipient: { id: '28:opari-local-bot', name: 'Opari' },
      conversation: { id: CHANNEL.id, conversationType: 'channel', isGroup: true, tenantId: TENANT },
      channelData: { tenant: { id: TENANT }, channel: { id: CHANNEL.id }, team: { id: '19:opiskeluhuolto-general@thread.tacv2' } },
      value: { action: { type: 'Action.Execute', verb: 'school.channel.set', data: { school: 'koivurinne' } } },
    };
    const res = await fetch(`${session.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(setChannel) });
    expect(res.status).toBe(200);
  }, 90_000);

  afterAll(async () => {
    await session?.close();
  });

  it('sends "new case": a missing field is flagged next to it, the fixed form becomes a summary with a case number, and the channel notice has no pupil name', async () => {
    const page = await openChat(session, { width: 1400, height: 2400 });
    await say(page, 'new case');
    await page.waitForFunction(() => [...document.querySelectorAll('.ac-adaptiveCard')].pop()?.textContent?.includes('Referral to student welfare'), undefined, { timeout: 20_000 });
    const form = page.locator('.ac-adaptiveCard').last();

    await choose(page, form, 0, 'Koivurinteen koulu');
    await form.getByLabel("Pupil's name").fill('Matti Meikäläinen');
    await form.getByLabel('Class').fill('5B');
    await choose(page, form, 1, 'Teacher');
    await choose(page, form, 2, 'Emotions and mood');
    await choose(page, form, 3, 'With the pupil');
    await choose(page, form, 4, 'Not urgent (7 working days)');
    await choose(page, form, 5, 'Kuraattori (school social worker)');
    // The short description is left empty: the error shows next to it and nothing is sent.
    await form.getByRole('button', { name: 'Send' }).click();
    const error = form.getByText('Required.');
    await error.first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'form-missing-field.png'), fullPage: true });

    await form.locator('textarea').fill('Viettää välitunnit yksin ja on väsynyt.');
    await form.getByRole('button', { name: 'Send' }).click();
    await page.waitForFunction(() => /OH-\d{4}-\d{4}/.test([...document.querySelectorAll('.ac-adaptiveCard')].pop()?.textContent ?? ''), undefined, { timeout: 20_000 });
    const summary = await page.locator('.ac-adaptiveCard').last().innerText();
    const number = /OH-\d{4}-\d{4}/.exec(summary)![0];
    expect(summary).toContain('The pupil must be seen by');
    expect(summary).not.toContain('Meikäläinen');
    await page.screenshot({ path: join(SCREENSHOTS, 'form-summary.png'), fullPage: true });

    await page.getByText(CHANNEL.name).click();
    await page.waitForFunction((n) => [...document.querySelectorAll('.ac-adaptiveCard')].some((c) => c.textContent?.includes(n)), number, { timeout: 20_000 });
    const notice = page.locator('.ac-adaptiveCard', { hasText: number });
    const text = await notice.innerText();
    expect(text).toContain('Koivurinteen koulu');
    expect(text).not.toContain('Meikäläinen');
    expect(text).not.toContain('5B');
    await page.screenshot({ path: join(SCREENSHOTS, 'channel-notice.png'), fullPage: true });
  });
});
