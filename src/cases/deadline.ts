import { assertIsoDate } from '../time/date';
import { addWorkingDays, isWorkingDay } from '../time/holidays';
import { type SchoolCalendar, describeDay, walkSchoolWorkingDays } from '../time/schoolDays';

/**
 * OHL 15 § 1 mom. (oppilas- ja opiskelijahuoltolaki 1287/2013): a pupil must get to see the school
 * psychologist or kuraattori "viimeistään seitsemäntenä oppilaitoksen työpäivänä sen jälkeen, kun
 * [oppilas] on tätä pyytänyt"; "kiireellisessä tapauksessa … samana tai seuraavana työpäivänä". The same
 * applies when a guardian or another person makes the contact.
 *
 * - The count starts from the day the pupil (or guardian, or other person) asked: `requestedOn`, not the
 *   day a member of staff files the referral. The request day is day 0 and never counts.
 * - Non-urgent: `due` is the 7th school working day (oppilaitoksen työpäivä) after the request day, from
 *   the provider's term calendar (time/schoolDays.ts). Without a calendar, or for days outside its school years,
 *   weekdays minus public holidays are used and `calendarCovered` is false.
 * - Urgent: the rule says "työpäivä", not "oppilaitoksen työpäivä", and the county's psychologists and
 *   kuraattorit work in the school breaks, so urgent requests count ORDINARY working days, Monday–Friday
 *   less public holidays, whatever the term calendar says (the stricter reading; domain notes §9.10).
 *   `due` is the next working day after the request day; `earliest` is the "same day" of the rule: the
 *   request day if it is a working day, else `due`. When the school is closed on `due` (a break, a day
 *   off, the summer), `schoolClosed` says so, so the user is pointed to the county's services.
 */

export const OHL_15_RULE = 'OHL 15 §' as const;
/** School working days allowed for a non-urgent request. */
export const OHL_15_WORKING_DAYS = 7;
/** Ordinary working days allowed for an urgent request ("samana tai seuraavana työpäivänä"). */
export const OHL_15_URGENT_WORKING_DAYS = 1;

export interface DueDateInput {
  /** The day the pupil or guardian asked, in Europe/Helsinki, 'YYYY-MM-DD' (today: todayInHelsinki). */
  requestedOn: string;
  urgent: boolean;
  /** The education provider's term calendar; without it the weekday fallback is used. */
  calendar?: SchoolCalendar;
}

export interface DueDate {
  /** The last allowed day, 'YYYY-MM-DD'. */
  due: string;
  /** Urgent only: the "same day" of the rule — the request day if it is a working day, else `due`. */
  earliest?: string;
  /** `due` is this many working days after the request day (7, or 1 when urgent). */
  workingDays: number;
  /** 'school': school working days of the term calendar; 'working': Monday–Friday less public holidays (urgent). */
  basis: 'school' | 'working';
  /** The day the count started from: the request day (day 0). */
  countedFrom: string;
  /** False if the school-day count ran outside the calendar's school years (or had no calendar). Urgent: always true. */
  calendarCovered: boolean;
  /** Urgent only: the school is closed on `due`; the break's or day's name when the calendar gives one, else ''. */
  schoolClosed?: string;
  rule: typeof OHL_15_RULE;
}

export function dueDate(input: DueDateInput): DueDate {
  const { requestedOn, urgent, calendar } = input;
  assertIsoDate(requestedOn, 'requestedOn');
  if (!urgent) {
    const r = walkSchoolWorkingDays(calendar, requestedOn, OHL_15_WORKING_DAYS);
    return { due: r.date, workingDays: OHL_15_WORKING_DAYS, basis: 'school', countedFrom: requestedOn, calendarCovered: r.covered, rule: OHL_15_RULE };
  }
  const due = addWorkingDays(requestedOn, OHL_15_URGENT_WORKING_DAYS);
  const school = describeDay(calendar, due);
  return {
    due,
    earliest: isWorkingDay(requestedOn) ? requestedOn : due,
    workingDays: OHL_15_URGENT_WORKING_DAYS,
    basis: 'working',
    countedFrom: requestedOn,
    calendarCovered: true,
    ...(calendar && school.covered && !school.working ? { schoolClosed: school.label ?? '' } : {}),
    rule: OHL_15_RULE,
  };
}
