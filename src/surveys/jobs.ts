import { randomUUID } from 'node:crypto';
import type { Logger } from '../log';
import type { Group, Meeting } from '../meetings/model';
import { nextBackoffMs, retryAfterHeader } from '../backoff';
import type { Invitation, Lease, Round } from './model';
import type { SurveyRounds } from './repository';
import type { RoundResults } from './resultsRepository';
import { invitationId, type SurveyService } from './service';
import { closeRound, type ClosingDeps } from './closing';
import { keepLease, type KeptLease } from '../store/lease';

/**
 * The background work of survey rounds, for N instances sharing Cosmos: open a round (audiences →
 * invitations), send each invitation once, send the one reminder, close, deliver the results. Each step
 * is claimed under the document's ETag with a lease (like the meeting reminders): an instance that dies
 * leaves a lease that runs out, and another instance takes over. An invitation is recorded `sent` only
 * after the send succeeded; a crash between the two can repeat that one card, never lose it.
 * Teams' rate limits are kept by the proactive sender itself (teams/replies.ts); this job only retries
 * what the connector refused (429/5xx with Retry-After) and stops on 403/404 (app removed or blocked).
 */
export interface SurveyPort {
  /** Members of an audience's conversation (the school's team, or its communal group's chat). */
  members(audience: Round['schools'][number]['audience']): Promise<{ userId: string; aadObjectId?: string; name: string; serviceUrl: string }[]>;
  /** The survey card (or its reminder) to the person's personal chat. Throws with statusCode on failure. */
  send(round: Round, invitation: Invitation, what: 'invite' | 'reminder'): Promise<void>;
  /** The results card to the coordinator's personal chat. */
  toCoordinator(round: Round, results: RoundResults): Promise<void>;
  /** The unit's results card to a communal group (and its updated agenda card, when an item was added). */
  toGroup(round: Round, results: RoundResults, unitId: string, group: Group, meeting: Meeting | undefined): Promise<void>;
}

export interface JobOptions extends ClosingDeps {
  service: SurveyService;
  rounds: SurveyRounds;
  port: SurveyPort;
  pollMs: number;
  concurrency: number;
  maxAttempts: number;
  log: Logger;
  now?: () => Date;
}

function statusCode(err: unknown): { statusCode?: number; retryAfter?: string } {
  return { statusCode: (err as { statusCode?: number })?.statusCode, retryAfter: retryAfterHeader(err) };
}

export class SurveyJobs {
  readonly instanceId = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly now: () => Date;

  constructor(private readonly o: JobOptions) {
    this.now = o.now ?? (() => new Date());
  }

