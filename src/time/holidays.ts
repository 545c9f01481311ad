import { addDays, assertIsoDate, isoDate, isoWeekday, isWeekend } from './date';

/**
 * Finnish public holidays (pyhäpäivät and the other days off that close schools) and the ordinary
 * working day (työpäivä) they define. Dates are calendar dates 'YYYY-MM-DD' (date.ts).
 *
 * Rules (in force since 1991; before that loppiainen and helatorstai were moved to Saturdays, so
 * earlier years are refused rather than answered wrongly):
 * - fixed: uudenvuodenpäivä 1.1., loppiainen 6.1., vappu 1.5., itsenäisyyspäivä 6.12.,
 *   jouluaatto 24.12., joulupäivä 25.12., tapaninpäivä 26.12.
 * - Easter-based: pitkäperjantai (E−2), pääsiäispäivä (E), 2. pääsiäispäivä (E+1), helatorstai (E+39),
 *   helluntaipäivä (E+49); Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher).
 * - moving Fridays/Saturdays: juhannusaatto = Friday 19.–25.6., juhannuspäivä = Saturday 20.–26.6.,
 *   pyhäinpäivä = Saturday 31.10.–6.11.
 * Vappu, jouluaatto and juhannusaatto are not church holidays but are general days off; schools are closed.
 */

export interface LocalizedName {
  fi: string;
  sv: string;
  en: string;
}

interface FinnishHoliday {
  /** 'YYYY-MM-DD' */
  date: string;
  name: LocalizedName;
}

/** First year the current holiday rules apply to. */
export const FIRST_SUPPORTED_YEAR = 1991;
export const LAST_SUPPORTED_YEAR = 9999;

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(`Finnish holiday rules are implemented for years ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}, got ${year}`);
  }
}

/** Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583 || year > LAST_SUPPORTED_YEAR) throw new RangeError(`Gregorian Easter needs a year 1583–9999, got ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** The first date in [from, from+6] that falls on ISO weekday `weekday`. */
function weekdayOnOrAfter(from: string, weekday: number): string {
  return addDays(from, (weekday - isoWeekday(from) + 7) % 7);
}

const N = {
  newYear: { fi: 'uudenvuodenpäivä', sv: 'nyårsdagen', en: "New Year's Day" },
  epiphany: { fi: 'loppiainen', sv: 'trettondedag jul', en: 'Epiphany' },
  goodFriday: { fi: 'pitkäperjantai', sv: 'långfredagen', en: 'Good Friday' },
  easter: { fi: 'pääsiäispäivä', sv: 'påskdagen', en: 'Easter Sunday' },
  easterMonday: { fi: '2. pääsiäispäivä', sv: 'annandag påsk', en: 'Easter Monday' },
  mayDay: { fi: 'vappu', sv: 'första maj', en: 'May Day' },
  ascension: { fi: 'helatorstai', sv: 'Kristi himmelsfärdsdag', en: 'Ascension Day' },
  pentecost: { fi: 'helluntaipäivä', sv: 'pingstdagen', en: 'Whit Sunday' },
  midsummerEve: { fi: 'juhannusaatto', sv: 'midsommarafton', en: 'Midsummer Eve' },
  midsummer: { fi: 'juhannuspäivä', sv: 'midsommardagen', en: 'Midsummer Day' },
  allSaints: { fi: 'pyhäinpäivä', sv: 'alla helgons dag', en: "All Saints' Day" },
  independence: { fi: 'itsenäisyyspäivä', sv: 'självständighetsdagen', en: 'Independence Day' },
  christmasEve: { fi: 'jouluaatto', sv: 'julafton', en: 'Christmas Eve' },
  christmas: { fi: 'joulupäivä', sv: 'juldagen', en: 'Christmas Day' },
  stStephen: { fi: 'tapaninpäivä', sv: 'annandag jul', en: "St Stephen's Day" },
} as const satisfies Record<string, LocalizedName>;

const cache = new Map<number, readonly FinnishHoliday[]>();

/** Finnish public holidays of `year`, sorted by date. Throws a RangeError for years before 1991. */
function finnishHolidays(year: number): FinnishHoliday[] {
  checkYear(year);
  let list = cache.get(year);
  if (!list) {
    const easter = easterSunday(year);
    const computed: FinnishHoliday[] = [
      { date: isoDate(year, 1, 1), name: N.newYear },
      { date: isoDate(year, 1, 6), name: N.epiphany },
      { date: addDays(easter, -2), name: N.goodFriday },
      { date: easter, name: N.easter },
      { date: addDays(easter, 1), name: N.easterMonday },
      { date: isoDate(year, 5, 1), name: N.mayDay },
      { date: addDays(easter, 39), name: N.ascension },
      { date: addDays(easter, 49), name: N.pentecost },
      { date: weekdayOnOrAfter(isoDate(year, 6, 19), 5), name: N.midsummerEve },
      { date: weekdayOnOrAfter(isoDate(year, 6, 20), 6), name: N.midsummer },
      { date: weekdayOnOrAfter(isoDate(year, 10, 31), 6), name: N.allSaints },
      { date: isoDate(year, 12, 6), name: N.independence },
      { date: isoDate(year, 12, 24), name: N.christmasEve },
      { date: isoDate(year, 12, 25), name: N.christmas },
      { date: isoDate(year, 12, 26), name: N.stStephen },
    ];
    // Vappu and helatorstai can coincide (e.g. 2008); keep one entry per date, names joined.
    const byDate = new Map<string, FinnishHoliday>();
    for (const h of computed) {
      const prev = byDate.get(h.date);
      byDate.set(h.date, prev ? { date: h.date, name: { fi: `${prev.name.fi}, ${h.name.fi}`, sv: `${prev.name.sv}, ${h.name.sv}`, en: `${prev.name.en}, ${h.name.en}` } } : h);
    }
    list = Object.freeze([...byDate.values()].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)));
    cache.set(year, list);
  }
  return list.map((h) => ({ date: h.date, name: { ...h.name } }));
}

function lookup(date: string): FinnishHoliday | undefined {
  assertIsoDate(date);
  const year = Number(date.slice(0, 4));
  checkYear(year);
  if (!cache.has(year)) finnishHolidays(year);
  return cache.get(year)?.find((h) => h.date === date);
}

/** True if `date` ('YYYY-MM-DD') is a Finnish public holiday. */
function isFinnishHoliday(date: string): boolean {
  return lookup(date) !== undefined;
}

/** The holiday's name in fi/sv/en, or undefined if `date` is not a Finnish public holiday. */
export function holidayName(date: string): LocalizedName | undefined {
  const h = lookup(date);
  return h ? { ...h.name } : undefined;
}

/**
 * An ordinary working day (työpäivä): Monday–Friday and not a public holiday. School breaks and the
 * providers' term calendars do not matter here: the county's services work on these days.
 */
export function isWorkingDay(date: string): boolean {
  return !isWeekend(date) && !isFinnishHoliday(date);
}

/** The `n`th ordinary working day strictly after `date` (n = 0 gives `date`). */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}
