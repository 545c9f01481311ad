import { randomInt } from 'node:crypto';
import type { Logger } from '../log';
import type { Group } from '../meetings/model';
import { keepLease, type KeptLease } from '../store/lease';
import type { Groups } from '../meetings/repository';
import type { MeetingService } from '../meetings/service';
import { todayInHelsinki } from '../time/helsinki';
import { reportingUnits } from './anonymity';
import type { SurveyDef } from './definitions';
import type { Round } from './model';
import { maskNames, namePatterns } from './mask';
import type { SurveyRounds } from './repository';
import { computeResults } from './results';
import type { RoundResults, SurveyResults } from './resultsRepository';
import type { SurveyPort } from './jobs';

/**
 * Closing a round, resumable step by step (each step finds what an earlier, interrupted attempt did):
 *  1. results: computed once from the answers, thresholded, stored (a second attempt finds them);
 *  2. seal: each school's answers into one document, shuffled, free text masked, profession dropped;
 *  3. delete the answers, the "has answered" marks and the invitations (who was invited);
 *  4. delete sealed answers of rounds of the same survey beyond the retention;
 *  5. deliver: the coordinator's card, and each school's communal group gets an agenda item on its next
 *     meeting and the results card; each delivery is recorded so a retry repeats none.
 * Answers are no longer taken from the moment closing starts; the grace period lets an answer that was
 * being written then either land before the results are computed or be taken back (service.answer).
 */
export const CLOSE_GRACE_MS = 10_000;

export interface ClosingDeps {
  surveys: Map<string, SurveyDef>;
  rounds: SurveyRounds;
  results: SurveyResults;
  groups: Groups;
  meetings: MeetingService;
  port: SurveyPort;
  /** Closed rounds per survey whose sealed answers are kept (this one included); older ones are deleted. */
  keepRounds: number;
  /** The agenda item's title for a group, in the language the group posts in. */
  agendaTitle(round: Round, results: RoundResults, unitId: string, group: Group): string;
  /** Words never masked in free text: school and municipality names. */
  keepWords: Set<string>;
  /** How long the claimed round is reserved for the instance closing it; renewed while it works. */
  leaseMs: number;
  log: Logger;
  now?: () => Date;
}

