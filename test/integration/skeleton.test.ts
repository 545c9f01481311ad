import { randomUUID } from 'node:crypto';
import { botAdded, botRemoved, cardAction, cardText, installation, message, post, TENANT } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot';
import { startTestStore, type TestStore } from '../helpers/store';

describe('Opari over HTTP with the embedded store', () => {
  let store: TestStore;
  let bot: RunningBot;

  beforeAll(async () => {
    store = await startTestStore();
    bot = await startBot({ ...store.env });
  });
  afterAll(async () => {
    await bot?.stop();
    await store?.stop();
  });

  it.each(['personal', 'groupChat', 'channel'] as const)('posts the welcome card when added to a %s conversation, and stores the conversation reference', async (scope) => {
    const activity = botAdded({ scope });
    const { status, replies } = await post(bot.url, activity);
    expect(status).toBe(200);
    expect(replies).toHaveLength(1);
    expect(cardText(replies[0])).toContain('Hei, olen Opari');
    const actions = (replies[0].attachments![0].content.actions as { type: string; verb: string }[]).map((a) => `${a.type}:${a.verb}`);
    expect(actions).toEqual(['Action.Execute:welcome.ask', 'Action.Execute:welcome.forms', 'Action.Execute:welcome.meetings']);

    const refs = await store.all<{ conversationId: string; scope: string; tenantId: string; serviceUrl: string; status: string; teamId?: string; teamsChannelId?: string }>('conversations');
    const ref = refs.find((r) => r.conversationId === activity.conversation.id);
    expect(ref).toMatchObject({ scope, tenantId: TENANT, serviceUrl: activity.serviceUrl, status: 'active' });
    if (scope === 'channel') expect(ref).toMatchObject({ teamId: '19:team-general@thread.tacv2', teamsChannelId: activity.conversation.id });
  });

  it('does not welcome when somebody else joins a team', async () => {
    const activity = { ...botAdded({ scope: 'channel' }), membersAdded: [{ id: '29:new-teacher' }] };
    const { replies } = await post(bot.url, activity);
    expect(replies).toHaveLength(0);
  });

  it('marks the conversation reference removed on uninstall and when the bot is removed', async () => {
    const a = installation('add', { scope: 'groupChat' });
    await post(bot.url, a);
    await post(bot.url, installation('remove', { scope: 'groupChat', conversationId: a.conversation.id }));
    const b = botAdded({ scope: 'channel' });
    await post(bot.url, b);
    await post(bot.url, botRemoved({ scope: 'channel', conversationId: b.conversation.id }));
    const refs = await store.all<{ conversationId: string; status: string; removedAt?: string }>('conversations');
    for (const id of [a.conversation.id, b.conversation.id]) {
      expect(refs.find((r) => r.conversationId === id)).toMatchObject({ status: 'removed', removedAt: expect.any(String) });
    }
  });

  it.each([
    ['apua', 'fi-FI', 'Hei, olen Opari'],
    ['help', 'en-US', "Hi, I'm Opari"],
    ['hjälp', 'sv-FI', 'Hej, jag är Opari'],
    ['Apua!', 'fi-FI', 'Kysy suunnitelmasta'],
    ['hyvää huomenta', 'fi-FI', 'Hei, olen Opari'],
    ['Good morning!', 'en-US', "Hi, I'm Opari"],
    ['hej Opari', 'sv-FI', 'Hej, jag är Opari'],
    // Asking what Opari is or can do is asking for help, in the language typed.
    ['mitä osaat?', 'en-US', 'Hei, olen Opari'],
    ['kuka sä oot', 'en-US', 'Hei, olen Opari'],
    ['What can you do?', 'fi-FI', "Hi, I'm Opari"],
    ['vad kan du göra?', 'fi-FI', 'Hej, jag är Opari'],
    // Asking for help as such, and small talk: not a search of the plan ("help me" is no question about assistants).
    ['can you help me?', 'fi-FI', "Hi, I'm Opari"],
    ['voitko auttaa?', 'en-US', 'Hei, olen Opari'],
    ['hi there', 'fi-FI', "Hi, I'm Opari"],
    ['mitä kuuluu?', 'en-US', 'Hei, olen Opari'],
  ])('answers "%s" (%s) with the help card in the user\'s language', async (text, locale, expected) => {
    const { replies } = await post(bot.url, message(text, { locale }));
    expect(replies).toHaveLength(1);
    expect(cardText(replies[0])).toContain(expected);
  });

  it.each([
    ['kiitos!', 'en-US', 'Ole hyvä!'],
    ['kiitti paljon 👍', 'en-US', 'Ole hyvä!'],
    ['tack så mycket', 'fi-FI', 'Varsågod!'],
    ['Thanks Opari', 'fi-FI', "You're welcome!"],
    ['👍', 'fi-FI', 'Kirjoita kysymyksesi suunnitelmasta tai "apua"'],
    ['🙂', 'en-US', 'Type your question about the plan, or "help"'],
    ['selvä', 'en-US', 'Kirjoita kysymyksesi suunnitelmasta tai "apua"'],
    ['ok 👍', 'en-US', 'Type your question about the plan, or "help"'],
    ['hei hei', 'en-US', 'Hei hei! Kysy minulta milloin tahansa.'],
    ['hej då!', 'fi-FI', 'Hej då! Fråga mig när som helst.'],
    ['bye', 'fi-FI', 'Bye! Ask me any time.'],
  ])('answers thanks, goodbye, a lone emoji or an ok "%s" (%s) with a short reply, not with "the plan does not answer this"', async (text, locale, expected) => {
    // A person of their own: what someone typed before decides the language of a reply to an emoji.
    const user = { id: `29:${randomUUID()}`, name: 'Opettaja', aadObjectId: randomUUID() };
    const { replies } = await post(bot.url, message(text, { locale, user }));
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toContain(expected);
    expect(replies[0].attachments ?? []).toHaveLength(0);
  });

  it('answers input it cannot place with a friendly localized reply, never silence', async () => {
    const fi = await post(bot.url, message('mikä on elämän tarkoitus', { locale: 'fi-FI' }));
    expect(cardText(fi.replies[0])).toMatch(/Suunnitelma ei vastaa tähän/);
    const en = await post(bot.url, message('what is the meaning of life', { locale: 'en-GB' }));
    expect(cardText(en.replies[0])).toMatch(/The plan does not cover this/);
  });

  it('keeps the welcome card and answers in the chat when its buttons are clicked', async () => {
    const expected: Record<string, RegExp> = { 'welcome.ask': /Type your question/, 'welcome.forms': /Referral to student welfare/, 'welcome.meetings': /create group/ };
    for (const verb of Object.keys(expected)) {
      const { status, replies } = await post(bot.url, cardAction(verb, {}, { locale: 'en-US' }));
      expect(status).toBe(200);
      const invoke = replies.find((r) => r.type === 'invokeResponse');
      expect(invoke?.value?.status).toBe(200);
      expect(invoke?.value?.body?.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(JSON.stringify(invoke?.value?.body?.value)).toContain("Hi, I'm Opari");
      const said = replies.find((r) => r.type === 'message');
      expect(said?.text ?? JSON.stringify(said?.attachments)).toMatch(expected[verb]);
    }
  });

  it('switches the UI language on request, confirms it in the new language and remembers it for the user', async () => {
    const conv = { conversationId: 'a:language-test', locale: 'en-US' };
    const set = await post(bot.url, message('kieli ruotsi', conv));
    expect(set.replies[0].text).toBe('Språket är nu svenska.');
    expect(cardText(set.replies[0])).toContain('Hej, jag är Opari');
    // A click (no typed text) is answered in the chosen language, not in the client's en-US.
    const click = await post(bot.url, cardAction('welcome.ask', {}, conv));
    expect(click.replies.find((r) => r.type === 'message')?.text).toMatch(/Skriv din fråga/);
  });

  it('answers the language command alone with the languages to choose from, in the language typed', async () => {
    expect((await post(bot.url, message('kieli', { locale: 'en-US', conversationId: 'a:language-bare' }))).replies[0].text).toBe('Kielet ovat suomi, ruotsi ja englanti, esimerkiksi "kieli ruotsi".');
    expect((await post(bot.url, message('language', { locale: 'fi-FI', conversationId: 'a:language-bare' }))).replies[0].text).toMatch(/^The languages are Finnish, Swedish and English/);
  });

  it('logs ids and never the text a user typed', async () => {
    await post(bot.url, message('oppilas Matti Meikäläinen 5B voi huonosti'));
    await new Promise((r) => setTimeout(r, 200));
    const out = bot.output();
    expect(out).not.toContain('Meikäläinen');
    expect(bot.logs().some((l) => l.event === 'turn.end' && typeof l.correlationId === 'string' && l.conversationId)).toBe(true);
  });

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
  });
});
