import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseYaml } from '../yamlFile';
import { z } from 'zod';
import { isIsoDate, isoDate, isoWeekday, utcDateOf } from '../time/date';
import { FIRST_SUPPORTED_YEAR, holidayName, LAST_SUPPORTED_YEAR } from '../time/holidays';
import { type SchoolCalendar, type SchoolYearCalendar, type SingleDay, schoolYearWorkingDays, statutoryWorkingDays } from '../time/schoolDays';

/**
 * The providers' term calendar files (content/calendars/<provider-id>.yml, format in its README.md):
 * parsing with zod, loading a directory, and the statutory check that start-up runs on every file.
 */

/** YAML 1.1 documents may turn 2025-08-13 into a Date; accept that and normalise to 'YYYY-MM-DD'. */
const dateString = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? utcDateOf(v) : v),
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
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: at('schoolYear'),
          message: `school years ${FIRST_SUPPORTED_YEAR}-${FIRST_SUPPORTED_YEAR + 1} onwards are supported (current holiday rules)`,
        });
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
        if (prev && isIsoDate(t.start) && isIsoDate(prev.end) && t.start <= prev.end)
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: at('terms', i, 'start'),
            message: `term starts ${t.start}, before the previous term ends (${prev.end}); list terms in order without overlap`,
          });
      });
      y.breaks.forEach((b, i) => checkRange(b, ['breaks', i]));
      y.extraDaysOff.forEach((d, i) => {
        const date = typeof d === 'string' ? d : d.date;
        if (isIsoDate(date) && !inYear(date))
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: at('extraDaysOff', i), message: `${date} is outside school year ${y.schoolYear} (${yStart} – ${yEnd})` });
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

/** Validates parsed YAML (or any object) as a calendar. `source` names it in error messages. */
export function parseCalendar(data: unknown, source: string): SchoolCalendar {
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success)
    throw new CalendarFileError(
      source,
      parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`),
    );
  const day = (d: string | { date: string; name?: string | undefined }): SingleDay => (typeof d === 'string' ? { date: d } : d.name ? { date: d.date, name: d.name } : { date: d.date });
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

/**
 * Perusopetuslaki 23 §: a school year has 190 working days, less itsenäisyyspäivä, loppiainen and vappu
 * when they fall on Mon–Fri. A calendar whose year has another count would move every OHL 15 §
 * deadline, so start-up refuses it. Returns the calendars when every year has the statutory count.
 */
export function checkStatutoryWorkingDays(calendars: Map<string, SchoolCalendar>): Map<string, SchoolCalendar> {
  for (const cal of calendars.values()) {
    const issues = cal.years.flatMap((y) => {
      const counted = schoolYearWorkingDays(cal, y.schoolYear);
      const statutory = statutoryWorkingDays(y.schoolYear);
      return counted === statutory
        ? []
        : [
            `school year ${y.schoolYear} has ${counted} school working days, the statutory number is ${statutory} (perusopetuslaki 23 §: 190 less itsenäisyyspäivä, loppiainen and vappu on Mon–Fri); check its terms, breaks, extraDaysOff and extraSchoolDays`,
          ];
    });
    if (issues.length) throw new CalendarFileError(cal.source ?? cal.provider, issues);
  }
  return calendars;
}
