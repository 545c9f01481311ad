import * as snowball from 'snowball-stemmers';

/**
 * Text analysis for fi / sv / en: tokenize, drop function words, stem with the Snowball stemmers
 * (snowball-stemmers), and normalize the stem alternations that Snowball's Finnish stemmer leaves apart
 * (kotiopetus / kotiopetuks-, oppilas / oppil-, kiusaamis- / kiusaamin-).
 */
export type Lang = 'fi' | 'sv' | 'en';
export const LANGS: Lang[] = ['fi', 'sv', 'en'];

import { fold } from './functionWords';
export { contentWordMask, fold, isStopword } from './functionWords';

const stemmers = {
  fi: snowball.newStemmer('finnish'),
  sv: snowball.newStemmer('swedish'),
  en: snowball.newStemmer('english'),
};

const isLetterOrDigit = (c: number, ch: string): boolean =>
  c < 0x80 ? (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) : (c >= 0xdf && c <= 0xff && c !== 0xf7) || /[\p{L}\p{N}]/u.test(ch);
const isJoiner = (c: number) => c === 45 || c === 39 || c === 0x2019;
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Units of time staff glue to a number: 80h, 7pv, 2vk, 3kk, 10min, 24h (an age, 13v, stays one word: glossary.ts reads it). */
const GLUED_UNITS = new Set(['h', 't', 'pv', 'vk', 'kk', 'min', 'vrk', 'd', 'hrs', 'tim']);

/** Where the unit starts in a token of digits and a unit of time ("80h": 2), else -1. */
function unitAfterDigits(t: string, from: number, to: number): number {
  let k = from;
  while (k < to && isDigit(t.charCodeAt(k))) k++;
  return k > from && k < to && GLUED_UNITS.has(t.slice(k, to)) ? k : -1;
}

/**
 * Calls `fn(s, from, to)` for every word of a text, `s.slice(from, to)` being the lowercased word (letters and
 * digits; hyphenated compounds split into their parts; English contractions as below). Scans without a regex
 * and without cutting strings, so the index can read millions of words.
 */
