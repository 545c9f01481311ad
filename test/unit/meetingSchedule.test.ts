import { addDays } from '../../src/time/date';
import {
  classifyDue,
  expandRecurrence,
  MAX_OCCURRENCES,
  type RecurrenceRule,
  reminderTimes,
  resolveHelsinkiTime,
  scheduleWarnings,
  ScheduleValidationError,
  utcToHelsinki,
} from '../../src/meetings/schedule';

/** The validated Helsinki wall clock → UTC instant, as the meeting form's date and time are read. */
const utcOf = (date: string, time: string): string => resolveHelsinkiTime(date, time).utc;

/** The ScheduleValidationError `fn` throws. */
function validationErrorOf(fn: () => unknown): ScheduleValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScheduleValidationError) return e;
    throw e;
  }
  throw new Error('expected a ScheduleValidationError');
}

const HOUR = 3_600_000;
const hoursBetween = (a: string, b: string): number => (Date.parse(b) - Date.parse(a)) / HOUR;

describe('Helsinki wall clock ⇄ UTC', () => {
  test('winter time is UTC+2 and summer time UTC+3', () => {
    expect(utcOf('2026-01-15', '14:30')).toBe('2026-01-15T12:30:00.000Z');
    expect(utcOf('2026-07-01', '14:30')).toBe('2026-07-01T11:30:00.000Z');
    expect(utcToHelsinki('2026-01-15T12:30:00.000Z')).toEqual({ date: '2026-01-15', time: '14:30', weekday: 4 });
    expect(utcToHelsinki('2026-07-01T11:30:00.000Z')).toEqual({ date: '2026-07-01', time: '14:30', weekday: 3 });
  });

  test('a late-evening meeting falls on the previous UTC day, and UTC just before midnight is already the next Helsinki day', () => {
    expect(utcOf('2026-01-01', '00:30')).toBe('2025-12-31T22:30:00.000Z');
    expect(utcToHelsinki('2026-12-31T22:15:00Z')).toEqual({ date: '2027-01-01', time: '00:15', weekday: 5 });
    expect(utcToHelsinki('2026-12-06T21:59:59.999Z')).toEqual({ date: '2026-12-06', time: '23:59', weekday: 7 });
  });

  test('reads instants written with an explicit offset', () => {
    expect(utcToHelsinki('2026-07-01T14:30:00+03:00')).toEqual({ date: '2026-07-01', time: '14:30', weekday: 3 });
    expect(utcToHelsinki('2026-07-01T08:30-03:00')).toEqual({ date: '2026-07-01', time: '14:30', weekday: 3 });
  });

  test('refuses instants without a zone, which Date would read in the server local time', () => {
    expect(validationErrorOf(() => utcToHelsinki('2026-03-29T03:30:00')).issues[0]?.path).toBe('iso');
    expect(() => utcToHelsinki('2026-02-30T10:00:00Z')).toThrow(ScheduleValidationError);
    expect(() => utcToHelsinki('yesterday')).toThrow(ScheduleValidationError);
  });

  test('March gap 2026-03-29: 03:30 does not exist and moves forward to 04:30 EEST', () => {
    expect(resolveHelsinkiTime('2026-03-29', '03:30')).toEqual({
      utc: '2026-03-29T01:30:00.000Z',
      date: '2026-03-29',
      time: '04:30',
      shifted: true,
      ambiguous: false,
      utcOffsetMinutes: 180,
    });
    expect(resolveHelsinkiTime('2026-03-29', '03:00')).toMatchObject({ utc: '2026-03-29T01:00:00.000Z', time: '04:00', shifted: true });
    expect(utcOf('2026-03-29', '03:59')).toBe('2026-03-29T01:59:00.000Z');
  });

  test('March gap edges: 02:59 is still EET, 04:00 is already EEST, and neither is shifted', () => {
    expect(resolveHelsinkiTime('2026-03-29', '02:59')).toMatchObject({ utc: '2026-03-29T00:59:00.000Z', time: '02:59', shifted: false, utcOffsetMinutes: 120 });
    expect(resolveHelsinkiTime('2026-03-29', '04:00')).toMatchObject({ utc: '2026-03-29T01:00:00.000Z', time: '04:00', shifted: false, utcOffsetMinutes: 180 });
    expect(utcToHelsinki('2026-03-29T00:59:59Z').time).toBe('02:59');
    expect(utcToHelsinki('2026-03-29T01:00:00Z').time).toBe('04:00');
  });

  test('October overlap 2026-10-25: 03:30 happens twice and the first (EEST) occurrence is chosen', () => {
    expect(resolveHelsinkiTime('2026-10-25', '03:30')).toEqual({
      utc: '2026-10-25T00:30:00.000Z',
      date: '2026-10-25',
      time: '03:30',
      shifted: false,
      ambiguous: true,
      utcOffsetMinutes: 180,
    });
    expect(utcToHelsinki('2026-10-25T00:30:00Z').time).toBe('03:30');
    expect(utcToHelsinki('2026-10-25T01:30:00Z').time).toBe('03:30');
  });

  test('October overlap edges: 02:59 and 04:00 are unambiguous', () => {
    expect(resolveHelsinkiTime('2026-10-25', '02:59')).toMatchObject({ utc: '2026-10-24T23:59:00.000Z', ambiguous: false, utcOffsetMinutes: 180 });
    expect(resolveHelsinkiTime('2026-10-25', '03:00')).toMatchObject({ utc: '2026-10-25T00:00:00.000Z', ambiguous: true });
    expect(resolveHelsinkiTime('2026-10-25', '04:00')).toMatchObject({ utc: '2026-10-25T02:00:00.000Z', ambiguous: false, utcOffsetMinutes: 120 });
  });

  test('every wall time of an ordinary day round-trips', () => {
    for (const date of ['2026-02-10', '2026-03-28', '2026-03-30', '2026-10-24', '2026-10-26']) {
      for (let minute = 0; minute < 1440; minute += 15) {
        const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        expect(utcToHelsinki(utcOf(date, time))).toMatchObject({ date, time });
      }
    }
  });

  test('gives the same answers whatever the server time zone is', () => {
    const saved = process.env['TZ'];
    try {
      for (const tz of ['America/New_York', 'Asia/Tokyo', 'UTC']) {
        process.env['TZ'] = tz;
        expect(utcOf('2026-03-29', '03:30')).toBe('2026-03-29T01:30:00.000Z');
        expect(utcOf('2026-10-25', '03:30')).toBe('2026-10-25T00:30:00.000Z');
        expect(utcToHelsinki('2026-10-25T01:30:00Z')).toEqual({ date: '2026-10-25', time: '03:30', weekday: 7 });
      }
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });

  test('refuses 24:00, 9:30 and impossible dates', () => {
    expect(validationErrorOf(() => utcOf('2026-03-29', '24:00')).issues).toEqual([{ path: 'time', code: 'invalid_time', message: expect.any(String) }]);
    expect(() => utcOf('2026-03-29', '9:30')).toThrow(ScheduleValidationError);
    expect(() => utcOf('2026-03-29', '12:60')).toThrow(ScheduleValidationError);
    expect(validationErrorOf(() => utcOf('2026-02-30', '12:00')).issues[0]).toMatchObject({ path: 'date', code: 'invalid_date' });
    expect(() => utcOf('29.3.2026', '12:00')).toThrow(ScheduleValidationError);
  });
});

describe('expandRecurrence', () => {
  test('a single meeting gives one occurrence with its end after the duration', () => {
    expect(expandRecurrence({ kind: 'once', date: '2026-09-15', time: '13:00', durationMinutes: 90 })).toEqual([
      { date: '2026-09-15', time: '13:00', startUtc: '2026-09-15T10:00:00.000Z', endUtc: '2026-09-15T11:30:00.000Z', shifted: false },
    ]);
  });

  test('a weekly 14:30 meeting stays at 14:30 Helsinki time across the October 2026 change, so its UTC moves an hour', () => {
    const occ = expandRecurrence({ kind: 'weekly', start: '2026-10-07', everyWeeks: 1, until: '2026-11-04', time: '14:30', durationMinutes: 60 });
    expect(occ.map((o) => [o.date, o.time, o.startUtc, o.endUtc])).toEqual([
      ['2026-10-07', '14:30', '2026-10-07T11:30:00.000Z', '2026-10-07T12:30:00.000Z'],
      ['2026-10-14', '14:30', '2026-10-14T11:30:00.000Z', '2026-10-14T12:30:00.000Z'],
      ['2026-10-21', '14:30', '2026-10-21T11:30:00.000Z', '2026-10-21T12:30:00.000Z'],
      ['2026-10-28', '14:30', '2026-10-28T12:30:00.000Z', '2026-10-28T13:30:00.000Z'],
      ['2026-11-04', '14:30', '2026-11-04T12:30:00.000Z', '2026-11-04T13:30:00.000Z'],
    ]);
    expect(occ.every((o) => utcToHelsinki(o.startUtc).time === '14:30' && utcToHelsinki(o.startUtc).weekday === 3)).toBe(true);
  });

  test('every second week across the March 2026 change, until inclusive', () => {
    const occ = expandRecurrence({ kind: 'weekly', start: '2026-03-18', everyWeeks: 2, until: '2026-04-15', time: '08:15', durationMinutes: 45 });
    expect(occ.map((o) => o.startUtc)).toEqual(['2026-03-18T06:15:00.000Z', '2026-04-01T05:15:00.000Z', '2026-04-15T05:15:00.000Z']);
  });

  test('until between two occurrences stops at the last one before it; until = start gives one', () => {
    expect(expandRecurrence({ kind: 'weekly', start: '2026-09-01', everyWeeks: 3, until: '2026-09-28', time: '10:00', durationMinutes: 60 }).map((o) => o.date)).toEqual(['2026-09-01', '2026-09-22']);
    expect(expandRecurrence({ kind: 'weekly', start: '2026-09-01', everyWeeks: 8, until: '2026-09-01', time: '10:00', durationMinutes: 60 })).toHaveLength(1);
  });

  test("the regional cooperation group's four dates 13.2., 7.5., 10.9. and 12.11.2027, given unsorted and with a duplicate", () => {
    const occ = expandRecurrence({
      kind: 'dates',
      dates: ['2027-09-10', '2027-02-13', '2027-11-12', '2027-05-07', '2027-09-10'],
      time: '09:00',
      durationMinutes: 180,
    });
    expect(occ).toEqual([
      { date: '2027-02-13', time: '09:00', startUtc: '2027-02-13T07:00:00.000Z', endUtc: '2027-02-13T10:00:00.000Z', shifted: false },
      { date: '2027-05-07', time: '09:00', startUtc: '2027-05-07T06:00:00.000Z', endUtc: '2027-05-07T09:00:00.000Z', shifted: false },
      { date: '2027-09-10', time: '09:00', startUtc: '2027-09-10T06:00:00.000Z', endUtc: '2027-09-10T09:00:00.000Z', shifted: false },
      { date: '2027-11-12', time: '09:00', startUtc: '2027-11-12T07:00:00.000Z', endUtc: '2027-11-12T10:00:00.000Z', shifted: false },
    ]);
  });

  test('a weekly Sunday 03:30 meeting is moved to 04:30 on the March night only, and reported as shifted', () => {
    const occ = expandRecurrence({ kind: 'weekly', start: '2026-03-22', everyWeeks: 1, until: '2026-04-05', time: '03:30', durationMinutes: 30 });
    expect(occ.map((o) => [o.date, o.time, o.startUtc, o.shifted])).toEqual([
      ['2026-03-22', '03:30', '2026-03-22T01:30:00.000Z', false],
      ['2026-03-29', '04:30', '2026-03-29T01:30:00.000Z', true],
      ['2026-04-05', '03:30', '2026-04-05T00:30:00.000Z', false],
    ]);
  });

  test('a meeting across the October night lasts its duration in real time', () => {
    const [occ] = expandRecurrence({ kind: 'once', date: '2026-10-25', time: '02:30', durationMinutes: 120 });
    expect(occ).toMatchObject({ startUtc: '2026-10-24T23:30:00.000Z', endUtc: '2026-10-25T01:30:00.000Z' });
    expect(utcToHelsinki(occ?.endUtc ?? '').time).toBe('03:30');
  });

  test(`accepts exactly ${MAX_OCCURRENCES} occurrences`, () => {
    const start = '2026-01-05';
    expect(expandRecurrence({ kind: 'weekly', start, everyWeeks: 1, until: addDays(start, (MAX_OCCURRENCES - 1) * 7), time: '12:00', durationMinutes: 60 })).toHaveLength(MAX_OCCURRENCES);
    const dates = Array.from({ length: MAX_OCCURRENCES }, (_, i) => addDays(start, i));
    expect(expandRecurrence({ kind: 'dates', dates: [...dates, dates[0] as string], time: '12:00', durationMinutes: 60 })).toHaveLength(MAX_OCCURRENCES);
  });

  describe('validation', () => {
    const weekly = { kind: 'weekly', start: '2026-09-01', everyWeeks: 1, until: '2026-12-01', time: '14:30', durationMinutes: 60 } as const;

    test('everyWeeks must be 1–8 whole weeks', () => {
      expect(validationErrorOf(() => expandRecurrence({ ...weekly, everyWeeks: 0 })).issues).toEqual([{ path: 'everyWeeks', code: 'invalid', message: expect.any(String) }]);
      expect(() => expandRecurrence({ ...weekly, everyWeeks: 9 })).toThrow(ScheduleValidationError);
      expect(() => expandRecurrence({ ...weekly, everyWeeks: 1.5 })).toThrow(ScheduleValidationError);
    });

    test('until before start', () => {
      const e = validationErrorOf(() => expandRecurrence({ ...weekly, until: '2026-08-31' }));
      expect(e.issues).toEqual([{ path: 'until', code: 'until_before_start', message: 'must not be before start' }]);
      expect(e.message).toBe('until: must not be before start');
    });

    test(`more than ${MAX_OCCURRENCES} occurrences`, () => {
      const e = validationErrorOf(() => expandRecurrence({ ...weekly, start: '2026-01-05', until: addDays('2026-01-05', MAX_OCCURRENCES * 7) }));
      expect(e.issues).toEqual([{ path: 'until', code: 'too_many_occurrences', message: `gives ${MAX_OCCURRENCES + 1} occurrences, at most ${MAX_OCCURRENCES} allowed` }]);
      // A typo'd year must fail fast rather than build thousands of dates.
      expect(validationErrorOf(() => expandRecurrence({ ...weekly, until: '9026-12-01' })).issues[0]?.code).toBe('too_many_occurrences');
      const dates = Array.from({ length: MAX_OCCURRENCES + 1 }, (_, i) => addDays('2026-01-05', i));
      expect(validationErrorOf(() => expandRecurrence({ kind: 'dates', dates, time: '12:00', durationMinutes: 60 })).issues[0]).toMatchObject({ path: 'dates', code: 'too_many_occurrences' });
    });

    test('bad time 24:00 and bad dates', () => {
      expect(validationErrorOf(() => expandRecurrence({ kind: 'once', date: '2026-09-15', time: '24:00', durationMinutes: 60 })).issues).toEqual([
        { path: 'time', code: 'invalid_time', message: expect.any(String) },
      ]);
      expect(validationErrorOf(() => expandRecurrence({ kind: 'dates', dates: ['2027-02-13', '2027-02-29'], time: '09:00', durationMinutes: 60 })).issues).toEqual([
        { path: 'dates.1', code: 'invalid_date', message: expect.any(String) },
      ]);
      expect(() => expandRecurrence({ kind: 'dates', dates: [], time: '09:00', durationMinutes: 60 })).toThrow(ScheduleValidationError);
    });

    test('duration must be 1 minute to 24 hours', () => {
      expect(validationErrorOf(() => expandRecurrence({ kind: 'once', date: '2026-09-15', time: '10:00', durationMinutes: 0 })).issues[0]?.path).toBe('durationMinutes');
      expect(() => expandRecurrence({ kind: 'once', date: '2026-09-15', time: '10:00', durationMinutes: 1441 })).toThrow(ScheduleValidationError);
    });

    test('unknown kinds and untyped input from a card submit are refused', () => {
      expect(() => expandRecurrence({ kind: 'monthly', date: '2026-09-15', time: '10:00', durationMinutes: 60 } as unknown as RecurrenceRule)).toThrow(ScheduleValidationError);
      expect(() => expandRecurrence({ ...weekly, everyWeeks: '2' } as unknown as RecurrenceRule)).toThrow(ScheduleValidationError);
    });
  });
});

describe('reminderTimes', () => {
  test('defaults to 1 day and 1 hour before, earliest first', () => {
    expect(reminderTimes('2026-09-15T10:00:00.000Z')).toEqual([
      { offsetMinutes: 1440, dueUtc: '2026-09-14T10:00:00.000Z' },
      { offsetMinutes: 60, dueUtc: '2026-09-15T09:00:00.000Z' },
    ]);
  });

  test('"1 day before" across the March night is the same wall-clock time the day before (23 real hours)', () => {
    const start = utcOf('2026-03-29', '14:30');
    const [day, hour] = reminderTimes(start);
    expect(day).toEqual({ offsetMinutes: 1440, dueUtc: '2026-03-28T12:30:00.000Z' });
    expect(utcToHelsinki(day?.dueUtc ?? '')).toMatchObject({ date: '2026-03-28', time: '14:30' });
    expect(hoursBetween(day?.dueUtc ?? '', start)).toBe(23);
    expect(hour).toEqual({ offsetMinutes: 60, dueUtc: '2026-03-29T10:30:00.000Z' });
  });

  test('"1 day before" across the October night is the same wall-clock time the day before (25 real hours)', () => {
    const start = utcOf('2026-10-25', '14:30');
    const [day, hour] = reminderTimes(start);
    expect(day).toEqual({ offsetMinutes: 1440, dueUtc: '2026-10-24T11:30:00.000Z' });
    expect(utcToHelsinki(day?.dueUtc ?? '')).toMatchObject({ date: '2026-10-24', time: '14:30' });
    expect(hoursBetween(day?.dueUtc ?? '', start)).toBe(25);
    expect(utcToHelsinki(hour?.dueUtc ?? '')).toMatchObject({ date: '2026-10-25', time: '13:30' });
  });

  test('"1 hour before" is 60 real minutes even when the clocks change in between', () => {
    // March: 04:00 EEST is one real hour after 02:00 EET.
    const march = reminderTimes(utcOf('2026-03-29', '04:00'), [60]);
    expect(march).toEqual([{ offsetMinutes: 60, dueUtc: '2026-03-29T00:00:00.000Z' }]);
    expect(utcToHelsinki(march[0]?.dueUtc ?? '').time).toBe('02:00');
    // October: an hour before 04:30 EET is the second 03:30, two hours before is the first.
    const october = reminderTimes(utcOf('2026-10-25', '04:30'), [60, 120]);
    expect(october).toEqual([
      { offsetMinutes: 120, dueUtc: '2026-10-25T00:30:00.000Z' },
      { offsetMinutes: 60, dueUtc: '2026-10-25T01:30:00.000Z' },
    ]);
    expect(october.map((r) => utcToHelsinki(r.dueUtc).time)).toEqual(['03:30', '03:30']);
  });

  test('a day-before time that falls in the March gap moves forward like any other wall time', () => {
    const start = utcOf('2026-03-30', '03:30');
    expect(reminderTimes(start, [1440])).toEqual([{ offsetMinutes: 1440, dueUtc: '2026-03-29T01:30:00.000Z' }]);
    expect(utcToHelsinki('2026-03-29T01:30:00.000Z').time).toBe('04:30');
  });

  test('a day-before time that falls in the October overlap takes its first occurrence', () => {
    const start = utcOf('2026-10-26', '03:30');
    expect(reminderTimes(start, [1440])).toEqual([{ offsetMinutes: 1440, dueUtc: '2026-10-25T00:30:00.000Z' }]);
    expect(hoursBetween('2026-10-25T00:30:00.000Z', start)).toBe(25);
  });

  test('days go back on the wall clock and the rest in real minutes; offsets are deduplicated; 0 is the start', () => {
    const start = utcOf('2026-10-25', '14:30');
    expect(reminderTimes(start, [0, 1500, 2880, 60, 1500])).toEqual([
      { offsetMinutes: 2880, dueUtc: '2026-10-23T11:30:00.000Z' },
      { offsetMinutes: 1500, dueUtc: '2026-10-24T10:30:00.000Z' },
      { offsetMinutes: 60, dueUtc: '2026-10-25T11:30:00.000Z' },
      { offsetMinutes: 0, dueUtc: start },
    ]);
    expect(reminderTimes(start, [])).toEqual([]);
  });

  test('refuses negative, fractional and too distant offsets, and starts without a zone', () => {
    expect(validationErrorOf(() => reminderTimes('2026-09-15T10:00:00Z', [60, -5])).issues[0]?.path).toBe('offsetsMinutes.1');
    expect(() => reminderTimes('2026-09-15T10:00:00Z', [0.5])).toThrow(ScheduleValidationError);
    expect(() => reminderTimes('2026-09-15T10:00:00Z', [31 * 1440])).toThrow(ScheduleValidationError);
    expect(() => reminderTimes('2026-09-15T10:00:00')).toThrow(ScheduleValidationError);
  });
});

describe('classifyDue', () => {
  const reminder = { dueUtc: '2026-05-13T09:00:00.000Z' };

  test('future before the due time, due from it to the end of the grace period inclusive, missed after', () => {
    expect(classifyDue(reminder, '2026-05-13T08:59:59.999Z', 15)).toBe('future');
    expect(classifyDue(reminder, '2026-05-13T09:00:00.000Z', 15)).toBe('due');
    expect(classifyDue(reminder, '2026-05-13T09:07:30.000Z', 15)).toBe('due');
    expect(classifyDue(reminder, '2026-05-13T09:15:00.000Z', 15)).toBe('due');
    expect(classifyDue(reminder, '2026-05-13T09:15:00.001Z', 15)).toBe('missed');
  });

  test('with no grace only the exact due instant is due', () => {
    expect(classifyDue(reminder, '2026-05-13T09:00:00.000Z', 0)).toBe('due');
    expect(classifyDue(reminder, '2026-05-13T09:00:00.001Z', 0)).toBe('missed');
  });

  test('compares instants, not strings: now may carry a Helsinki offset', () => {
    expect(classifyDue(reminder, '2026-05-13T12:05:00+03:00', 10)).toBe('due');
    expect(classifyDue(reminder, '2026-05-13T11:59:00+03:00', 10)).toBe('future');
  });

  test('refuses negative grace and instants without a zone', () => {
    expect(validationErrorOf(() => classifyDue(reminder, '2026-05-13T09:00:00Z', -1)).issues[0]?.path).toBe('graceMinutes');
    expect(() => classifyDue(reminder, '2026-05-13T09:00:00', 5)).toThrow(ScheduleValidationError);
    expect(() => classifyDue({ dueUtc: 'soon' }, '2026-05-13T09:00:00Z', 5)).toThrow(ScheduleValidationError);
  });
});

describe('scheduleWarnings', () => {
  test('an ordinary weekday has no warnings', () => {
    expect(scheduleWarnings('2026-05-13')).toEqual({ warnings: [] });
  });

  test('a Saturday is a weekend', () => {
    expect(scheduleWarnings('2026-03-28')).toEqual({ warnings: ['weekend'] });
    // The regional group's 13.2.2027 is a Saturday.
    expect(scheduleWarnings('2027-02-13')).toEqual({ warnings: ['weekend'] });
  });

  test('Helatorstai 2026-05-14 is a holiday, with its name', () => {
    expect(scheduleWarnings('2026-05-14')).toEqual({
      warnings: ['holiday'],
      holidayName: { fi: 'helatorstai', sv: 'Kristi himmelsfärdsdag', en: 'Ascension Day' },
    });
  });

  test('Itsenäisyyspäivä on a Sunday (2026) is both, on a Monday (2027) a holiday only', () => {
    expect(scheduleWarnings('2026-12-06')).toEqual({
      warnings: ['weekend', 'holiday'],
      holidayName: { fi: 'itsenäisyyspäivä', sv: 'självständighetsdagen', en: 'Independence Day' },
    });
    expect(scheduleWarnings('2027-12-06')).toMatchObject({ warnings: ['holiday'], holidayName: { fi: 'itsenäisyyspäivä' } });
  });

  test('refuses a malformed date', () => {
    expect(validationErrorOf(() => scheduleWarnings('6.12.2026')).issues[0]).toMatchObject({ path: 'date', code: 'invalid_date' });
  });
});
