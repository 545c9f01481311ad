import { randomUUID } from 'node:crypto';
import type { Logger } from '../log';
import type { Group, Meeting, Reminder } from './model';
import type { Groups, Meetings, Reminders } from './repository';
import { classifyDue, nextBackoffMs } from './schedule';

/**
 * Sends each due reminder exactly once across any number of instances. Every instance polls; a reminder
 * is taken by an ETag-conditioned update (pending → claimed, with a lease), so only one instance sends it;
 * a claim whose lease ran out (its instance died) is taken over. 429 and 5xx from the connector are retried
 * with exponential backoff and jitter, respecting Retry-After; 403/404 (the bot was removed) stop at once.
 * A crash in the instant between a successful send and recording it can repeat that one reminder:
 * a possible duplicate is preferred to a lost reminder.
 */
export interface DispatchOptions {
  leaseMs: number;
  graceMinutes: number;
  pollMs: number;
  maxAttempts: number;
  concurrency: number;
  log: Logger;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
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
  const e = err as { statusCode?: number; response?: { headers?: { get?(n: string): string | undefined } | Record<string, string> } };
  const headers = e?.response?.headers as { get?(n: string): string | undefined } | Record<string, string> | undefined;
  const retryAfter = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers as Record<string, string> | undefined)?.['retry-after'];
  return { statusCode: e?.statusCode, retryAfter: retryAfter ?? undefined };
}

export class ReminderDispatcher {
  readonly instanceId = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly reminders: Reminders,
    private readonly meetings: Meetings,
    private readonly groups: Groups,
    private readonly port: ReminderPort,
    private readonly opts: DispatchOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  start(): void {
    const tick = () => {
      if (this.running) return;
      this.running = true;
      this.pollOnce()
        .catch((err: Error) => this.opts.log.warn({ event: 'reminders.poll.failed', type: err?.name }))
        .finally(() => (this.running = false));
    };
    tick(); // at start: what fell due while no instance ran is sent now, or reported missed
    this.timer = setInterval(tick, this.opts.pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One pass: claim what is due (or whose claim expired), send it, or mark it missed past the grace period. */
  async pollOnce(): Promise<{ sent: number; failed: number; missed: number }> {
    const now = this.now();
    const today = now.toISOString().slice(0, 10);
    const yesterday = new Date(now.getTime() - 24 * 3600_000).toISOString().slice(0, 10);
    const due = await this.reminders.due([yesterday, today], now.toISOString());
    const result = { sent: 0, failed: 0, missed: 0 };
    let next = 0;
    const worker = async () => {
      while (next < due.length) {
        const outcome = await this.handle(due[next++]);
        if (outcome) result[outcome]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, due.length) }, worker));
    return result;
  }

  private async claim(r: Reminder, status: 'claimed' | 'missed'): Promise<Reminder | undefined> {
    const nowIso = this.now().toISOString();
    const leaseUntil = new Date(this.now().getTime() + this.opts.leaseMs).toISOString();
    try {
      const claimed = await this.reminders.update(r.dueDay, r.id, (x) => {
        const free = x.status === 'pending' || (x.status === 'claimed' && (x.leaseUntil ?? '') < nowIso);
        if (!free) return undefined;
        return { ...x, status, claimedBy: this.instanceId, leaseUntil, attempts: status === 'claimed' ? x.attempts + 1 : x.attempts };
      });
      return claimed && claimed.claimedBy === this.instanceId && claimed.status === status && claimed.leaseUntil === leaseUntil ? claimed : undefined;
    } catch {
      return undefined; // lost the race repeatedly: another instance has it
    }
  }

  private async handle(r: Reminder): Promise<'sent' | 'failed' | 'missed' | undefined> {
    const when = classifyDue(r, this.now().toISOString(), this.opts.graceMinutes);
    if (when === 'future') return undefined;
    const meeting = await this.meetings.get(r.groupId, r.meetingId);
    const group = meeting ? await this.groups.get(r.tenantId, r.groupId) : undefined;
    if (when === 'missed') {
      const claimed = await this.claim(r, 'missed');
      if (!claimed) return undefined;
      this.opts.log.warn({ event: 'reminder.missed', reminderId: r.id, meetingId: r.meetingId });
      if (group && meeting) await this.port.tellChair(group, meeting, claimed, 'missed').catch(() => undefined);
      return 'missed';
    }
    const claimed = await this.claim(r, 'claimed');
    if (!claimed) return undefined;
    if (!group || !meeting || meeting.status === 'cancelled') {
      await this.reminders.update(r.dueDay, r.id, (x) => ({ ...x, status: 'cancelled' }));
      return undefined;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await this.port.send(group, meeting, claimed);
        await this.reminders.update(r.dueDay, r.id, (x) => ({ ...x, status: 'sent', sentAt: this.now().toISOString(), leaseUntil: undefined, lastError: undefined }));
        this.opts.log.info({ event: 'reminder.sent', reminderId: r.id, meetingId: r.meetingId, attempts: attempt, delayMs: this.now().getTime() - Date.parse(r.dueUtc) });
        return 'sent';
      } catch (err) {
        const e = errorOf(err);
        const gone = e.statusCode === 403 || e.statusCode === 404;
        const retriable = !gone && (e.statusCode === 429 || (e.statusCode !== undefined && e.statusCode >= 500) || e.statusCode === undefined);
        if (!retriable || attempt >= this.opts.maxAttempts) {
          await this.reminders.update(r.dueDay, r.id, (x) => ({ ...x, status: 'failed', lastError: String(e.statusCode ?? 'network'), leaseUntil: undefined }));
          this.opts.log.warn({ event: 'reminder.failed', reminderId: r.id, meetingId: r.meetingId, status: e.statusCode ?? null, attempts: attempt });
          if (gone) await this.port.tellChair(group, meeting, claimed, 'failed').catch(() => undefined);
          return 'failed';
        }
        const wait = nextBackoffMs(attempt, e.retryAfter);
        this.opts.log.info({ event: 'reminder.retry', reminderId: r.id, status: e.statusCode ?? null, attempt, waitMs: Math.round(wait) });
        // Keep the claim while waiting, so no other instance takes it over meanwhile.
        await this.reminders.update(r.dueDay, r.id, (x) => (x.claimedBy === this.instanceId ? { ...x, leaseUntil: new Date(this.now().getTime() + wait + this.opts.leaseMs).toISOString() } : undefined));
        await this.sleep(wait);
      }
    }
  }
}
