/**
 * Spoken Finnish as staff type it in a chat ("pitää tehä ilmotus", "en tiiä", "kuinka nopeesti", "vuodes"):
 * the written forms a word may stand for. Read only for a question word the plan does not write, and a form
 * counts only when the plan writes it, so a rule that misfires on another word finds nothing.
 */

/** Whole words that are not sound changes: itse, takaisin. */
const WORDS: Record<string, string> = { ite: 'itse', takas: 'takaisin', kattoo: 'katsoo', kattoa: 'katsoa', meiän: 'meidän', teiän: 'teidän' };

const V = 'aeiouyäö';
const RULES: [RegExp, string][] = [
  // ilmotus → ilmoitus, alottaa → aloittaa, kirjottaa → kirjoittaa
  [new RegExp(`ot(?=t?[${V}])`), 'oit'],
  // tehä → tehdä, nähä → nähdä, yhen → yhden, kahen → kahden
  [new RegExp(`([${V}])h([${V}])`), '$1hd$2'],
  // tiiä → tiedä, viiä → viedä
  [/ii([aä])/, 'ied$1'],
  // nopeesti → nopeasti, vaikee → vaikea
  [/ee/, 'ea'],
  [/ee/, 'eä'],
  // haluu → haluaa
  [/uu$/, 'uaa'],
  [/yy$/, 'yää'],
  // pyys → pyysi, tapahtu → tapahtui (a past tense without its i)
  [/([su])$/, '$1i'],
];

/** The written forms a spoken Finnish word may stand for (none when it has no spoken feature). */
export function writtenForms(word: string): string[] {
  const out = new Set<string>();
  if (WORDS[word]) out.add(WORDS[word]);
  for (const [re, to] of RULES) {
    const v = word.replace(re, to);
    if (v !== word) out.add(v);
  }
  // vuodes → vuodessa, kädes → kädessä: the inessive without its vowel, in the word's vowel harmony.
  if (new RegExp(`[${V}]s$`).test(word)) out.add(`${word}${/[aou]/.test(word) ? 'sa' : 'sä'}`);
  return [...out];
}
