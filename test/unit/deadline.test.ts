import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { CalendarFileError, checkStatutoryWorkingDays, loadCalendarFile, loadCalendars, parseCalendar } from '../../src/cases/calendarFile';
import { dueDate } from '../../src/cases/deadline';
import { addDays, isIsoDate, isoWeekday } from '../../src/time/date';
import { todayInHelsinki } from '../../src/time/helsinki';
import { addWorkingDays, holidayName, isWorkingDay, type LocalizedName } from '../../src/time/holidays';
import { describeDay, type SchoolCalendar, schoolYearWorkingDays, statutoryWorkingDays, walkSchoolWorkingDays } from '../../src/time/schoolDays';

// The questions these tests ask, through the modules' public functions.
const isFinnishHoliday = (date: string): boolean => holidayName(date) !== undefined;
function finnishHolidays(year: number): { date: string; name: LocalizedName }[] {
  const out: { date: string; name: LocalizedName }[] = [];
  for (let d = `${year}-01-01`; d.startsWith(`${year}-`); d = addDays(d, 1)) {
    const name = holidayName(d);
    if (name) out.push({ date: d, name });
  }
  return out;
}
const easterSunday = (year: number): string | undefined => holidayOn(year, 'pääsiäispäivä');
const isoWeek = (date: string) => ({ year: Temporal.PlainDate.from(date).yearOfWeek, week: Temporal.PlainDate.from(date).weekOfYear });
function dateOfIsoWeek(isoYear: number, week: number, weekday: number): string {
  const jan4 = Temporal.PlainDate.from({ year: isoYear, month: 1, day: 4 }); // 4 January is always in ISO week 1
  return jan4
    .subtract({ days: jan4.dayOfWeek - 1 })
    .add({ days: (week - 1) * 7 + weekday - 1 })
    .toString();
}
const isSchoolWorkingDay = (cal: SchoolCalendar | undefined, date: string) => describeDay(cal, date).working;
const isCalendarCovered = (cal: SchoolCalendar | undefined, date: string) => describeDay(cal, date).covered;
const addSchoolWorkingDays = (cal: SchoolCalendar | undefined, date: string, n: number) => walkSchoolWorkingDays(cal, date, n).date;
const nextSchoolWorkingDay = (cal: SchoolCalendar | undefined, date: string) => addSchoolWorkingDays(cal, date, 1);
function countSchoolWorkingDays(cal: SchoolCalendar | undefined, from: string, to: string): number {
  let count = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isSchoolWorkingDay(cal, d)) count++;
  return count;
}

const CALENDAR_DIR = join(__dirname, '..', '..', 'content', 'calendars');
const calendars = loadCalendars(CALENDAR_DIR);
const E = calendars.get('esimerkkikunta') as SchoolCalendar;
const N = calendars.get('naapurikunta') as SchoolCalendar;

function holidayOn(year: number, fi: string): string | undefined {
  return finnishHolidays(year).find((h) => h.name.fi.split(', ').includes(fi))?.date;
}

/** The message of the error `fn` throws. */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

/** A valid one-year calendar object to break in validation tests. */
function validCalendar(): Record<string, unknown> {
  return {
    provider: 'testikunta',
    name: 'Testikunta',
    years: [
      {
        schoolYear: '2025-2026',
        terms: [
          { start: '2025-08-07', end: '2025-12-20' },
          { start: '2026-01-07', end: '2026-05-30' },
        ],
        breaks: [{ name: 'syysloma', start: '2025-10-13', end: '2025-10-17' }],
        extraDaysOff: [],
      },
    ],
  };
}

function withYear(patch: Record<string, unknown>): Record<string, unknown> {
  const c = validCalendar();
  c.years = [{ ...(c.years as Record<string, unknown>[])[0], ...patch }];
  return c;
}

// ---------------------------------------------------------------------------------------------