  start(): void {
    this.timer = setInterval(() => this.kick(), this.o.pollMs);
    this.timer.unref();
    this.kick();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Runs a pass now unless one is running (e.g. right after a round was created or closed). */
  kick(): void {
    if (this.running) return;
    this.running = this.tick()
      .catch((err: Error) => this.o.log.warn({ event: 'surveys.tick.failed', type: err?.name }))
      .finally(() => (this.running = undefined));
  }

  /** One pass over every round with work left. */
  async tick(): Promise<void> {
    for (const r of await this.o.rounds.active()) {
      try {
        await this.advance(r);
      } catch (err) {
        this.o.log.warn({ event: 'surveys.round.failed', roundId: r.id, type: (err as Error)?.name });
      }
    }
  }

  private async advance(round: Round): Promise<void> {
    let r: Round | undefined = round;
    const now = this.now().toISOString();
    if (r.status === 'scheduled' && now >= r.openAt) r = await this.open(r);
    if (r?.status === 'open' && now >= r.closeAt) r = await this.o.rounds.updateRound(r.id, (x) => (x.status === 'open' ? { ...x, status: 'closing', closingSince: now } : undefined));
    if (r?.status === 'open') {
      await this.sendDue(r);
      if (r.remindAt && now >= r.remindAt) await this.remindDue(r);
    }
    if (r?.status === 'closing' || (r?.status === 'closed' && !r.finished)) {
      const lease = await this.claimRound(r);
      if (lease) await closeRound(this.o, lease, this.instanceId);
    }
  }

  /** Claims the round for this instance (opening, closing, delivering), or undefined if another holds it. */
  private async claimRound(r: Round): Promise<Round | undefined> {
    const now = this.now();
    const lease: Lease = { by: this.instanceId, until: new Date(now.getTime() + this.o.leaseMs).toISOString() };
    try {
      const claimed = await this.o.rounds.updateRound(r.id, (x) => (x.lease && x.lease.until > now.toISOString() && x.lease.by !== this.instanceId ? undefined : { ...x, lease }));
      return claimed?.lease?.by === this.instanceId && claimed.lease.until === lease.until ? claimed : undefined;
    } catch {
      return undefined;
    }
  }

  /** Reads each school's audience and creates one invitation per member (idempotent ids), then opens the round. */
  private async open(r: Round): Promise<Round | undefined> {
    const claimed = await this.claimRound(r);
    if (!claimed || claimed.status !== 'scheduled') return undefined;
    const invited = new Map<string, number>();
    for (const s of claimed.schools) {
      const members = await this.o.port.members(s.audience).catch((err) => {
        this.o.log.warn({ event: 'surveys.audience.failed', roundId: r.id, schoolId: s.schoolId, status: statusCode(err).statusCode ?? null });
        return [];
      });
      const seen = new Set<string>();
      for (const m of members) {
        const id = invitationId(s.schoolId, m);
        if (seen.has(id)) continue;
        seen.add(id);
        await this.o.rounds.createInvitation({
          id,
          roundId: r.id,
          kind: 'invite',
          tenantId: r.tenantId,
          schoolId: s.schoolId,
          person: { userId: m.userId, ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}), name: m.name },
          serviceUrl: m.serviceUrl,
          status: 'pending',
          reminder: 'waiting',
          attempts: 0,
        });
      }
      invited.set(s.schoolId, seen.size);
    }
    const opened = await this.o.rounds.updateRound(r.id, (x) =>
      x.status !== 'scheduled'
        ? undefined
        : {
            ...x,
            status: 'open',
            invitationsReady: true,
            lease: undefined,
            schools: x.schools.map((s) => ({ ...s, invited: invited.get(s.schoolId) ?? 0 })),
            counts: { ...x.counts, invited: [...invited.values()].reduce((a, b) => a + b, 0) },
          },
    );
    this.o.log.info({ event: 'surveys.round.opened', roundId: r.id, schools: r.schools.length, invited: opened?.counts.invited ?? 0 });
    return opened;
  }

  private async pool<T>(items: T[], work: (x: T) => Promise<void>): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < items.length) await work(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(this.o.concurrency, items.length) }, worker));
  }

  private async sendDue(r: Round): Promise<void> {
    const due = await this.o.rounds.dueInvitations(r.id, this.now().toISOString());
    await this.pool(due, async (inv) => {
      const nowIso = this.now().toISOString();
      const lease: Lease = { by: this.instanceId, until: new Date(this.now().getTime() + this.o.leaseMs).toISOString() };
      const claimed = await this.o.rounds
        .updateInvitation(r.id, inv.id, (x) => {
          const free = (x.status === 'pending' && (!x.notBefore || x.notBefore <= nowIso)) || (x.status === 'claimed' && (x.lease?.until ?? '') < nowIso);
          return free ? { ...x, status: 'claimed', lease, attempts: x.attempts + 1 } : undefined;
        })
        .catch(() => undefined);
      if (!claimed || claimed.lease?.by !== this.instanceId || claimed.lease.until !== lease.until) return;
      // A send can wait a long time (Teams' pacing, a Retry-After): the claim must not run out under it.
      const kept = this.holdInvitation(r, inv.id, (x) => x.status === 'claimed');
      try {
        await this.o.port.send(r, claimed, 'invite');
        await kept.stop();
        await this.o.rounds.updateInvitation(r.id, inv.id, (x) => ({ ...x, status: 'sent', lease: undefined, notBefore: undefined, lastError: undefined }));
      } catch (err) {
        await kept.stop();
        await this.failed(r, claimed, err, 'status');
      }
    });
  }

  /** One reminder, a couple of days before closing, to those invited who have not answered. */
  private async remindDue(r: Round): Promise<void> {
    const due = await this.o.rounds.dueReminders(r.id, this.now().toISOString());
    await this.pool(due, async (inv) => {
      const nowIso = this.now().toISOString();
      if (inv.notBefore && inv.notBefore > nowIso) return;
      const lease: Lease = { by: this.instanceId, until: new Date(this.now().getTime() + this.o.leaseMs).toISOString() };
      const claimed = await this.o.rounds
        .updateInvitation(r.id, inv.id, (x) => (x.reminder === 'waiting' || (x.reminder === 'claimed' && (x.lease?.until ?? '') < nowIso) ? { ...x, reminder: 'claimed', lease } : undefined))
        .catch(() => undefined);
      if (!claimed || claimed.lease?.by !== this.instanceId || claimed.lease.until !== lease.until) return;
      const kept = this.holdInvitation(r, inv.id, (x) => x.reminder === 'claimed');
      try {
        const answered = await this.o.rounds.hasMark(r.id, this.o.service.markId(r.id, inv.schoolId, inv.person));
        if (!answered) await this.o.port.send(r, claimed, 'reminder');
        await kept.stop();
        // `done` either way: the invitation must not tell who answered.
        await this.o.rounds.updateInvitation(r.id, inv.id, (x) => ({ ...x, reminder: 'done', lease: undefined, notBefore: undefined }));
      } catch (err) {
        await kept.stop();
        await this.failed(r, claimed, err, 'reminder');
      }
    });
  }

  /** Renews this instance's claim on an invitation (while `claimed` says it is still claimed) until stopped. */
  private holdInvitation(r: Round, id: string, claimed: (x: Invitation) => boolean): KeptLease {
    const mine = (x: Invitation) => claimed(x) && x.lease?.by === this.instanceId;
    return keepLease(
      () =>
        this.o.rounds
          .updateInvitation(r.id, id, (x) => (mine(x) ? { ...x, lease: { by: this.instanceId, until: new Date(this.now().getTime() + this.o.leaseMs).toISOString() } } : undefined))
          .then((x) => !!x && mine(x)),
      this.o.leaseMs,
    );
  }

  /** 429/5xx/network: back to waiting after the backoff (Retry-After honoured); 403/404 or too many tries: failed. */
  private async failed(r: Round, inv: Invitation, err: unknown, step: 'status' | 'reminder'): Promise<void> {
    const e = statusCode(err);
    const gone = e.statusCode === 403 || e.statusCode === 404;
    const retriable = !gone && (e.statusCode === undefined || e.statusCode === 429 || e.statusCode >= 500) && inv.attempts < this.o.maxAttempts;
    const notBefore = new Date(this.now().getTime() + nextBackoffMs(inv.attempts, e.retryAfter)).toISOString();
    await this.o.rounds
      .updateInvitation(r.id, inv.id, (x) =>
        step === 'status'
          ? { ...x, status: retriable ? 'pending' : 'failed', lease: undefined, notBefore, lastError: String(e.statusCode ?? 'network') }
          : { ...x, reminder: retriable ? 'waiting' : 'done', lease: undefined, notBefore, attempts: x.attempts + 1 },
      )
      .catch(() => undefined);
    this.o.log.info({ event: retriable ? 'surveys.send.retry' : 'surveys.send.failed', roundId: r.id, step, status: e.statusCode ?? null, attempts: inv.attempts });
  }
}
