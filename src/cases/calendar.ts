import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { addDays, FIRST_SUPPORTED_YEAR, holidayName, isIsoDate, isoDate, isoWeekday, LAST_SUPPORTED_YEAR, type LocalizedName } from './holidays';

/**
 * School term calendars (content/calendars/<provider-id>.yml), one file per education provider
 * (koulutuksen järjestäjä), and the "school working day" (oppilaitoksen työpäivä, OHL 15 §) they define.
 *
 * A school year 'YYYY-YYYY' is the statutory lukuvuosi 1.8.–31.7. A date inside a configured school
 * year is a school working day when it is
 *   - a weekday (Mon–Fri); or a Saturday that is a term's last day (Finnish term calendars end on a
 *     Saturday that is a school day: "syyslukukausi … la 20.12.", and the school year's work ends on the
 *     last arkipäivä of week 22, the Saturday — perusopetusasetus 7 §); or a Saturday listed in
 *     `extraSchoolDays` (koulun työlauantai),
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

// ---------------------------------------------------------------------------------------------
// File format (zod)
// ---------------------------------------------------------------------------------------------

/** YAML 1.1 documents may turn 2025-08-13 into a Date; accept that and normalise to 'YYYY-MM-DD'. */
const dateString = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? isoDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) : v),
  z.string({ invalid_type_error: "expected a date 'YYYY-MM-DD'" }).refine(isIsoDate, { message: "expected a real calendar date 'YYYY-MM-DD'" }),
);

const range = z.object({ start: dateString, end: dateString }).strict();
const breakSchema = z.object({ name: z.string().min(1), start: dateString, end: dateString }).strict();
const singleDay = z.union([dateString, z.object({ date: dateString, name: z.string().min(1).optional() }).strict()], {
  errorMap: () => ({ message: "expected a date 'YYYY-MM-DD' or { date: YYYY-MM-DD, name: ... }" }),
});

const yearSchema = z
  .object({
    schoolYear: z.string().regex(/^\d{4}-\d{4}$/, "expected 'YYYY-YYYY', e.g. 2025-2026"),
    terms: z.array(range).min(1, 'at least one term is needed'),
    breaks: z.array(breakSchema).default([]),
    extraDaysOff: z.array(singleDay).default([]),
    extraSchoolDays: z.array(singleDay).default([]),
  })
  .strict();

const fileSchema = z
  .object({
    provider: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'expected an id of lower-case letters a–z, digits, - and _'),
    name: z.string().min(1),
    years: z.array(yearSchema).min(1, 'at least one school year is needed'),
  })
  .strict()
  .superRefine((cal, ctx) => {
    const seen = new Set<string>();
    cal.years.forEach((y, yi) => {
      const at = (...p: (string | number)[]): (string | number)[] => ['years', yi, ...p];
      const m = /^(\d{4})-(\d{4})$/.exec(y.schoolYear);
      if (!m) return; // already reported by the regex
      const first = Number(m[1]);
      if (Number(m[2]) !== first + 1) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: at('schoolYear'), message: `the second year must follow the first, e.g. ${first}-${first + 1}` });
        return;
      }
      if (first < FIRST_SUPPORTED_YEAR || first >= LAST_SUPPORTED_YEAR) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: at('schoolYear'), message: `school years ${FIRST_SUPPORTED_YEAR}-${FIRST_SUPPORTED_YEAR + 1} onwards are supported (current holiday rules)` });
        return;
      }
      if (seen.has(y.schoolYear)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: at('schoolYear'), message: `school year ${y.schoolYear} appears twice` });
      seen.add(y.schoolYear);
      const yStart = isoDate(first, 8, 1);
      const yEnd = isoDate(first + 1, 7, 31);
      const inYear = (d: string): boolean => d >= yStart && d <= yEnd;
      // Invalid dates were already reported by the field schema; check only real dates here.
      const checkRange = (r: { start: string; end: string }, p: (string | number)[]): void => {
        if (!isIsoDate(r.start) || !isIsoDate(r.end)) return;
        if (r.end < r.start) ctx.addIssue({ code: z.ZodIssueCode.custom, path: at(...p, 'end'), message: `end ${r.end} is before start ${r.start}` });
        for (const k of ['start', 'end'] as const) {
          if (!inYear(r[k])) ctx.addIssue({ code: z.ZodIssueCode.custom, path: at(...p, k), message: `${r[k]} is outside school year ${y.schoolYear} (${yStart} – ${yEnd})` });
        }
      };
      y.terms.forEach((t, i) => {
        checkRange(t, ['terms', i]);
        const prev = y.terms[i - 1];
        if (prev && isIsoDate(t.start) && isIsoDate(prev.end) && t.start <= prev.end) ctx.addIssue({ code: z.ZodIssueCode.custom, path: at('terms', i, 'start'), message: `term starts ${t.start}, before the previous term ends (${prev.end}); list terms in order without overlap` });
      });
      y.breaks.forEach((b, i) => checkRange(b, ['breaks', i]));
      y.extraDaysOff.forEach((d, i) => {
        const date = typeof d === 'string' ? d : d.date;
        if (isIsoDate(date) && !inYear(date)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: at('extraDaysOff', i), message: `${date} is outside school year ${y.schoolYear} (${yStart} – ${yEnd})` });
      });
      y.extraSchoolDays.forEach((d, i) => {
        const date = typeof d === 'string' ? d : d.date;
        if (!isIsoDate(date)) return;
        const holiday = holidayName(date);
        let problem: string | undefined;
        if (!inYear(date)) problem = `${date} is outside school year ${y.schoolYear} (${yStart} – ${yEnd})`;
        else if (isoWeekday(date) !== 6) problem = `${date} is not a Saturday (weekdays are school days anyway)`;
        else if (holiday) problem = `${date} is a public holiday (${holiday.fi})`;
        else if (!y.terms.some((t) => date >= t.start && date <= t.end)) problem = `${date} is not inside a term`;
        else if (y.breaks.some((b) => date >= b.start && date <= b.end)) problem = `${date} is inside a break`;
        if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: at('extraSchoolDays', i), message: problem });
      });
    });
  });

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

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
  /** Saturdays that are school working days (koulun työlauantai). */
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

