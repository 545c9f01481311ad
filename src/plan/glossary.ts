import { dirname, join } from 'node:path';
import { z } from 'zod';
import { readYamlFile } from '../yamlFile';
import { fold, isStopword, type Lang, LANGS, remember, stem, stemsAnyLang, svNeuterBase, words } from './analyze';
import { Lexicon } from './lexicon';
import { writtenForms } from './spoken';
import { ageOfMinor, endsInParticle, meet, NUMBER, spanOf, startsRange } from './questionPhrases';

/**
 * The domain glossary (content/glossary.yml): concepts with their terms in fi, sv and en, plus old and
 * colloquial terms. A concept found in a question or in a section becomes the token `@<n>`, so an English
 * or Swedish question, an old term or a slang word meets the Finnish section through the concept.
 */
const entry = z.object({
  fi: z.array(z.string()).default([]),
  sv: z.array(z.string()).default([]),
  en: z.array(z.string()).default([]),
  old: z.array(z.string()).default([]),
  colloquial: z.array(z.string()).default([]),
});
export type GlossaryEntry = z.infer<typeof entry>;

interface Phrase {
  concept: string;
  /** Stems per word, per language the phrase may be matched in. */
  stems: Record<Lang, string[]>;
}

interface WordReadings {
  all: ReadonlySet<string>;
  /** In the order they are tried: by language, then by reading, then longest term first. */
  starts: { stems: string[]; concept: string }[];
  /** Finnish phrases read by their words' loose stems (`looseKeys`), started by this word. */
  looseStarts: LoosePhrase[];
  /** The word's Finnish stem, loosely (`looseKeys`). */
  looseFi: readonly string[];
}

/** A Finnish phrase of two or more words, each word by its loose stems (`looseKeys`). */
interface LoosePhrase {
  keys: (readonly string[])[];
  concept: string;
}

export interface ConceptHit {
  concept: string;
  /** Word positions covered in the token sequence. */
  start: number;
  end: number;
}

/**
 * Near matches of one-word terms: an ending the stemmer leaves (lintsaa ~ lintsaus), not a compound
 * ("koulu" must not reach "koulukura" or "koulubussi").
 */
const NEAR_MIN = 6;
const NEAR_MAX_EXTRA = 2;

/**
 * A Finnish stem one letter shorter: the forms of a word Snowball leaves apart end differently (erityinen: erityin,
 * erityiseen: erityis; tuki: tuki, tukeen: tuke). Only Finnish phrases of two or more words are read so, each of
 * their words in turn, where a near reading of one word alone would be another word.
 */
const LOOSE_MIN = 3;
function loose(s: string): string {
  // A number is read as written: "2025" is not "2026".
  return s.length > LOOSE_MIN && !NUMBER.test(s) ? s.slice(0, -1) : s;
}

/**
 * A Finnish stem's loose readings (`loose`): one, or three for a verb form Snowball leaves with its mark, the -ma- of
 * "katsomaan", "tarkastamaan" or the -t- of "katsottiin", "tarkastettiin". Its infinitive keeps or drops the
 * vowel before the mark ("katsoa": katso, "tarkastaa": tarkast), so both readings are kept: the phrase
 * "katsoa läpi" is "katsomaan läpi", "tarkastaa tavarat" is "tarkastettiin tavarat".
 */
export function looseKeys(s: string): readonly string[] {
  const one = loose(s);
  const m = /[aeiouy][mt]$/.test(s) && s.length > LOOSE_MIN + 1 ? s.slice(0, -1) : undefined;
  return m ? [...new Set([one, loose(m), loose(m.slice(0, -1))])] : [one];
}

/**
 * A one-word term the stemmer cut to a stub of three letters or fewer, three or more letters short of the word
 * (ledighet: led, kännissä: kan, sexorna: sex), is keyed by the stub and the word's next two letters (ledig, kanni,
 * sexor): "leder" (leads) is not leave of absence, nor "kanna" (may) drunk, though each stems to the same stub.
 */
