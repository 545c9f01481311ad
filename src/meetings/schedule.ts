import { z } from 'zod';
import { addDays, daysBetween, isIsoDate, isWeekend } from '../time/date';
import { helsinkiBefore, helsinkiWallClock, instantMs, isWallTime, resolveHelsinkiTime as resolveWallTime, type ResolvedHelsinkiTime } from '../time/helsinki';
import { holidayName, type LocalizedName } from '../time/holidays';

/**
 * Pure scheduling core of meetings (kokoukset): Helsinki wall clock ⇄ UTC, recurrence expansion,
 * reminder due times, holiday/weekend warnings and grace classification of overdue reminders.
 * No I/O, no clock reads.
 *
 * Time zone and daylight saving: Helsinki wall clock ⇄ UTC comes from time/helsinki.ts, which documents
 * the policy (a wall time in the March gap moves forward, one in the October overlap takes its first,
 * EEST occurrence). Instants are ISO strings from `Date#toISOString`.
 */

/** The issue's cap on occurrences of one recurrence, so a typo in `until` cannot create years of meetings. */
export const MAX_OCCURRENCES = 60;
/** Default reminder offsets: 1 day and 1 hour before the start. */
export const DEFAULT_REMINDER_OFFSETS_MINUTES: readonly number[] = [1440, 60];

const MINUTE_MS = 60_000;
const MINUTES_PER_DAY = 1440;
/** Longest meeting accepted: a whole day (seminars); anything longer is a typo. */
const MAX_DURATION_MINUTES = MINUTES_PER_DAY;
/** Furthest reminder offset accepted: 30 days before. */
const MAX_REMINDER_OFFSET_MINUTES = 30 * MINUTES_PER_DAY;

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

export type ScheduleIssueCode = 'invalid_date' | 'invalid_time' | 'until_before_start' | 'too_many_occurrences' | 'invalid';

export interface ScheduleIssue {
  /** Dotted path of the offending field ('time', 'dates.2', 'until'), '' for the whole input. */
  path: string;
  code: ScheduleIssueCode;
  /** English, for logs; the Teams edge localizes by `code` and `path`. */
  message: string;
}

/** Invalid scheduling input (bad date or time, out-of-range numbers, too many occurrences …). */
export class ScheduleValidationError extends Error {
  override readonly name = 'ScheduleValidationError';

  constructor(readonly issues: readonly ScheduleIssue[]) {
    super(issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; '));
  }
}

/** Calendar date 'YYYY-MM-DD' (a real date: '2026-02-30' is refused). */
export const dateSchema = z.string().refine(isIsoDate, { message: "must be a calendar date 'YYYY-MM-DD'", params: { code: 'invalid_date' } });
/** Wall-clock time 'HH:MM', 00:00–23:59 ('24:00' is refused: use 00:00 of the next day). */
export const timeSchema = z.string().refine(isWallTime, { message: "must be a time 'HH:MM' from 00:00 to 23:59", params: { code: 'invalid_time' } });

const occurrenceBase = {
  /** Helsinki wall-clock start time, kept on every occurrence across DST changes. */
  time: timeSchema,
  durationMinutes: z.number().int().min(1).max(MAX_DURATION_MINUTES),
};

/** Recurrence of the `kokous` form; `until` is inclusive. */
export const recurrenceRuleSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('once'), date: dateSchema, ...occurrenceBase }),
    z.object({ kind: z.literal('weekly'), start: dateSchema, everyWeeks: z.number().int().min(1).max(8), until: dateSchema, ...occurrenceBase }),
    z.object({ kind: z.literal('dates'), dates: z.array(dateSchema).min(1), ...occurrenceBase }),
  ])
  .superRefine((rule, ctx) => {
    if (rule.kind === 'weekly' && isIsoDate(rule.start) && isIsoDate(rule.until) && rule.until < rule.start) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['until'], message: 'must not be before start', params: { code: 'until_before_start' } });
    }
  });

export type RecurrenceRule = z.infer<typeof recurrenceRuleSchema>;

