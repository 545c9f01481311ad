import { Temporal } from 'temporal-polyfill';
import { addDays, daysBetween, isIsoDate, isoDate, isoWeekday } from '../../src/time/date';
import { formatDate, formatDayDate } from '../../src/time/format';

describe('day arithmetic agrees with Temporal.PlainDate', () => {
  it('adds days, counts days and names weekdays as Temporal does, every day 1999–2101 (leap years and centuries)', () => {
    let d = Temporal.PlainDate.from('1999-01-01');
    const end = Temporal.PlainDate.from('2101-12-31');
    const mismatches: string[] = [];
    while (Temporal.PlainDate.compare(d, end) <= 0) {
      const s = d.toString();
      if (addDays(s, 1) !== d.add({ days: 1 }).toString() || addDays(s, -400) !== d.subtract({ days: 400 }).toString()) mismatches.push(`addDays ${s}`);
      if (isoWeekday(s) !== d.dayOfWeek) mismatches.push(`isoWeekday ${s}`);
      if (daysBetween('2000-02-29', s) !== Temporal.PlainDate.from('2000-02-29').until(d, { largestUnit: 'day' }).days) mismatches.push(`daysBetween ${s}`);
      if (isoDate(d.year, d.month, d.day) !== s || !isIsoDate(s)) mismatches.push(`isoDate ${s}`);
      d = d.add({ days: 1 });
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses impossible dates', () => {
    for (const bad of ['2026-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-01', '2026-02-30']) {
      expect(isIsoDate(bad)).toBe(false);
      expect(() => addDays(bad, 1)).toThrow(RangeError);
    }
    expect(() => isoDate(2026, 2, 29)).toThrow(RangeError);
    expect(isIsoDate('2024-02-29') && isIsoDate('2000-02-29')).toBe(true);
  });

  it('writes days the same way in every language, with the weekday in the reader’s language', () => {
    expect(formatDate('2026-12-01')).toBe('1.12.2026');
    expect(formatDate('2026-12-01T09:30:00Z')).toBe('1.12.2026');
    expect(formatDayDate('2026-12-01', 'fi')).toBe('ti 1.12.2026');
    expect(formatDayDate('2026-12-01', 'en')).toBe('Tue 1.12.2026');
    expect(formatDayDate('2026-12-01', 'sv')).toMatch(/^tis\.? 1\.12\.2026$/);
  });
});
