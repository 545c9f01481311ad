import { createLogger } from '../../src/log';
import type { Group, Meeting, Reminder } from '../../src/meetings/model';
import { Groups, Meetings, Reminders } from '../../src/meetings/repository';
import { openStore, type Store } from '../../src/store/cosmos';
import { startBot, type RunningBot } from '../helpers/bot';
import { type Connector, startConnector } from '../helpers/connector';
import { startTestStore, type TestStore } from '../helpers/store';

const TENANT = '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b';
/** Twenty groups, each in its own channel: 200 reminders within 15 s keep to Teams' 60 per 30 s per conversation. */
const GROUPS = 20;
const conversationOf = (g: number) => `19:kuorma-${g}@thread.tacv2`;

/**
 * Three bot processes share one Cosmos store and one connector; 200 reminders fall due within 15 s.
 * Each must reach its conversation once; then one process is killed mid-run and the next 200 must still
 * arrive, none lost. A reminder may arrive twice only if the kill fell between its send and its record:
 * the Bot Connector takes no idempotency key, so that is the one duplicate a dead instance can cause.
 */
describe('reminders across instances', () => {
  let test: TestStore;
  let store: Store;
  let connector: Connector;
  const bots: RunningBot[] = [];
  let meetings: Meetings;
  let reminders: Reminders;
  const groups: Group[] = Array.from({ length: GROUPS }, (_, g) => ({
    id: `g${String(g + 1).padStart(24, '0')}`,
    tenantId: TENANT,
    type: 'regional',
    name: `Kuormitusryhmä ${g}`,
    ref: { tenantId: TENANT, conversationId: conversationOf(g), serviceUrl: '', channelId: 'msteams', scope: 'channel', botId: '28:opari' },
    chair: { userId: '29:chair', name: 'Puheenjohtaja' },
    members: [],
    memberIds: ['29:chair'],
    createdAt: new Date().toISOString(),
  }));

  async function seed(from: number, count: number, spreadMs: number): Promise<void> {
    const start = Date.now() + 1500;
    // Sixteen writers at a time: a hundred concurrent creates on a busy machine can outlast the store's request timeout.
    const queue = Array.from({ length: count }, (_, k) => k);
    const writer = async () => {
      for (let k = queue.shift(); k !== undefined; k = queue.shift()) await seedOne(k);
    };
    await Promise.all(Array.from({ length: Math.min(16, count) }, writer));

    async function seedOne(k: number): Promise<void> {
      const n = from + k;
      const group = groups[n % GROUPS];
      const due = new Date(start + Math.floor((k * spreadMs) / count)).toISOString();
      const meeting: Meeting = {
        id: `m${String(n).padStart(16, '0')}`,
        groupId: group.id,
        tenantId: TENANT,
        seriesId: 'load',
        title: `Kokous ${n}`,
        date: '2027-01-01',
        time: '12:00',
        startUtc: new Date(Date.parse(due) + 3600_000).toISOString(),
        endUtc: new Date(Date.parse(due) + 7200_000).toISOString(),
        durationMinutes: 60,
        place: '',
        status: 'scheduled',
        agenda: [],
        proposalsUntil: due,
        rsvps: {},
        warnings: [],
        createdAt: new Date().toISOString(),
      };
      await meetings.create(meeting);
      const r: Reminder = {
        id: `${meeting.id}-60`,
        dueDay: due.slice(0, 10),
        dueUtc: due,
        offsetMinutes: 60,
        meetingId: meeting.id,
        groupId: group.id,
        tenantId: TENANT,
        status: 'pending',
        attempts: 0,
      };
      await reminders.create(r);
    }
  }

  /** Titles delivered to the conversation, counted. */
  function delivered(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const c of connector.calls) {
      const title = /Muistutus: (Kokous \d+)/.exec(JSON.stringify(c.body))?.[1];
      if (c.method === 'POST' && c.conversationId.startsWith('19:kuorma-') && title) counts.set(title, (counts.get(title) ?? 0) + 1);
    }
    return counts;
  }

  async function waitForAll(from: number, count: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const d = delivered();
      if (Array.from({ length: count }, (_, k) => `Kokous ${from + k}`).every((t) => d.has(t))) return;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  beforeAll(async () => {
    test = await startTestStore('exactly-once');
    connector = await startConnector();
    for (const g of groups) g.ref.serviceUrl = connector.url;
    store = await openStore({ endpoint: test.cosmos.endpoint, key: test.env.COSMOS_KEY, database: 'exactly-once' }, createLogger('silent'));
    meetings = new Meetings(store.container('meetings'));
    reminders = new Reminders(store.container('reminders'));
    for (const g of groups) await new Groups(store.container('groups')).create(g);
    for (let i = 0; i < 3; i++) bots.push(await startBot({ ...test.env, REMINDER_POLL_MS: '250', REMINDER_LEASE_MS: '4000', LOG_LEVEL: 'info' }));
  }, 60_000);

  afterAll(async () => {
    for (const b of bots) await b.stop('SIGKILL');
    await store?.close();
    await connector?.stop();
    await test?.stop();
  });

  function delays(): number[] {
    return bots
      .flatMap((b) =>
        b
          .logs()
          .filter((l) => l.event === 'reminder.sent')
          .map((l) => Number(l.delayMs)),
      )
      .sort((a, b) => a - b);
  }

  it('delivers 200 reminders due within 15 s once each with three instances polling', async () => {
    await seed(1, 200, 15_000);
    await waitForAll(1, 200, 60_000);
    const d = delivered();
    const counts = Array.from({ length: 200 }, (_, k) => d.get(`Kokous ${k + 1}`) ?? 0);
    expect(counts.filter((c) => c === 0)).toHaveLength(0);
    expect(counts.filter((c) => c > 1)).toHaveLength(0);
    // An instance records and logs a send after the connector has answered it: give the last ones a moment.
    const sentLogs = () => bots.map((b) => b.logs().filter((l) => l.event === 'reminder.sent').length);
    for (const deadline = Date.now() + 10_000; sentLogs().reduce((a, b) => a + b, 0) < 200 && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 100));
    const perInstance = sentLogs();
    expect(perInstance.reduce((a, b) => a + b, 0)).toBe(200);
    expect(perInstance.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2); // the work was shared
    const ds = delays();
    process.stdout.write(`three instances: 200/200 delivered once; per instance ${perInstance.join('/')}; delay p50 ${ds[Math.floor(ds.length / 2)]} ms, p99 ${ds[Math.floor(ds.length * 0.99)]} ms\n`);
  }, 90_000);

  it('loses nothing when one instance is killed mid-run, and sends twice only what the killed one had sent but not recorded', async () => {
    await seed(201, 200, 15_000);
    await new Promise((r) => setTimeout(r, 6000));
    await bots[1].stop('SIGKILL');
    await waitForAll(201, 200, 60_000);
    // Wait for the killed instance's claims to be taken over and settled (one lease and a poll).
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await reminders.all()).some((r) => r.status === 'claimed')) await new Promise((r) => setTimeout(r, 200));
    const d = delivered();
    const counts = Array.from({ length: 200 }, (_, k) => d.get(`Kokous ${201 + k}`) ?? 0);
    expect(counts.filter((c) => c === 0)).toHaveLength(0);
    const settled = await reminders.all();
    const doubled = counts.flatMap((c, k) => (c > 1 ? [`m${String(201 + k).padStart(16, '0')}-60`] : []));
    // Each one doubled was claimed twice (taken over from the killed instance), and no more than it sends at once.
    for (const id of doubled) expect(settled.find((r) => r.id === id)?.attempts).toBeGreaterThanOrEqual(2);
    expect(doubled.length).toBeLessThanOrEqual(8);
    const stuck = settled.filter((r) => r.status !== 'sent');
    expect(stuck.map((r) => `${r.id}:${r.status}`)).toEqual([]);
    process.stdout.write(
      `after kill: 200/200 delivered, ${doubled.length} twice; reminders sent by the killed instance before it died: ${bots[1].logs().filter((l) => l.event === 'reminder.sent' && Number(String(l.reminderId).slice(1, 17)) > 200).length}\n`,
    );
  }, 120_000);
});
