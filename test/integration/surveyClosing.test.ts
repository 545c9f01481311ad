import { join } from 'node:path';
import { Roles } from '../../src/cases/roles';
import { createLogger } from '../../src/log';
import type { Group, Meeting } from '../../src/meetings/model';
import { Groups, Meetings, Reminders } from '../../src/meetings/repository';
import { MeetingService } from '../../src/meetings/service';
import { openStore, type Store } from '../../src/store/cosmos';
import { CLOSE_GRACE_MS } from '../../src/surveys/closing';
import { loadSurveys } from '../../src/surveys/definitions';
import { SurveyJobs, type SurveyPort } from '../../src/surveys/jobs';
import type { Round } from '../../src/surveys/model';
import { SurveyRounds } from '../../src/surveys/repository';
import { SurveyResults } from '../../src/surveys/resultsRepository';
import { SurveyService } from '../../src/surveys/service';
import { startTestStore, type TestStore } from '../helpers/store';

const TENANT = 't-closing';
const ref = (conversationId: string) => ({ tenantId: TENANT, conversationId, serviceUrl: 'http://127.0.0.1:9/', channelId: 'msteams', scope: 'channel' as const, botId: '28:b' });

/**
 * Closing a round against the real repositories (embedded Cosmos) with a Teams port that fails on purpose:
 * a group Opari was removed from (403) is recorded and not retried forever; a failure that passes (503)
 * is retried on the next pass and each result reaches its target once.
 */