function shuffle<T>(xs: T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export async function closeRound(o: ClosingDeps, claimed: Round, instanceId: string): Promise<void> {
  const now = o.now?.() ?? new Date();
  let r: Round | undefined = claimed;
  if (r.status === 'closing' && now.getTime() - Date.parse(r.closingSince ?? r.closeAt) < CLOSE_GRACE_MS) return;
  // A slow close (a throttled group, a connector taking its time) must not let the lease run out under it, or
  // another instance would take the round over and deliver the same results again.
  const lease = holdLease(o, claimed.id, instanceId);
  try {
    if (r.status === 'closing') r = await finish(o, r, now);
    if (r?.status === 'closed' && !r.finished) await deliver(o, r, instanceId, lease);
  } finally {
    await lease.stop();
  }
}

/** Renews this instance's lease on the round while it works; lost once another instance holds the round. */
function holdLease(o: ClosingDeps, roundId: string, instanceId: string): KeptLease {
  const now = () => o.now?.() ?? new Date();
  return keepLease(
    () =>
      o.rounds
        .updateRound(roundId, (x) => (x.lease?.by === instanceId ? { ...x, lease: { by: instanceId, until: new Date(now().getTime() + o.leaseMs).toISOString() } } : undefined))
        .then((x) => !(x?.lease && x.lease.by !== instanceId)),
    o.leaseMs,
  );
}

async function finish(o: ClosingDeps, r: Round, now: Date): Promise<Round | undefined> {
  const def = o.surveys.get(r.surveyId)!;
  const invitations = await o.rounds.invitations(r.id);
  const known = namePatterns(invitations.map((i) => i.person.name));
  const mask = (t: string) => maskNames(t, known, o.keepWords);
  let results = await o.results.get(r.tenantId, r.id);
  const answers = await o.rounds.answers(r.id);
  if (!results) {
    const units = reportingUnits(r.schools.map((s) => ({ schoolId: s.schoolId, municipality: s.municipality, invited: s.invited }))).map((u) => {
      const fu = u.kind === 'school' ? r.schools.find((s) => s.schoolId === u.of)?.followUp : undefined;
      return { ...u, ...(fu ? { followUp: fu } : {}) };
    });
    const computed = computeResults({ def, units, answers, mask, shuffle });
    results = await o.results.put({
      id: `results-${r.id}`,
      tenantId: r.tenantId,
      kind: 'results',
      roundId: r.id,
      surveyId: r.surveyId,
      title: r.title,
      closedOn: todayInHelsinki(now),
      createdAt: now.toISOString(),
      ...computed,
    });
  }
  const profession = def.items.find((i) => i.background === 'profession')?.id;
  const texts = new Set(def.items.filter((i) => i.type === 'text').map((i) => i.id));
  if (o.keepRounds > 0) {
    for (const s of r.schools) {
      const mine = answers.filter((a) => a.schoolId === s.schoolId);
      if (mine.length === 0) continue;
      const sealed = shuffle(mine).map((a) => ({
        values: Object.fromEntries(
          Object.entries(a.values)
            .filter(([k]) => k !== profession)
            .map(([k, v]) => [k, texts.has(k) && typeof v === 'string' ? mask(v) : v]),
        ),
        day: a.day,
      }));
      await o.rounds.createSealed({ id: `sealed-${s.schoolId}`, roundId: r.id, kind: 'sealed', schoolId: s.schoolId, answers: sealed });
    }
  }
  // Counts first: a retry after the deletions below must not overwrite them with zeros.
  if (invitations.length) {
    const counts = { invited: r.counts.invited, sent: invitations.filter((i) => i.status === 'sent').length, failed: invitations.filter((i) => i.status === 'failed').length };
    await o.rounds.updateRound(r.id, (x) => ({ ...x, counts }));
  }
  await o.rounds.deleteAll(r.id, 'answer');
  await o.rounds.deleteAll(r.id, 'answered');
  await o.rounds.deleteAll(r.id, 'invite');
  const closed = await o.rounds.updateRound(r.id, (x) => (x.status === 'closing' ? { ...x, status: 'closed', closedAt: now.toISOString() } : undefined));
  await applyRetention(o, r);
  o.log.info({ event: 'surveys.round.closed', roundId: r.id, units: results.units.length });
  return closed;
}

async function applyRetention(o: ClosingDeps, r: Round): Promise<void> {
  const closed = (await o.rounds.ofTenant(r.tenantId)).filter((x) => x.surveyId === r.surveyId && x.status === 'closed').sort((a, b) => b.closeAt.localeCompare(a.closeAt));
  for (const old of closed.slice(Math.max(0, o.keepRounds))) {
    const n = await o.rounds.deleteAll(old.id, 'sealed');
    if (n) o.log.info({ event: 'surveys.sealed.deleted', roundId: old.id, documents: n });
  }
}

async function deliver(o: ClosingDeps, r: Round, instanceId: string, lease: KeptLease): Promise<void> {
  const results = (await o.results.get(r.tenantId, r.id))!;
  const done = new Set(r.delivered);
  const record = (key: string) => o.rounds.updateRound(r.id, (x) => (x.delivered.includes(key) ? undefined : { ...x, delivered: [...x.delivered, key] }));
  /**
   * One delivery, recorded once it is done. A conversation Opari was removed from (403/404) will not take
   * it later either: recorded and logged instead of retried forever. Other failures are retried next pass.
   */
  const once = async (key: string, send: () => Promise<unknown>) => {
    if (done.has(key)) return;
    if (lease.lost()) throw Object.assign(new Error('The round was taken over by another instance'), { name: 'LeaseLost' });
    try {
      await send();
    } catch (err) {
      const status = (err as { statusCode?: number })?.statusCode;
      if (status !== 403 && status !== 404) throw err;
      o.log.warn({ event: 'surveys.deliver.gone', roundId: r.id, target: key.split(':')[0], status });
    }
    await record(key);
    done.add(key);
  };
  await once('coordinator', () => o.port.toCoordinator(r, results));
  for (const unit of results.units) {
    for (const schoolId of unit.schoolIds) {
      for (const group of await o.groups.communalOf(r.tenantId, schoolId)) {
        await once(`group:${group.id}:${unit.unitId}`, async () => {
          const meeting = await o.meetings.addItemToNext(group, { title: o.agendaTitle(r, results, unit.unitId, group), source: `survey:${r.id}:${unit.unitId}` });
          await o.port.toGroup(r, results, unit.unitId, group, meeting);
        });
      }
    }
  }
  await o.rounds.updateRound(r.id, (x) => (x.lease?.by === instanceId || !x.lease ? { ...x, finished: true, lease: undefined } : undefined));
}
