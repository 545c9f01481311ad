import { randomUUID } from 'node:crypto';
import { cardAction, post } from '../helpers/activities';
import type { RunningBot } from '../helpers/bot';
import type { Connector } from '../helpers/connector';
import { startStack, type Stack } from '../helpers/stack';
import type { TestStore } from '../helpers/store';

const CHAIR = { id: '29:user-rehtori', name: 'Jari Nieminen', aadObjectId: '0a1b2c3d-0004-4000-8000-000000000004' };
const MEMBER = { id: '29:user-kuraattori', name: 'Aino Virtanen', aadObjectId: '0a1b2c3d-0001-4000-8000-000000000001' };
const CHANNEL = '19:idempotent-ohr@thread.tacv2';

interface InvokeBody {
  value?: unknown;
}

/**
 * Teams retries an invoke that did not answer in time, and a double click sends one twice: the same card
 * submitted again (the same card message) must create nothing new, send nothing twice, and get the same card.
 */
describe('the same form submit twice, one after the other and both at once', () => {
  let store: TestStore;
  let bot: RunningBot;
  let connector: Connector;
  let stack: Stack;
  let groupId = '';
  /** One submit of the card message `card`, as Teams sends it (the bot's own posts go to the connector). */
  const submit = async (card: string, data: Record<string, unknown>, user = CHAIR) =>
    JSON.stringify(
      (
        (
          await post(
            bot.url,
            { ...cardAction(data.verb ? String(data.verb) : 'form.submit', data, { scope: 'channel', conversationId: CHANNEL, serviceUrl: connector.url, user, locale: 'fi-FI' }), replyToId: card },
            { expectReplies: false },
          )
        ).body as InvokeBody
      ).value,
    );
  const posts = (needle: string) => connector.calls.filter((c) => c.method === 'POST' && c.conversationId === CHANNEL && JSON.stringify(c.body).includes(needle));
  const meetings = () => store.all<{ id: string; title: string; agenda: { id: string; title: string }[]; memo?: { decisions: string }; startUtc: string }>('meetings');

  beforeAll(async () => {
    stack = await startStack('idempotent', { members: [CHAIR, MEMBER], env: { REMINDER_POLL_MS: '60000' } });
    ({ store, connector, bot } = stack);
    await submit(randomUUID(), { verb: 'group.create', type: 'communal', name: 'Idempotentti OHR', school: 'koivurinne' });
    groupId = (await store.all<{ id: string }>('groups'))[0].id;
  });
  afterAll(() => stack?.stop());

  const kokous = (title: string) => ({ formId: 'kokous', title, date: '2027-03-10', time: '14:00', duration: '60', place: 'Kirjasto', recurrence: 'dates', until: '', dates: '24.3.2027' });

  it('schedules a meeting series once and posts each agenda card once when the Kokous submit comes twice', async () => {
    const card = randomUUID();
    const first = await submit(card, kokous('Peräkkäin'));
    const again = await submit(card, kokous('Peräkkäin'));
    expect(first).toContain('Kokouksia kutsuttu: 2');
    expect(again).toBe(first);
    expect((await meetings()).filter((m) => m.title === 'Peräkkäin')).toHaveLength(2);
    expect(posts('Peräkkäin')).toHaveLength(2); // one agenda card per meeting
    expect((await store.all<{ meetingId: string }>('reminders')).length).toBe(4);
  });

  it('schedules once and answers both with the same card when the two submits arrive at once', async () => {
    const card = randomUUID();
    const [a, b] = await Promise.all([submit(card, kokous('Yhtä aikaa')), submit(card, kokous('Yhtä aikaa'))]);
    expect(a).toContain('Kokouksia kutsuttu: 2');
    expect(b).toBe(a);
    expect((await meetings()).filter((m) => m.title === 'Yhtä aikaa')).toHaveLength(2);
    expect(posts('Yhtä aikaa')).toHaveLength(2);
    // A new card (a second, deliberate submit) is a new series.
    await submit(randomUUID(), kokous('Yhtä aikaa'));
    expect((await meetings()).filter((m) => m.title === 'Yhtä aikaa')).toHaveLength(4);
  });

  it('adds a proposed agenda item once, both at once and once more later', async () => {
    const card = randomUUID();
    const item = { formId: 'asialista', title: 'Välituntien valvonta', details: 'Pihan kiusaamistilanteet' };
    const [a, b] = await Promise.all([submit(card, item, MEMBER), submit(card, item, MEMBER)]);
    const c = await submit(card, item, MEMBER);
    expect(a).toContain('Ehdotus lisättiin asialistalle.');
    expect(b).toBe(a);
    expect(c).toBe(a);
    const items = (await meetings()).flatMap((m) => m.agenda).filter((i) => i.title === 'Välituntien valvonta');
    expect(items).toHaveLength(1);
  });

  it('records a memo once and answers each submit with the same memo card', async () => {
    const card = randomUUID();
    const memo = { formId: 'muistio', attendance: 'Jari, Aino', decisions: 'Valvontavuoroja lisätään.', tasks: '' };
    const [a, b] = await Promise.all([submit(card, memo), submit(card, memo)]);
    expect(a).toContain('Valvontavuoroja lisätään.');
    expect(b).toBe(a);
    expect(await submit(card, memo)).toBe(a);
    expect((await meetings()).filter((m) => m.memo?.decisions === 'Valvontavuoroja lisätään.')).toHaveLength(1);
  });

  it('moves a meeting once: one change notice, one set of reminders, the same agenda card for both submits', async () => {
    const [target] = (await meetings()).filter((m) => m.title === 'Peräkkäin').sort((x, y) => x.startUtc.localeCompare(y.startUtc));
    const card = randomUUID();
    const moved = { formId: 'kokous', meetingId: target.id, title: 'Peräkkäin', date: '2027-03-17', time: '13:00', duration: '90', place: 'Kirjasto', recurrence: 'once', until: '', dates: '' };
    const [a, b] = await Promise.all([submit(card, moved), submit(card, moved)]);
    expect(a).toContain('ke 17.3.2027 klo 13.00–14.30');
    expect(b).toBe(a);
    expect(await submit(card, moved)).toBe(a);
    await connector.waitFor((c) => c.method === 'POST' && JSON.stringify(c.body).includes('muuttui: ke 17.3.2027'));
    await new Promise((r) => setTimeout(r, 300));
    expect(posts('muuttui: ke 17.3.2027')).toHaveLength(1);
    const pending = (await store.all<{ meetingId: string; status: string; dueUtc: string }>('reminders')).filter((r) => r.meetingId === target.id && r.status === 'pending');
    expect(pending.map((r) => r.dueUtc).sort()).toEqual(['2027-03-16T11:00:00.000Z', '2027-03-17T10:00:00.000Z']);
  });

  it('tells the group once that a meeting was cancelled, however often the button is pressed', async () => {
    const [, target] = (await meetings()).filter((m) => m.title === 'Peräkkäin').sort((x, y) => x.startUtc.localeCompare(y.startUtc));
    const card = randomUUID();
    const cancel = { verb: 'meeting.cancel', meetingId: target.id, groupId };
    const [a, b] = await Promise.all([submit(card, cancel), submit(card, cancel)]);
    expect(a).toContain('Kokous on peruttu.');
    expect(b).toBe(a);
    await submit(randomUUID(), cancel);
    await connector.waitFor((c) => c.method === 'POST' && c.conversationId === CHANNEL && JSON.stringify(c.body).includes('on peruttu'));
    await new Promise((r) => setTimeout(r, 300));
    expect(posts('on peruttu')).toHaveLength(1);
  });
});
