import type { Logger } from '../log';
import { INSTANCE_ID } from '../store/delivery';
import type { Group, Meeting, Reminder } from './model';
import type { Groups, Meetings, Reminders } from './repository';
import { nextBackoffMs, retryAfterHeader } from '../backoff';
import { classifyDue } from './schedule';

/**
 * Sends each due reminder at least once, and once unless an instance dies between a send and its record,
 * across any number of instances. Every instance polls; a reminder is taken by one conditional write under
 * the ETag its query returned (pending → claimed, with a lease), so only one instance sends it; a claim whose
 * lease ran out (its instance died or froze) is taken over. `sent` is recorded by one conditional write with
 * the claim's own ETag, right behind the send: that write's round trip is the only moment in which a death
 * makes the next instance send the reminder again. The Bot Connector takes no idempotency key, so that
 * moment cannot be closed, only kept short; a possible duplicate is preferred to a lost reminder.
 *
 * While this instance holds claims (sending, or waiting out a 429), one heartbeat renews their leases together;
 * before each send it checks that its lease still holds (a frozen process that wakes up late sends nothing
 * another instance has taken over). On stop, the claims it has not started to send are released at once.
 * 429 and 5xx from the connector are retried with exponential backoff and jitter, respecting Retry-After;
 * 403/404 (the bot was removed) stop at once.
 */
export interface DispatchOptions {
  leaseMs: number;
  graceMinutes: number;
  pollMs: number;
  maxAttempts: number;
  concurrency: number;
  log: Logger;
  now?: () => Date;
}

export interface ReminderPort {
  /** Posts the reminder to the group's conversation. */
  send(group: Group, meeting: Meeting, reminder: Reminder): Promise<void>;
  /** Tells the chair that a reminder failed (bot removed) or was missed (bot was down too long). */
  tellChair(group: Group, meeting: Meeting, reminder: Reminder, what: 'failed' | 'missed'): Promise<void>;
}

interface SendError {
  statusCode?: number;
  retryAfter?: string;
}

function errorOf(err: unknown): SendError {
  return { statusCode: (err as { statusCode?: number })?.statusCode, retryAfter: retryAfterHeader(err) };
}

/** A claim given back: pending again, for whichever instance polls next. */
const release =
  (instanceId: string) =>
  (x: Reminder): Reminder | undefined =>
    x.claimedBy === instanceId && x.status === 'claimed' ? { ...x, status: 'pending', claimedBy: undefined, leaseUntil: undefined } : undefined;

/** A claim this instance holds: the reminder as last written (its ETag), and one write at a time on it. */
interface Held {
  doc: Reminder;
  sending: boolean;
  lost: boolean;
  queue: Promise<unknown>;
}

export class ReminderDispatcher {
  readonly instanceId = INSTANCE_ID;
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private pass: Promise<unknown> | undefined;
  private stopping = false;
  private readonly held = new Map<string, Held>();
  private readonly sleepers = new Set<() => void>();
  private readonly now: () => Date;

  constructor(
    private readonly reminders: Reminders,
    private readonly meetings: Meetings,
    private readonly groups: Groups,
    private readonly port: ReminderPort,
    private readonly opts: DispatchOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
  }

  start(): void {
    const tick = () => {
      if (this.pass || this.stopping) return;
      this.pass = this.pollOnce()
        .catch((err: Error) => this.opts.log.warn({ event: 'reminders.poll.failed', type: err?.name }))
        .finally(() => (this.pass = undefined));
    };
    tick(); // at start: what fell due while no instance ran is sent now, or reported missed
    this.timer = setInterval(tick, this.opts.pollMs);
    this.timer.unref();
    this.heartbeat = setInterval(() => void this.renewAll(), Math.max(50, Math.floor(this.opts.leaseMs / 3)));
    this.heartbeat.unref();
  }