/** A calendar file that failed to parse or validate; `message` names the file and each field. */
export class CalendarFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: string[],
  ) {
    super(`${file}: ${issues.join('; ')}`);
    this.name = 'CalendarFileError';
  }
}

function formatPath(path: (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out || '(root)';
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

/** Validates parsed YAML (or any object) as a calendar. `source` names it in error messages. */
export function parseCalendar(data: unknown, source: string): SchoolCalendar {
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) throw new CalendarFileError(source, parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`));
  const day = (d: string | { date: string; name?: string | undefined }): SingleDay =>
    typeof d === 'string' ? { date: d } : d.name ? { date: d.date, name: d.name } : { date: d.date };
  const years = parsed.data.years
    .map((y): SchoolYearCalendar => {
      const first = Number(y.schoolYear.slice(0, 4));
      return {
        schoolYear: y.schoolYear,
        start: isoDate(first, 8, 1),
        end: isoDate(first + 1, 7, 31),
        terms: y.terms.map((t) => ({ start: t.start, end: t.end })),
        breaks: y.breaks.map((b) => ({ name: b.name, start: b.start, end: b.end })),
        extraDaysOff: y.extraDaysOff.map(day),
        extraSchoolDays: y.extraSchoolDays.map(day),
      };
    })
    .sort((a, b) => (a.start < b.start ? -1 : 1));
  return { provider: parsed.data.provider, name: parsed.data.name, years, source };
}

/** Reads, parses and validates one calendar file. The `provider` id must equal the file name. */
export function loadCalendarFile(file: string): SchoolCalendar {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CalendarFileError(file, [`invalid YAML: ${(e as Error).message}`]);
  }
  const cal = parseCalendar(data, file);
  const id = basename(file, extname(file));
  if (cal.provider !== id) throw new CalendarFileError(file, [`provider: '${cal.provider}' must equal the file name '${id}'`]);
  return cal;
}

/**
 * Loads every `*.yml` / `*.yaml` file in `dir` (other files, e.g. README.md, are ignored), keyed by
 * provider id. A missing directory gives an empty map. Throws CalendarFileError for the first bad file.
 */
export function loadCalendars(dir: string): Map<string, SchoolCalendar> {
  const out = new Map<string, SchoolCalendar>();
  if (!existsSync(dir)) return out;
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort();
  for (const f of files) {
    const cal = loadCalendarFile(join(dir, f));
    if (out.has(cal.provider)) throw new CalendarFileError(join(dir, f), [`provider: '${cal.provider}' is defined by more than one file`]);
    out.set(cal.provider, cal);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// School working days
// ---------------------------------------------------------------------------------------------

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
  const saturdaySchool: SingleDay | undefined =
    weekday === 6 ? (year.extraSchoolDays.find((d) => d.date === date) ?? (year.terms.some((t) => t.end === date) ? { date } : undefined)) : undefined;
  if (weekday >= 6 && !saturdaySchool) return { ...base, working: false, reason: 'weekend' };
  if (holiday) return { ...base, working: false, reason: 'holiday', holiday };
  const off = year.extraDaysOff.find((d) => d.date === date);
  if (off) return { ...base, working: false, reason: 'dayOff', ...(off.name ? { label: off.name } : {}) };
  const br = year.breaks.find((b) => date >= b.start && date <= b.end);
  if (br) return { ...base, working: false, reason: 'break', label: br.name };
  if (!year.terms.some((t) => date >= t.start && date <= t.end)) return { ...base, working: false, reason: 'outsideTerm' };
  return { ...base, working: true, reason: 'working', ...(saturdaySchool?.name ? { label: saturdaySchool.name } : {}) };
}

/** Is `date` a school working day (oppilaitoksen työpäivä)? */
export function isSchoolWorkingDay(cal: SchoolCalendar | undefined, date: string): boolean {
  return describeDay(cal, date).working;
}

/** Is `date` inside a school year that `cal` configures? */
export function isCalendarCovered(cal: SchoolCalendar | undefined, date: string): boolean {
  return yearOf(cal, date) !== undefined;
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

/** The `n`th school working day strictly after `date` (the day itself does not count); n = 0 gives `date`. */
export function addSchoolWorkingDays(cal: SchoolCalendar | undefined, date: string, n: number): string {
  return walkSchoolWorkingDays(cal, date, n).date;
}

/** The first school working day strictly after `date`. */
export function nextSchoolWorkingDay(cal: SchoolCalendar | undefined, date: string): string {
  return walkSchoolWorkingDays(cal, date, 1).date;
}

/** Number of school working days from `from` to `to`, both inclusive (0 if to < from). */
export function countSchoolWorkingDays(cal: SchoolCalendar | undefined, from: string, to: string): number {
  isoWeekday(from);
  isoWeekday(to);
  let count = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isSchoolWorkingDay(cal, d)) count++;
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
