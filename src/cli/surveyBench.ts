import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Roles } from '../cases/roles';
import { loadConfig } from '../config';
import type { School } from '../forms/registry';
import { createLogger } from '../log';
import { Groups, Meetings, Reminders } from '../meetings/repository';
import { MeetingService } from '../meetings/service';
import { openStore } from '../store/cosmos';
import { ConversationRefs } from '../store/conversationRefs';
import { KeyRing } from '../store/crypto';
import { EMBEDDED_KEY, startEmbeddedCosmos } from '../store/embedded';
import { reportingUnits } from '../surveys/anonymity';
import { computeResults } from '../surveys/results';
import { localAdapter, wireSurveys } from '../teams/surveyWiring';
import { addDays } from '../time/date';
import { todayInHelsinki } from '../time/helsinki';

/**
 * A survey round the size of the Vakka-Suomi region: 300 staff invited across 35 schools, through the real
 * send path (teams/replies.ts sendProactive on a CloudAdapter) to a local connector that enforces Teams'
 * documented limits (per conversation 7 messages/s; per app and tenant 50 requests/s) by answering 429 with
 * Retry-After, as Teams does. Reported: time to deliver every card, the highest request rate per second the
 * connector accepted, how many requests it refused, and how long the results of 240 answers take.
 */
const TENANT = '00000000-0000-4000-8000-0000000000bb';
const TENANT_RPS = 50;
const CONVERSATION_PER_S = 7;

function limitConnector() {
  const stamps: number[] = [];
  const perConversation = new Map<string, number[]>();
  const members = new Map<string, { id: string; name: string; aadObjectId: string }[]>();
  const delivered = new Map<string, number>();
  let refused = 0;
  let requests = 0;
  const recent = (xs: number[], now: number) => xs.filter((t) => now - t < 1000).length;
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests++;
      const now = Date.now();
      const url = decodeURIComponent(req.url ?? '');
      const conversation = /\/v3\/conversations\/([^/]+)/.exec(url)?.[1] ?? '';
      const sends = perConversation.get(conversation) ?? [];
      if (recent(stamps, now) >= TENANT_RPS || (req.method === 'POST' && conversation && recent(sends, now) >= CONVERSATION_PER_S)) {
        refused++;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end('{"error":{"code":"Throttled"}}');
        return;
      }
      stamps.push(now);
      res.setHeader('content-type', 'application/json');
      if (req.method === 'GET' && url.includes('/pagedmembers')) return res.end(JSON.stringify({ members: members.get(conversation) ?? [] }));
      if (req.method === 'POST' && /\/v3\/conversations\/?$/.test(url)) {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { members?: { id: string }[] };
        res.writeHead(201);
        return res.end(JSON.stringify({ id: `a:1on1-${body.members?.[0]?.id ?? ''}` }));
      }
      perConversation.set(conversation, [...sends.filter((t) => now - t < 1000), now]);
      delivered.set(conversation, (delivered.get(conversation) ?? 0) + 1);
      res.writeHead(201);
      res.end(JSON.stringify({ id: `m${requests}` }));
    });
  });
  /** The highest number of accepted requests in any one-second window. */
  const peak = () => {
    let best = 0;
    for (let i = 0, j = 0; i < stamps.length; i++) {
      while (stamps[i] - stamps[j] >= 1000) j++;
      best = Math.max(best, i - j + 1);
    }
    return best;
  };
  return { server, members, delivered, peak, stats: () => ({ requests, refused }) };
}

