import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalQuestion } from '../eval/metrics';
import { Glossary } from '../plan/glossary';
import { loadPlan } from '../plan/load';
import type { Plan, PlanSection } from '../plan/model';
import { PlanIndex } from '../plan/search';
import { CONTENT_DIR, ROOT } from '../paths';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../log';
import type { Group } from '../meetings/model';
import { Groups, Meetings, Reminders } from '../meetings/repository';
import { openStore } from '../store/cosmos';
import { EMBEDDED_KEY, startEmbeddedCosmos } from '../store/embedded';
import { ask, spawnBot } from './botProcess';
import { loadBench } from './loadBench';

/**
 * npm run bench: speed figures for the issue targets.
 *  - an answer turn vs an echo ("ping") turn over HTTP on the same server in the same run (p50/p99, ratio)
 *  - the ranking alone on the sample plan and on a synthetic plan 50x larger
 *  - start-up time of the bot process with the sample plan (to /healthz answering 200)
 */
function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
function stats(xs: number[]): { p50: number; p99: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: pct(s, 50), p99: pct(s, 99) };
}
const ms = (x: number) => `${x.toFixed(2)} ms`;

/** The sample plan copied `times` times with distinct ids: same language, 50x the documents and postings. */
function scaled(plan: Plan, times: number): Plan {
  const sections = new Map<string, PlanSection>();
  for (let k = 0; k < times; k++) {
    for (const s of plan.sections.values()) {
      const id = k === 0 ? s.id : `${s.id.replace('/', '-')}-${k}`;
      sections.set(id, { ...s, id, parentId: k === 0 ? s.parentId : undefined, childIds: k === 0 ? s.childIds : [] });
    }
  }
  return { ...plan, sections, topLevel: [...sections.values()].filter((s) => !s.parentId).map((s) => s.id) };
}

