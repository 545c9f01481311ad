import { createLogger } from '../../src/log';
import { ReminderDispatcher, type ReminderPort } from '../../src/meetings/dispatcher';
import type { Group, Meeting, Reminder } from '../../src/meetings/model';
import { Groups, Meetings, Reminders } from '../../src/meetings/repository';
import { openStore, type Store } from '../../src/store/cosmos';
import { startTestStore, type TestStore } from '../helpers/store';
import { storeProxy, type StoreProxy } from '../helpers/storeProxy';

const TENANT = '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b';
const LEASE_MS = 3000;

/**
 * What goes to the store between a reminder's send and its record is the window in which a dying instance
 * makes the next one send it again; the proxy in front of the store sees every request of one instance.
 */
describe('reminder claims: the record right behind the send, leases kept and respected', () => {
  let test: TestStore;
  let proxy: StoreProxy;
  let viaProxy: Store;
  let direct: Store;
  const group: Group = {
    id: 'g000000000000000000000c1a',
    tenantId: TENANT,
    type: 'regional',
    name: 'Claims',
    ref: { tenantId: TENANT, conversationId: '19:claims@thread.tacv2', serviceUrl: 'http://127.0.0.1:9/', channelId: 'msteams', scope: 'channel', botId: '28:opari' },
    chair: { userId: '29:chair', name: 'Chair' },
    members: [],
    memberIds: ['29:chair'],
    createdAt: new Date().toISOString(),
  };
  let n = 0;

  /** A meeting and its reminder, due now. */
  async function dueReminder(): Promise<Reminder> {
    const id = `m${String(++n).padStart(16, '0')}`;
    const now = new Date().toISOString();
    const later = new Date(Date.now() + 3600_000).toISOString();
    const meeting: Meeting = {
      id,
      groupId: group.id,
      tenantId: TENANT,
      seriesId: 's',
      title: `Kokous ${n}`,
      date: '2027-01-01',
      time: '12:00',
      startUtc: later,
      endUtc: later,
      durationMinutes: 60,
      place: '',
      status: 'scheduled',
      agenda: [],
      proposalsUntil: now,
      rsvps: {},
      warnings: [],
      createdAt: now,
    };
    await new Meetings(direct.container('meetings')).create(meeting);
    const r: Reminder = { id: `${id}-60`, dueDay: now.slice(0, 10), dueUtc: now, offsetMinutes: 60, meetingId: id, groupId: group.id, tenantId: TENANT, status: 'pending', attempts: 0 };
    await new Reminders(direct.container('reminders')).create(r);
    return r;
  }

  const dispatcher = (store: Store, port: ReminderPort) =>
    new ReminderDispatcher(new Reminders(store.container('reminders')), new Meetings(store.container('meetings')), new Groups(store.container('groups')), port, {
      leaseMs: LEASE_MS,
      graceMinutes: 60,
      pollMs: 200,
      maxAttempts: 3,
      concurrency: 4,
      log: createLogger('silent'),
    });
  const stored = async (r: Reminder) => (await direct.container('reminders').item(r.id, r.dueDay).read<Reminder>()).resource!;
  const until = async (what: () => boolean | Promise<boolean>, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await what())) {
      if (Date.now() > deadline) throw new Error('not in time');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    test = await startTestStore('claims');
    proxy = await storeProxy(test.cosmos.endpoint);
    viaProxy = await openStore({ endpoint: proxy.endpoint, key: test.env.COSMOS_KEY, database: 'claims' }, createLogger('silent'));
    direct = await openStore({ endpoint: test.cosmos.endpoint, key: test.env.COSMOS_KEY, database: 'claims' }, createLogger('silent'));
    await new Groups(direct.container('groups')).create(group);
  });
  afterAll(async () => {
    await viaProxy?.close();
    await direct?.close();
    await proxy?.stop();
    await test?.stop();
  });

  it('claims with one write and records "sent" with one more, and nothing else between the send and that record', async () => {
    const r = await dueReminder();
    let atSend = -1;
    const d = dispatcher(viaProxy, { send: async () => void (atSend = proxy.requests.length), tellChair: async () => undefined });
    const before = proxy.requests.length;
    expect(await d.pollOnce()).toEqual({ sent: 1, failed: 0, missed: 0 });
    const onReminder = proxy.requests.slice(before).filter((q) => q.path.includes(`/docs/${r.id}`));
    expect(onReminder.map((q) => q.method)).toEqual(['PUT', 'PUT']); // claim, record: no reads of it
    expect(proxy.requests.slice(atSend).map((q) => `${q.method} ${q.path.replace(/^.*\/colls\//, '')}`)).toEqual([`PUT reminders/docs/${r.id}`]);
    expect(await stored(r)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('keeps the claim while a send takes longer than the lease: no other instance sends it too', async () => {
    const r = await dueReminder();
    const sends: string[] = [];
    let release: () => void = () => undefined;
    const slow = dispatcher(direct, { send: (_g, _m, x) => new Promise<void>((resolve) => ((release = resolve), sends.push(`slow ${x.id}`))), tellChair: async () => undefined });
    const other = dispatcher(direct, { send: async (_g, _m, x) => void sends.push(`other ${x.id}`), tellChair: async () => undefined });
    slow.start();
    await until(() => sends.length === 1);
    other.start();
    await new Promise((w) => setTimeout(w, 2.5 * LEASE_MS)); // well past the first lease
    release();
    await until(async () => (await stored(r)).status === 'sent');
    await Promise.all([slow.stop(), other.stop()]);
    expect(sends).toEqual([`slow ${r.id}`]);
  }, 30_000);

  it('sends nothing it no longer holds when it wakes up after another instance took its claim over', async () => {
    const r = await dueReminder();
    const sends: string[] = [];
    const frozen = dispatcher(viaProxy, { send: async (_g, _m, x) => void sends.push(`frozen ${x.id}`), tellChair: async () => undefined });
    const other = dispatcher(direct, { send: async (_g, _m, x) => void sends.push(`other ${x.id}`), tellChair: async () => undefined });
    // It claims, then stands still before it sends: nothing after its claim reaches the store.
    proxy.freezeAfter((q) => q.method === 'PUT' && q.path.endsWith(`/docs/${r.id}`));
    const pass = frozen.pollOnce();
    await until(async () => (await stored(r)).status === 'claimed');
    other.start(); // takes the claim over once the lease has run out
    await until(() => sends.length > 0);
    proxy.thaw();
    await pass;
    await other.stop();
    expect(sends).toEqual([`other ${r.id}`]);
    expect(await stored(r)).toMatchObject({ status: 'sent', attempts: 2 });
  }, 30_000);

  it('gives its claims back at stop, so another instance sends them at its next poll instead of after the lease', async () => {
    const r = await dueReminder();
    const sends: string[] = [];
    // The connector throttles this instance for a long while (Retry-After); it is stopped while it waits.
    const throttled = Object.assign(new Error('throttled'), { statusCode: 429, response: { headers: { 'retry-after': '60' } } });
    let tried = 0;
    const stopping = dispatcher(direct, { send: async () => Promise.reject((tried++, throttled)), tellChair: async () => undefined });
    stopping.start();
    await until(() => tried > 0);
    await stopping.stop(1000);
    expect(await stored(r)).toMatchObject({ status: 'pending' });
    const other = dispatcher(direct, { send: async (_g, _m, x) => void sends.push(`other ${x.id}`), tellChair: async () => undefined });
    expect(await other.pollOnce()).toEqual({ sent: 1, failed: 0, missed: 0 });
    expect(sends).toEqual([`other ${r.id}`]);
  });
});
