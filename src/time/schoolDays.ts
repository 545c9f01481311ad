import { addDays, isoDate, isoWeekday } from './date';
import { holidayName, type LocalizedName } from './holidays';

/**
 * School term calendars, one per education provider (koulutuksen järjestäjä), and the "school working
 * day" (oppilaitoksen työpäivä, OHL 15 § 1 mom.) they define. The files and their checks: cases/calendarFile.ts.
 *
 * A school year 'YYYY-YYYY' is the statutory lukuvuosi 1.8.–31.7. A date inside a configured school
 * year is a school working day when it is
 *   - a weekday (Mon–Fri), or a Saturday the calendar lists in `extraSchoolDays` (a koulun työlauantai,
 *     or the Saturday of a joulujuhla or kevätjuhla when the school works that day): each provider
 *     decides its own working days, so a Saturday is a school day only when its calendar says so;
 *   - inside one of the year's terms,
 *   - not inside a break, not in `extraDaysOff`, and not a Finnish public holiday.
 * Decisions:
 *   - Summer holiday (and any other gap between terms) inside a configured school year is NOT school
 *     working days: the term calendar says the school is closed. `covered` is true there.
 *   - A date outside every configured school year (or with no calendar at all) falls back to
 *     "weekday and not a public holiday", and is reported with `covered: false` so the UI can say the
 *     deadline was computed without the provider's term calendar.
 */

const MAX_SCAN_DAYS = 366 * 20;

export interface DateRange {
  /** 'YYYY-MM-DD', inclusive */
  start: string;
  /** 'YYYY-MM-DD', inclusive */
  end: string;
}

export interface SchoolBreak extends DateRange {
  /** e.g. syysloma, joululoma, talviloma */
  name: string;
}

export interface SingleDay {
  date: string;
  name?: string;
}

export interface SchoolYearCalendar {
  /** 'YYYY-YYYY' */
  schoolYear: string;
  /** First day of the school year, 1.8. */
  start: string;
  /** Last day of the school year, 31.7. */
  end: string;
  terms: DateRange[];
  breaks: SchoolBreak[];
  /** Single weekdays off decided locally. */
  extraDaysOff: SingleDay[];
  /** Saturdays that are school working days (koulun työlauantai, a Saturday joulujuhla or kevätjuhla); no other Saturday is. */
  extraSchoolDays: SingleDay[];
}

export interface SchoolCalendar {
  /** Provider id, equal to the file name without .yml */
  provider: string;
  name: string;
  /** Sorted by start. */
  years: SchoolYearCalendar[];
  /** Where it was loaded from, if from a file. */
  source?: string;
}

export type DayReason = 'working' | 'weekend' | 'holiday' | 'dayOff' | 'break' | 'outsideTerm';

export interface DayStatus {
  date: string;
  /** Is it a school working day (oppilaitoksen työpäivä)? */
  working: boolean;
  /** False when the date is outside every school year of the calendar (or there is no calendar): weekday fallback. */
  covered: boolean;
  reason: DayReason;
  /** The configured school year the date falls in. */
  schoolYear?: string;
  /** Set when reason is 'holiday'. */
  holiday?: LocalizedName;
  /** Name of the break or local day off (reason 'break' / 'dayOff'), or of the työlauantai. */
  label?: string;
}

function yearOf(cal: SchoolCalendar | undefined, date: string): SchoolYearCalendar | undefined {
  return cal?.years.find((y) => date >= y.start && date <= y.end);
}

/** Why `date` is or is not a school working day under `cal` (undefined = no calendar: weekday fallback). */
export function describeDay(cal: SchoolCalendar | undefined, date: string): DayStatus {
  const weekday = isoWeekday(date); // validates the date
  const holiday = holidayName(date);
  const year = yearOf(cal, date);
  if (!year) {
    if (weekday >= 6) return { date, working: false, covered: false, reason: 'weekend' };
    if (holiday) return { date, working: false, covered: false, reason: 'holiday', holiday };
    return { date, working: true, covered: false, reason: 'working' };
  }
  const base = { date, covered: true, schoolYear: year.schoolYear };
  const saturdaySchool = weekday === 6 ? year.extraSchoolDays.find((d) => d.date === date) : undefined;
  if (weekday >= 6 && !saturdaySchool) return { ...base, working: false, reason: 'weekend' };
  if (holiday) return { ...base, working: false, reason: 'holiday', holiday };
  const off = year.extraDaysOff.find((d) => d.date === date);
  if (off) return { ...base, working: false, reason: 'dayOff', ...(off.name ? { label: off.name } : {}) };
  const br = year.breaks.find((b) => date >= b.start && date <= b.end);
  if (br) return { ...base, working: false, reason: 'break', label: br.name };
  if (!year.terms.some((t) => date >= t.start && date <= t.end)) return { ...base, working: false, reason: 'outsideTerm' };
  return { ...base, working: true, reason: 'working', ...(saturdaySchool?.name ? { label: saturdaySchool.name } : {}) };
}

/**
 * The `n`th school working day strictly after `date` (n = 0 gives `date` itself), and whether every
 * day looked at — from the day after `date` up to the result — lay inside the calendar's school years.
 */
export function walkSchoolWorkingDays(cal: SchoolCalendar | undefined, date: string, n: number): { date: string; covered: boolean } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  isoWeekday(date); // validates
  let d = date;
  let covered = cal !== undefined;
  let left = n;
  for (let scanned = 0; left > 0; scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw new RangeError(`no ${n} school working days found within ${MAX_SCAN_DAYS} days after ${date}`);
    d = addDays(d, 1);
    const s = describeDay(cal, d);
    if (!s.covered) covered = false;
    if (s.working) left--;
  }
  return { date: d, covered };
}

/** Number of school working days from `from` to `to`, both inclusive (0 if to < from). */
function countSchoolWorkingDays(cal: SchoolCalendar, from: string, to: string): number {
  let count = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (describeDay(cal, d).working) count++;
  return count;
}

/**
 * The statutory number of school working days in basic education for a school year 'YYYY-YYYY'
 * (perusopetuslaki 23 §): 190, less itsenäisyyspäivä, loppiainen and vappu when they fall on Mon–Fri.
 * Useful to check a calendar file: a provider's decided calendar normally has exactly this many.
 */
export function statutoryWorkingDays(schoolYear: string): number {
  const m = /^(\d{4})-(\d{4})$/.exec(schoolYear);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) throw new RangeError(`schoolYear must be 'YYYY-YYYY' with consecutive years, got ${JSON.stringify(schoolYear)}`);
  const first = Number(m[1]);
  const deducted = [isoDate(first, 12, 6), isoDate(first + 1, 1, 6), isoDate(first + 1, 5, 1)].filter((d) => isoWeekday(d) <= 5).length;
  return 190 - deducted;
}

/** School working days the calendar gives for a configured school year (undefined if not configured). */
export function schoolYearWorkingDays(cal: SchoolCalendar, schoolYear: string): number | undefined {
  const y = cal.years.find((x) => x.schoolYear === schoolYear);
  return y ? countSchoolWorkingDays(cal, y.start, y.end) : undefined;
}
