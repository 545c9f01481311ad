/**
 * Spoken Finnish as staff type it in a chat ("pitää tehä ilmotus", "en tiiä", "kuinka nopeesti", "vuodes"):
 * the written forms a word may stand for. Read only for a question word the plan does not write, and a form
 * counts only when the plan writes it, so a rule that misfires on another word finds nothing.
 */

/**
 * Whole words that are not sound changes: itse, takaisin. A modal verb asked in the first person or the plural
 * ("saanko kertoa", "voimmeko kertoa") reads as the impersonal question a glossary phrase writes ("saako kertoa").
 */
const WORDS: Record<string, string> = {
  ite: 'itse',
  takas: 'takaisin',
  kattoo: 'katsoo',
  kattoa: 'katsoa',
  meiän: 'meidän',
  teiän: 'teidän',
  saanko: 'saako',
  saammeko: 'saako',
  saanks: 'saako',
  voinko: 'voiko',
  voimmeko: 'voiko',
  voinks: 'voiko',
};

const V = 'aeiouyäö';
/** [sound change, written form, whether a glossary phrase reads it too (it restores a letter; a vowel change may be another word)]. */
const RULES: [RegExp, string, boolean][] = [
  // ilmotus → ilmoitus, alottaa → aloittaa, kirjottaa → kirjoittaa
  [new RegExp(`ot(?=t?[${V}])`), 'oit', true],
  // tehä → tehdä, nähä → nähdä, yhen → yhden, kahen → kahden
  [new RegExp(`([${V}])h([${V}])`), '$1hd$2', true],
  // tiiä → tiedä, viiä → viedä
  [/ii([aä])/, 'ied$1', true],
  // nopeesti → nopeasti, vaikee → vaikea (not in a glossary phrase: "kipeenä" would be the term "kipeänä", a pupil's sick leave)
  [/ee/, 'ea', false],
  [/ee/, 'eä', false],
  // haluu → haluaa
  [/uu$/, 'uaa', true],
  [/yy$/, 'yää', true],
  // pyys → pyysi, tapahtu → tapahtui (a past tense without its i)
  [/([su])$/, '$1i', false],
  // ilmanen → ilmainen, vastasen → vastaisen, tällanen → tällainen (the -ainen adjective without its i)
  [/([aä])(nen|sen|set)$/, '$1i$2', true],
];

/**
 * The written forms a spoken Finnish word may stand for (none when it has no spoken feature). `phrase`: only the
 * forms a glossary phrase reads in a question ("tapaturmailmotus", "kiusaamisen vastasen suunnitelman"), where no
 * plan's text checks them.
 */
export function writtenForms(word: string, phrase = false): string[] {
  const out = new Set<string>();
  if (WORDS[word]) out.add(WORDS[word]);
  for (const [re, to, inPhrase] of RULES) {
    if (phrase && !inPhrase) continue;
    const v = word.replace(re, to);
    if (v !== word) out.add(v);
  }
  // vuodes → vuodessa, kädes → kädessä: the inessive without its vowel, in the word's vowel harmony.
  if (!phrase && new RegExp(`[${V}]s$`).test(word)) out.add(`${word}${/[aou]/.test(word) ? 'sa' : 'sä'}`);
  return [...out];
}
