import { createHash } from 'node:crypto';
import { botAdded, cardAction, cardText, collectText, message, post, TENANT } from '../helpers/activities';
import type { RunningBot } from '../helpers/bot';
import type { Connector } from '../helpers/connector';
import { startStack, type Stack } from '../helpers/stack';
import type { TestStore } from '../helpers/store';

const CHAIR = { id: '29:user-rehtori', name: 'Jari Nieminen', aadObjectId: '0a1b2c3d-0004-4000-8000-000000000004' };
const EXPERT = { id: '29:user-koordinaattori', name: 'Heidi Järvinen', aadObjectId: '0a1b2c3d-0008-4000-8000-000000000008' };
/** A channel as Teams names it; every post in it is a thread `<channel>;messageid=<first post's id>`. */
const CHANNEL = '19:a1b2c3d4e5f60718293a4b5c6d7e8f90@thread.tacv2';
const EXPERTS = '19:0f9e8d7c6b5a49382716f5e4d3c2b1a0@thread.tacv2';

interface InvokeBody {
  value?: unknown;
}

describe('a Teams channel is one place, whichever post (thread) Opari is used from', () => {
  let store: TestStore;
  let bot: RunningBot;
  let connector: Connector;
  let stack: Stack;
  const inThread = (thread: string, user = CHAIR, conversationId = CHANNEL) => ({ scope: 'channel' as const, conversationId, thread, serviceUrl: connector.url, user, locale: 'fi-FI' });
  const invoke = async (verb: string, data: Record<string, unknown>, where: ReturnType<typeof inThread>) =>
    (await post(bot.url, cardAction(verb, data, where), { expectReplies: false })).body as InvokeBody;
  const shown = (b: InvokeBody) => collectText(b.value).join('\n');

  beforeAll(async () => {
    stack = await startStack('channels', { members: [CHAIR], env: { REMINDER_POLL_MS: '300' } });
    ({ store, connector, bot } = stack);
  });
  afterAll(() => stack?.stop());

  it('keeps the conversation reference of the channel, not of the post it came from', async () => {
    await post(bot.url, botAdded(inThread('1712345678901')));
    const refs = await store.all<{ conversationId: string; scope: string }>('conversations');
    expect(refs.filter((r) => r.scope === 'channel').map((r) => r.conversationId)).toEqual([CHANNEL]);
  });

  it('sets a group up once for the channel: from the next post the Meetings button shows that group, and a second set-up finds it', async () => {
    const created = await invoke('group.create', { type: 'communal', name: 'Koivurinteen yhteisöllinen OHR', school: 'koivurinne', lang: 'fi' }, inThread('1712345678901'));
    expect(shown(created)).toContain('Ryhmä Koivurinteen yhteisöllinen OHR on perustettu');

    // Another post (thread) of the same channel: the group is there, no set-up card.
    const meetings = await post(bot.url, cardAction('welcome.meetings', { lang: 'fi' }, inThread('1712345699999')));
    const card = meetings.replies.find((r) => r.type === 'message');
    expect(cardText(card)).toContain('Koivurinteen yhteisöllinen OHR');
    expect(cardText(card)).toContain('Kutsu kokous');
    expect(cardText(card)).not.toContain('Perusta opiskeluhuoltoryhmä');

    const again = await invoke('group.create', { type: 'communal', name: 'Koivurinteen yhteisöllinen OHR', school: 'koivurinne', lang: 'fi' }, inThread('1712345700000'));
    expect(shown(again)).toContain('Tässä keskustelussa on jo ryhmä Koivurinteen yhteisöllinen OHR');
    const typed = await post(bot.url, message('perusta ryhmä', inThread('1712345711111')));
    expect(cardText(typed.replies[0])).toContain('Tässä keskustelussa on jo ryhmä');
    expect(await store.all('groups')).toHaveLength(1);
  });

  it("posts a meeting's reminder as a new post in the channel", async () => {
    const before = connector.calls.length;
    const r = await invoke(
      'form.submit',
      { formId: 'kokous', title: 'Kanavan kokous', date: '2027-03-10', time: '14:00', duration: '60', place: '', recurrence: 'once', until: '', dates: '' },
      inThread('1712345722222'),
    );
    expect(shown(r)).toContain('Kokouksia kutsuttu: 1');
    const [group] = await store.all<{ id: string }>('groups');
    const [meeting] = await store.all<{ id: string }>('meetings');
    const now = new Date().toISOString();
    await store
      .container('reminders')
      .items.create({ id: 'channel-now', dueDay: now.slice(0, 10), dueUtc: now, offsetMinutes: 60, meetingId: meeting.id, groupId: group.id, tenantId: TENANT, status: 'pending', attempts: 0 });
    const sent = await connector.waitFor((c) => connector.calls.indexOf(c) >= before && c.method === 'POST' && JSON.stringify(c.body).includes('Muistutus: Kanavan kokous'));
    expect(sent.conversationId).toBe(CHANNEL);
  });

  it('still finds a group stored before groups were keyed by the channel (keyed by its first thread), and posts to the channel', async () => {
    const legacyThread = `${'19:legacy0123456789abcdef0123456789@thread.tacv2'};messageid=1700000000000`;
    const legacyChannel = legacyThread.split(';')[0];
    await store.container('groups').items.create({
      id: `g${createHash('sha256').update(legacyThread).digest('hex').slice(0, 24)}`,
      tenantId: TENANT,
      type: 'steering',
      name: 'Vanha ohjausryhmä',
      ref: { tenantId: TENANT, conversationId: legacyThread, serviceUrl: connector.url, channelId: 'msteams', scope: 'channel', botId: '28:opari-test-bot' },
      chair: { userId: CHAIR.id, name: CHAIR.name },
      members: [{ userId: CHAIR.id, name: CHAIR.name }],
      memberIds: [CHAIR.id],
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    const from = await post(bot.url, cardAction('welcome.meetings', { lang: 'fi' }, inThread('1712345733333', CHAIR, legacyChannel)));
    expect(cardText(from.replies.find((r) => r.type === 'message'))).toContain('Vanha ohjausryhmä');
    const before = connector.calls.length;
    await invoke(
      'form.submit',
      { formId: 'kokous', title: 'Vanhan ryhmän kokous', date: '2027-03-11', time: '14:00', duration: '60', place: '', recurrence: 'once', until: '', dates: '' },
      inThread('1712345744444', CHAIR, legacyChannel),
    );
    const meeting = (await store.all<{ id: string; groupId: string; title: string }>('meetings')).find((m) => m.title === 'Vanhan ryhmän kokous')!;
    const now = new Date().toISOString();
    await store
      .container('reminders')
      .items.create({ id: 'legacy-now', dueDay: now.slice(0, 10), dueUtc: now, offsetMinutes: 60, meetingId: meeting.id, groupId: meeting.groupId, tenantId: TENANT, status: 'pending', attempts: 0 });
    const sent = await connector.waitFor((c) => connector.calls.indexOf(c) >= before && c.method === 'POST' && JSON.stringify(c.body).includes('Muistutus: Vanhan ryhmän kokous'));
    expect(sent.conversationId).toBe(legacyChannel);
  });

  it("posts tickets to the experts' channel as new posts, and the expert's answer in the thread where it was asked", async () => {
    const set = await post(bot.url, message('asiantuntijakanava', inThread('1712345755555', EXPERT, EXPERTS)));
    expect(set.replies[0].text).toMatch(/asiantuntijakanava/);
    const settings = await store.all<{ id: string; ref: { conversationId: string } }>('settings');
    expect(settings.find((x) => x.id === 'expert-channel')?.ref.conversationId).toBe(EXPERTS);

    const q = 'saako luokan akvaarion kalat viedä kesäksi kotiin';
    const asked = await post(bot.url, cardAction('expert.ask', { question: q }, inThread('1712345766666')));
    const id = /T-[0-9A-F]{6}/.exec(JSON.stringify(asked.replies))?.[0];
    const ticket = await connector.waitFor((c) => JSON.stringify(c.body).includes(id!));
    expect(ticket.conversationId).toBe(EXPERTS);

    await post(bot.url, cardAction('expert.answer', { ticketId: id, answer: 'Saa, kun huoltaja suostuu.' }, inThread('1712345755555', EXPERT, EXPERTS)));
    const answer = await connector.waitFor((c) => c.method === 'POST' && JSON.stringify(c.body).includes('Saa, kun huoltaja suostuu.'));
    expect(answer.conversationId).toBe(`${CHANNEL};messageid=1712345766666`);
  });
});
