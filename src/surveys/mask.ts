import { calendarNames } from '../time/format';

/**
 * Names of people are masked in free-text answers before a coordinator sees them (and before the answers
 * are sealed at close). Best effort, erring towards masking too much:
 *  - every first and last name of the round's invitees, with Finnish case endings (Ainolle, Virtasen);
 *  - two capitalised words in a row (a first and a last name), anywhere;
 *  - a capitalised word inside a sentence that is not a known term (school and municipality names,
 *    month and weekday names in the three languages, roles, common systems);
 *  - e-mail addresses and phone numbers.
 * The ≥ 10 answers rule and the survey's own instruction not to name anyone are the other safeguards.
 */
export const MASK = '[***]';

const capitalised = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

const KNOWN = new Set([
  ...`Teams Opari Wilma Helmi Peda KiVa MOVE THL OPH Karvi Kela Kouluterveyskysely Ruotsi Suomi Englanti Matematiikka Liikunta Musiikki
   Syksy Kevät Joulu Pääsiäinen Rehtori Kuraattori Psykologi Terveydenhoitaja Opettaja Erityisopettaja Ohjaaja Oppilas Oppilaat Oppilaskunta Huoltaja Huoltajat
   Rektor Kurator Psykolog Hälsovårdare Lärare Elev Elever Principal Teacher Pupil Pupils`.split(/\s+/),
  ...(['fi', 'sv', 'en'] as const).flatMap((lang) => calendarNames(lang).map(capitalised)),
]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cap = /^[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?$/u;

/** Regular expressions for the invitees' names and their inflected forms (Virtanen → Virtasen, Virtaselle). */
export function namePatterns(names: string[]): RegExp[] {
  const parts = new Set<string>();
  for (const n of names) for (const p of n.split(/[\s,]+/)) if (p.length >= 3) parts.add(p.toLowerCase());
  return [...parts].map((p) => {
    const stems = [escape(p)];
    if (p.endsWith('nen')) stems.push(`${escape(p.slice(0, -3))}s`);
    return new RegExp(`(?<![\\p{L}])(?:${stems.join('|')})\\p{L}{0,6}(?![\\p{L}])`, 'giu');
  });
}

export function maskNames(text: string, known: RegExp[], keep: Set<string> = new Set()): string {
  let out = text.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, MASK).replace(/(?<!\d)\+?\d[\d\s-]{6,}\d(?!\d)/g, MASK);
  for (const re of known) out = out.replace(re, MASK);
  const isTerm = (w: string) => KNOWN.has(w) || keep.has(w);
  // Word by word: sentence starts are capitalised anyway, so a lone capitalised first word is kept.
  const tokens = out.split(/([\p{L}-]+)/u);
  const words = tokens.map((t, i) => (i % 2 === 1 ? t : ''));
  const masked = new Set<number>();
  for (let i = 1; i < tokens.length; i += 2) {
    const w = words[i];
    if (!cap.test(w) || isTerm(w)) continue;
    const before = tokens.slice(0, i).join('');
    const sentenceStart = /(^|[.!?:;]\s*|\n\s*)$/.test(before) || before.trim() === '';
    const nextWord = words[i + 2] ?? '';
    const pairWithNext = /^\s+$/.test(tokens[i + 1] ?? '') && cap.test(nextWord) && !isTerm(nextWord);
    if (!sentenceStart || pairWithNext) {
      masked.add(i);
      if (pairWithNext) masked.add(i + 2);
    }
  }
  return tokens.map((t, i) => (masked.has(i) ? MASK : t)).join('');
}
