import { Temporal } from 'temporal-polyfill';
import { isIsoDate, plainDate } from './date';

/**
 * Helsinki wall clock ⇄ UTC, with Temporal and the IANA zone data (the polyfill reads it through
 * `Intl.DateTimeFormat`, i.e. Node's ICU). Neither the server's zone nor `Date`'s local getters are ever
 * used, and instants without an explicit zone are refused, because `Date.parse('2026-03-29T03:30')`
 * would silently read them in the server's local time.
 *
 * Daylight saving in Finland (EU rule): clocks go 03:00 EET → 04:00 EEST on the last Sunday of March and
 * 04:00 EEST → 03:00 EET on the last Sunday of October, both at 01:00 UTC. Temporal's 'compatible'
 * disambiguation is exactly the policy Opari keeps:
 * - Gap (March): wall times 03:00–03:59 do not exist. They are moved forward by the length of the gap
 *   (03:30 → 04:30), the reading a person arriving "at half past three" by an unchanged watch would get;
 *   `resolveHelsinkiTime` reports it with `shifted: true`.
 * - Overlap (October): wall times 03:00–03:59 happen twice. The first occurrence (EEST, UTC+3) is used,
 *   so nothing is ever scheduled later than the user could have meant; `ambiguous: true` reports it.
 *
 * Instants are ISO strings from `Date#toISOString` ('2026-03-29T01:30:00.000Z'): fixed width, so they
 * also sort chronologically as plain strings (e.g. in a Cosmos `ORDER BY dueUtc`).
 */

export const HELSINKI_TIME_ZONE = 'Europe/Helsinki';

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
/** ISO 8601 instant with an explicit zone (Z or ±HH:MM); seconds and fractions optional. */
const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** True for a wall-clock time 'HH:MM', 00:00–23:59 ('24:00' is refused: use 00:00 of the next day). */
export function isWallTime(s: unknown): s is string {
  return typeof s === 'string' && TIME_RE.test(s);
}

/** Milliseconds of an ISO 8601 instant that names its zone (Z or ±HH:MM); undefined for anything else. */
export function instantMs(iso: unknown): number | undefined {
  const m = typeof iso === 'string' ? INSTANT_RE.exec(iso) : null;
  // The date part is checked on its own: Date.parse would roll '2026-02-30' over to 2 March.
  if (!m || !isIsoDate(m[1])) return undefined;
  const ms = Date.parse(iso as string);
  return Number.isNaN(ms) ? undefined : ms;
}

const toIso = (z: Temporal.ZonedDateTime): string => new Date(z.epochMilliseconds).toISOString();
const hhmm = (z: Temporal.ZonedDateTime): string => z.toPlainTime().toString({ smallestUnit: 'minute' });
const inHelsinki = (ms: number): Temporal.ZonedDateTime => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(HELSINKI_TIME_ZONE);

export interface ResolvedHelsinkiTime {
  /** The instant, ISO UTC. */
  utc: string;
  /** Helsinki wall-clock date actually used, 'YYYY-MM-DD'. */
  date: string;
  /** Helsinki wall-clock time actually used, 'HH:MM' (04:30 when 03:30 fell in the March gap). */
  time: string;
  /** The requested wall time does not exist (March gap) and was moved forward by the gap's length. */
  shifted: boolean;
  /** The requested wall time happens twice (October overlap); the first occurrence (EEST) was chosen. */
  ambiguous: boolean;
  /** Helsinki's offset from UTC at `utc`, in minutes (120 EET, 180 EEST). */
  utcOffsetMinutes: number;
}

/**
 * The instant of Helsinki wall-clock `date` ('YYYY-MM-DD') `time` ('HH:MM'), with how DST affected it.
 * Throws a RangeError for an impossible date or time.
 */
export function resolveHelsinkiTime(date: string, time: string): ResolvedHelsinkiTime {
  if (!isWallTime(time)) throw new RangeError(`time must be 'HH:MM', got ${JSON.stringify(time)}`);
  const wall = plainDate(date).toPlainDateTime(Temporal.PlainTime.from(time));
  const z = wall.toZonedDateTime(HELSINKI_TIME_ZONE, { disambiguation: 'compatible' });
  const shifted = !z.toPlainDateTime().equals(wall);
  const ambiguous = !shifted && wall.toZonedDateTime(HELSINKI_TIME_ZONE, { disambiguation: 'later' }).epochMilliseconds !== z.epochMilliseconds;
  return { utc: toIso(z), date: z.toPlainDate().toString(), time: hhmm(z), shifted, ambiguous, utcOffsetMinutes: z.offsetNanoseconds / 60e9 };
}

/** ISO UTC instant of Helsinki wall-clock `date` `time`; DST as in `resolveHelsinkiTime`. */
export function helsinkiToUtc(date: string, time: string): string {
  return resolveHelsinkiTime(date, time).utc;
}

/** Helsinki wall clock at instant `ms`: date 'YYYY-MM-DD', time 'HH:MM', ISO weekday 1 = Monday … 7 = Sunday. */
export function helsinkiWallClock(ms: number): { date: string; time: string; weekday: number } {
  const z = inHelsinki(ms);
  return { date: z.toPlainDate().toString(), time: hhmm(z), weekday: z.dayOfWeek };
}

/**
 * The instant `days` days of the Helsinki wall clock and then `minutes` minutes of elapsed time before
 * instant `ms`. "1 day before" Monday 14:30 is Sunday 14:30 even across the DST night (23 or 25 real
 * hours; a wall time in the March gap moves forward, as everywhere); "1 hour before" is always 60 minutes.
 */
export function helsinkiBefore(ms: number, days: number, minutes: number): number {
  return inHelsinki(ms).subtract({ days }).subtract({ minutes }).epochMilliseconds;
}

/** Today's calendar date in Finland ('YYYY-MM-DD') at the instant `now`, whatever the server's time zone. */
export function todayInHelsinki(now: Date = new Date()): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('todayInHelsinki: invalid Date');
  return inHelsinki(now.getTime()).toPlainDate().toString();
}