  /**
   * Stops polling, lets sends under way finish (at most `graceMs`), and gives back every claim not being sent,
   * so another instance takes it at its next poll instead of after the lease.
   */
  async stop(graceMs = 0): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    clearInterval(this.heartbeat);
    for (const wake of this.sleepers) wake();
    if (this.pass) await Promise.race([this.pass, new Promise((r) => setTimeout(r, graceMs).unref())]);
    const left = [...this.held.values()].filter((h) => !h.sending && !h.lost);
    await Promise.all(left.map((h) => this.write(h, release(this.instanceId)).catch(() => undefined)));
    if (left.length) this.opts.log.info({ event: 'reminders.released', count: left.length });
  }

  /** One pass: claim what is due (or whose claim expired), send it, or mark it missed past the grace period. */
  async pollOnce(): Promise<{ sent: number; failed: number; missed: number }> {
    const now = this.now();
    const today = now.toISOString().slice(0, 10);
    const yesterday = new Date(now.getTime() - 24 * 3600_000).toISOString().slice(0, 10);
    const due = await this.reminders.due([yesterday, today], now.toISOString());
    const result = { sent: 0, failed: 0, missed: 0 };
    const groups = new Map<string, Promise<Group | undefined>>(); // one read per group and pass
    const groupOf = (r: Reminder) => {
      if (!groups.has(r.groupId)) groups.set(r.groupId, this.groups.get(r.tenantId, r.groupId));
      return groups.get(r.groupId)!;
    };
    let next = 0;
    const worker = async () => {
      while (next < due.length && !this.stopping) {
        const outcome = await this.handle(due[next++], groupOf);
        if (outcome) result[outcome]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, due.length) }, worker));
    return result;
  }

  /** Writes one change on a held claim, after any write already under way on it, from its last known ETag. */
  private write(h: Held, change: (x: Reminder) => Reminder | undefined): Promise<{ changed: boolean; before?: Reminder }> {
    const run = async () => {
      let before: Reminder | undefined;
      const r = await this.reminders.change(h.doc.dueDay, h.doc.id, (x) => ((before = x), change(x)), h.doc);
      if (r.doc) h.doc = r.doc;
      return { changed: r.changed, before };
    };
    const done = h.queue.then(run, run);
    h.queue = done.catch(() => undefined);
    return done;
  }

  /** pending (or an expired claim) → `status`, in one conditional write under the ETag the query returned. */
  private async claim(r: Reminder, status: 'claimed' | 'missed'): Promise<Held | undefined> {
    const nowIso = this.now().toISOString();
    const free = r.status === 'pending' || (r.status === 'claimed' && (r.leaseUntil ?? '') < nowIso);
    if (!free) return undefined;
    const leaseUntil = new Date(this.now().getTime() + this.opts.leaseMs).toISOString();
    const next: Reminder = { ...r, status, claimedBy: this.instanceId, leaseUntil, attempts: status === 'claimed' ? r.attempts + 1 : r.attempts };
    const doc = await this.reminders.replaceIfMatch(next, r._etag!).catch(() => undefined);
    if (!doc) return undefined; // 412: another instance took it (or it changed); the next poll sees how
    const h: Held = { doc, sending: false, lost: false, queue: Promise.resolve() };
    if (status === 'claimed') this.held.set(r.id, h);
    return h;
  }

  /** Renews the leases of the claims held longer than a third of the lease, all in one pass. */
  private async renewAll(): Promise<void> {
    const threshold = new Date(this.now().getTime() + (2 * this.opts.leaseMs) / 3).toISOString();
    await Promise.all([...this.held.values()].filter((h) => !h.lost && (h.doc.leaseUntil ?? '') < threshold).map((h) => this.renew(h)));
  }

  private async renew(h: Held): Promise<boolean> {
    const leaseUntil = new Date(this.now().getTime() + this.opts.leaseMs).toISOString();
    const r = await this.write(h, (x) => (x.claimedBy === this.instanceId && x.status === 'claimed' ? { ...x, leaseUntil } : undefined)).catch(() => ({ changed: false }));
    if (!r.changed) h.lost = true;
    return r.changed;
  }

  /** Still ours to send: not given up, and a lease with at least a third left (renewed now if the heartbeat fell behind). */
  private async stillMine(h: Held): Promise<boolean> {
    if (this.stopping || h.lost) return false;
    const left = Date.parse(h.doc.leaseUntil ?? '') - this.now().getTime();
    return left > this.opts.leaseMs / 3 || (await this.renew(h));
  }

  private async handle(r: Reminder, groupOf: (r: Reminder) => Promise<Group | undefined>): Promise<'sent' | 'failed' | 'missed' | undefined> {
    const when = classifyDue(r, this.now().toISOString(), this.opts.graceMinutes);
    if (when === 'future') return undefined;
    if (when === 'missed') {
      const claimed = await this.claim(r, 'missed');
      if (!claimed) return undefined;
      this.opts.log.warn({ event: 'reminder.missed', reminderId: r.id, meetingId: r.meetingId });
      const meeting = await this.meetings.get(r.groupId, r.meetingId);
      const group = meeting ? await groupOf(r) : undefined;
      if (group && meeting) await this.port.tellChair(group, meeting, claimed.doc, 'missed').catch(() => undefined);
      return 'missed';
    }
    const h = await this.claim(r, 'claimed');
    if (!h) return undefined;
    try {
      return await this.deliver(h, groupOf);
    } finally {
      this.held.delete(r.id);
    }
  }

  private async deliver(h: Held, groupOf: (r: Reminder) => Promise<Group | undefined>): Promise<'sent' | 'failed' | undefined> {
    const r = h.doc;
    const meeting = await this.meetings.get(r.groupId, r.meetingId);
    const group = meeting ? await groupOf(r) : undefined;
    if (!group || !meeting || meeting.status === 'cancelled') {
      await this.write(h, (x) => (x.claimedBy === this.instanceId ? { ...x, status: 'cancelled', leaseUntil: undefined } : undefined));
      return undefined;
    }
    for (let attempt = 1; ; attempt++) {
      if (!(await this.stillMine(h))) {
        // Stopping: give the claim back now. Lost: another instance took it over while this one stood still.
        if (this.stopping && !h.lost) await this.write(h, release(this.instanceId)).catch(() => undefined);
        return undefined;
      }
      h.sending = true;
      try {
        await this.port.send(group, meeting, h.doc);
      } catch (err) {
        h.sending = false;
        const e = errorOf(err);
        const gone = e.statusCode === 403 || e.statusCode === 404;
        const retriable = !gone && (e.statusCode === 429 || (e.statusCode !== undefined && e.statusCode >= 500) || e.statusCode === undefined);
        if (!retriable || attempt >= this.opts.maxAttempts) {
          await this.write(h, (x) => (x.claimedBy === this.instanceId ? { ...x, status: 'failed', lastError: String(e.statusCode ?? 'network'), leaseUntil: undefined } : undefined));
          this.opts.log.warn({ event: 'reminder.failed', reminderId: r.id, meetingId: r.meetingId, status: e.statusCode ?? null, attempts: attempt });
          if (gone) await this.port.tellChair(group, meeting, h.doc, 'failed').catch(() => undefined);
          return 'failed';
        }
        const wait = nextBackoffMs(attempt, e.retryAfter);
        this.opts.log.info({ event: 'reminder.retry', reminderId: r.id, status: e.statusCode ?? null, attempt, waitMs: Math.round(wait) });
        await this.pause(wait); // the heartbeat keeps the claim meanwhile
        continue;
      }
      // Right behind the send: one conditional write with the claim's ETag (a read only if that write lost a race).
      const recorded = await this.write(h, (x) => ({ ...x, status: 'sent', sentAt: this.now().toISOString(), leaseUntil: undefined, lastError: undefined }));
      if (recorded.before && recorded.before.claimedBy !== this.instanceId) {
        // Taken over while this send was under way: the other instance may send it too.
        this.opts.log.warn({ event: 'reminder.lease-lost', reminderId: r.id, meetingId: r.meetingId, status: recorded.before.status });
      }
      this.opts.log.info({ event: 'reminder.sent', reminderId: r.id, meetingId: r.meetingId, attempts: attempt, delayMs: this.now().getTime() - Date.parse(r.dueUtc) });
      return 'sent';
    }
  }

  /** A backoff wait that a stop cuts short. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(t);
        this.sleepers.delete(done);
        resolve();
      };
      const t = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }
}