describe('closing a survey round', () => {
  let test: TestStore;
  let store: Store;
  let now = new Date();
  const sent: string[] = [];
  const failures = new Map<string, number[]>();
  const fail = (target: string) => {
    const status = failures.get(target)?.shift();
    if (status) throw Object.assign(new Error('refused'), { statusCode: status });
  };
  const port: SurveyPort = {
    members: async () => Array.from({ length: 9 }, (_, k) => ({ userId: `29:p${k}`, aadObjectId: `aad-${k}`, name: `Henkilö ${k}`, serviceUrl: 'http://127.0.0.1:9/' })),
    send: async (_r, inv) => {
      await slowSend?.(inv.person.userId);
    },
    toCoordinator: async () => {
      fail('coordinator');
      sent.push('coordinator');
    },
    toGroup: async (_r, _res, unitId, group: Group, meeting: Meeting | undefined) => {
      await slowGroup?.(group.id);
      fail(group.id);
      sent.push(`${group.id}:${unitId}:${meeting ? 'agenda' : 'no meeting'}`);
    },
  };
  /** Holds an invitation's send up (Teams' pacing, a Retry-After) when set. */
  let slowSend: ((userId: string) => Promise<void>) | undefined;
  /** Holds a group's delivery up (a slow connector) when set. */
  let slowGroup: ((groupId: string) => Promise<void>) | undefined;
  let jobs: SurveyJobs;
  let rounds: SurveyRounds;
  let service: SurveyService;
  /** Another instance's jobs on the same store (its own id), with the lease `leaseMs`. */
  let instance: (leaseMs: number) => SurveyJobs;

  beforeAll(async () => {
    test = await startTestStore('survey-closing');
    store = await openStore({ endpoint: test.cosmos.endpoint, key: test.env.COSMOS_KEY, database: 'survey-closing' }, createLogger('silent'));
    const groups = new Groups(store.container('groups'));
    const meetings = new MeetingService(groups, new Meetings(store.container('meetings')), new Reminders(store.container('reminders')), [], new Set(), () => now);
    for (const [id, school] of [
      ['g000000000000000000000001', 'koivurinne'],
      ['g000000000000000000000002', 'koivurinne'],
    ]) {
      await groups.create({
        id,
        tenantId: TENANT,
        type: 'communal',
        name: id,
        schoolId: school,
        ref: ref(`19:${id}@thread.tacv2`),
        chair: { userId: '29:c', name: 'C' },
        members: [],
        memberIds: ['29:c'],
        createdAt: '',
      });
    }
    const chair = { userId: '29:c', name: 'C' };
    const g1 = (await groups.get(TENANT, 'g000000000000000000000001'))!;
    expect(Array.isArray(await meetings.schedule(g1, chair, { title: 'OHR', place: '', rule: { kind: 'once', date: '2031-05-05', time: '14:00', durationMinutes: 60 } }, 'k-ohr'))).toBe(true);
    const roles = new Roles(store.container('roles'));
    await roles.grant(TENANT, 'koivurinne', 'koordinaattori', { userId: '29:k', name: 'K' }, 'admin');
    rounds = new SurveyRounds(store.container('surveyRounds'));
    const results = new SurveyResults(store.container('surveyResults'));
    const surveys = loadSurveys(join(__dirname, '..', '..', 'content', 'surveys'));
    service = new SurveyService({
      rounds,
      results,
      surveys,
      schools: [{ id: 'koivurinne', name: 'Koivurinteen koulu', provider: 'x', municipality: 'Esimerkkikunta' }],
      groups,
      roles,
      keyedHash: (t) =>
        t
          .replace(/[^a-z0-9]/gi, '')
          .slice(-40)
          .padStart(40, '0'),
      now: () => now,
    });
    instance = (leaseMs) =>
      new SurveyJobs({
        service,
        rounds,
        results,
        surveys,
        groups,
        meetings,
        port,
        keepRounds: 1,
        keepWords: new Set(),
        agendaTitle: () => 'Tulokset',
        leaseMs,
        pollMs: 1000,
        concurrency: 2,
        maxAttempts: 5,
        log: createLogger('silent'),
        now: () => now,
      });
    jobs = instance(1);
  });
  afterAll(async () => {
    await store.close();
    await test.stop();
  });

  /**
   * Instance `a` ticks while `install` makes one of its sends wait on `hold` (the first call waits, later ones
   * pass); meanwhile the clock moves ten leases on and instance `b` ticks; then the send goes on and `a` ends.
   */
  const outlastLease = async (a: SurveyJobs, b: SurveyJobs, leaseMs: number, install: (hold: () => Promise<void>) => void) => {
    let release = () => {};
    let held = false;
    const gate = new Promise<void>((r) => (release = r));
    install(async () => {
      if (held) return;
      held = true;
      await gate;
    });
    const working = a.tick();
    for (let i = 0; i < 200 && !held; i++) await new Promise((r) => setTimeout(r, 10));
    expect(held).toBe(true);
    now = new Date(now.getTime() + 10 * leaseMs);
    await new Promise((r) => setTimeout(r, 200));
    await b.tick();
    release();
    await working;
  };

  /** A pulse round for Koivurinne opening today, as the coordinator creates it. */
  const createRound = async (): Promise<Round> => {
    const day = (d: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date(now.getTime() + d * 24 * 3600_000));
    return (await service.createRound({ tenantId: TENANT, userId: '29:k', name: 'K' }, { surveyId: 'pulse', schoolIds: ['koivurinne'], opensOn: day(0), closesOn: day(7) }, ref('a:k'), 'fi')) as Round;
  };

  it('delivers each result once, records a removed group instead of retrying it, and retries a passing failure', async () => {
    const round = await createRound();
    expect(round.id).toMatch(/^r[0-9a-f]{16}$/);
    await jobs.tick();
    for (let k = 0; k < 6; k++)
      expect(await service.answer({ roundId: round.id, schoolId: 'koivurinne', person: { userId: `29:p${k}`, aadObjectId: `aad-${k}` }, data: { vigour: '4' } })).toMatchObject({ kind: 'saved' });
    await service.requestClose({ tenantId: TENANT, userId: '29:k', name: 'K' }, round.id);
    failures.set('coordinator', [503]);
    failures.set('g000000000000000000000002', [403]);
    now = new Date(now.getTime() + CLOSE_GRACE_MS + 1000);
    await jobs.tick(); // closes; the coordinator's send fails (503): nothing after it is delivered yet
    expect((await rounds.getRound(round.id))?.status).toBe('closed');
    expect(sent).toEqual([]);
    now = new Date(now.getTime() + 1000);
    await jobs.tick();
    await jobs.tick();
    expect(sent).toEqual(['coordinator', 'g000000000000000000000001:school:koivurinne:agenda']);
    const after = (await rounds.getRound(round.id))!;
    expect(after.finished).toBe(true);
    expect(after.delivered.sort()).toEqual(['coordinator', 'group:g000000000000000000000001:school:koivurinne', 'group:g000000000000000000000002:school:koivurinne']);
    expect((await rounds.active()).map((r) => r.id)).not.toContain(round.id);
  });

  it('keeps the round while a slow delivery lasts longer than its lease: a second instance does not deliver the results again', async () => {
    const round = await createRound();
    const leaseMs = 60;
    const [a, b] = [instance(leaseMs), instance(leaseMs)];
    await a.tick();
    for (let k = 0; k < 6; k++) await service.answer({ roundId: round.id, schoolId: 'koivurinne', person: { userId: `29:p${k}`, aadObjectId: `aad-${k}` }, data: { vigour: '3' } });
    await service.requestClose({ tenantId: TENANT, userId: '29:k', name: 'K' }, round.id);
    now = new Date(now.getTime() + CLOSE_GRACE_MS + 1000);
    sent.length = 0;

    // Instance A closes the round and hangs on the first group's delivery (a slow connector) far past the lease
    // it took: it renews the lease meanwhile, so instance B cannot take the round over.
    await outlastLease(a, b, leaseMs, (hold) => (slowGroup = (groupId) => (groupId === 'g000000000000000000000001' ? hold() : Promise.resolve())));
    slowGroup = undefined;

    expect(sent.filter((x) => x === 'coordinator')).toHaveLength(1);
    expect(sent.filter((x) => x.startsWith('g000000000000000000000001:'))).toHaveLength(1);
    expect(sent.filter((x) => x.startsWith('g000000000000000000000002:'))).toHaveLength(1);
    expect(await rounds.getRound(round.id)).toMatchObject({ status: 'closed', finished: true });
  });

  it('keeps an invitation claimed while its send lasts longer than the lease: a second instance does not send it again', async () => {
    const leaseMs = 60;
    const [a, b] = [instance(leaseMs), instance(leaseMs)];
    const sends: string[] = [];
    const round = await createRound();
    // Instance A opens the round and hangs on one invitation's send far past its lease: it renews the claim
    // meanwhile, so instance B does not send that invitation again.
    await outlastLease(a, b, leaseMs, (hold) => {
      slowSend = (userId) => {
        sends.push(userId);
        return userId === '29:p0' ? hold() : Promise.resolve();
      };
    });
    slowSend = undefined;

    expect(sends.filter((u) => u === '29:p0')).toHaveLength(1);
    expect(sends.length).toBe(new Set(sends).size);
    const invitations = (await rounds.invitations(round.id)).filter((i) => i.kind === 'invite');
    expect(invitations.map((i) => i.status)).toEqual(Array(9).fill('sent'));
  });
});
