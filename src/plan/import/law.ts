/**
 * Law references in a section's plain text, conservatively: "perusopetuslain 31 §:n 1 momentti" →
 * "Perusopetuslaki 31 § 1 mom.", "oppivelvollisuuslain (1214/2020) 2 §" → "Oppivelvollisuuslaki 1214/2020 2 §",
 * "KHO 2021:130", and a bare "15 §" when no law is named before it.
 */

const ENDINGS: [RegExp, string][] = [
  [/(lain|lakia|laissa|lakiin|laki)$/, 'laki'],
  [/(asetuksen|asetuksessa|asetusta|asetukseen|asetus)$/, 'asetus'],
];
const NAME = String.raw`(?<![\p{L}-])((?:\p{L}+-\s+(?:ja|tai)\s+)?\p{L}{2,}?(?:lain|lakia|laissa|lakiin|laki|asetuksen|asetuksessa|asetusta|asetukseen|asetus))`;
const STATUTE = String.raw`(?:\s*\(?(\d{1,4}\/\d{4})\)?)?`;
const SECTION = String.raw`(\d{1,3}(?:\s?[a-z](?!\p{L}))?)\s?§`;
const MOMENT = String.raw`(?::\s?\p{L}+)?(?:\s+(\d{1,2})\.?\s?(?:mom\.|momen\p{L}*))?`;
const NAMED = new RegExp(`${NAME}${STATUTE}\\s+${SECTION}${MOMENT}`, 'giu');
const BARE = new RegExp(`(?<![\\p{L}\\d/])${SECTION}`, 'giu');
const KHO = /\bKHO\s?(\d{4}):(\d+)/g;

const section = (s: string) => s.replace(/\s+/g, '').replace(/^(\d+)([a-z])$/i, '$1 $2');

function lawName(raw: string): string {
  let name = raw.toLowerCase().replace(/\s+/g, ' ');
  for (const [ending, base] of ENDINGS) if (ending.test(name)) name = name.replace(ending, base);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function lawReferences(text: string): string[] {
  const found: string[] = [];
  const covered: [number, number][] = [];
  for (const m of text.matchAll(NAMED)) {
    const [whole, name, statute, sec, moment] = m;
    found.push(`${lawName(name)}${statute ? ` ${statute}` : ''} ${section(sec)} §${moment ? ` ${moment} mom.` : ''}`);
    covered.push([m.index!, m.index! + whole.length]);
  }
  const named = new Set(found.map((f) => /(\d+(?: [a-z])?) §/.exec(f)?.[1]));
  for (const m of text.matchAll(BARE)) {
    const inside = covered.some(([a, b]) => m.index! >= a && m.index! < b);
    if (!inside && !named.has(section(m[1]))) found.push(`${section(m[1])} §`);
  }
  for (const m of text.matchAll(KHO)) found.push(`KHO ${m[1]}:${m[2]}`);
  return [...new Set(found)];
}
