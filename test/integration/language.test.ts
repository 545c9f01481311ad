import { cardAction, cardText, collectText, installation, message, post, TENANT } from '../helpers/activities';
import type { RunningBot } from '../helpers/bot';
import type { Connector } from '../helpers/connector';
import { startStack, type Stack } from '../helpers/stack';
import type { TestStore } from '../helpers/store';

const CHAIR = { id: '29:user-rehtori-kieli', name: 'Jari Nieminen', aadObjectId: '0a1b2c3d-0004-4000-8000-0000000000a4' };

/** The Agents Playground and a Teams client with an English UI send en-US whatever the user writes. */
const EN_CLIENT = 'en-US';

describe('Opari answers in the language the user uses', () => {
  let store: TestStore;
  let bot: RunningBot;
  let connector: Connector;
  let stack: Stack;
  const chat = (id: string, user?: typeof CHAIR) => ({ conversationId: id, locale: EN_CLIENT, ...(user ? { user } : {}), ...(connector ? { serviceUrl: connector.url } : {}) });
  const said = (replies: { type: string; text?: string }[]) => replies.find((r) => r.type === 'message');

  beforeAll(async () => {
    stack = await startStack('language', { members: [CHAIR], env: { REMINDER_POLL_MS: '300' } });
    ({ store, connector, bot } = stack);
  });
  afterAll(() => stack?.stop());

  it.each([
    ['apua', 'Hei, olen Opari'],
    ['hjälp', 'Hej, jag är Opari'],
    ['hyvää huomenta', 'Hei, olen Opari'],
    ['lomakkeet', 'Lomakkeet'],
    ['blanketter', 'Blanketter'],
  ])('answers "%s" from an English client in the language it is typed in', async (text, expected) => {
    const { replies } = await post(bot.url, message(text, chat(`a:typed-${text}`)));
    expect(cardText(replies[0])).toContain(expected);
  });

  it('answers a Finnish question from an English client in Finnish, and the clicks that follow too', async () => {
    const conv = chat('a:finnish-question');
    const { replies } = await post(bot.url, message('millä perusteella oppilas saa avustajan', conv));
    const card = cardText(replies[0]);
    expect(card).toContain('Avaa koko kohta');
    expect(card).not.toMatch(/Open whole section|Source:/);
    // The client says en-US on the click; the person's last words were Finnish.
    const click = await post(bot.url, cardAction('welcome.forms', {}, conv));
    expect(cardText(said(click.replies) as never)).toContain('Yhteydenotto opiskeluhuoltoon');
  });

  it('answers an English question from a Finnish client in English', async () => {
    const { replies } = await post(bot.url, message('what are the home-schooling criteria?', { conversationId: 'a:english-question', locale: 'fi-FI' }));
    expect(cardText(replies[0])).toContain('Open whole section');
  });

  it('confirms "kieli suomi" in Finnish and "language english" in English, whatever the client', async () => {
    const fi = await post(bot.url, message('kieli suomi', chat('a:choose')));
    expect(fi.replies[0].text).toBe('Kieli on nyt suomi.');
    expect(cardText(fi.replies[0])).toContain('Hei, olen Opari');
    const en = await post(bot.url, message('kieli englanti', { conversationId: 'a:choose', locale: 'fi-FI' }));
    expect(en.replies[0].text).toBe('The language is now English.');
    expect(cardText(en.replies[0])).toContain("Hi, I'm Opari");
  });

  it("posts what a group posts in the group's language: a Finnish agenda with its standard items, an English one with English items", async () => {
    const inChannel = (channel: string) => ({ scope: 'channel' as const, conversationId: channel, serviceUrl: connector.url, user: CHAIR, locale: EN_CLIENT });
    const setUp = async (channel: string, lang: string, name: string) => {
      await post(bot.url, cardAction('group.create', { type: 'communal', name, school: 'koivurinne', lang }, inChannel(channel)), { expectReplies: false });
      const r = await post(
        bot.url,
        cardAction('form.submit', { formId: 'kokous', title: name, date: '2027-04-14', time: '14:00', duration: '60', place: '', recurrence: 'once', until: '', dates: '' }, inChannel(channel)),
        { expectReplies: false },
      );
      return collectText((r.body as { value?: unknown }).value).join('\n');
    };
    const fiConfirm = await setUp('19:kieli-fi@thread.tacv2', 'fi', 'Suomenkielinen ryhmä');
    expect(fiConfirm).toContain('Kokouksia kutsuttu: 1');
    const fiAgenda = await connector.waitFor((c) => c.conversationId === '19:kieli-fi@thread.tacv2' && JSON.stringify(c.body).includes('Asialista'));
    expect(JSON.stringify(fiAgenda.body)).toContain('Kokouksen avaus ja läsnäolijat');
    expect(JSON.stringify(fiAgenda.body)).not.toMatch(/Propose an item|Opening and attendance/);

    const enConfirm = await setUp('19:kieli-en@thread.tacv2', 'en', 'English-speaking group');
    expect(enConfirm).toContain('Meetings called: 1');
    const enAgenda = await connector.waitFor((c) => c.conversationId === '19:kieli-en@thread.tacv2' && JSON.stringify(c.body).includes('Agenda'));
    expect(JSON.stringify(enAgenda.body)).toContain('Opening and attendance');
    expect(JSON.stringify(enAgenda.body)).not.toMatch(/Kokouksen avaus|Ehdota asiaa/);
  });

  it('sends what it sends on its own to a person in the language they chose', async () => {
    const personal = chat('a:chair-kieli', CHAIR);
    await post(bot.url, installation('add', personal));
    await post(bot.url, message('språk svenska', personal));
    const channel = '19:kieli-chair@thread.tacv2';
    await post(
      bot.url,
      cardAction(
        'group.create',
        { type: 'communal', name: 'Rehtorin ryhmä', school: 'koivurinne', lang: 'fi' },
        { scope: 'channel', conversationId: channel, serviceUrl: connector.url, user: CHAIR, locale: 'fi-FI' },
      ),
      { expectReplies: false },
    );
    await post(
      bot.url,
      cardAction(
        'form.submit',
        { formId: 'kokous', title: 'Rehtorin kokous', date: '2027-04-15', time: '14:00', duration: '60', place: '', recurrence: 'once', until: '', dates: '' },
        { scope: 'channel', conversationId: channel, serviceUrl: connector.url, user: CHAIR, locale: 'fi-FI' },
      ),
      { expectReplies: false },
    );
    const meeting = (await store.all<{ id: string; groupId: string; title: string }>('meetings')).find((m) => m.title === 'Rehtorin kokous')!;
    connector.failFor.set(channel, 403); // Opari was removed from the group's channel
    const now = new Date().toISOString();
    await store
      .container('reminders')
      .items.create({ id: 'kieli-gone', dueDay: now.slice(0, 10), dueUtc: now, offsetMinutes: 60, meetingId: meeting.id, groupId: meeting.groupId, tenantId: TENANT, status: 'pending', attempts: 0 });
    const told = await connector.waitFor((c) => c.conversationId === 'a:chair-kieli' && JSON.stringify(c.body).includes('Rehtorin kokous'), 15_000);
    expect(String(told.body.text)).toContain('Påminnelsen om Rehtorin kokous');
  });
});
