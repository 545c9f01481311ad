import { en } from './en';
import { fi } from './fi';
import type { Messages } from './messages';
import { sv } from './sv';

export type { Messages } from './messages';
export type Lang = 'fi' | 'sv' | 'en';

const catalogues: Record<Lang, Messages> = { fi, sv, en };

/** Picks the UI language from a BCP-47 locale (activity.locale): sv-* → Swedish, en-* → English, anything else → Finnish. */
export function langOf(locale: string | undefined): Lang {
  const l = (locale ?? '').toLowerCase();
  if (l.startsWith('sv')) return 'sv';
  if (l.startsWith('en')) return 'en';
  return 'fi';
}

export function messages(localeOrLang: string | undefined): Messages {
  const l = localeOrLang === 'fi' || localeOrLang === 'sv' || localeOrLang === 'en' ? localeOrLang : langOf(localeOrLang);
  return catalogues[l];
}

/** Replaces {name} placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