const STUB_MAX = 3;
const STUB_CUT = 3;
const STUB_TAIL = 2;
export function stubKey(word: string, s: string): string {
  if (s.length > STUB_MAX) return s;
  const f = fold(word);
  // A stub the stemmer rewrote, not only cut ("hoks": hos, "kka": ka) is keyed by the word's own first letters, one
  // more than the stub (hoks, hoksin: hoks; kka: kka): Swedish "hos" (at) is no HOKS, nor spoken "sen kaa" (with) an assistant.
  if (!f.startsWith(s)) return f.slice(0, s.length + 1);
  return f.length - s.length >= STUB_CUT ? f.slice(0, s.length + STUB_TAIL) : s;
}

export class Glossary {
  private readonly byFirst: Record<Lang, Map<string, Phrase[]>> = { fi: new Map(), sv: new Map(), en: new Map() };
  /** Finnish phrases of two or more words by their first word's loose stem, with every word's loose stem; longest first. */
  private readonly looseFi = new Map<string, LoosePhrase[]>();
  /** Stems of one-word terms, sorted, for near matches (lintsaa ~ lintsaus). */
  private singleWords: string[] = [];
  private singleSet = new Set<string>();
  private readonly readingCache = new Map<string, WordReadings>();
  /** The concept of a minor ("alaikäinen"), which a pupil's age under 18 reads as (`ageOfMinor`). */
  private readonly minor: string | undefined;
  readonly size: number;

  /** `lexicon`: everyday words across languages, read for question words the plan does not know (content/lexicon.yml beside the glossary). */
  constructor(
    readonly entries: GlossaryEntry[],
    readonly lexicon = new Lexicon([]),
  ) {
    entries.forEach((e, i) => {
      const concept = `@${i}`;
      const terms: [string, Lang[]][] = [
        ...e.fi.map((t) => [t, ['fi']] as [string, Lang[]]),
        ...e.sv.map((t) => [t, ['sv']] as [string, Lang[]]),
        ...e.en.map((t) => [t, ['en']] as [string, Lang[]]),
        ...[...e.old, ...e.colloquial].map((t) => [t, LANGS] as [string, Lang[]]),
      ];
      for (const [term, langs] of terms) {
        const ws = words(term);
        if (ws.length === 0) continue;
        for (const l of langs) {
          const phrase: Phrase = { concept, stems: { fi: [], sv: [], en: [] } };
          for (const l2 of LANGS) phrase.stems[l2] = ws.length === 1 ? [stubKey(ws[0], stem(ws[0], l2))] : ws.map((w) => stem(w, l2));
          const first = phrase.stems[l][0];
          const list = this.byFirst[l].get(first) ?? [];
          list.push(phrase);
          this.byFirst[l].set(first, list);
        }
        if (ws.length >= 2 && langs.includes('fi')) {
          const keys = ws.map((w) => looseKeys(stem(w, 'fi')));
          const same = (p: LoosePhrase) => p.concept === concept && p.keys.join(' ') === keys.join(' ');
          for (const first of keys[0]) {
            const list = this.looseFi.get(first) ?? [];
            if (!list.some(same)) list.push({ keys, concept });
            this.looseFi.set(first, list);
          }
        }
      }
    });
    // Longest term first (stable, so equal lengths keep the file's order): the first full match is the one to take.
    for (const l of LANGS) for (const list of this.byFirst[l].values()) list.sort((a, b) => b.stems[l].length - a.stems[l].length);
    for (const list of this.looseFi.values()) list.sort((a, b) => b.keys.length - a.keys.length);
    this.size = entries.length;
    const minor = entries.findIndex((e) => e.fi.includes('alaikäinen'));
    this.minor = minor >= 0 ? `@${minor}` : undefined;
    const singles = new Set<string>();
    for (const l of LANGS) for (const [first, phrases] of this.byFirst[l]) if (phrases.some((p) => p.stems[l].length === 1)) singles.add(first);
    this.singleWords = [...singles].sort();
    this.singleSet = singles;
  }

