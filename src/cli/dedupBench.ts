import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createLogger } from '../log';
import type { Reminder } from '../meetings/model';
import { Groups, Meetings, Reminders } from '../meetings/repository';
import { openStore } from '../store/cosmos';
import { readDoc } from '../store/documents';
import { EMBEDDED_KEY, startEmbeddedCosmos } from '../store/embedded';
import { spawnBot } from './botProcess';
import { benchGroup, seedReminder } from './reminderFixtures';

/**
 * npm run bench:dedup — how often one instance dying mid-burst makes a reminder go out twice.
 *
 * Three bot processes share one embedded store (started here, reached over COSMOS_ENDPOINT) and one local
 * connector that records every message at the moment it arrives, as the Bot Connector would deliver it.
 * Each round seeds a burst of reminders and, at a uniformly random moment of the burst, either kills one
 * instance (SIGKILL; a fresh one replaces it) or freezes it (SIGSTOP) until the others have taken its claims
 * over, then lets it run on (SIGCONT). Counted per round: reminders delivered more than once, reminders
 * never delivered, and (freeze) reminders the frozen instance had delivered but not recorded — claimed by
 * the same instance both 300 ms and half a lease after the freeze (the running instances record theirs
 * long before), and delivered by then: the send/record window the freeze fell into.
 *
 *   npm run bench:dedup -- [--mode kill|freeze|both] [--rounds 30] [--burst 60] [--connector-ms 0]
 */
const { values: args } = parseArgs({
  options: {
    mode: { type: 'string', default: 'both' },
    rounds: { type: 'string', default: '30' },
    burst: { type: 'string', default: '60' },
    'burst-ms': { type: 'string', default: '2000' },
    'connector-ms': { type: 'string', default: '0' },
  },
});
const ROUNDS = Number(args.rounds);
const BURST = Number(args.burst);
const BURST_MS = Number(args['burst-ms']);
const CONNECTOR_MS = Number(args['connector-ms']);
const LEASE_MS = 3000;
const POLL_MS = 250;
const TENANT = '00000000-0000-4000-8000-0000000000aa';
/** The burst is spread over this many channels, so each instance's pacing (Teams' 8 per 2 s per conversation) holds none back. */
const CONVERSATIONS = 20;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh instance; on a busy machine a start can take long, so it may take 2 minutes and is tried again. */
async function startInstance(env: Record<string, string>): Promise<Awaited<ReturnType<typeof spawnBot>>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnBot(env, 120_000);
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/** The stand-in Bot Connector: a message counts as delivered when it arrives; the answer may lag. */
async function startCountingConnector(): Promise<{ url: string; counts: Map<string, number>; server: Server }> {
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const title = /Muistutus: (Kokous [0-9-]+)/.exec(Buffer.concat(chunks).toString('utf8'))?.[1];
      if (req.method === 'POST' && title) counts.set(title, (counts.get(title) ?? 0) + 1);
      setTimeout(() => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end('{"id":"x"}');
      }, CONNECTOR_MS);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, counts, server };
}

interface RoundResult {
  duplicates: number;
  lost: number;
  /** Freeze only: delivered by the frozen instance but not recorded when it froze. */
  unrecordedAtFreeze?: number;
}