export function scanWords(text: string, fn: (s: string, from: number, to: number) => void): void {
  const t = text.toLowerCase().normalize('NFC');
  const n = t.length;
  let start = -1;
  let joined = false;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? t.charCodeAt(i) : 32;
    if (i < n && isLetterOrDigit(c, t[i])) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    // A hyphen or apostrophe between two letters joins them into one token ("pupil's", "erityis-opetus").
    if (isJoiner(c) && i + 1 < n && isLetterOrDigit(t.charCodeAt(i + 1), t[i + 1])) {
      joined = true;
      continue;
    }
    if (!joined) {
      // A number glued to its unit ("80h", "7pv", "3kk") is the number and the unit, as the plan writes "80 tuntia".
      const digits = i - start > 1 && isDigit(t.charCodeAt(start)) ? unitAfterDigits(t, start, i) : -1;
      if (digits > 0) {
        fn(t, start, digits);
        fn(t, digits, i);
      } else fn(t, start, i);
    } else {
      const w = t.slice(start, i);
      // English contractions: "won't", "isn't" are function words; "pupil's", "we're" keep their head.
      if (!/n['’]t$/.test(w)) for (const part of w.replace(/['’](s|re|ll|ve|d|m)$/, '').split(/[-'’]/)) if (part) fn(part, 0, part.length);
    }
    start = -1;
    joined = false;
  }
}

/** Lowercased word tokens (letters and digits; hyphenated compounds split into their parts). */
export function words(text: string): string[] {
  const out: string[] = [];
  scanWords(text, (s, from, to) => out.push(s.slice(from, to)));
  return out;
}

/**
 * What `key` works out to, kept in `cache` after `make` worked it out the first time: words recur from question
 * to question. A cache past `max` entries starts again empty, so a stream of new words cannot grow it for ever.
 */
export function remember<K, V>(cache: Map<K, V>, key: K, max: number, make: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make(key);
    if (cache.size > max) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/** Snowball stem plus normalization of Finnish endings it leaves apart, without ä, ö, å. */
const stemCache: Record<Lang, Map<string, string>> = { fi: new Map(), sv: new Map(), en: new Map() };
// Stems are kept without ä, ö, å, so Finnish typed on a phone or a foreign keyboard meets the plan's own spelling.
const freshStem: Record<Lang, (word: string) => string> = {
  fi: (w) => fold(stemFresh(w, 'fi')),
  sv: (w) => fold(stemFresh(w, 'sv')),
  en: (w) => fold(stemFresh(w, 'en')),
};

export function stem(word: string, lang: Lang): string {
  return remember(stemCache[lang], word, 200_000, freshStem[lang]);
}

/** The stems computed in this process, per language (for the start-up cache in stemFile.ts). */
export function stemEntries(): Record<Lang, Map<string, string>> {
  return stemCache;
}

/** Seeds the stems from a cache written by an earlier start whose stemming rules were the same (`stemRules`). */
export function seedStems(lang: Lang, entries: Iterable<[string, string]>): void {
  const cache = stemCache[lang];
  for (const [word, s] of entries) cache.set(word, s);
}

/** The source of the stemming rules: a cache of stems is only good for the same rules. */
export function stemRules(): string {
  return `${stemFresh.toString()}\n${fold.toString()}\n${WEEKDAY.source}\n${YEAR.source}\n${DUTY.source}\n${DUTY_UA.source}\n${BASE_FORMS.map(([f, b]) => f.source + b).join('\n')}`;
}

/**
 * Swedish definite forms Snowball keeps whole, read as their base form: skolan, veckan (skola, vecka); kuratorn,
 * rektorn (kurator, rektor); with the genitive -s Snowball takes off (skolans). Not a word whose base form ends
 * so: a plan (elevhälsoplan), a noun made of a verb (anmälan, ansökan, begäran, önskan, början), a man.
 */
function svDefinite(word: string, s: string): string {
  const whole = s === word || (word.endsWith('s') && s === word.slice(0, -1));
  if (!whole || /(plan|älan|ökan|skan|äran|örjan|man)s?$/.test(word)) return s;
  return (s.length >= 5 && s.endsWith('an')) || (s.length >= 6 && s.endsWith('orn')) ? stemmers.sv.stem(s.slice(0, -1)) : s;
}

const WEEKDAY = /^(maanantai|tiistai|keskiviik|torstai|perjantai|lauantai|sunnuntai)/;
const DUTY = /^(.{3,})ett[aä]v(a|ä|an|än|at|ät|aa|ää|ia|iä|aksi|äksi|assa|ässä|asta|ästä|alle|ällä|alla|ille|illa|illä)$/;
/**
 * The same participle of a verb in -ua / -yä ("osallistua": "on osallistuttava", "tutustuttava"), whose stem keeps its
 * u / y. At least five letters before it: not an active participle of a short verb ("vaikuttava", "hyödyttävä").
 */
const DUTY_UA = /^(.{5,}[uy])tt[aä]v(a|ä|an|än|at|ät|aa|ää|ia|iä|aksi|äksi|assa|ässä|asta|ästä|alle|ällä|alla|ille|illa|illä)$/;
const YEAR = /vuo(si|den|tta|dessa|desta|delle|della|deksi|det|sia|sien|sina|sissa|siin|silla|sille|silta|teen|nna)$/;
/**
 * Finnish words of the domain whose inflected forms change the stem (consonant gradation: tuki / tuen / tukea,
 * lupa / luvan, tunti / tunnin, lääke / lääkkeen; lapsi / lasta; nuori / nuorella / nuorilla), which Snowball keeps
 * apart: the form is read as its base form before stemming. Measured one by one on the development sets, and kept
 * where it helped: the same for laki / lain, luokka / luokan, aika / ajan, uusi / uuden and vanhempi / vanhemman
 * moved more answers away than it brought.
 */
const BASE_FORMS: readonly [RegExp, string][] = [
  [/^(tuen|tuet|tuessa|tuesta|tueksi|tuella|tuelle|tuelta|tuena|tukea|tukeen|tukena)$/, 'tuki'],
  // Not after another word: "kuluvan" (current) ends in "luvan".
  [/^(poissaolo)?luv(an|at|alla|atta|asta|aksi)$/, '$1lupa'],
  // "Lapsi" (a child) is "las-" in the partitive and the genitive plural (lasta, lasten), which Snowball cuts to "lasta"
  // and "last", the first part of "lastensuojelu"; alone or after a word for which child ("pikkulasta"). Not the
  // compounds of "lasten" (lastensuojelu), words of their own.
  [/^(pikku|koulu|esikoulu|kasvatti|sijais|lapsen)?las(ta|ten|taan|tani|tasi|tansa|temme|tenne|tensa)$/, '$1lapsi'],
  // "Nuori" (a young person) has four stems in Snowball: nuori, nuore (nuoren, nuorella), nuor (nuorta, nuorilla), nuort.
  [/^nuor(en|ella|elle|elta|essa|esta|eksi|ena|et|ten|ta|ia|illa|ille|ilta|issa|ista|iksi|iin|een)$/, 'nuori'],
  // "Tunti" (an hour, a lesson): tunnin, tunnilla, tunneilta are "tun" to Snowball, tunti and tuntia "tunt"; in compounds too (oppitunnilla).
  [/^(.*)tun(nin|nit|neilla|neille|neilta|neissa|neista|teja|tien|tiin|nilla|nille|nilta|nissa|nista|niksi)$/, '$1tunti'],
  // lääke / lääkkeen (kk / k), toimenpide / toimenpiteen (d / t), lausunto / lausunnon (nt / nn), ote / otteen (t / tt); in compounds
  // too (kipulääkkeen, tukitoimenpiteet, asiantuntijalausunnon, rikosrekisteriotteen).
  [/^(.*)lääk(keen|keet|keitä|keiden|keisiin|keissä|keistä|keillä|keelle|keellä|keestä|keessä|keeksi)$/, '$1lääke'],
  [/^(.*)toimenpi(teen|teet|teitä|teiden|teisiin|teissä|teistä|teillä|teelle|teellä|teestä|teessä|teeksi|teenä)$/, '$1toimenpide'],
  [/^(.*)lausun(non|not|noissa|nolla|nolle|noksi|nossa|nosta)$/, '$1lausunto'],
  [/^(.*)ot(teen|teet|teita|teista|teessa|teesta)$/, '$1ote'],
  // "vastaanoton" (of the appointment) is no "-ton" word ("maksuton", without): it is vastaanotto with one t.
  [/^(.*)vastaano(ton|tolle|tolla|tolta|tossa|tosta|toksi|tot)$/, '$1vastaanotto'],
  // The imperative of a plan's steps ("ilmoita rehtorille") is the verb a question asks with ("pitääkö ilmoittaa"):
  // Snowball cuts "ilmoita" to "ilmo", "ilmoittaa" to "ilmoit". Measured one by one, the other imperatives of steps
  // ("soita", "täytä", "kerro", "pyydä") moved more answers away than they brought.
  [/^ilmoita$/, 'ilmoittaa'],
  // The third person plural of a verb in -ea / -oa ("koulut hakevat", "he kertovat") is its singular (hakee, kertoo),
  // which Snowball stems as the verb ("hake", "kerto"); it cut the plural to "hakev", "kertov".
  [/^(.{3,}([eo]))v[aä]t$/, '$1$2'],
  // "Riidellä" (to quarrel) is a quarrel ("riita", as "yksittäinen riita"): Snowball cuts "riiteli" to "riitel", "riidellä" to "riite".
  [/^riit(eli|elee|elevät|elivät|elleet|ellyt|elemään|elemässä|elu|elua|elut|elyä|ely)$|^riid(ellä|eltiin|ellään)$/, 'riita'],
  // "Ei riitä" (is not enough) is "riittää", not "riita" (a quarrel), as Snowball stems it.
  [/^riitä$/, 'riittää'],
  // "Kerron", "kerrotaan" and "kertominen" are "kertoa" (to tell): Snowball cut them to "kero" and "kertom", the verb to "kerto".
  // Measured: "kerrottava", "kertomaan", "kertomatta" too moved an answer away.
  [/^(ker(ron|rot|rotaan|rotko|rotaanko|roin|roit|rottiin)|kertomi(nen|sen|sta|seen|sella))$/, 'kertoa'],
  // "Alaston" (naked) is "alastoma-" when inflected (alastomana, alastomia): no "-ton" word ("maksuton", "maksuttoman").
  [/^(.*)alastom(a|an|ana|aa|at|ia|ien|ina|iin|illa|ille|issa|ista|iksi)$/, '$1alaston'],
];

function stemFresh(word: string, lang: Lang): string {
  // The plural of "työ" and its compounds changes the vowel (ylityö: ylitöitä, töissä), which Snowball keeps apart;
  // not "-ntöihin", "-stöissä" (säännöt, pyynnöt, henkilöstöt), where the ö is the word's own.
  if (lang === 'fi') {
    word = word.replace(/(^|[aeiouyäö])töi(tä|ssä|stä|hin|llä|ltä|lle|den|tten|nä|ksi|t)$/, '$1työ');
    for (const [form, base] of BASE_FORMS) if (form.test(word)) word = word.replace(form, base);
  }
  let s = stemmers[lang].stem(word);
  if (lang === 'fi') {
    // lapsi → laps, as lapsen and lapset: Snowball reads -si after a consonant as "your" (koulusi), which it rarely is.
    if (/([^aeiouyäö]|au)si$/.test(word) && s === word.slice(0, -2)) s = word.slice(0, -1);
    s = s
      .replace(/([uyioö])ks$/, '$1s') // kotiopetuks- → kotiopetus, päätöks- → päätös
      .replace(/(uu|yy)d$/, '$1s') // turvallisuud- → turvallisuus
      .replace(/([^aeiouyäö])[aä]s$/, '$1') // oppilas → oppil (as oppilaan → oppil)
      .replace(/(aa|ee|ii|oo|uu|yy|ää|öö)$/, (m: string) => m[0]); // long vowel at stem end
    // -nen words: alueellinen / alueellisen / alueellista → alueel (Snowball gives alueellin, alueellis, alueel).
    // (The same after a vowel, yksilökohtainen → yksilökoht, was measured: won on new question sets, lost on tuned ones.)
    if (s.length >= 6) s = s.replace(/([^aeiouyäö])i[ns]$/, '$1').replace(/([^aeiouyäö])\1$/, '$1');
    // Consonant gradation Snowball keeps apart: arviointi / arvioinnin → arvioin, tieto / tiedon → tieto.
    if (s.length >= 5) s = s.replace(/([aeiouyäö])nt$/, '$1n').replace(/([aeiouyäö])d([aeiouyäö])$/, '$1t$2');
    // -us nouns with a vowel before: oikeus / oikeuden / oikeutta → oikeus, sairaus / sairauden → sairaus.
    if (s.length >= 5) s = s.replace(/([aeiouyäö]u)[dt]$/, '$1s');
    // -ton / -tön ("without"): maksuton, maksutonta and maksuttoman → maksuttom (Snowball gives maksuto, maksuton, maksuttom).
    if (/[^t]t[oö]n(t[aä])?$/.test(word) && word.length >= 7 && !/alaston(ta)?$/.test(word)) s = s.replace(/([^t])t([oö])n?$/, '$1tt$2m');
    // What must be done, as a statute writes it ("on ilmoitettava", "on järjestettävä", "selvitettävä"), is the verb a
    // question asks with ("pitääkö ilmoittaa", "järjestää", "selvittää"): the passive participle in -ettava has the
    // verb's stem. Only -ettava: not "tehtävä", a task as often as a duty, nor active participles ("odottava", "auttava").
    const duty = DUTY.exec(word) ?? DUTY_UA.exec(word);
    if (duty) s = fold(duty[1]);
    // A stem of one letter tells nothing: Snowball cuts both "läsnä" (present) and "lasta" (a child) to "l".
    if (s.length < 2) s = word;
    // A weekday in any case is the weekday: Snowball cuts "maanantaina" to "maanan" but keeps "maanantai".
    const day = WEEKDAY.exec(word);
    if (day) s = day[0];
    // "Vuosi" (a year) changes its stem in every case (vuoden, vuotta, vuodessa, vuosia): one stem, in compounds too
    // ("lukuvuoden", "kalenterivuotta"). Not "vuosittain" (yearly), a word of its own.
    const year = YEAR.exec(word);
    if (year) s = `${word.slice(0, year.index)}vuos`;
  }
  if (lang === 'sv') s = svDefinite(word, s);
  return s;
}

/**
 * A Swedish neuter noun in its definite form, which Snowball keeps whole (mötet, beslutet, barnet): the stem of
 * its base form (möte, beslut, barn); undefined for any other word. Read on the question side only, where the
 * plan or the glossary lacks the form asked: stemming it in the index too was measured and moved as many
 * answers each way.
 */
export function svNeuterBase(word: string): string | undefined {
  const s = stem(word, 'sv');
  return s.length >= 5 && s.endsWith('et') ? stem(s.slice(0, -2), 'sv') : undefined;
}

const anyLangCache = new Map<string, readonly string[]>();

const allStems = (word: string): readonly string[] => [...new Set(LANGS.map((l) => stem(word, l)))];

/** All stems a query word may have, whatever language the user typed in (one shared, read-only list per word). */
export function stemsAnyLang(word: string): readonly string[] {
  return remember(anyLangCache, word, 200_000, allStems);
}

/** Damerau–Levenshtein (optimal string alignment) distance, giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}