function issueCode(issue: z.ZodIssue): ScheduleIssueCode {
  return issue.code === z.ZodIssueCode.custom ? ((issue.params?.['code'] as ScheduleIssueCode | undefined) ?? 'invalid') : 'invalid';
}

function parseOrThrow<T extends z.ZodTypeAny>(schema: T, value: unknown, pathPrefix = ''): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new ScheduleValidationError(r.error.issues.map((i) => ({ path: [pathPrefix, ...i.path.map(String)].filter(Boolean).join('.'), code: issueCode(i), message: i.message })));
}

function invalid(path: string, code: ScheduleIssueCode, message: string): ScheduleValidationError {
  return new ScheduleValidationError([{ path, code, message }]);
}

// ---------------------------------------------------------------------------------------------
// Helsinki wall clock ⇄ UTC (validated here, computed in time/helsinki.ts)
// ---------------------------------------------------------------------------------------------

export type { ResolvedHelsinkiTime };

/**
 * The instant of Helsinki wall-clock `date` `time`, with how DST affected it: times in the March gap are
 * moved forward (`shifted`), times in the October overlap take their first, EEST occurrence (`ambiguous`).
 */
export function resolveHelsinkiTime(date: string, time: string): ResolvedHelsinkiTime {
  parseOrThrow(dateSchema, date, 'date');
  parseOrThrow(timeSchema, time, 'time');
  return resolveWallTime(date, time);
}

/** Parses an ISO 8601 instant that names its zone (Z or ±HH:MM); anything else would be read as server-local time. */
function parseInstant(iso: string, path: string): number {
  const ms = instantMs(iso);
  if (ms === undefined) throw invalid(path, 'invalid', `must be an ISO 8601 instant with a zone, e.g. '2026-03-29T01:30:00.000Z', got ${JSON.stringify(iso)}`);
  return ms;
}

/** Helsinki wall clock of an instant: date 'YYYY-MM-DD', time 'HH:MM', ISO weekday 1 = Monday … 7 = Sunday. */
export function utcToHelsinki(iso: string): { date: string; time: string; weekday: number } {
  return helsinkiWallClock(parseInstant(iso, 'iso'));
}

// ---------------------------------------------------------------------------------------------
// Recurrence
// ---------------------------------------------------------------------------------------------

export interface Occurrence {
  /** Helsinki wall-clock date of the start. */
  date: string;
  /** Helsinki wall-clock start time; differs from the rule's time only when `shifted`. */
  time: string;
  startUtc: string;
  /** `durationMinutes` of real time after the start (a meeting across the DST night still lasts as long). */
  endUtc: string;
  /** The rule's time fell in the March gap on this date and was moved forward (see resolveHelsinkiTime). */
  shifted: boolean;
}

/**
 * The occurrences of a recurrence, sorted by start and without duplicates. Every occurrence keeps the
 * rule's Helsinki wall-clock time, so its UTC instant moves by an hour across a DST change.
 * Throws ScheduleValidationError on invalid input or more than MAX_OCCURRENCES occurrences.
 */
export function expandRecurrence(rule: RecurrenceRule): Occurrence[] {
  const r = parseOrThrow(recurrenceRuleSchema, rule);
  let dates: string[];
  switch (r.kind) {
    case 'once':
      dates = [r.date];
      break;
    case 'weekly': {
      // Counted before expanding, so an absurd `until` fails fast instead of building a huge list.
      const count = Math.floor(daysBetween(r.start, r.until) / (7 * r.everyWeeks)) + 1;
      if (count > MAX_OCCURRENCES) throw invalid('until', 'too_many_occurrences', `gives ${count} occurrences, at most ${MAX_OCCURRENCES} allowed`);
      dates = Array.from({ length: count }, (_, i) => addDays(r.start, i * 7 * r.everyWeeks));
      break;
    }
    case 'dates':
      dates = [...new Set(r.dates)].sort();
      if (dates.length > MAX_OCCURRENCES) throw invalid('dates', 'too_many_occurrences', `has ${dates.length} distinct dates, at most ${MAX_OCCURRENCES} allowed`);
      break;
  }
  return dates.map((date) => {
    const start = resolveHelsinkiTime(date, r.time);
    const endMs = Date.parse(start.utc) + r.durationMinutes * MINUTE_MS;
    return { date: start.date, time: start.time, startUtc: start.utc, endUtc: new Date(endMs).toISOString(), shifted: start.shifted };
  });
}