describe('Finnish public holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    // extremes and classic checks of the computus
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('Easter 2026 holidays: Good Friday 3.4., Easter Sunday 5.4., Easter Monday 6.4.; Holy Saturday is not a holiday', () => {
    expect(holidayOn(2026, 'pitkäperjantai')).toBe('2026-04-03');
    expect(holidayOn(2026, 'pääsiäispäivä')).toBe('2026-04-05');
    expect(holidayOn(2026, '2. pääsiäispäivä')).toBe('2026-04-06');
    expect(isFinnishHoliday('2026-04-04')).toBe(false);
    expect(isFinnishHoliday('2026-04-02')).toBe(false);
  });

  it('helatorstai is Easter + 39 (a Thursday) and helluntaipäivä Easter + 49 (a Sunday)', () => {
    expect(holidayOn(2026, 'helatorstai')).toBe('2026-05-14');
    expect(holidayOn(2026, 'helluntaipäivä')).toBe('2026-05-24');
    expect(holidayOn(2025, 'helatorstai')).toBe('2025-05-29');
    expect(holidayOn(2027, 'helatorstai')).toBe('2027-05-06');
    for (let y = 1991; y <= 2100; y++) {
      expect(isoWeekday(holidayOn(y, 'helatorstai') ?? '')).toBe(4);
      expect(isoWeekday(holidayOn(y, 'helluntaipäivä') ?? '')).toBe(7);
      expect(isoWeekday(holidayOn(y, 'pitkäperjantai') ?? '')).toBe(5);
    }
  });

  it.each([
    [2024, '2024-06-21', '2024-06-22'],
    [2025, '2025-06-20', '2025-06-21'],
    [2026, '2026-06-19', '2026-06-20'],
    [2027, '2027-06-25', '2027-06-26'],
    [2029, '2029-06-22', '2029-06-23'],
  ])('juhannus %i: aatto %s (Fri), päivä %s (Sat)', (year, eve, day) => {
    expect(holidayOn(year, 'juhannusaatto')).toBe(eve);
    expect(holidayOn(year, 'juhannuspäivä')).toBe(day);
    expect(isoWeekday(eve)).toBe(5);
    expect(isoWeekday(day)).toBe(6);
  });

  it.each([
    [2024, '2024-11-02'],
    [2025, '2025-11-01'],
    [2026, '2026-10-31'],
    [2027, '2027-11-06'],
    [2028, '2028-11-04'],
  ])('pyhäinpäivä %i is Saturday %s', (year, date) => {
    expect(holidayOn(year, 'pyhäinpäivä')).toBe(date);
    expect(isoWeekday(date)).toBe(6);
  });

  it('lists the 15 holidays of 2026 in date order, fixed dates included, all with fi/sv/en names', () => {
    const list = finnishHolidays(2026);
    expect(list).toHaveLength(15);
    expect(list.map((h) => h.date)).toEqual([...list.map((h) => h.date)].sort());
    for (const d of ['2026-01-01', '2026-01-06', '2026-05-01', '2026-12-06', '2026-12-24', '2026-12-25', '2026-12-26']) {
      expect(list.map((h) => h.date)).toContain(d);
    }
    for (const h of list) {
      expect(h.name.fi && h.name.sv && h.name.en).toBeTruthy();
      expect(h.date.startsWith('2026-')).toBe(true);
    }
  });

  it('juhannus, pyhäinpäivä always fall in their windows (1991–2100)', () => {
    for (let y = 1991; y <= 2100; y++) {
      const eve = holidayOn(y, 'juhannusaatto') ?? '';
      const saints = holidayOn(y, 'pyhäinpäivä') ?? '';
      expect(eve >= `${y}-06-19` && eve <= `${y}-06-25`).toBe(true);
      expect(saints >= `${y}-10-31` && saints <= `${y}-11-06`).toBe(true);
      expect(isoWeekday(saints)).toBe(6);
    }
  });

  it('merges vappu and helatorstai when they coincide (2008)', () => {
    const list = finnishHolidays(2008);
    expect(list).toHaveLength(14);
    expect(holidayName('2008-05-01')?.fi).toBe('vappu, helatorstai');
  });

  it('names holidays in Finnish, Swedish and English', () => {
    expect(holidayName('2026-04-06')).toEqual({ fi: '2. pääsiäispäivä', sv: 'annandag påsk', en: 'Easter Monday' });
    expect(holidayName('2025-12-06')).toEqual({ fi: 'itsenäisyyspäivä', sv: 'självständighetsdagen', en: 'Independence Day' });
    expect(holidayName('2026-01-06')?.fi).toBe('loppiainen');
    expect(holidayName('2026-04-07')).toBeUndefined();
  });

  it('isFinnishHoliday for fixed days and ordinary days', () => {
    expect(isFinnishHoliday('2025-12-24')).toBe(true);
    expect(isFinnishHoliday('2025-12-26')).toBe(true);
    expect(isFinnishHoliday('2025-12-27')).toBe(false);
    expect(isFinnishHoliday('2026-12-31')).toBe(false); // uudenvuodenaatto is not a holiday
    expect(isFinnishHoliday('2026-06-19')).toBe(true);
  });

  it('returned names are copies: mutating one does not change the next answer', () => {
    const a = holidayName('2026-01-01')!;
    a.fi = 'muutettu';
    expect(holidayName('2026-01-01')?.fi).toBe('uudenvuodenpäivä');
  });

  it('refuses years before the current rules (1991) and invalid dates', () => {
    expect(() => finnishHolidays(1990)).toThrow(RangeError);
    expect(() => isFinnishHoliday('2026-02-30')).toThrow(RangeError);
    expect(() => isFinnishHoliday('26-1-1')).toThrow(RangeError);
  });
});

describe('date helpers', () => {
  it('validates calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
  });

  it('adds days across month, year and DST boundaries without drifting', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });

  it('ISO weeks: week 22 of 2026 ends Saturday 30.5., 1.1.2027 belongs to week 53 of 2026', () => {
    expect(dateOfIsoWeek(2026, 22, 6)).toBe('2026-05-30');
    expect(dateOfIsoWeek(2025, 42, 1)).toBe('2025-10-13');
    expect(isoWeek('2026-05-30')).toEqual({ year: 2026, week: 22 });
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2025-12-29')).toEqual({ year: 2026, week: 1 });
  });
});

