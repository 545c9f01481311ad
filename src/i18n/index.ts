import { IntlMessageFormat } from 'intl-messageformat';
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

/**
 * The language each catalogue string is written in. Plural and ordinal rules differ (Swedish "1:a", "3:e";
 * English "1st", "2nd"), and a call site holds the string, not its language: the string says it.
 */
let languageOf: Map<string, Lang> | undefined;

function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

function languageOfTemplate(template: string): Lang {
  languageOf ??= new Map((Object.keys(catalogues) as Lang[]).flatMap((l) => stringsOf(catalogues[l]).map((s) => [s, l] as const)));
  return languageOf.get(template) ?? 'fi';
}

const compiled = new Map<string, IntlMessageFormat>();

/**
 * Formats a catalogue string in ICU message syntax: `{name}` placeholders, and counts and ordinals that read
 * right for one ("{count, plural, one {# asia} other {# asiaa}}", "{days, selectordinal, one {#:a} other {#:e}}").
 * Compiled messages are cached by their text. A value the call site did not give leaves its placeholder in
 * the text, as before ICU, instead of failing the user's turn.
 */
export function format(template: string, values: Record<string, string | number>): string {
  let message = compiled.get(template);
  if (!message) {
    message = new IntlMessageFormat(template, languageOfTemplate(template));
    compiled.set(template, message);
  }
  try {
    return String(message.format(values));
  } catch {
    return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
  }
}
