import { Temporal } from 'temporal-polyfill';

/**
 * Calendar dates written 'YYYY-MM-DD' (what Cosmos stores and `Input.Date` submits), computed as
 * `Temporal.PlainDate`: a date has no time of day and no zone, so neither the server's zone nor a DST
 * change can shift a day.
 */

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True if `s` is a real calendar date written 'YYYY-MM-DD' (so '2026-02-30' is false). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !DATE_RE.test(s)) return false;
  try {
    Temporal.PlainDate.from(s, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** Throws a RangeError unless `s` is a valid 'YYYY-MM-DD' date; `what` names the argument in the message. */
export function assertIsoDate(s: unknown, what = 'date'): asserts s is string {
  if (!isIsoDate(s)) throw new RangeError(`${what} must be a calendar date 'YYYY-MM-DD', got ${JSON.stringify(s)}`);
}

/** The date as a Temporal.PlainDate, after checking it is a real 'YYYY-MM-DD' date. */
export function plainDate(date: string): Temporal.PlainDate {
  assertIsoDate(date);
  return Temporal.PlainDate.from(date);
}

/** Builds 'YYYY-MM-DD' from numbers (month 1–12); throws a RangeError for an impossible date. */
export function isoDate(year: number, month: number, day: number): string {
  return Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' }).toString();
}

/** The UTC calendar date of an instant, 'YYYY-MM-DD': a YAML 1.1 parser reads a bare 2025-08-13 as its midnight UTC. */
export function utcDateOf(instant: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO('UTC').toPlainDate().toString();
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: string, n: number): string {
  return plainDate(date).add({ days: n }).toString();
}

/** Calendar days from `a` to `b` (positive if b is later). */
export function daysBetween(a: string, b: string): number {
  return plainDate(a).until(plainDate(b), { largestUnit: 'day' }).days;
}

/** ISO weekday: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export function isoWeekday(date: string): number {
  return plainDate(date).dayOfWeek;
}

/** True for Saturday and Sunday. */
export function isWeekend(date: string): boolean {
  return isoWeekday(date) >= 6;
}
