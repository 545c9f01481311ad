import { cardAction, post, TENANT } from '../helpers/activities';
import type { RunningBot } from '../helpers/bot';
import type { Connector } from '../helpers/connector';
import { startStack, type Stack } from '../helpers/stack';
import type { TestStore } from '../helpers/store';

const CHAIR = { id: '29:user-rehtori', name: 'Jari Nieminen', aadObjectId: '0a1b2c3d-0004-4000-8000-000000000004' };
const CHANNEL = '19:paced-reminders@thread.tacv2';

describe("proactive sends keep to Teams' rate limits", () => {
  let store: TestStore;
  let bot: RunningBot;
  let connector: Connector;
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack('pacing', { members: [CHAIR], env: { REMINDER_POLL_MS: '300' } });
    ({ store, connector, bot } = stack);
  });
  afterAll(() => stack?.stop());

  it('delivers 16 reminders due at once in one channel without a single 429 from a connector that enforces the limits', async () => {
    const where = { scope: 'channel' as const, conversationId: CHANNEL, serviceUrl: connector.url, user: CHAIR, locale: 'fi-FI' };
    await post(bot.url, cardAction('group.create', { type: 'regional', name: 'Alueellinen ryhmä', lang: 'fi' }, where), { expectReplies: false });
    await post(
      bot.url,
      cardAction('form.submit', { formId: 'kokous', title: 'Tiheä kokous', date: '2027-05-12', time: '10:00', duration: '60', place: '', recurrence: 'once', until: '', dates: '' }, where),
      { expectReplies: false },
    );
    const [meeting] = await store.all<{ id: string; groupId: string }>('meetings');
    connector.enforceLimits = true;
    const before = connector.calls.length;
    const now = new Date().toISOString();
    for (let i = 0; i < 16; i++) {
      await store
        .container('reminders')
        .items.create({ id: `burst-${i}`, dueDay: now.slice(0, 10), dueUtc: now, offsetMinutes: i, meetingId: meeting.id, groupId: meeting.groupId, tenantId: TENANT, status: 'pending', attempts: 0 });
    }
    const deadline = Date.now() + 30_000;
    const reminders = () => connector.calls.slice(before).filter((c) => c.method === 'POST' && JSON.stringify(c.body).includes('Muistutus: Tiheä kokous'));
    while (reminders().filter((c) => c.status === 201).length < 16 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(reminders().filter((c) => c.status === 201)).toHaveLength(16);
    expect(reminders().filter((c) => c.status === 429)).toHaveLength(0);
  }, 45_000);
});