// ---------------------------------------------------------------------------------------------
// Reminders
// ---------------------------------------------------------------------------------------------

export interface ReminderTime {
  offsetMinutes: number;
  dueUtc: string;
}

const offsetsSchema = z.array(z.number().int().min(0).max(MAX_REMINDER_OFFSET_MINUTES));

/**
 * When each reminder is due, sorted by due time, one per distinct offset.
 *
 * An offset is split into whole days and the remaining minutes:
 * - whole days go back on the Helsinki wall clock: "1 day before" a Monday 14:30 meeting is Sunday
 *   14:30, which is what a user expects, even though across the DST night that is 23 (March) or 25
 *   (October) real hours. If that wall time falls in the March gap it is moved forward, as everywhere.
 * - the remaining minutes are real elapsed time: "1 hour before" is always 60 minutes before, even
 *   when the clocks change in between (a 04:30 meeting on the March night is reminded at 02:30).
 */
export function reminderTimes(startUtc: string, offsetsMinutes: readonly number[] = DEFAULT_REMINDER_OFFSETS_MINUTES): ReminderTime[] {
  const startMs = parseInstant(startUtc, 'startUtc');
  const offsets = [...new Set(parseOrThrow(offsetsSchema, offsetsMinutes, 'offsetsMinutes'))];
  return offsets
    .map((offsetMinutes) => ({ offsetMinutes, dueMs: helsinkiBefore(startMs, Math.floor(offsetMinutes / MINUTES_PER_DAY), offsetMinutes % MINUTES_PER_DAY) }))
    .sort((a, b) => a.dueMs - b.dueMs || b.offsetMinutes - a.offsetMinutes)
    .map(({ offsetMinutes, dueMs }) => ({ offsetMinutes, dueUtc: new Date(dueMs).toISOString() }));
}

/**
 * State of a reminder at `nowUtc`: 'future' before `dueUtc`; 'due' from `dueUtc` up to and including
 * `dueUtc + graceMinutes` (a restart inside the grace period still sends it); 'missed' after that.
 */
export function classifyDue(reminder: { dueUtc: string }, nowUtc: string, graceMinutes: number): 'future' | 'due' | 'missed' {
  const dueMs = parseInstant(reminder.dueUtc, 'dueUtc');
  const nowMs = parseInstant(nowUtc, 'nowUtc');
  parseOrThrow(z.number().finite().min(0), graceMinutes, 'graceMinutes');
  if (nowMs < dueMs) return 'future';
  return nowMs <= dueMs + graceMinutes * MINUTE_MS ? 'due' : 'missed';
}

// ---------------------------------------------------------------------------------------------
// Warnings
// ---------------------------------------------------------------------------------------------

export type ScheduleWarningKind = 'weekend' | 'holiday';

export interface ScheduleWarnings {
  /** Empty when the date is an ordinary weekday; a Sunday holiday gives both. */
  warnings: ScheduleWarningKind[];
  /** The holiday's name in fi/sv/en when `warnings` includes 'holiday'. */
  holidayName?: LocalizedName;
}

/**
 * Warnings for a meeting on Helsinki date `date`: scheduling on a weekend or a Finnish public holiday is
 * allowed but worth a second look. Years before 1991 throw a RangeError (holiday rules differ).
 */
export function scheduleWarnings(date: string): ScheduleWarnings {
  parseOrThrow(dateSchema, date, 'date');
  const warnings: ScheduleWarningKind[] = [];
  if (isWeekend(date)) warnings.push('weekend');
  const name = holidayName(date);
  if (name) warnings.push('holiday');
  return name ? { warnings, holidayName: name } : { warnings };
}