function rankingTimes(index: PlanIndex, questions: string[], rounds: number): number[] {
  for (const q of questions) index.search(q); // warm-up
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = process.hrtime.bigint();
      index.search(q);
      out.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const labelled = JSON.parse(readFileSync(join(ROOT, 'test', 'eval', 'questions.json'), 'utf8')) as EvalQuestion[];
  const questions = labelled.map((q) => q.q);

  console.log('Start-up with the sample plan (process start → /healthz 200, embedded store, 3 runs)');
  const startups: number[] = [];
  for (let i = 0; i < 3; i++) {
    const b = await spawnBot();
    startups.push(b.startupMs);
    await b.stop();
  }
  console.log(`  ${startups.map((x) => `${x} ms`).join(', ')}   (target < 3000 ms)\n`);

  const bot = await spawnBot();
  try {
    const n = 400;
    const echo: number[] = [];
    const answer: number[] = [];
    for (let i = 0; i < 40; i++) {
      await ask(bot.url, 'ping', 'fi-FI', 'a:bench');
      await ask(bot.url, questions[i % questions.length], 'fi-FI', 'a:bench');
    }
    // Interleaved, so both kinds of turn see the same machine state.
    for (let i = 0; i < n; i++) {
      echo.push((await ask(bot.url, 'ping', 'fi-FI', 'a:bench')).ms);
      answer.push((await ask(bot.url, questions[i % questions.length], 'fi-FI', 'a:bench')).ms);
    }
    const e = stats(echo);
    const a = stats(answer);
    console.log(`Answer turn vs echo turn over HTTP (/api/messages, expectReplies, ${n} each, interleaved)`);
    console.log(`  echo turn     p50 ${ms(e.p50)}   p99 ${ms(e.p99)}`);
    console.log(`  answer turn   p50 ${ms(a.p50)}   p99 ${ms(a.p99)}`);
    console.log(`  ratio at p50  ${(a.p50 / e.p50).toFixed(2)}   (target ≤ 1.5)\n`);
  } finally {
    await bot.stop();
  }

  const load = await loadBench(labelled);
  console.log('Turns under load: 10 conversations at once, one bot process, one store (alternating rounds)');
  console.log(`  help turns    ${load.help.turnsPerSecond.toFixed(0)}/s   store per turn: ${load.help.reads.toFixed(2)} reads, ${load.help.writes.toFixed(2)} writes`);
  console.log(`  answer turns  ${load.answer.turnsPerSecond.toFixed(0)}/s   store per turn: ${load.answer.reads.toFixed(2)} reads, ${load.answer.writes.toFixed(2)} writes`);
  console.log(`  help/answer   ×${(load.help.turnsPerSecond / load.answer.turnsPerSecond).toFixed(2)}   (target ≤ 1.5; store ≤ 1 read and 1 write per turn)\n`);

  const glossary = Glossary.load(join(CONTENT_DIR, 'glossary.yml'));
  const plan = loadPlan(process.env.PLAN_DIR ?? join(CONTENT_DIR, 'plan'));
  console.log(`Ranking alone (${questions.length} questions)`);
  for (const [label, p, rounds, target] of [
    ['sample plan', plan, 30, 2],
    ['50x plan', scaled(plan, 50), 3, 20],
  ] as const) {
    const t0 = Date.now();
    const index = new PlanIndex(p, glossary);
    const built = Date.now() - t0;
    const r = stats(rankingTimes(index, questions, rounds));
    console.log(`  ${label.padEnd(12)} ${String(index.size).padStart(5)} sections   index ${built} ms   p50 ${ms(r.p50)}   p99 ${ms(r.p99)}   (target p99 < ${target} ms)`);
  }
  await reminderBench();

  const mem = process.memoryUsage();
  console.log(`\nMemory of this process after building both indexes: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`bench failed: ${err.message}`);
    process.exit(1);
  },
);

/**
 * The reminder dispatcher through one instance: N reminders fall due at once against a local connector
 * (an HTTP server that answers like the Bot Connector); throughput and the delay from due time to send.
 */
async function reminderBench(n = 500): Promise<void> {
  const cosmos = await startEmbeddedCosmos();
  let received = 0;
  const connector = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{"id":"x"}');
    });
  });
  await new Promise<void>((r) => connector.listen(0, '127.0.0.1', () => r()));
  const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
  const store = await openStore({ endpoint: cosmos.endpoint, key: EMBEDDED_KEY, database: 'bench' }, createLogger('silent'));
  const tenantId = '00000000-0000-4000-8000-0000000000aa';
  const group: Group = {
    id: 'g000000000000000000000bench'.slice(0, 25),
    tenantId,
    type: 'regional',
    name: 'Bench',
    ref: { tenantId, conversationId: '19:bench@thread.tacv2', serviceUrl, channelId: 'msteams', scope: 'channel', botId: '28:opari' },
    chair: { userId: '29:c', name: 'Chair' },
    members: [],
    memberIds: ['29:c'],
    createdAt: new Date().toISOString(),
  };
  await new Groups(store.container('groups')).create(group);
  const meetings = new Meetings(store.container('meetings'));
  const reminders = new Reminders(store.container('reminders'));
  const bot = await spawnBot({ COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: EMBEDDED_KEY, COSMOS_DATABASE: 'bench', REMINDER_POLL_MS: '200', LOG_LEVEL: 'info' });
  try {
    const due = new Date(Date.now() + 2000).toISOString();
    for (let i = 0; i < n; i++) {
      const id = `m${String(i).padStart(16, '0')}`;
      await meetings.create({ id, groupId: group.id, tenantId, seriesId: 's', title: `Kokous ${i}`, date: '2027-01-01', time: '12:00', startUtc: due, endUtc: due, durationMinutes: 60, place: '', status: 'scheduled', agenda: [], proposalsUntil: due, rsvps: {}, warnings: [], createdAt: due });
      await reminders.create({ id: `${id}-60`, dueDay: due.slice(0, 10), dueUtc: due, offsetMinutes: 60, meetingId: id, groupId: group.id, tenantId, status: 'pending', attempts: 0 });
    }
    const deadline = Date.now() + 120_000;
    while (received < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 300));
    const sent = bot.logs().filter((l) => l.event === 'reminder.sent');
    const delays = stats(sent.map((l) => Number(l.delayMs)));
    const last = Math.max(...sent.map((l) => Date.parse(String(l.time))));
    const seconds = (last - Date.parse(due)) / 1000;
    console.log(`\nReminder dispatcher, one instance, ${n} reminders due at once, local connector`);
    console.log(`  delivered ${received}/${n} in ${seconds.toFixed(1)} s   throughput ${(n / seconds).toFixed(0)} reminders/s   delay from due time p50 ${ms(delays.p50)}   p99 ${ms(delays.p99)}`);
  } finally {
    await bot.stop();
    await store.close();
    connector.close();
  }
}
