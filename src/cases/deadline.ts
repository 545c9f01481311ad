import { type SchoolCalendar, isCalendarCovered, isSchoolWorkingDay, walkSchoolWorkingDays } from './calendar';
import { assertIsoDate } from './holidays';

/**
 * OHL 15 § (oppilas- ja opiskelijahuoltolaki 1287/2013): a pupil who asks must get to see the school
 * psychologist or kuraattori no later than on the 7th school working day (oppilaitoksen työpäivä) after
 * the request; in urgent cases on the same or the next working day.
 *
 * - Non-urgent: `due` is the 7th school working day AFTER the request day; the request day never counts.
 * - Urgent: `due` is the LATEST allowed day, the next school working day after the request day
 *   (workingDays = 1). `earliest` is the "same day" of the rule: the request day if it is a school
 *   working day, otherwise the same as `due` (a request on a Saturday or during a break is due on the
 *   first school working day after it).
 * - School working days come from the provider's term calendar (see calendar.ts). Without a calendar,
 *   or for days outside its school years, weekdays minus public holidays are used and
 *   `calendarCovered` is false.
 */

export const OHL_15_RULE = 'OHL 15 §' as const;
/** School working days allowed for a non-urgent request. */
export const OHL_15_WORKING_DAYS = 7;

export interface DueDateInput {
  /** Calendar date of the request in Europe/Helsinki, 'YYYY-MM-DD' (see todayInHelsinki). */
  requestedOn: string;
  urgent: boolean;
  /** The education provider's term calendar; without it the weekday fallback is used. */
  calendar?: SchoolCalendar;
}

export interface DueDate {
  /** The last allowed day, 'YYYY-MM-DD'. */
  due: string;
  /** Urgent only: the "same day" of the rule — the request day if it is a school working day, else `due`. */
  earliest?: string;
  /** `due` is this many school working days after the request day (7, or 1 when urgent). */
  workingDays: number;
  /** False if any day from the request day to `due` lay outside the calendar's school years (or no calendar). */
  calendarCovered: boolean;
  rule: typeof OHL_15_RULE;
}

export function dueDate(input: DueDateInput): DueDate {
  const { requestedOn, urgent, calendar } = input;
  assertIsoDate(requestedOn, 'requestedOn');
  if (!urgent) {
    const r = walkSchoolWorkingDays(calendar, requestedOn, OHL_15_WORKING_DAYS);
    return { due: r.date, workingDays: OHL_15_WORKING_DAYS, calendarCovered: r.covered, rule: OHL_15_RULE };
  }
  const next = walkSchoolWorkingDays(calendar, requestedOn, 1);
  const sameDay = isSchoolWorkingDay(calendar, requestedOn);
  return {
    due: next.date,
    earliest: sameDay ? requestedOn : next.date,
    workingDays: 1,
    calendarCovered: next.covered && isCalendarCovered(calendar, requestedOn),
    rule: OHL_15_RULE,
  };
}

const helsinkiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in Finland ('YYYY-MM-DD') at the instant `now`, whatever the server's time zone. */
export function todayInHelsinki(now: Date = new Date()): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('todayInHelsinki: invalid Date');
  const parts = helsinkiDate.formatToParts(now);
  const get = (t: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
