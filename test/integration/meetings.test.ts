import { cardAction, message, post } from '../helpers/activities';
import type { RunningBot } from '../helpers/bot';
import type { Connector } from '../helpers/connector';
import { startStack, type Stack } from '../helpers/stack';
import type { TestStore } from '../helpers/store';

const CHAIR = { id: '29:user-rehtori', name: 'Jari Nieminen', aadObjectId: '0a1b2c3d-0004-4000-8000-000000000004' };
const MEMBER = { id: '29:user-kuraattori', name: 'Aino Virtanen', aadObjectId: '0a1b2c3d-0001-4000-8000-000000000001' };
const CHANNEL = '19:koivurinne-ohr@thread.tacv2';

interface InvokeBody {
  statusCode?: number;
  type?: string;
  value?: unknown;
}

describe('meetings over HTTP: groups, agendas, answers and reminders', () => {
  let store: TestStore;
  let bot: RunningBot;
  let connector: Connector;
  let stack: Stack;
  const inChannel = (user = CHAIR) => ({ scope: 'channel' as const, conversationId: CHANNEL, serviceUrl: connector.url, user, locale: 'fi-FI' });
  /** As Teams sends an invoke: no expectReplies, so the bot's own posts go to the connector and get ids. */
  const invoke = async (verb: string, data: Record<string, unknown>, user = CHAIR) => (await post(bot.url, cardAction(verb, data, inChannel(user)), { expectReplies: false })).body as InvokeBody;
  const text = (b: InvokeBody) => JSON.stringify(b.value ?? '');
  let meetingIds: string[] = [];
  let groupId = '';

  beforeAll(async () => {
    stack = await startStack('meetings', { members: [CHAIR, MEMBER], env: { REMINDER_POLL_MS: '300', REMINDER_LEASE_MS: '5000', REMINDER_GRACE_MINUTES: '60' } });
    ({ store, connector, bot } = stack);
    // The chair has a personal chat with Opari (for failure reports).
    await post(bot.url, {
      ...cardAction('x', {}, { conversationId: 'a:chair-personal', serviceUrl: connector.url, user: CHAIR }),
      type: 'installationUpdate',
      action: 'add',
      name: undefined,
      value: undefined,
    });
  });
  afterAll(() => stack?.stop());

  it("sets up a group bound to the channel, with the chair and the channel's members", async () => {
    const card = await post(bot.url, message('perusta ryhmä', inChannel()));
    expect(JSON.stringify(card.replies[0].attachments)).toContain('Perusta opiskeluhuoltoryhmä');
    const created = await invoke('group.create', { type: 'communal', name: 'Koivurinteen yhteisöllinen OHR', school: 'koivurinne' });
    expect(text(created)).toContain('Ryhmä Koivurinteen yhteisöllinen OHR on perustettu. Puheenjohtaja: Jari Nieminen');
    expect(text(created)).toContain('Ei tulevia kokouksia.');
    const [group] = await store.all<{ id: string; chair: { userId: string }; memberIds: string[] }>('groups');
    expect(group.chair.userId).toBe(CHAIR.id);
    expect(group.memberIds).toEqual(expect.arrayContaining([CHAIR.id, MEMBER.id]));
    groupId = group.id;
  });

  it("schedules the regional-style dates with the plan's standard agenda, a weekend warning and two reminders each", async () => {
    const before = connector.calls.length;
    const r = await invoke('form.submit', {
      formId: 'kokous',
      title: 'Yhteisöllinen OHR',
      date: '2027-02-13',
      time: '14:30',
      duration: '60',
      place: 'Opettajainhuone',
      recurrence: 'dates',
      until: '',
      dates: '7.5.2027, 10.9.2027, 12.11.2027',
    });
    expect(text(r)).toContain('Kokouksia kutsuttu: 4');
    const posted = connector.calls.slice(before).filter((c) => c.conversationId === CHANNEL && c.method === 'POST');
    expect(posted).toHaveLength(4);
    expect(JSON.stringify(posted[0].body)).toContain('Kokouksen avaus ja läsnäolijat');
    expect(JSON.stringify(posted[0].body)).toContain('Huom: viikonloppu'); // 13.2.2027 is a Saturday
    const meetings = await store.all<{ id: string; startUtc: string; date: string; agendaActivityId?: string }>('meetings');
    meetings.sort((a, b) => a.startUtc.localeCompare(b.startUtc));
    meetingIds = meetings.map((m) => m.id);
    expect(meetings.map((m) => m.date)).toEqual(['2027-02-13', '2027-05-07', '2027-09-10', '2027-11-12']);
    // 14:30 in Helsinki is 12:30Z in winter and 11:30Z in summer.
    expect(meetings.map((m) => m.startUtc.slice(11, 16))).toEqual(['12:30', '11:30', '11:30', '12:30']);
    expect(meetings.every((m) => m.agendaActivityId)).toBe(true);
    const reminders = await store.all<{ meetingId: string; dueUtc: string; status: string }>('reminders');
    const first = reminders
      .filter((x) => x.meetingId === meetings[0].id)
      .map((x) => x.dueUtc)
      .sort();
    expect(first).toEqual(['2027-02-12T12:30:00.000Z', '2027-02-13T11:30:00.000Z']);
    expect(reminders).toHaveLength(8);
  });

  it('keeps an item that names a pupil out of the communal agenda, and adds a proper one in place', async () => {
    const refused = await invoke('form.submit', { formId: 'asialista', title: 'Matti Meikäläisen tilanne', details: '' }, MEMBER);
    expect(text(refused)).toContain('näyttää koskevan yksittäistä oppilasta');
    const puts = connector.calls.filter((c) => c.method === 'PUT').length;
    const added = await invoke('form.submit', { formId: 'asialista', title: 'Välituntivalvonnan järjestäminen', details: 'Pihan kiusaamistilanteet' }, MEMBER);
    expect(text(added)).toContain('Ehdotus lisättiin asialistalle.');
    const updated = await connector.waitFor((c) => c.method === 'PUT' && JSON.stringify(c.body).includes('Välituntivalvonnan järjestäminen'));
    expect(JSON.stringify(updated.body)).toContain('Välituntivalvonnan järjestäminen (ehdotus, Aino Virtanen)');
    expect(connector.calls.filter((c) => c.method === 'PUT').length).toBeGreaterThan(puts);
    const [m] = (await store.all<{ id: string; agenda: { id: string; title: string; status: string }[] }>('meetings')).filter((x) => x.id === meetingIds[0]);
    const item = m.agenda.find((i) => i.title.startsWith('Välitunti'))!;
    const notChair = await invoke('agenda.decide', { meetingId: meetingIds[0], groupId, itemId: item.id, action: 'accept' }, MEMBER);
    expect(text(notChair)).toContain('Vain ryhmän puheenjohtaja');
    const accepted = await invoke('agenda.decide', { meetingId: meetingIds[0], groupId, itemId: item.id, action: 'accept' });
    expect(text(accepted)).not.toContain('(ehdotus');
  });

  it('sends a due reminder to the group\'s conversation once, and the "I\'ll be there" answer updates the agenda card', async () => {
    const now = new Date();
    await store.container('reminders').items.create({
      id: 'due-now',
      dueDay: now.toISOString().slice(0, 10),
      dueUtc: now.toISOString(),
      offsetMinutes: 60,
      meetingId: meetingIds[0],
      groupId,
      tenantId: '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b',
      status: 'pending',
      attempts: 0,
    });
    const sent = await connector.waitFor((c) => c.method === 'POST' && c.conversationId === CHANNEL && JSON.stringify(c.body).includes('Muistutus: Yhteisöllinen OHR'));
    expect(JSON.stringify(sent.body)).toContain('Välituntivalvonnan järjestäminen');
    await new Promise((r) => setTimeout(r, 1000));
    expect(connector.calls.filter((c) => JSON.stringify(c.body).includes('Muistutus: Yhteisöllinen OHR'))).toHaveLength(1);
    const reminder = (await store.all<{ id: string; status: string; sentAt?: string }>('reminders')).find((r) => r.id === 'due-now');
    expect(reminder).toMatchObject({ status: 'sent', sentAt: expect.any(String) });

    const answered = await invoke('meeting.rsvp', { meetingId: meetingIds[0], groupId, answer: 'yes', kind: 'reminder' }, MEMBER);
    expect(text(answered)).toContain('Tulossa 1 · Ei pääse 0');
    await connector.waitFor((c) => c.method === 'PUT' && JSON.stringify(c.body).includes('Tulossa 1 · Ei pääse 0'));
  });

  it('retries 429 and 5xx from the connector with backoff, respecting Retry-After, then delivers once', async () => {
    const now = new Date();
    // The Bot Framework client retries a few times itself (honouring Retry-After); when it gives up, the
    // dispatcher backs off and tries again while it holds the claim.
    connector.script.set(CHANNEL, [429, 429, 429, 429, 503]);
    const before = connector.calls.length;
    await store.container('reminders').items.create({
      id: 'retry-me',
      dueDay: now.toISOString().slice(0, 10),
      dueUtc: now.toISOString(),
      offsetMinutes: 1440,
      meetingId: meetingIds[1],
      groupId,
      tenantId: '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b',
      status: 'pending',
      attempts: 0,
    });
    await bot.waitForLog((l) => l.event === 'reminder.sent' && l.reminderId === 'retry-me', 30_000);
    const attempts = connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === CHANNEL && JSON.stringify(c.body).includes('7.5.2027'));
    expect(attempts.map((c) => c.status)).toEqual([429, 429, 429, 429, 503, 201]); // five refused, one delivered
    expect(
      bot
        .logs()
        .filter((l) => l.event === 'reminder.retry' && l.reminderId === 'retry-me')
        .map((l) => l.status),
    ).toEqual([429]);
    const r = (await store.all<{ id: string; status: string }>('reminders')).find((x) => x.id === 'retry-me');
    expect(r?.status).toBe('sent');
  }, 40_000);

  it('stops on 403 (the bot was removed), marks the reminder failed and tells the chair personally', async () => {
    const now = new Date();
    connector.failFor.set(CHANNEL, 403);
    await store.container('reminders').items.create({
      id: 'gone',
      dueDay: now.toISOString().slice(0, 10),
      dueUtc: now.toISOString(),
      offsetMinutes: 60,
      meetingId: meetingIds[2],
      groupId,
      tenantId: '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b',
      status: 'pending',
      attempts: 0,
    });
    const told = await connector
      .waitFor((c) => c.conversationId === 'a:chair-personal' && JSON.stringify(c.body).includes('ei voitu lähettää'), 15_000)
      .catch((e) => {
        throw new Error(
          `${(e as Error).message}\n${bot
            .logs()
            .filter((l) => String(l.event).startsWith('reminder') || String(l.event).startsWith('conversation'))
            .map((l) => JSON.stringify(l))
            .join('\n')}`,
        );
      });
    expect(JSON.stringify(told.body)).toContain('Yhteisöllinen OHR');
    const r = (await store.all<{ id: string; status: string; attempts: number }>('reminders')).find((x) => x.id === 'gone');
    expect(r).toMatchObject({ status: 'failed', attempts: 1 });
    connector.failFor.delete(CHANNEL);
  });

  it('marks a reminder that fell due long before the bot could send it as missed, and tells the chair', async () => {
    const then = new Date(Date.now() - 3 * 3600_000);
    await store.container('reminders').items.create({
      id: 'too-late',
      dueDay: then.toISOString().slice(0, 10),
      dueUtc: then.toISOString(),
      offsetMinutes: 60,
      meetingId: meetingIds[3],
      groupId,
      tenantId: '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b',
      status: 'pending',
      attempts: 0,
    });
    await connector.waitFor((c) => c.conversationId === 'a:chair-personal' && JSON.stringify(c.body).includes('jäi lähettämättä'), 15_000);
    expect((await store.all<{ id: string; status: string }>('reminders')).find((x) => x.id === 'too-late')?.status).toBe('missed');
  });

  it('lists upcoming meetings, the next meeting and the previous memo; cancelling updates the card and tells the members', async () => {
    const upcoming = await post(bot.url, message('tulevat kokoukset', inChannel(MEMBER)));
    expect(JSON.stringify(upcoming.replies[0].attachments)).toContain('la 13.2.2027 klo 14.30–15.30');
    const mine = await post(bot.url, message('omat kokoukset', { conversationId: 'a:member', serviceUrl: connector.url, user: MEMBER, locale: 'fi-FI' }));
    expect(JSON.stringify(mine.replies[0].attachments)).toContain('Koivurinteen yhteisöllinen OHR');
    // Asked as people ask it: in the group's channel the next meeting's agenda; in a personal chat, which has no
    // group, the person's own meetings (not "set up a group here").
    const next = await post(bot.url, message('Milloin on seuraava kokous?', inChannel(MEMBER)));
    expect(JSON.stringify(next.replies[0].attachments)).toContain('la 13.2.2027 klo 14.30–15.30');
    const nextHere = await post(bot.url, message('milloin seuraava kokous', { conversationId: 'a:member', serviceUrl: connector.url, user: MEMBER, locale: 'fi-FI' }));
    expect(JSON.stringify(nextHere.replies[0].attachments)).toContain('Koivurinteen yhteisöllinen OHR');
    const memo = await invoke('form.submit', { formId: 'muistio', attendance: 'Jari, Aino', decisions: 'Välituntivalvontaa lisätään.', tasks: 'Jari: vuorolista 1.3.' });
    expect(text(memo)).toContain('Välituntivalvontaa lisätään.');
    const previous = await post(bot.url, message('edellinen muistio', inChannel(MEMBER)));
    expect(JSON.stringify(previous.replies[0].attachments)).toContain('Välituntivalvontaa lisätään.');
    // The chair moves the third meeting: the posted agenda card is updated and the members are told.
    const editCard = await post(bot.url, cardAction('meeting.edit', { meetingId: meetingIds[2], groupId }, inChannel()));
    expect(JSON.stringify(editCard.replies.find((r) => r.type === 'message')?.attachments)).toContain(`"meetingId":"${meetingIds[2]}"`);
    const moved = await invoke('form.submit', {
      formId: 'kokous',
      meetingId: meetingIds[2],
      title: 'Yhteisöllinen OHR',
      date: '2027-09-17',
      time: '13:00',
      duration: '90',
      place: 'Kirjasto',
      recurrence: 'once',
      until: '',
      dates: '',
    });
    expect(text(moved)).toContain('pe 17.9.2027 klo 13.00–14.30');
    await connector.waitFor((c) => c.method === 'POST' && c.conversationId === CHANNEL && JSON.stringify(c.body).includes('muuttui: pe 17.9.2027'));
    const movedReminders = (await store.all<{ meetingId: string; status: string; dueUtc: string }>('reminders')).filter((r) => r.meetingId === meetingIds[2] && r.status === 'pending');
    expect(movedReminders.map((r) => r.dueUtc).sort()).toEqual(['2027-09-16T10:00:00.000Z', '2027-09-17T09:00:00.000Z']);
    const cancelled = await invoke('meeting.cancel', { meetingId: meetingIds[3], groupId });
    expect(text(cancelled)).toContain('Kokous on peruttu.');
    await connector.waitFor((c) => c.method === 'POST' && JSON.stringify(c.body).includes('on peruttu') && c.conversationId === CHANNEL);
  });
});