export async function surveyBench(): Promise<void> {
  const cosmos = await startEmbeddedCosmos();
  const connector = limitConnector();
  await new Promise<void>((r) => connector.server.listen(0, '127.0.0.1', () => r()));
  const serviceUrl = `http://127.0.0.1:${(connector.server.address() as AddressInfo).port}/`;
  const log = createLogger('silent');
  const store = await openStore({ endpoint: cosmos.endpoint, key: EMBEDDED_KEY, database: 'survey-bench' }, log);
  try {
    // 35 schools in 6 municipalities, 2 to 16 staff each: 300 people.
    const sizes = Array.from({ length: 35 }, (_, k) => 2 + ((k * 7) % 15));
    let extra = 300 - sizes.reduce((a, b) => a + b, 0);
    for (let k = 0; extra !== 0; k = (k + 1) % 35) {
      const step = Math.sign(extra);
      if (sizes[k] + step < 2) continue;
      sizes[k] += step;
      extra -= step;
    }
    const schools: School[] = sizes.map((_, k) => ({ id: `koulu-${k + 1}`, name: `Koulu ${k + 1}`, provider: 'bench', municipality: `Kunta ${1 + (k % 6)}` }));
    const groups = new Groups(store.container('groups'));
    const roles = new Roles(store.container('roles'));
    const coordinator = { userId: '29:coordinator', aadObjectId: '0a1b2c3d-9999-4000-8000-000000000000', name: 'Koordinaattori' };
    let n = 0;
    for (const [k, s] of schools.entries()) {
      const conversationId = `19:${s.id}@thread.tacv2`;
      const ref = { tenantId: TENANT, conversationId, serviceUrl, channelId: 'msteams', scope: 'channel' as const, botId: '28:opari' };
      connector.members.set(
        conversationId,
        Array.from({ length: sizes[k] }, () => ({ id: `29:p${++n}`, name: `Henkilö ${n}`, aadObjectId: `0a1b2c3d-${String(n).padStart(4, '0')}-4000-8000-000000000000` })),
      );
      await groups.create({
        id: `g${String(k).padStart(24, '0')}`,
        tenantId: TENANT,
        type: 'communal',
        name: s.name,
        schoolId: s.id,
        ref,
        chair: coordinator,
        members: [],
        memberIds: [],
        createdAt: new Date().toISOString(),
      });
      await roles.grant(TENANT, s.id, 'koordinaattori', coordinator, 'bench');
    }
    const meetings = new MeetingService(groups, new Meetings(store.container('meetings')), new Reminders(store.container('reminders')), [], new Set());
    const w = wireSurveys({
      adapter: localAdapter(),
      botAppId: '',
      store,
      refs: new ConversationRefs(store.container('conversations')),
      roles,
      groups,
      meetings,
      schools,
      keys: KeyRing.fromEnv(undefined),
      config: loadConfig({ PLAYGROUND: 'off', SURVEY_POLL_MS: '200', SURVEY_LEASE_MS: '10000' }),
      log,
      updateAgenda: async () => undefined,
    });
    const today = todayInHelsinki();
    const closes = addDays(today, 14);
    const actor = { ...coordinator, tenantId: TENANT };
    const round = await w.service.createRound(
      actor,
      { surveyId: 'pulse', schoolIds: schools.map((s) => s.id), opensOn: today, closesOn: closes },
      { tenantId: TENANT, conversationId: 'a:coordinator', serviceUrl, channelId: 'msteams', scope: 'personal', botId: '28:opari' },
      'fi',
    );
    if (Array.isArray(round)) throw new Error(`round refused: ${JSON.stringify(round)}`);

    const started = Date.now();
    w.jobs.start();
    const everyone = [...connector.members.values()].flat();
    const deadline = Date.now() + 300_000;
    while (Date.now() < deadline && everyone.some((p) => !connector.delivered.get(`a:1on1-${p.id}`))) await new Promise((r) => setTimeout(r, 100));
    const seconds = (Date.now() - started) / 1000;
    w.jobs.stop();
    const copies = everyone.map((p) => connector.delivered.get(`a:1on1-${p.id}`) ?? 0);
    const { requests, refused } = connector.stats();
    console.log(`\nSurvey round: ${everyone.length} invited across ${schools.length} schools, a connector enforcing ${TENANT_RPS} requests/s per tenant and ${CONVERSATION_PER_S}/s per conversation`);
    console.log(`  delivered ${copies.filter((c) => c > 0).length}/${everyone.length} (duplicates ${copies.reduce((s, c) => s + Math.max(0, c - 1), 0)}) in ${seconds.toFixed(1)} s`);
    console.log(`  connector requests ${requests} (rosters, 1:1 chats, cards)   peak accepted ${connector.peak()}/s (limit ${TENANT_RPS})   refused with 429: ${refused}`);

    // 240 of them answer (80 %); then the results, first alone (in memory), then the whole close.
    const opened = (await w.rounds.getRound(round.id))!;
    const invitations = await w.rounds.invitations(round.id);
    for (const [k, inv] of invitations.slice(0, 240).entries()) {
      await w.service.answer({
        roundId: round.id,
        schoolId: inv.schoolId,
        person: inv.person,
        data: {
          vigour: String(1 + (k % 5)),
          exhaustion: String(1 + ((k * 3) % 5)),
          workload: String(1 + ((k * 7) % 5)),
          influence: '4',
          respect: String(2 + (k % 4)),
          sharedTask: '5',
          workAbility: String(k % 11),
          profession: ['teacher', 'assistant', 'welfare', 'principal'][k % 4],
        },
      });
    }
    const answers = await w.rounds.answers(round.id);
    const units = reportingUnits(opened.schools.map((s) => ({ schoolId: s.schoolId, municipality: s.municipality, invited: s.invited })));
    const t0 = process.hrtime.bigint();
    const computed = computeResults({ def: w.surveys.get('pulse')!, units, answers, mask: (t) => t, shuffle: (x) => x });
    const computeMs = Number(process.hrtime.bigint() - t0) / 1e6;
    await w.service.requestClose(actor, round.id);
    await w.rounds.updateRound(round.id, (r) => ({ ...r, closingSince: new Date(Date.now() - 60_000).toISOString() }));
    const t1 = Date.now();
    await w.jobs.tick();
    const closeMs = Date.now() - t1;
    const shown = computed.units.filter((u) => u.respondents !== null).length;
    console.log(`  results of ${answers.length} answers: computed in ${computeMs.toFixed(1)} ms (target < 1000 ms); ${computed.units.length} reporting units, ${shown} with figures`);
    console.log(`  whole close (results, sealing, deleting marks and invitations, ${computed.units.length} group deliveries + coordinator): ${closeMs} ms`);
  } finally {
    await store.close();
    connector.server.close();
    await cosmos.stop();
  }
}