// ---------------------------------------------------------------------------------------------

describe('sample calendars (content/calendars)', () => {
  it('loads both example providers and ignores README.md', () => {
    expect([...calendars.keys()].sort()).toEqual(['esimerkkikunta', 'naapurikunta']);
    expect(E.years.map((y) => y.schoolYear)).toEqual(['2025-2026', '2026-2027', '2027-2028']);
    expect(N.years.map((y) => y.schoolYear)).toEqual(['2025-2026', '2026-2027']);
  });

  it.each(['esimerkkikunta', 'naapurikunta'])('%s has the statutory number of working days every year (perusopetuslaki 23 §)', (id) => {
    const cal = calendars.get(id) as SchoolCalendar;
    for (const y of cal.years) expect(schoolYearWorkingDays(cal, y.schoolYear)).toBe(statutoryWorkingDays(y.schoolYear));
  });

  it('the start-up check passes every sample calendar file', () => {
    expect(checkStatutoryWorkingDays(calendars)).toBe(calendars);
  });

  it('the start-up check refuses a year with another count, naming the file, the year and both counts', () => {
    // The example calendar without its listed joulujuhla and kevätjuhla Saturdays: two school days short.
    const { schoolYear, terms, breaks, extraDaysOff } = E.years[0]!;
    const short = parseCalendar({ provider: 'esimerkkikunta', name: 'x', years: [{ schoolYear, terms, breaks, extraDaysOff, extraSchoolDays: [] }] }, 'content/calendars/esimerkkikunta.yml');
    const msg = errorOf(() => checkStatutoryWorkingDays(new Map([['esimerkkikunta', short]])));
    expect(msg).toMatch(/^content\/calendars\/esimerkkikunta\.yml: school year 2025-2026 has 186 school working days, the statutory number is 188 \(perusopetuslaki 23 §/);
    expect(msg).not.toContain('\n');
    expect(() => checkStatutoryWorkingDays(new Map([['x', parseCalendar(validCalendar(), 'x.yml')]]))).toThrow(CalendarFileError);
  });

  it('reads a date that a YAML 1.1 parser made a Date as the same calendar date', () => {
    const asText = parseCalendar(validCalendar(), 'x.yml');
    const cal = validCalendar() as { years: { terms: { start: unknown; end: unknown }[] }[] };
    cal.years[0].terms[0] = { start: new Date('2025-08-07T00:00:00Z'), end: new Date('2025-12-20T00:00:00Z') };
    expect(parseCalendar(cal, 'x.yml')).toEqual(asText);
  });

  it('statutory count: 190 less itsenäisyyspäivä, loppiainen and vappu on Mon–Fri', () => {
    expect(statutoryWorkingDays('2025-2026')).toBe(188); // loppiainen Tue, vappu Fri
    expect(statutoryWorkingDays('2026-2027')).toBe(189); // loppiainen Wed
    expect(statutoryWorkingDays('2027-2028')).toBe(187); // all three on weekdays
  });

  it('esimerkkikunta follows the pattern: autumn break week 42, winter break week 9, work ends on Saturday of week 22', () => {
    for (const y of E.years) {
      const autumn = y.breaks.find((b) => b.name === 'syysloma');
      const winter = y.breaks.find((b) => b.name === 'talviloma');
      expect(isoWeek(autumn!.start).week).toBe(42);
      expect(isoWeekday(autumn!.start)).toBe(1);
      expect(isoWeek(winter!.start).week).toBe(9);
      const last = y.terms[y.terms.length - 1]!.end;
      expect(isoWeek(last).week).toBe(22);
      expect(isoWeekday(last)).toBe(6);
      expect([3, 4]).toContain(isoWeekday(y.terms[0]!.start)); // starts Wed or Thu
    }
  });

  it('naapurikunta has its winter break in week 8', () => {
    for (const y of N.years) expect(isoWeek(y.breaks.find((b) => b.name === 'talviloma')!.start).week).toBe(8);
  });
});

describe('school working days', () => {
  it('explains each kind of day', () => {
    expect(describeDay(E, '2026-03-11')).toMatchObject({ working: true, covered: true, reason: 'working', schoolYear: '2025-2026' });
    expect(describeDay(E, '2026-03-14')).toMatchObject({ working: false, covered: true, reason: 'weekend' });
    expect(describeDay(E, '2026-04-03')).toMatchObject({ working: false, reason: 'holiday', holiday: { fi: 'pitkäperjantai' } });
    expect(describeDay(E, '2025-10-15')).toMatchObject({ working: false, reason: 'break', label: 'syysloma' });
    expect(describeDay(E, '2026-07-01')).toMatchObject({ working: false, covered: true, reason: 'outsideTerm' });
    expect(describeDay(N, '2026-05-15')).toMatchObject({ working: false, reason: 'dayOff', label: 'helatorstain jälkeinen perjantai' });
    expect(describeDay(N, '2025-09-27')).toMatchObject({ working: true, reason: 'working', label: 'koulun työlauantai' });
    expect(describeDay(E, '2030-10-15')).toMatchObject({ working: true, covered: false, reason: 'working' });
    expect(describeDay(undefined, '2026-12-24')).toMatchObject({ working: false, covered: false, reason: 'holiday' });
  });

  it('a Saturday is a school day only when the calendar lists it (joulujuhla, kevätjuhla, työlauantai)', () => {
    expect(describeDay(E, '2025-12-20')).toMatchObject({ working: true, label: 'joulujuhla' });
    expect(describeDay(E, '2026-05-30')).toMatchObject({ working: true, label: 'kevätjuhla' });
    expect(isSchoolWorkingDay(E, '2025-12-13')).toBe(false);
    expect(isSchoolWorkingDay(E, '2026-05-31')).toBe(false);
    expect(isSchoolWorkingDay(undefined, '2026-05-30')).toBe(false);
    // A term that ends on a Saturday does not make that Saturday a school day by itself.
    const unlisted = parseCalendar(validCalendar(), 'testikunta.yml');
    expect(unlisted.years[0]!.terms[0]!.end).toBe('2025-12-20');
    expect(describeDay(unlisted, '2025-12-20')).toMatchObject({ working: false, reason: 'weekend' });
    expect(describeDay(unlisted, '2026-05-30')).toMatchObject({ working: false, reason: 'weekend' });
  });

  it('summer inside a configured school year is not school working days, but is covered', () => {
    expect(isSchoolWorkingDay(E, '2026-06-15')).toBe(false);
    expect(isCalendarCovered(E, '2026-06-15')).toBe(true);
    expect(isSchoolWorkingDay(E, '2026-08-11')).toBe(false); // day before the autumn term
    expect(isSchoolWorkingDay(E, '2026-08-12')).toBe(true);
  });

  it('outside every school year: weekdays minus holidays, not covered', () => {
    expect(isCalendarCovered(E, '2025-07-31')).toBe(false);
    expect(isCalendarCovered(E, '2025-08-01')).toBe(true);
    expect(isCalendarCovered(N, '2027-08-02')).toBe(false);
    expect(isSchoolWorkingDay(N, '2027-08-02')).toBe(true);
    expect(isSchoolWorkingDay(E, '2028-12-06')).toBe(false); // itsenäisyyspäivä, Wednesday, uncovered
  });

  it('nextSchoolWorkingDay is strictly after the date', () => {
    expect(nextSchoolWorkingDay(E, '2026-03-11')).toBe('2026-03-12');
    expect(nextSchoolWorkingDay(E, '2026-03-13')).toBe('2026-03-16');
    expect(nextSchoolWorkingDay(E, '2025-12-19')).toBe('2025-12-20'); // the listed joulujuhla Saturday
    expect(nextSchoolWorkingDay(N, '2025-12-19')).toBe('2026-01-07');
    expect(nextSchoolWorkingDay(E, '2026-02-20')).toBe('2026-03-02'); // over the winter break (week 9)
    expect(nextSchoolWorkingDay(N, '2026-02-13')).toBe('2026-02-23'); // over the winter break (week 8)
  });

  it('addSchoolWorkingDays: n = 0 is the day itself; negative or fractional n is refused', () => {
    expect(addSchoolWorkingDays(E, '2026-03-14', 0)).toBe('2026-03-14');
    expect(addSchoolWorkingDays(E, '2026-03-11', 2)).toBe('2026-03-13');
    expect(() => addSchoolWorkingDays(E, '2026-03-11', -1)).toThrow(RangeError);
    expect(() => addSchoolWorkingDays(E, '2026-03-11', 1.5)).toThrow(RangeError);
  });

  it('countSchoolWorkingDays counts both ends', () => {
    expect(countSchoolWorkingDays(E, '2026-03-09', '2026-03-13')).toBe(5);
    expect(countSchoolWorkingDays(E, '2025-10-13', '2025-10-17')).toBe(0);
    expect(countSchoolWorkingDays(undefined, '2025-10-13', '2025-10-17')).toBe(5);
    expect(countSchoolWorkingDays(E, '2026-03-13', '2026-03-09')).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe('OHL 15 § deadline, not urgent: 7th school working day after the request day', () => {
  it.each<[string, SchoolCalendar | undefined, string, string, boolean]>([
    // Easter 2026: Good Friday 3.4. and Easter Monday 6.4. do not count
    ['Wednesday before Easter 2026', E, '2026-04-01', '2026-04-14', true],
    ['Wednesday before Easter 2026, no calendar', undefined, '2026-04-01', '2026-04-14', false],
    // Christmas: the joulujuhla Saturday 20.12. counts because the calendar lists it, then the break until 6.1.
    ['Monday before Christmas (joulujuhla Sat 20.12. listed)', E, '2025-12-15', '2026-01-08', true],
    ['Monday before Christmas (term ends Fri 19.12.)', N, '2025-12-15', '2026-01-09', true],
    ['Monday before Christmas, no calendar (24.–26.12. are holidays)', undefined, '2025-12-15', '2025-12-29', false],
    // autumn break
    ['Friday before the autumn break (week 42)', E, '2025-10-10', '2025-10-28', true],
    ['Friday before the autumn break (week 43)', N, '2025-10-17', '2025-11-04', true],
    ['during the autumn break', E, '2025-10-15', '2025-10-28', true],
    // weekday holidays
    ['Friday before itsenäisyyspäivä on Monday 6.12.2027', E, '2027-12-03', '2027-12-15', true],
    ['Monday before itsenäisyyspäivä on Wednesday 6.12.2028, no calendar', undefined, '2028-12-04', '2028-12-14', false],
    ['in the Christmas break before loppiainen on Wednesday 6.1.2027', E, '2027-01-04', '2027-01-15', true],
    ['Monday before loppiainen on Wednesday 6.1.2027, no calendar', undefined, '2027-01-04', '2027-01-14', false],
    ['Thursday before vappu on Friday 1.5.2026', E, '2026-04-30', '2026-05-12', true],
    ['Friday before vappu on Monday 1.5.2028', E, '2028-04-28', '2028-05-10', true],
    ['across helatorstai 14.5.2026', E, '2026-05-11', '2026-05-21', true],
    ['across helatorstai and the Friday off after it', N, '2026-05-11', '2026-05-22', true],
    // Midsummer
    ['week of Midsummer 2026, no calendar (juhannusaatto Fri 19.6.)', undefined, '2026-06-15', '2026-06-25', false],
    // summer: the deadline runs into the next autumn term
    ['in the summer holiday', E, '2026-06-15', '2026-08-20', true],
    ['in the last week of the spring term (kevätjuhla Sat 30.5. listed)', E, '2026-05-25', '2026-08-13', true],
    ['summer before an uncovered school year: weekday fallback from 1.8.', N, '2027-06-14', '2027-08-10', false],
    ['summer before a covered school year', E, '2027-06-14', '2027-08-19', true],
    ['days before the first school year are uncovered', E, '2025-07-28', '2025-08-12', false],
    // working Saturday
    ['across a working Saturday', N, '2025-09-24', '2025-10-02', true],
    ['same week, no working Saturday', E, '2025-09-24', '2025-10-03', true],
    // weekend request
    ['on a Saturday', E, '2026-03-07', '2026-03-17', true],
    ['on a Sunday', E, '2026-03-08', '2026-03-17', true],
    // a year the calendar does not cover
    ['in 2030 (not in the calendar)', E, '2030-10-15', '2030-10-24', false],
  ])('%s: %s → due %s', (_label, calendar, requestedOn, due, covered) => {
    const r = dueDate({ requestedOn, urgent: false, ...(calendar ? { calendar } : {}) });
    expect(r).toEqual({ due, workingDays: 7, basis: 'school', countedFrom: requestedOn, calendarCovered: covered, rule: 'OHL 15 §' });
    expect(countSchoolWorkingDays(calendar, addDays(requestedOn, 1), due)).toBe(7);
    expect(isSchoolWorkingDay(calendar, due)).toBe(true);
  });

  it('counts from the day the pupil asked, not the day the form was filed: asked Mon 9.3.2026, filed Thu 12.3. → Wed 18.3.', () => {
    expect(dueDate({ requestedOn: '2026-03-09', urgent: false, calendar: E })).toMatchObject({ due: '2026-03-18', countedFrom: '2026-03-09' });
    // counting from the filing day would give Mon 23.3., three school days late
    expect(dueDate({ requestedOn: '2026-03-12', urgent: false, calendar: E }).due).toBe('2026-03-23');
  });

  it('the request day itself never counts', () => {
    expect(dueDate({ requestedOn: '2026-03-09', urgent: false, calendar: E }).due).toBe('2026-03-18');
    expect(dueDate({ requestedOn: '2026-03-08', urgent: false, calendar: E }).due).toBe('2026-03-17');
  });

  it('a request on the Friday before the autumn break is not due during the break week', () => {
    const r = dueDate({ requestedOn: '2025-10-10', urgent: false, calendar: E });
    expect(r.due > '2025-10-17').toBe(true);
    // a plain weekday count would wrongly give a day in or just after the break week
    expect(dueDate({ requestedOn: '2025-10-10', urgent: false }).due).toBe('2025-10-21');
  });

  it('refuses an invalid request date', () => {
    expect(() => dueDate({ requestedOn: '2026-02-30', urgent: false })).toThrow(RangeError);
    expect(() => dueDate({ requestedOn: '30.3.2026', urgent: true })).toThrow(/requestedOn/);
  });
});

describe('OHL 15 § deadline, urgent: the same or the next ordinary working day (Mon–Fri less public holidays)', () => {
  it.each<[string, SchoolCalendar | undefined, string, string, string, string | undefined]>([
    ['a working Wednesday', E, '2026-03-11', '2026-03-11', '2026-03-12', undefined],
    ['a working Friday → Monday', E, '2026-03-06', '2026-03-06', '2026-03-09', undefined],
    ['a Saturday → Monday', E, '2026-03-07', '2026-03-09', '2026-03-09', undefined],
    ['Thursday before Easter → Tuesday after', E, '2026-04-02', '2026-04-02', '2026-04-07', undefined],
    ['Good Friday → Tuesday after Easter', E, '2026-04-03', '2026-04-07', '2026-04-07', undefined],
    ['during the autumn break: the break days are working days', E, '2025-10-15', '2025-10-15', '2025-10-16', 'syysloma'],
    ['Saturday 30.5.2026 (kevätjuhla) → Monday 1.6.2026, not the autumn term', E, '2026-05-30', '2026-06-01', '2026-06-01', ''],
    ['Friday 19.12.2025 → Monday 22.12.2025, not after the Christmas break', E, '2025-12-19', '2025-12-19', '2025-12-22', 'joululoma'],
    ['Friday 19.12.2025, term ending that Friday → Monday 22.12.2025', N, '2025-12-19', '2025-12-19', '2025-12-22', 'joululoma'],
    ['Friday 19.12.2025 without a calendar → Monday 22.12.2025', undefined, '2025-12-19', '2025-12-19', '2025-12-22', undefined],
    ['Tuesday 23.12.2025 → Monday 29.12. over jouluaatto and the Christmas holidays', E, '2025-12-23', '2025-12-23', '2025-12-29', 'joululoma'],
    ['a working Saturday of the school is not an ordinary working day', N, '2025-09-26', '2025-09-26', '2025-09-29', undefined],
    ['helatorstai → the Friday after, a school day off', N, '2026-05-14', '2026-05-15', '2026-05-15', 'helatorstain jälkeinen perjantai'],
    ['juhannusaatto, no calendar → Monday', undefined, '2026-06-19', '2026-06-22', '2026-06-22', undefined],
    ['Friday in a year the calendar does not cover', E, '2030-10-18', '2030-10-18', '2030-10-21', undefined],
  ])('%s: %s → earliest %s, due %s', (_label, calendar, requestedOn, earliest, due, schoolClosed) => {
    const r = dueDate({ requestedOn, urgent: true, ...(calendar ? { calendar } : {}) });
    expect(r).toEqual({ due, earliest, workingDays: 1, basis: 'working', countedFrom: requestedOn, calendarCovered: true, ...(schoolClosed !== undefined ? { schoolClosed } : {}), rule: 'OHL 15 §' });
    expect(isWorkingDay(due)).toBe(true);
  });

  it('the day before the first school year: the county is open, the school has not started', () => {
    expect(dueDate({ requestedOn: '2025-07-31', urgent: true, calendar: E })).toMatchObject({ due: '2025-08-01', calendarCovered: true, schoolClosed: '' });
    // a non-urgent request made the same day only counts days inside the calendar
    expect(dueDate({ requestedOn: '2025-07-31', urgent: false, calendar: E })).toMatchObject({ due: '2025-08-15', calendarCovered: true });
  });

  it('ordinary working days: Monday–Friday less public holidays; n = 0 is the day itself', () => {
    expect(isWorkingDay('2025-12-24')).toBe(false);
    expect(isWorkingDay('2025-10-15')).toBe(true);
    expect(isWorkingDay('2025-09-27')).toBe(false);
    expect(addWorkingDays('2025-12-23', 1)).toBe('2025-12-29');
    expect(addWorkingDays('2026-03-14', 0)).toBe('2026-03-14');
    expect(() => addWorkingDays('2026-03-11', -1)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------

describe('todayInHelsinki', () => {
  it.each([
    // winter time EET = UTC+2
    ['2026-01-15T21:59:59Z', '2026-01-15'],
    ['2026-01-15T22:00:00Z', '2026-01-16'],
    ['2025-12-31T21:59:59Z', '2025-12-31'],
    ['2025-12-31T22:00:00Z', '2026-01-01'],
    // spring DST change: Sunday 29.3.2026 at 03:00 EET (01:00 UTC) clocks go to 04:00 EEST
    ['2026-03-28T21:59:59Z', '2026-03-28'], // 23:59:59 EET
    ['2026-03-28T22:00:00Z', '2026-03-29'], // 00:00 EET
    ['2026-03-28T22:30:00Z', '2026-03-29'], // 00:30 EET, before the change
    ['2026-03-29T00:59:59Z', '2026-03-29'], // 02:59:59 EET
    ['2026-03-29T01:00:00Z', '2026-03-29'], // 04:00 EEST
    ['2026-03-29T20:59:59Z', '2026-03-29'], // 23:59:59 EEST
    ['2026-03-29T21:00:00Z', '2026-03-30'], // 00:00 EEST (would still be the 29th at UTC+2)
    // summer time EEST = UTC+3
    ['2026-06-19T20:59:59Z', '2026-06-19'],
    ['2026-06-19T21:00:00Z', '2026-06-20'],
    // autumn DST change: Sunday 25.10.2026 at 04:00 EEST (01:00 UTC) clocks go back to 03:00 EET
    ['2026-10-24T20:59:59Z', '2026-10-24'], // 23:59:59 EEST
    ['2026-10-24T21:00:00Z', '2026-10-25'], // 00:00 EEST
    ['2026-10-25T21:30:00Z', '2026-10-25'], // 23:30 EET (would be the 26th at UTC+3)
    ['2026-10-25T22:00:00Z', '2026-10-26'], // 00:00 EET
  ])('%s is %s in Helsinki', (instant, date) => {
    expect(todayInHelsinki(new Date(instant))).toBe(date);
  });

  it('does not depend on the server time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(todayInHelsinki(new Date('2026-03-28T22:30:00Z'))).toBe('2026-03-29');
      process.env.TZ = 'Pacific/Kiritimati';
      expect(todayInHelsinki(new Date('2026-03-28T21:30:00Z'))).toBe('2026-03-28');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('defaults to now and refuses an invalid Date', () => {
    expect(isIsoDate(todayInHelsinki())).toBe(true);
    expect(() => todayInHelsinki(new Date('nonsense'))).toThrow(RangeError);
  });

  it('feeds dueDate: a request at 00:30 Helsinki time on Sunday counts from Sunday', () => {
    const requestedOn = todayInHelsinki(new Date('2026-03-28T22:30:00Z'));
    expect(requestedOn).toBe('2026-03-29');
    expect(dueDate({ requestedOn, urgent: true, calendar: E })).toMatchObject({ earliest: '2026-03-30', due: '2026-03-30' });
  });
});

// ---------------------------------------------------------------------------------------------

describe('calendar file validation', () => {
  it('accepts the valid base calendar and normalises single days', () => {
    const cal = parseCalendar(withYear({ extraDaysOff: ['2026-05-15'], extraSchoolDays: [{ date: '2025-09-27', name: 'työlauantai' }] }), 'testikunta.yml');
    expect(cal.years[0]).toMatchObject({
      schoolYear: '2025-2026',
      start: '2025-08-01',
      end: '2026-07-31',
      extraDaysOff: [{ date: '2026-05-15' }],
      extraSchoolDays: [{ date: '2025-09-27', name: 'työlauantai' }],
    });
  });

  it('accepts YAML 1.1 timestamps parsed as Dates', () => {
    const c = withYear({ terms: [{ start: new Date('2025-08-07T00:00:00Z'), end: new Date('2025-12-20T00:00:00Z') }] });
    expect(parseCalendar(c, 'x.yml').years[0]!.terms[0]).toEqual({ start: '2025-08-07', end: '2025-12-20' });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['end before start', withYear({ terms: [{ start: '2026-01-07', end: '2026-01-05' }] }), /years\[0\]\.terms\[0\]\.end: end 2026-01-05 is before start 2026-01-07/],
    ['impossible date', withYear({ breaks: [{ name: 'talviloma', start: '2026-02-30', end: '2026-03-06' }] }), /years\[0\]\.breaks\[0\]\.start: expected a real calendar date/],
    ['date written the Finnish way', withYear({ terms: [{ start: '7.8.2025', end: '2025-12-20' }] }), /years\[0\]\.terms\[0\]\.start/],
    ['missing terms', withYear({ terms: undefined }), /years\[0\]\.terms: Required/],
    ['empty terms', withYear({ terms: [] }), /years\[0\]\.terms: at least one term/],
    ['misspelt key', withYear({ brakes: [] }), /years\[0\]: Unrecognized key.*brakes/],
    ['bad school year', withYear({ schoolYear: '2025-2027' }), /years\[0\]\.schoolYear: the second year must follow the first/],
    ['school year before the current holiday rules', withYear({ schoolYear: '1989-1990' }), /years\[0\]\.schoolYear: school years 1991-1992 onwards/],
    ['school year format', withYear({ schoolYear: '2025/26' }), /years\[0\]\.schoolYear: expected 'YYYY-YYYY'/],
    ['term outside the school year', withYear({ terms: [{ start: '2025-08-07', end: '2026-08-05' }] }), /years\[0\]\.terms\[0\]\.end: 2026-08-05 is outside school year 2025-2026/],
    [
      'overlapping terms',
      withYear({
        terms: [
          { start: '2025-08-07', end: '2026-01-10' },
          { start: '2026-01-07', end: '2026-05-30' },
        ],
      }),
      /years\[0\]\.terms\[1\]\.start: .*before the previous term ends/,
    ],
    ['day off outside the school year', withYear({ extraDaysOff: ['2026-08-03'] }), /years\[0\]\.extraDaysOff\[0\]: 2026-08-03 is outside/],
    ['working Saturday that is a Friday', withYear({ extraSchoolDays: ['2025-09-26'] }), /years\[0\]\.extraSchoolDays\[0\]: 2025-09-26 is not a Saturday/],
    [
      'working Saturday inside a break',
      withYear({ breaks: [{ name: 'syysloma', start: '2025-10-13', end: '2025-10-19' }], extraSchoolDays: ['2025-10-18'] }),
      /years\[0\]\.extraSchoolDays\[0\]: 2025-10-18 is inside a break/,
    ],
    ['working Saturday in the summer', withYear({ extraSchoolDays: ['2026-06-13'] }), /extraSchoolDays\[0\]: 2026-06-13 is not inside a term/],
    ['working Saturday as a number', withYear({ extraSchoolDays: [20250927] }), /extraSchoolDays\[0\]: expected a date 'YYYY-MM-DD' or \{ date/],
    ['invalid working Saturday', withYear({ extraSchoolDays: ['2025-13-45'] }), /extraSchoolDays\[0\]: expected a real calendar date/],
    ['working Saturday on pyhäinpäivä', withYear({ extraSchoolDays: ['2025-11-01'] }), /is a public holiday \(pyhäinpäivä\)/],
    ['bad provider id', { ...validCalendar(), provider: 'Esimerkki Kunta' }, /provider: expected an id/],
    ['no years', { ...validCalendar(), years: [] }, /years: at least one school year/],
    ['missing name', { provider: 'x', years: validCalendar().years as unknown[] }, /name: Required/],
  ])('%s', (_label, data, message) => {
    const msg = errorOf(() => parseCalendar(data, 'content/calendars/testikunta.yml'));
    expect(msg.startsWith('content/calendars/testikunta.yml: ')).toBe(true);
    expect(msg).toMatch(message);
  });

  it('rejects a school year listed twice', () => {
    const c = validCalendar();
    c.years = [...(c.years as unknown[]), ...(c.years as unknown[])];
    expect(errorOf(() => parseCalendar(c, 'f.yml'))).toMatch(/years\[1\]\.schoolYear: school year 2025-2026 appears twice/);
  });

  it('throws CalendarFileError with the file and the list of issues', () => {
    let err: unknown;
    try {
      parseCalendar(withYear({ terms: [{ start: '2026-01-07', end: '2026-01-05' }], extraSchoolDays: ['2025-09-26'] }), 'f.yml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CalendarFileError);
    expect((err as CalendarFileError).file).toBe('f.yml');
    expect((err as CalendarFileError).issues).toHaveLength(2);
  });

  describe('files', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'opari-cal-'));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    const yamlOf = (provider: string): string =>
      [
        `provider: ${provider}`,
        'name: Testikunta',
        'years:',
        '  - schoolYear: 2025-2026',
        '    terms:',
        '      - { start: 2025-08-07, end: 2025-12-20 }',
        '      - { start: 2026-01-07, end: 2026-05-30 }',
        '',
      ].join('\n');

    it('loads .yml and .yaml files, keyed by provider, ignoring other files', () => {
      writeFileSync(join(dir, 'testikunta.yml'), yamlOf('testikunta'));
      writeFileSync(join(dir, 'toinen.yaml'), yamlOf('toinen'));
      writeFileSync(join(dir, 'README.md'), '# not a calendar');
      const map = loadCalendars(dir);
      expect([...map.keys()].sort()).toEqual(['testikunta', 'toinen']);
      expect(map.get('testikunta')?.source).toBe(join(dir, 'testikunta.yml'));
      expect(isSchoolWorkingDay(map.get('testikunta'), '2025-10-15')).toBe(true); // no breaks listed
    });

    it('the provider id must equal the file name', () => {
      const file = join(dir, 'testikunta.yml');
      writeFileSync(file, yamlOf('jokumuu'));
      expect(errorOf(() => loadCalendarFile(file))).toBe(`${file}: provider: 'jokumuu' must equal the file name 'testikunta'`);
    });

    it('names the file on a YAML syntax error', () => {
      const file = join(dir, 'rikki.yml');
      writeFileSync(file, 'provider: rikki\nyears: [\n  - {start: 2025-08-07\n');
      expect(errorOf(() => loadCalendars(dir))).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid YAML`));
    });

    it('names the file and field on a validation error', () => {
      const file = join(dir, 'testikunta.yml');
      writeFileSync(file, yamlOf('testikunta').replace('end: 2025-12-20', 'end: 2025-12-32'));
      expect(errorOf(() => loadCalendars(dir))).toBe(`${file}: years[0].terms[0].end: expected a real calendar date 'YYYY-MM-DD'`);
    });

    it('a missing directory gives no calendars', () => {
      expect(loadCalendars(join(dir, 'ei-ole')).size).toBe(0);
    });
  });
});
