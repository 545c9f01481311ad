import { dateParts } from './date';
import { helsinkiWallClock, instantMs } from './helsinki';

/**
 * How Opari writes dates and times. One day format in all three languages, 'd.M.yyyy' (1.12.2026):
 * unambiguous for the region's readers whatever their language, where 1/12/2026 is read as 12 January
 * by many English readers. Weekday names come from `Intl.DateTimeFormat` in the reader's language.
 */

export type DateLang = 'fi' | 'sv' | 'en';

const LOCALES: Record<DateLang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
const weekdayFormats = new Map<DateLang, Intl.DateTimeFormat>();

function weekdayFormat(lang: DateLang): Intl.DateTimeFormat {
  let f = weekdayFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { weekday: 'short', timeZone: 'UTC' });
    weekdayFormats.set(lang, f);
  }
  return f;
}

/** The names of the months and the weekdays in `lang`, as Intl writes them on their own: 'tammikuu', 'måndag', 'January'. */
export function calendarNames(lang: DateLang): string[] {
  const month = new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat(LOCALES[lang], { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return [...Array.from({ length: 12 }, (_, i) => month.format(Date.UTC(2024, i, 1))), ...Array.from({ length: 7 }, (_, i) => weekday.format(Date.UTC(2024, 0, 1 + i)))];
}

/** 'YYYY-MM-DD' (or the date part of an ISO instant) → '1.12.2026'. */
export function formatDate(isoDate: string): string {
  const d = dateParts(isoDate.slice(0, 10));
  return `${d.day}.${d.month}.${d.year}`;
}

/** The short weekday name of a date in `lang`: 'ti', 'tis', 'Tue'. */
export function weekdayName(isoDate: string, lang: DateLang): string {
  const d = dateParts(isoDate.slice(0, 10));
  const at = new Date(0);
  at.setUTCFullYear(d.year, d.month - 1, d.day);
  return weekdayFormat(lang).format(at);
}

/** '2026-12-01' → 'ti 1.12.2026' / 'tis 1.12.2026' / 'Tue 1.12.2026'. */
export function formatDayDate(isoDate: string, lang: DateLang): string {
  return `${weekdayName(isoDate, lang)} ${formatDate(isoDate)}`;
}

/** The Finnish day of an instant (ISO with its zone), as `formatDayDate`: '2026-12-01T22:30:00.000Z' → 'ke 2.12.2026'. */
export function formatInstantDay(isoInstant: string, lang: DateLang): string {
  const ms = instantMs(isoInstant);
  if (ms === undefined) throw new RangeError(`expected an ISO instant with its zone, got ${JSON.stringify(isoInstant)}`);
  return formatDayDate(helsinkiWallClock(ms).date, lang);
}

/** Wall-clock 'HH:MM' as written in `lang`: '14.30' in Finnish and Swedish, '14:30' in English. */
export function formatTime(hhmm: string, lang: DateLang): string {
  return lang === 'en' ? hhmm : hhmm.replace(':', '.');
}