  /** One-word term stems that share a stem of 6+ letters with `s`, differing by at most 3 letters at the end. */
  private nearSingles(s: string): string[] {
    if (s.length < NEAR_MIN) return [];
    const out: string[] = [];
    // Shorter terms that s extends: its own prefixes. Longer terms that extend s: a range of the sorted list.
    for (let len = Math.max(NEAR_MIN, s.length - NEAR_MAX_EXTRA); len < s.length; len++) if (this.singleSet.has(s.slice(0, len))) out.push(s.slice(0, len));
    let lo = 0;
    let hi = this.singleWords.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.singleWords[mid] < s) lo = mid + 1;
      else hi = mid;
    }
    // A stem that is a term itself reaches no longer one: "poissaolo" is absence, not "poissaololu" (poissaololupa, a leave).
    if (this.singleSet.has(s)) return out;
    for (let i = lo; i < this.singleWords.length && this.singleWords[i].startsWith(s); i++) {
      const t = this.singleWords[i];
      if (t !== s && t.length - s.length <= NEAR_MAX_EXTRA) out.push(t);
    }
    return out;
  }

  /** The concepts of which a stem is a one-word term, in any language ("vanhempainvapaa": parental leave and pay). */
  conceptsOfTerm(stem: string): string[] {
    const out: string[] = [];
    for (const l of LANGS) for (const p of this.byFirst[l].get(stem) ?? []) if (p.stems[l].length === 1 && !out.includes(p.concept)) out.push(p.concept);
    return out;
  }

  /** Whether a stem is a one-word term of some concept (in any language); `word`: the word it is the stem of (`stubKey`). */
  isTerm(stem: string, word?: string): boolean {
    return this.singleSet.has(word === undefined ? stem : stubKey(word, stem));
  }

  static load(file: string): Glossary {
    return new Glossary(readYamlFile(file, z.array(entry), []), Lexicon.load(join(dirname(file), 'lexicon.yml')));
  }

  /** Concepts in a text of known language, given its stems. Longest phrase wins at each position. */
  findInStems(stems: string[], lang: Lang): ConceptHit[] {
    const hits: ConceptHit[] = [];
    for (let i = 0; i < stems.length; i++) {
      const hit = this.phraseAt((k) => stems[k], i, stems.length, lang);
      if (hit) hits.push(hit);
    }
    return hits;
  }

  /**
   * What a stem starts in the language: nothing (most words), a one-word term only (its concept, no look-ahead
   * needed), or longer terms (`phraseAt` must look).
   */
  startsPhrase(stem: string, lang: Lang, word: string): 'none' | 'phrases' | { concept: string } {
    const list = this.byFirst[lang].get(stem);
    if (lang === 'fi' && looseKeys(stem).some((k) => this.looseFi.has(k))) return 'phrases';
    const key = stubKey(word, stem);
    if (!list) return key === stem ? 'none' : (this.byFirst[lang].get(key)?.find((p) => p.stems[lang].length === 1) ?? 'none');
    return list[0].stems[lang].length === 1 ? { concept: list[0].concept } : 'phrases';
  }

  /**
   * The longest term starting at position `i` of a stem sequence that ends at `end`; `looseAt`: the same stems
   * read loosely (`looseKeys`), when the caller keeps them.
   */
  phraseAt(stemAt: (k: number) => string, i: number, end: number, lang: Lang, looseAt: (k: number) => readonly string[] = (k) => looseKeys(stemAt(k))): ConceptHit | undefined {
    let exact: ConceptHit | undefined;
    for (const p of this.byFirst[lang].get(stemAt(i)) ?? []) {
      const s = p.stems[lang];
      if (i + s.length > end) continue;
      let k = 1;
      while (k < s.length && stemAt(i + k) === s[k]) k++;
      if (k === s.length && !(i + k < end && startsRange(s[k - 1], stemAt(i + k)))) {
        exact = { concept: p.concept, start: i, end: i + s.length };
        break;
      }
    }
    if (lang !== 'fi') return exact;
    // "erityistä tukea" is the term "erityinen tuki": a longer Finnish phrase read by its loose stems wins.
    for (const first of looseAt(i)) {
      for (const p of this.looseFi.get(first) ?? []) {
        const n = p.keys.length;
        if (i + n > end || (exact && exact.end - exact.start >= n)) continue;
        let k = 1;
        while (k < n && meet(looseAt(i + k), p.keys[k])) k++;
        if (k === n && !(i + k < end && startsRange(stemAt(i + k - 1), stemAt(i + k)))) return { concept: p.concept, start: i, end: i + n };
      }
    }
    return exact;
  }

  /**
   * A question word's readings (its stems in every language and the one-word terms near them) and the terms,
   * per language, that start with one of them; kept per word, as words recur from question to question.
   */
  private readings(word: string): WordReadings {
    return remember(this.readingCache, word, 50_000, this.freshReadings);
  }

  private readonly freshReadings = (word: string): WordReadings => {
    const base = svNeuterBase(word);
    // Spoken Finnish read as written ("vastasen" as "vastaisen"), as the index reads a question word (spoken.ts).
    const spoken = writtenForms(word, true).map((f) => stem(f, 'fi'));
    const stems = [...stemsAnyLang(word), ...(base ? [base] : []), ...spoken];
    const all = new Set([...stems, ...stems.map((s) => stubKey(word, s)), ...stems.flatMap((s) => this.nearSingles(s))]);
    const starts: WordReadings['starts'] = [];
    for (const lang of LANGS) for (const first of all) for (const p of this.byFirst[lang].get(first) ?? []) starts.push({ stems: p.stems[lang], concept: p.concept });
    const looseFi = [...new Set([stem(word, 'fi'), ...spoken].flatMap((s) => looseKeys(s)))];
    const looseStarts = [...new Set(looseFi.flatMap((k) => this.looseFi.get(k) ?? []))];
    return { all, starts, looseStarts, looseFi };
  };

  /** Concepts in a question of unknown language: each word may have any language's stem. */
  findInQuestion(questionWords: string[]): ConceptHit[] {
    const read = questionWords.map((w) => this.readings(w));
    const hits: ConceptHit[] = [];
    for (let i = 0; i < read.length; i++) {
      const found = (concept: string, n: number, last: string) => {
        if (i + n < read.length && startsRange(last, questionWords[i + n])) return;
        // A function word is not a concept, whatever else it spells ("var" is Swedish for "where").
        if (questionWords.slice(i, i + n).every(isStopword)) return;
        hits.push({ concept, start: i, end: i + n });
      };
      for (const { stems: s, concept } of read[i].starts) {
        const n = spanOf(s.length, (k, at) => read[at].all.has(s[k]), questionWords, i, endsInParticle(s));
        if (n > 0) found(concept, n, s[s.length - 1]);
      }
      for (const { keys, concept } of read[i].looseStarts) {
        const n = spanOf(keys.length, (k, at) => meet(read[at].looseFi, keys[k]), questionWords, i);
        if (n > 0) found(concept, n, questionWords[i + n - 1]);
      }
      const age = this.minor ? ageOfMinor(questionWords, i) : 0;
      if (age > 0) hits.push({ concept: this.minor!, start: i, end: i + age });
    }
    // Keep, per concept, one hit; drop hits contained in a longer hit of another concept.
    const unique = new Map<string, ConceptHit>();
    for (const h of hits) {
      const prev = unique.get(h.concept);
      if (!prev || h.end - h.start > prev.end - prev.start) unique.set(h.concept, h);
    }
    const all = [...unique.values()];
    return all.filter((h) => !all.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
  }
}
