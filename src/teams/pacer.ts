/**
 * Teams' limits for a bot's messages (learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit):
 * per bot per conversation 7 per second, 8 per 2 s, 60 per 30 s and 1800 per hour; per app per tenant
 * 50 requests per second. A proactive send waits here for a free slot, so a burst of reminders or notices
 * is spread out instead of throttled; a 429 with Retry-After holds that conversation until then.
 * One instance paces its own sends: N instances behind a load balancer share the tenant's budget.
 */
export interface Limit {
  max: number;
  windowMs: number;
}

export const CONVERSATION_LIMITS: Limit[] = [
  { max: 7, windowMs: 1000 },
  { max: 8, windowMs: 2000 },
  { max: 60, windowMs: 30_000 },
  { max: 1800, windowMs: 3_600_000 },
];
export const TENANT_LIMITS: Limit[] = [{ max: 50, windowMs: 1000 }];

/**
 * Added to every window. The service counts a request when it arrives; the pacer counts a send from when
 * it finished (the latest it can have arrived), and a send still under way as happening now.
 */
const MARGIN_MS = 150;
/** How soon to look again when the slot is held by sends still under way. */
const IN_FLIGHT_POLL_MS = 25;
/** Conversations idle this long are forgotten (the longest window). */
const FORGET_MS = 3_600_000 + MARGIN_MS;

/** One request: when it finished, or undefined while it is under way. */
export interface Send {
  done?: number;
}

/** The sends of one conversation or tenant, and until when the service asked us to wait. */
class Window {
  private sends: Send[] = [];
  blockedUntil = 0;

  constructor(private readonly limits: Limit[]) {}

  /** How long until one more send keeps within every limit. */
  waitMs(now: number): number {
    let wait = this.blockedUntil - now;
    const times = this.sends.map((s) => s.done ?? now).sort((a, b) => a - b);
    for (const { max, windowMs } of this.limits) {
      const span = windowMs + MARGIN_MS;
      // At the limit when the max-th most recent send is still inside the window.
      const i = times.length - max;
      if (i >= 0 && times[i] > now - span) wait = Math.max(wait, times[i] >= now ? IN_FLIGHT_POLL_MS : times[i] + span - now);
    }
    return wait;
  }

  add(send: Send): void {
    this.sends.push(send);
    const keep = Math.max(...this.limits.map((l) => l.max));
    if (this.sends.length > keep) {
      const oldest = this.sends.findIndex((s) => s.done !== undefined);
      if (oldest >= 0) this.sends.splice(oldest, 1);
    }
  }

  idleSince(now: number): boolean {
    return this.blockedUntil < now && this.sends.every((s) => s.done !== undefined && s.done < now - FORGET_MS);
  }
}

export interface PacerOptions {
  conversationLimits?: Limit[];
  tenantLimits?: Limit[];
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class Pacer {
  private readonly conversations = new Map<string, Window>();
  private readonly tenants = new Map<string, Window>();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private sends = 0;

  constructor(private readonly opts: PacerOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  private window(map: Map<string, Window>, key: string, limits: Limit[]): Window {
    let w = map.get(key);
    if (!w) map.set(key, (w = new Window(limits)));
    return w;
  }

  /**
   * Resolves when one more request to this conversation keeps within Teams' limits, and counts it from then
   * on; the caller calls `finished` on the returned send when the request has been answered. A send that
   * would have to wait longer than `maxWaitMs` is refused at once with a PacedOutError (a 429 with
   * Retry-After), for the caller to retry later as it would a throttled request.
   */
  async acquire(tenantId: string, conversationId: string, maxWaitMs = Infinity): Promise<Send> {
    return this.slot(tenantId, this.window(this.conversations, conversationId, this.opts.conversationLimits ?? CONVERSATION_LIMITS), maxWaitMs);
  }

  /**
   * The same for a request that is not a message to a conversation (opening a 1:1 chat, reading a roster):
   * it counts only against the tenant's 50 per second, which every request of the app shares.
   */
  async acquireTenant(tenantId: string, maxWaitMs = Infinity): Promise<Send> {
    return this.slot(tenantId, undefined, maxWaitMs);
  }

  private async slot(tenantId: string, conversation: Window | undefined, maxWaitMs: number): Promise<Send> {
    const tenant = this.window(this.tenants, tenantId, this.opts.tenantLimits ?? TENANT_LIMITS);
    const started = this.now();
    for (;;) {
      const now = this.now();
      const wait = Math.max(conversation?.waitMs(now) ?? 0, tenant.waitMs(now));
      if (wait > 0 && now + wait - started > maxWaitMs) throw new PacedOutError(wait);
      if (wait <= 0) {
        const send: Send = {};
        conversation?.add(send);
        tenant.add(send);
        if (++this.sends % 1000 === 0) this.forgetIdle(now);
        return send;
      }
      await this.sleep(wait);
    }
  }

  /** The request was answered (or failed): it counts from now. */
  finished(send: Send): void {
    send.done = this.now();
  }

  /** The service answered 429: no request to this conversation before Retry-After has passed. */
  throttled(conversationId: string, retryAfterMs: number): void {
    const w = this.conversations.get(conversationId);
    if (w) w.blockedUntil = Math.max(w.blockedUntil, this.now() + retryAfterMs);
  }

  /** A request that counts only against the tenant was answered 429: no request of the tenant before Retry-After. */
  throttledTenant(tenantId: string, retryAfterMs: number): void {
    const w = this.tenants.get(tenantId);
    if (w) w.blockedUntil = Math.max(w.blockedUntil, this.now() + retryAfterMs);
  }

  private forgetIdle(now: number): void {
    for (const map of [this.conversations, this.tenants]) for (const [key, w] of map) if (w.idleSince(now)) map.delete(key);
  }
}

/** A send refused before it left: waiting for a free slot would take longer than its caller allows. */
export class PacedOutError extends Error {
  /** As a throttled connector call: status 429 with Retry-After (seconds), so senders retry it the same way. */
  readonly statusCode = 429;
  readonly response: { headers: { get(name: string): string | undefined } };

  constructor(readonly waitMs: number) {
    super(`Teams' rate limit leaves no slot for ${Math.ceil(waitMs)} ms`);
    this.name = 'PacedOutError';
    const seconds = String(Math.ceil(waitMs / 1000));
    this.response = { headers: { get: (name) => (name.toLowerCase() === 'retry-after' ? seconds : undefined) } };
  }
}
