import { isIsoDate } from './time/date';

/**
 * Retry timing, one formula for every retry in Opari: "full jitter" exponential backoff, uniform in
 * [0, min(cap, base · 2^attempt)), which spreads the retries of many instances, with the server's own
 * wait (`Retry-After`, or Cosmos' retry-after) as a floor that is never shortened and not capped:
 * giving up on a long wait is the caller's decision. Pure: the random source and the clock are parameters.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/** Bot Connector sends (reminders, survey invitations): 429/5xx retried from 0.5 s up to 30 s apart. */
export const CONNECTOR_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000 };

/** Delay before retry number `attempt` (0 = the first retry); `floorMs` is the server's requested wait, if any. */
export function backoffMs(attempt: number, policy: BackoffPolicy, floorMs?: number, random: () => number = Math.random): number {
  if (!Number.isInteger(attempt) || attempt < 0) throw new RangeError(`attempt must be a whole number ≥ 0, not ${attempt}`);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 32));
  const jittered = Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
  return floorMs === undefined ? jittered : Math.max(jittered, Math.ceil(floorMs));
}

/** `backoffMs` for a Bot Connector call, with its `Retry-After` header (seconds or HTTP date; unreadable is ignored). */
export function nextBackoffMs(attempt: number, retryAfterHeader?: string, random: () => number = Math.random, now: () => number = Date.now): number {
  return backoffMs(attempt, CONNECTOR_BACKOFF, retryAfterHeader === undefined ? undefined : retryAfterMs(retryAfterHeader, now()), random);
}

/** The `Retry-After` header of a failed HTTP call (botframework's RestError or a plain header record). */
export function retryAfterHeader(err: unknown): string | undefined {
  const headers = (err as { response?: { headers?: { get?(n: string): string | undefined } | Record<string, string> } })?.response?.headers;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers as Record<string, string> | undefined)?.['retry-after'];
  return value ?? undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** IMF-fixdate of RFC 9110 §5.6.7, the only HTTP-date form senders may generate. */
const IMF_FIXDATE_RE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/** Milliseconds a `Retry-After` header asks to wait (delay-seconds or IMF-fixdate); undefined if absent or unreadable. */
export function retryAfterMs(header: string | undefined, nowMs: number = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const m = IMF_FIXDATE_RE.exec(value);
  if (!m) return undefined;
  const [month, h, mi, s] = [MONTHS.indexOf(m[2] as string) + 1, Number(m[4]), Number(m[5]), Number(m[6])];
  const date = `${m[3]}-${String(month).padStart(2, '0')}-${m[1]}`;
  if (!isIsoDate(date) || h > 23 || mi > 59 || s > 60) return undefined;
  return Math.max(0, Date.parse(`${date}T${m[4]}:${m[5]}:00Z`) + s * 1000 - nowMs);
}
