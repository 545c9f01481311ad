import { Temporal } from 'temporal-polyfill';

/**
 * Calendar dates written 'YYYY-MM-DD' (what Cosmos stores and `Input.Date` submits). A date has no time of
 * day and no zone, so neither the server's zone nor a DST change can shift a day.
 *
 * Day arithmetic (adding days, weekdays, differences) is integer arithmetic on day numbers in the proleptic
 * Gregorian calendar (days from civil, H. Hinnant), the same calendar `Temporal.PlainDate` uses: the term
 * calendars' check walks every day of every school year at start-up, and the Temporal polyfill takes tens
 * of microseconds for each `add`. Anything with a zone or a wall-clock time goes through Temporal
 * (helsinki.ts); `plainDate` hands a date to it.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Year, month (1–12) and day of a real 'YYYY-MM-DD' date, or undefined. */
function partsOf(s: unknown): [number, number, number] | undefined {
  if (typeof s !== 'string') return undefined;
  const m = DATE_RE.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) ? [y, mo, d] : undefined;
}

/** 'YYYY-MM-DD' of a valid civil date. */
function written(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of a valid civil date. */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date 'YYYY-MM-DD' of a day number (days since 1970-01-01). */
function dateOfDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) throw new RangeError(`date out of range: year ${y}`);
  return written(y, m, d);
}

/** True if `s` is a real calendar date written 'YYYY-MM-DD' (so '2026-02-30' is false). */
export function isIsoDate(s: unknown): s is string {
  return partsOf(s) !== undefined;
}

/** Throws a RangeError unless `s` is a valid 'YYYY-MM-DD' date; `what` names the argument in the message. */
export function assertIsoDate(s: unknown, what = 'date'): asserts s is string {
  if (!isIsoDate(s)) throw new RangeError(`${what} must be a calendar date 'YYYY-MM-DD', got ${JSON.stringify(s)}`);
}

/** Year, month (1–12) and day of a 'YYYY-MM-DD' date; throws a RangeError unless it is a real date. */
export function dateParts(date: string, what = 'date'): { year: number; month: number; day: number } {
  const p = partsOf(date);
  if (!p) throw new RangeError(`${what} must be a calendar date 'YYYY-MM-DD', got ${JSON.stringify(date)}`);
  return { year: p[0], month: p[1], day: p[2] };
}

function dayNumberOf(date: string): number {
  const { year, month, day } = dateParts(date);
  return dayNumber(year, month, day);
}

/** The date as a Temporal.PlainDate, after checking it is a real 'YYYY-MM-DD' date. */
export function plainDate(date: string): Temporal.PlainDate {
  assertIsoDate(date);
  return Temporal.PlainDate.from(date);
}

/** Builds 'YYYY-MM-DD' from numbers (month 1–12); throws a RangeError for an impossible date. */
export function isoDate(year: number, month: number, day: number): string {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || year < 0 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar date: ${year}-${month}-${day}`);
  }
  return written(year, month, day);
}

/** The UTC calendar date of an instant, 'YYYY-MM-DD': a YAML 1.1 parser reads a bare 2025-08-13 as its midnight UTC. */
export function utcDateOf(instant: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO('UTC').toPlainDate().toString();
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`days must be an integer, got ${n}`);
  return dateOfDayNumber(dayNumberOf(date) + n);
}

/** Calendar days from `a` to `b` (positive if b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumberOf(b) - dayNumberOf(a);
}

/** ISO weekday: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumberOf(date) + 3) % 7) + 7) % 7) + 1;
}

/** True for Saturday and Sunday. */
export function isWeekend(date: string): boolean {
  return isoWeekday(date) >= 6;
}
