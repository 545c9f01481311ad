import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../log';
import type { Group } from '../meetings/model';
import { Groups, Meetings, Reminders } from '../meetings/repository';
import { openStore } from '../store/cosmos';
import { EMBEDDED_KEY, startEmbeddedCosmos } from '../store/embedded';
import { spawnBot } from './botProcess';

/**
 * A local Bot Connector that keeps Teams' limits as the service does: past 7 requests in 1 s, 8 in 2 s or
 * 60 in 30 s to one conversation, or 50 in 1 s for the tenant, it answers 429 with Retry-After: 1.
 */
function limitingConnector() {
  const accepted: { at: number; conversation: string }[] = [];
  const counts = { delivered: 0, throttled: 0 };
  const over = (conversation: string, at: number) => {
    const within = (ms: number, same: boolean) => accepted.filter((a) => at - a.at < ms && (!same || a.conversation === conversation)).length;
    return within(1000, true) >= 7 || within(2000, true) >= 8 || within(30_000, true) >= 60 || within(1000, false) >= 50;
  };
  const server = createServer((req: IncomingMessage, res) => {
    req.resume();
    req.on('end', () => {
      const conversation = decodeURIComponent(/\/v3\/conversations\/([^/]+)/.exec(req.url ?? '')?.[1] ?? '').split(';')[0];
      const now = Date.now();
      if (over(conversation, now)) {
        counts.throttled++;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end('{"error":{"code":"Throttled"}}');
        return;
      }
      accepted.push({ at: now, conversation });
      counts.delivered++;
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{"id":"x"}');
    });
  });
  return { server, counts };
}

/**
 * The reminder dispatcher through one instance: N reminders across C conversations fall due at once
 * against a connector that enforces Teams' rate limits; how many arrive, how many were refused (429),
 * throughput and the delay from due time to send.
 */
export async function reminderBench(n = 500, conversations = 50): Promise<{ delivered: number; throttled: number; seconds: number; delays: number[] }> {
  const cosmos = await startEmbeddedCosmos();
  const connector = limitingConnector();
  await new Promise<void>((r) => connector.server.listen(0, '127.0.0.1', () => r()));
  const serviceUrl = `http://127.0.0.1:${(connector.server.address() as AddressInfo).port}/`;
  const store = await openStore({ endpoint: cosmos.endpoint, key: EMBEDDED_KEY, database: 'bench' }, createLogger('silent'));
  const tenantId = '00000000-0000-4000-8000-0000000000aa';
  const groupRepo = new Groups(store.container('groups'));
  const groups: Group[] = [];
  for (let c = 0; c < conversations; c++) {
    const group: Group = {
      id: `g${String(c).padStart(24, '0')}`,
      tenantId,
      type: 'regional',
      name: `Ryhmä ${c}`,
      lang: 'fi',
      ref: { tenantId, conversationId: `19:bench-${c}@thread.tacv2`, serviceUrl, channelId: 'msteams', scope: 'channel', botId: '28:opari' },
      chair: { userId: '29:c', name: 'Chair' },
      members: [],
      memberIds: ['29:c'],
      createdAt: new Date().toISOString(),
    };
    await groupRepo.create(group);
    groups.push(group);
  }
  const meetings = new Meetings(store.container('meetings'));
  const reminders = new Reminders(store.container('reminders'));
  const bot = await spawnBot({ COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: EMBEDDED_KEY, COSMOS_DATABASE: 'bench', REMINDER_POLL_MS: '200', LOG_LEVEL: 'info' });
  try {
    // All due at one instant, a little ahead, after every document is written.
    const due = new Date(Date.now() + 2000 + n * 15).toISOString();
    for (let i = 0; i < n; i++) {
      const group = groups[i % conversations];
      const id = `m${String(i).padStart(16, '0')}`;
      await meetings.create({
        id,
        groupId: group.id,
        tenantId,
        seriesId: 's',
        title: `Kokous ${i}`,
        date: '2027-01-01',
        time: '12:00',
        startUtc: due,
        endUtc: due,
        durationMinutes: 60,
        place: '',
        status: 'scheduled',
        agenda: [],
        proposalsUntil: due,
        rsvps: {},
        warnings: [],
        createdAt: due,
      });
      await reminders.create({ id: `${id}-60`, dueDay: due.slice(0, 10), dueUtc: due, offsetMinutes: 60, meetingId: id, groupId: group.id, tenantId, status: 'pending', attempts: 0 });
    }
    const deadline = Date.now() + 180_000;
    while (connector.counts.delivered < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 300));
    const sent = bot.logs().filter((l) => l.event === 'reminder.sent');
    const last = Math.max(...sent.map((l) => Date.parse(String(l.time))));
    return { ...connector.counts, seconds: (last - Date.parse(due)) / 1000, delays: sent.map((l) => Number(l.delayMs)) };
  } finally {
    await bot.stop();
    await store.close();
    await cosmos.stop();
    connector.server.close();
  }
}
