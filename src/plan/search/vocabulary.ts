import { editDistance, isStopword, type Lang, LANGS, stem, words } from '../analyze';
import type { Glossary } from '../glossary';
import { ANALYSIS, TUNED_SECTIONS } from './tuning';

/**
 * The longest word read for typos, near forms (see `near`) and compound parts as written (wordParts.ts): past it, it
 * is no word anyone types (the longest compounds are about 35 letters), and each letter more costs CPU for nothing.
 */
export const NEAR_MAX = 40;

/**
 * The plan's vocabulary: every index term (Snowball stems without ä/ö/å, compound parts, glossary concepts
 * `@12`) interned as a number, its document frequency, the Finnish and Swedish stems a compound may be split
 * into, and the lookups for near matches (prefixes, SymSpell deletions for typos).
 */

/** Index terms that are not words: glossary concepts (@12). */
export function isWord(term: string): boolean {
  return term[0] !== '@';
}

/** A term (id) and its weight in a text: 1 for a word, less for a compound's part. */
export interface TermWeight {
  term: number;
  weight: number;
}

function deletes(term: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < term.length; i++) out.add(term.slice(0, i) + term.slice(i + 1));
  return out;
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** BM25's inverse document frequency of a term in `df` of `docs` sections. */
function bm25Idf(docs: number, df: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private df: Int32Array = new Int32Array(0);
  private docCount = 0;
  private scaleValue = 1;
  /** Finnish and Swedish stems of the plan: the parts a compound may be split into. */
  private readonly partVocab: Record<'fi' | 'sv', Set<string>> = { fi: new Set(), sv: new Set() };
  private readonly partsCache = new Map<string, string[]>();
  /**
   * Single-deletion variants of every word of 4+ letters (SymSpell), for fast typo matching: built by the
   * first lookup that needs it, not at start-up (it is the largest part of building the index).
   */
  private deletionsMap?: Map<string, string[]>;
  /** Sorted words, for prefix ranges. */
  private sortedWords: string[] = [];

  private textLangsValue: readonly Lang[] = LANGS;

  constructor(readonly glossary: Glossary) {
    // Concepts first, so a concept found while the postings are built already has its id.
    for (let i = 0; i < glossary.size; i++) this.intern(`@${i}`);
  }

  /** A Finnish or Swedish stem of the plan's own words: a part a compound may be split into. */
  addPartStem(st: string, lang: 'fi' | 'sv'): void {
    this.partVocab[lang].add(st);
  }

  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(term, id);
      this.names.push(term);
    }
    return id;
  }

  /** A glossary concept's id (every concept is interned first, so `@12` is 12). */
  conceptId(concept: string): number {
    return this.intern(concept);
  }

  id(term: string): number | undefined {
    return this.ids.get(term);
  }

  term(id: number): string {
    return this.names[id];
  }

  /** Whether some section of the plan has this term. */
  has(term: string): boolean {
    const id = this.ids.get(term);
    return id !== undefined && this.df[id] > 0;
  }

  dfOf(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? 0 : (this.df[id] ?? 0);
  }

  idf(id: number | undefined): number {
    return bm25Idf(this.docCount, id === undefined ? 0 : (this.df[id] ?? 0));
  }

  /**
   * This plan's scores against those of the plan the thresholds were tuned on: the IDF of a word in one section
   * here over there (see TUNED_SECTIONS), at most 1.
   */
  get scale(): number {
    return this.scaleValue;
  }

  idfOf(term: string): number {
    return this.idf(this.ids.get(term));
  }

  /** Stems, compound parts and glossary concepts of a short text in a known language (a weightWhen term), as term ids. */
  analyze(text: string, lang: Lang): TermWeight[] {
    const ws = words(text);
    const stems = ws.map((w) => stem(w, lang));
    const out: TermWeight[] = [];
    ws.forEach((w, i) => {
      if (!isStopword(w)) out.push(...this.wordTerms(stems[i], lang));
    });
    for (const h of this.glossary.findInStems(stems, lang)) out.push({ term: this.intern(h.concept), weight: 1 });
    return out;
  }

  /** A meaningful word's terms: its stem, its compound parts, and the glossary concepts of its parts. */
  wordTerms(st: string, lang: Lang): TermWeight[] {
    const terms: TermWeight[] = [{ term: this.intern(st), weight: 1 }];
    const parts = this.compoundParts(st, lang);
    for (const part of parts) terms.push({ term: this.intern(part), weight: ANALYSIS.partWeight });
    // Parts that are glossary terms bring their concepts, as whole words do (avustajapalvelu: avustaja).
    for (const h of this.glossary.findInStems(parts, lang)) if (h.end - h.start === 1) terms.push({ term: this.intern(h.concept), weight: ANALYSIS.partWeight });
    return terms;
  }

  /**
   * Splits a Finnish or Swedish compound stem into known stems: kotiopetusilmoitus → kotiopetus + ilmoitus →
   * koti + opetus; frånvarotimmar → frånvaro + timm; a Swedish linking s (skolgångs|handledare) is dropped.
   * A split needs a known tail of at least 4 letters and a head of at least 3 that the plan knows or that is a one-word
   * glossary term of at least 5 (dagis|plats); the head is split again.
   */
  compoundParts(st: string, lang: Lang, depth = 0): string[] {
    if (lang === 'en' || st.length < ANALYSIS.minPart + 3 || depth > 2) return [];
    const key = `${lang}:${st}`;
    const cached = depth === 0 ? this.partsCache.get(key) : undefined;
    if (cached) return cached;
    const vocab = this.partVocab[lang];
    let parts: string[] = [];
    for (let i = 3; i <= st.length - ANALYSIS.minPart; i++) {
      const tail = st.slice(i);
      if (tail.length < ANALYSIS.minPart || !vocab.has(tail)) continue;
      let head = st.slice(0, i);
      if (lang === 'sv' && head.endsWith('s') && !vocab.has(head) && vocab.has(head.slice(0, -1))) head = head.slice(0, -1);
      const headStem = stem(head, lang);
      const headParts = this.compoundParts(head, lang, depth + 1);
      // Both sides must be words of the plan (or the head a compound of them): "password" is not pass + word.
      // …or a one-word term of the glossary, which brings its concept (dagis|plats: early childhood education + place).
      const termHead = head.length >= ANALYSIS.minTermHead && (this.glossary.isTerm(headStem, head) || this.glossary.isTerm(head));
      if (!vocab.has(head) && !vocab.has(headStem) && headParts.length === 0 && !termHead) continue;
      parts = [...new Set([headStem, head, tail, ...headParts])].filter((p) => p.length >= 3 && p !== st);
      break;
    }
    if (depth === 0) this.partsCache.set(key, parts);
    return parts;
  }

  /** After every section was analyzed: document frequencies, the plan's languages, and the lookups for near matches. */
  finish(df: Int32Array, docCount: number, textLangs: readonly Lang[]): void {
    this.textLangsValue = textLangs;
    this.df = df;
    this.docCount = docCount;
    this.scaleValue = Math.min(1, Math.max(0, bm25Idf(docCount, 1)) / bm25Idf(TUNED_SECTIONS, 1));
    this.sortedWords = this.names.filter((t, i) => df[i] > 0 && isWord(t)).sort();
    this.deletionsMap = undefined;
  }

  /** The languages the plan is written in: a question word in another one is read through the lexicon. */
  get textLangs(): readonly Lang[] {
    return this.textLangsValue;
  }

  private get deletions(): Map<string, string[]> {
    if (this.deletionsMap) return this.deletionsMap;
    const map = new Map<string, string[]>();
    for (const t of this.sortedWords) {
      if (t.length < 4) continue;
      for (const d of deletes(t)) {
        const list = map.get(d);
        if (list) list.push(t);
        else map.set(d, [t]);
      }
    }
    this.deletionsMap = map;
    return map;
  }

  get size(): number {
    return this.names.length;
  }

  /** Stems of the plan that are `s` cut or extended by up to 3 letters (an ending the stemmer read otherwise), of 5+ letters. */
  nearByEnding(s: string, add: (term: string) => void): void {
    for (let len = 5; len < s.length; len++) if (s.length - len <= 3 && this.has(s.slice(0, len))) add(s.slice(0, len));
    for (let i = lowerBound(this.sortedWords, s); i < this.sortedWords.length && this.sortedWords[i].startsWith(s); i++) {
      if (this.sortedWords[i].length - s.length <= 3) add(this.sortedWords[i]);
    }
  }

  /**
   * Stems of the plan near an unknown stem, with their weights: the stem cut or extended by up to 3 letters,
   * and typos (one edit for stems up to 7 letters, two from 8), found through shared deletion variants. A typo keeps
   * the word's first letter, as people mistype inside a word, not its start: "maksamaan" (to pay) is no typo of
   * "jaksaminen" (coping), nor "isäpuoli" (stepfather) of "osapuoli" (party). A loan word's c or k, v or w may differ
   * ("curator": kurator).
   */
  near(s: string, add: (term: string, weight: number) => void, already: (term: string) => boolean): void {
    // Past NEAR_MAX letters it is no word anyone types (the longest compounds are about 35): its two-letter
    // deletions alone would be hundreds of thousands of strings, a second of CPU for one pasted token.
    if (s.length < 6 || s.length > NEAR_MAX) return;
    this.nearByEnding(s, (t) => add(t, ANALYSIS.prefixWeight));
    const max = s.length >= 8 ? 2 : 1;
    const probes = new Set([s]);
    for (const d of deletes(s)) {
      probes.add(d);
      if (max === 2) for (const dd of deletes(d)) probes.add(dd);
    }
    const tried = new Set<string>();
    const check = (t: string) => {
      if (tried.has(t) || already(t)) return;
      tried.add(t);
      if (!sameStart(s, t)) return;
      const d = editDistance(s, t, max);
      if (d <= max) add(t, d === 1 ? ANALYSIS.typo1Weight : ANALYSIS.typo2Weight);
    };
    for (const p of probes) {
      const list = this.deletions.get(p);
      if (list) for (const t of list) check(t);
      if (this.has(p) && isWord(p)) check(p);
    }
  }
}

/** The same first letter, or a loan word's c and k, v and w. */
const START_ALIKE = /^(c|k)$|^(v|w)$/;
function sameStart(a: string, b: string): boolean {
  if (a[0] === b[0]) return true;
  const m = START_ALIKE.exec(a[0]);
  const n = START_ALIKE.exec(b[0]);
  return !!m && !!n && (m[1] ? !!n[1] : !!n[2]);
}