async function main(): Promise<void> {
  const modes = args.mode === 'both' ? ['kill', 'freeze'] : [String(args.mode)];
  const cosmos = await startEmbeddedCosmos();
  const connector = await startCountingConnector();
  const store = await openStore({ endpoint: cosmos.endpoint, key: EMBEDDED_KEY, database: 'dedup' }, createLogger('silent'));
  const groups = Array.from({ length: CONVERSATIONS }, (_, c) => benchGroup(`g${String(c).padStart(24, '0')}`, `Dedup ${c}`, TENANT, `19:dedup-bench-${c}@thread.tacv2`, connector.url));
  for (const group of groups) await new Groups(store.container('groups')).create(group);
  const meetings = new Meetings(store.container('meetings'));
  const reminders = new Reminders(store.container('reminders'));
  const env = { COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: EMBEDDED_KEY, COSMOS_DATABASE: 'dedup', REMINDER_POLL_MS: String(POLL_MS), REMINDER_LEASE_MS: String(LEASE_MS), LOG_LEVEL: 'warn' };
  const bots: Awaited<ReturnType<typeof spawnBot>>[] = [];
  for (let i = 0; i < 3; i++) bots.push(await startInstance(env)); // one at a time: starts compete for the CPU
  let round = 0;

  const seed = async (): Promise<{ titles: string[]; ids: Reminder[]; start: number }> => {
    round++;
    const start = Date.now() + 1500;
    const out: Reminder[] = [];
    const titles: string[] = [];
    await Promise.all(
      Array.from({ length: BURST }, async (_, k) => {
        const id = `m${String(round).padStart(6, '0')}${String(k).padStart(10, '0')}`;
        const due = new Date(start + Math.floor((k * BURST_MS) / BURST)).toISOString();
        const title = `Kokous ${round}-${k}`;
        out.push(await seedReminder(meetings, reminders, groups[k % CONVERSATIONS], id, title, due));
        titles.push(title);
      }),
    );
    return { titles, ids: out, start };
  };

  const read = (rs: Reminder[]) => Promise.all(rs.map((r) => readDoc<Reminder>(store.container('reminders'), r.id, r.dueDay)));
  const statuses = async (rs: Reminder[]) => (await read(rs)).map((r) => r?.status ?? 'gone');
  /** Until every reminder of the round is settled (none claimed or pending), then a little longer. */
  const settle = async (rs: Reminder[], timeoutMs = 40_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && (await statuses(rs)).some((s) => s === 'claimed' || s === 'pending')) await sleep(200);
    await sleep(POLL_MS * 2);
  };

  const runRound = async (mode: string): Promise<RoundResult> => {
    const { titles, ids, start } = await seed();
    const victim = Math.floor(Math.random() * bots.length);
    await sleep(Math.max(0, start + Math.random() * BURST_MS - Date.now()));
    let unrecordedAtFreeze: number | undefined;
    if (mode === 'kill') {
      bots[victim].proc.kill('SIGKILL');
      const replacement = startInstance(env);
      await settle(ids);
      bots[victim] = await replacement;
    } else {
      bots[victim].proc.kill('SIGSTOP');
      const frozenAt = Date.now();
      const claimedBy = async () => (await read(ids)).map((r) => (r?.status === 'claimed' ? r.claimedBy : undefined));
      await sleep(300);
      const early = await claimedBy();
      await sleep(Math.max(0, frozenAt + LEASE_MS / 2 - Date.now()));
      const late = await claimedBy(); // what it had already written to the connector has arrived by now
      unrecordedAtFreeze = early.filter((by, i) => by && by === late[i] && (connector.counts.get(titles[i]) ?? 0) > 0).length;
      await settle(ids); // its leases run out and the others take its claims over
      bots[victim].proc.kill('SIGCONT');
      await sleep(LEASE_MS / 2); // whatever it was about to do, it does now
    }
    const counts = titles.map((t) => connector.counts.get(t) ?? 0);
    return { duplicates: counts.reduce((a, c) => a + Math.max(0, c - 1), 0), lost: counts.filter((c) => c === 0).length, unrecordedAtFreeze };
  };

  try {
    for (const mode of modes) {
      const results: RoundResult[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const r = await runRound(mode);
        results.push(r);
        process.stderr.write(
          `  ${mode} round ${i + 1}/${ROUNDS}: duplicates ${r.duplicates}, lost ${r.lost}${r.unrecordedAtFreeze !== undefined ? `, sent-but-unrecorded at freeze ${r.unrecordedAtFreeze}` : ''}\n`,
        );
      }
      report(mode, results);
    }
  } finally {
    for (const b of bots) {
      b.proc.kill('SIGCONT');
      b.proc.kill('SIGKILL');
    }
    await store.close();
    await cosmos.stop();
    connector.server.close();
  }
}

function report(mode: string, results: RoundResult[]): void {
  const total = results.length * BURST;
  const dup = results.reduce((a, r) => a + r.duplicates, 0);
  const hit = results.filter((r) => r.duplicates > 0).length;
  const lost = results.reduce((a, r) => a + r.lost, 0);
  const how = mode === 'kill' ? 'killed (SIGKILL)' : 'frozen (SIGSTOP) until taken over, then resumed';
  console.log(`\nReminders, 3 instances on one store, one ${how} at a random moment of each burst`);
  console.log(
    `  ${results.length} rounds × ${BURST} reminders across ${CONVERSATIONS} channels due within ${BURST_MS} ms (lease ${LEASE_MS} ms, poll ${POLL_MS} ms, connector answers after ${CONNECTOR_MS} ms)`,
  );
  console.log(
    `  rounds with a duplicate ${hit}/${results.length} (${((100 * hit) / results.length).toFixed(0)}%)   duplicates ${dup} (${((100 * dup) / total).toFixed(2)}% of ${total}, ${(dup / results.length).toFixed(2)} per ${mode === 'kill' ? 'kill' : 'freeze'})   lost ${lost}`,
  );
  if (mode === 'freeze') {
    const caught = results.filter((r) => (r.unrecordedAtFreeze ?? 0) > 0).length;
    const held = results.reduce((a, r) => a + (r.unrecordedAtFreeze ?? 0), 0);
    console.log(`  freezes that caught a reminder sent but not yet recorded ${caught}/${results.length}   such reminders ${held}`);
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`bench failed: ${err.stack ?? err.message}`);
    process.exit(1);
  },
);
