import { contentWordMask, isStopword, type Lang, scanWords, stem } from '../analyze';
import { looseKeys } from '../glossary';
import type { Vocabulary } from './vocabulary';

/**
 * The plan's text as word ids, read once: every text is tokenized in a first walk over the plan, each
 * distinct word is stemmed and split once, and the second walk (postings, passages) reads only numbers.
 * A 2,500-section plan has millions of words but some tens of thousands of distinct ones.
 */
const LANG_SEED: Record<Lang, number> = { fi: 0x811c9dc5 | 0, sv: 0x811c9dc5 ^ 1, en: 0x811c9dc5 ^ 2 };

function sameText(word: string, t: string, from: number, to: number): boolean {
  if (word.length !== to - from) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== t.charCodeAt(from + i)) return false;
  return true;
}

/** Where the terms of a text go: the section's frequencies and the passage being read. */
export interface TermSink {
  add(term: number, weight: number): void;
}

export class Tokens {
  /** Open-addressing hash table of the distinct words (per language): word ids, -1 for an empty slot. */
  private slots = new Int32Array(1 << 14).fill(-1);
  private readonly wordText: string[] = [];
  private readonly wordLang: Lang[] = [];
  private readonly wordHash: number[] = [];
  private buf = new Int32Array(1 << 16);
  private n = 0;
  private ends: number[] = [];
  private cursor = 0;
  /** Per word: its terms (stem, compound parts, concepts of parts) as rows of ids and weights. */
  private termStart = new Int32Array(0);
  private termIds = new Int32Array(0);
  private termWeights = new Float64Array(0);
  private stems: string[] = [];
  /** Each word's Finnish stem read loosely (glossary.ts `looseKeys`), for Finnish glossary phrases in any case. */
  private looseStems: (readonly string[])[] = [];
  private content = new Uint8Array(0);
  /** Per word: whether glossary terms of more than one word start with its stem (then they are looked for). */
  private phraseFirst = new Uint8Array(0);
  /** Per word: the concept of the one-word term it is, when no longer term starts with it; else -1. */
  private singleConcept = new Int32Array(0);

  /** First walk: appends a text's words. */
  add(text: string, lang: Lang): void {
    scanWords(text, (t, from, to) => {
      const id = this.wordId(t, from, to, lang);
      if (this.n === this.buf.length) {
        const next = new Int32Array(this.buf.length * 2);
        next.set(this.buf);
        this.buf = next;
      }
      this.buf[this.n++] = id;
    });
    this.ends.push(this.n);
  }

  /** The id of the word t[from..to) in a language; a word seen before costs no new string (FNV-1a hash). */
  private wordId(t: string, from: number, to: number, lang: Lang): number {
    let h = LANG_SEED[lang];
    for (let i = from; i < to; i++) h = Math.imul(h ^ t.charCodeAt(i), 16777619);
    const mask = this.slots.length - 1;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const id = this.slots[at];
      if (id < 0) {
        const fresh = this.wordText.length;
        this.slots[at] = fresh;
        this.wordText.push(t.slice(from, to));
        this.wordLang.push(lang);
        this.wordHash.push(h);
        if (this.wordText.length * 2 > this.slots.length) this.rehash();
        return fresh;
      }
      if (this.wordHash[id] === h && this.wordLang[id] === lang && sameText(this.wordText[id], t, from, to)) return id;
    }
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    this.wordHash.forEach((h, id) => {
      let at = h & mask;
      while (this.slots[at] >= 0) at = (at + 1) & mask;
      this.slots[at] = id;
    });
  }

  /**
   * Between the walks: the Finnish and Swedish stems become the compound vocabulary, then every distinct
   * word gets its terms.
   */
  analyze(vocab: Vocabulary): void {
    const count = this.wordText.length;
    this.stems = this.wordText.map((w, i) => stem(w, this.wordLang[i]));
    this.looseStems = this.stems.map((st, i) => (this.wordLang[i] === 'fi' ? looseKeys(st) : [st]));
    this.content = Uint8Array.from(this.wordText, (w) => (isStopword(w) ? 0 : 1));
    for (let i = 0; i < count; i++) {
      const lang = this.wordLang[i];
      if (lang !== 'en' && this.stems[i].length >= 3 && this.content[i]) vocab.addPartStem(this.stems[i], lang);
    }
    const start = new Int32Array(count + 1);
    const ids: number[] = [];
    const weights: number[] = [];
    for (let i = 0; i < count; i++) {
      if (this.content[i]) {
        for (const t of vocab.wordTerms(this.stems[i], this.wordLang[i])) {
          ids.push(t.term);
          weights.push(t.weight);
        }
      }
      start[i + 1] = ids.length;
    }
    const starts = this.stems.map((st, i) => vocab.glossary.startsPhrase(st, this.wordLang[i], this.wordText[i]));
    this.phraseFirst = Uint8Array.from(starts, (x) => (x === 'phrases' ? 1 : 0));
    // A function word is no one-word term, whatever it stems like ("jälkeen" like "jälkkä"), as in a question (glossary.ts).
    this.singleConcept = Int32Array.from(starts, (x, i) => (typeof x === 'object' && this.content[i] ? vocab.conceptId(x.concept) : -1));
    this.termStart = start;
    this.termIds = Int32Array.from(ids);
    this.termWeights = Float64Array.from(weights);
    this.cursor = 0;
  }

  /** The next text's word range, without moving on. */
  peek(): { from: number; to: number } {
    return { from: this.cursor === 0 ? 0 : this.ends[this.cursor - 1], to: this.ends[this.cursor] };
  }

  /** Second walk, in the first walk's order: the next text's word range. */
  next(): { from: number; to: number } {
    const from = this.cursor === 0 ? 0 : this.ends[this.cursor - 1];
    return { from, to: this.ends[this.cursor++] };
  }

  /** Appends to the sink every term of the words in a range, then the glossary phrases they spell (weight 1). */
  terms(range: { from: number; to: number }, lang: Lang, vocab: Vocabulary, sink: TermSink): void {
    const buf = this.buf;
    for (let i = range.from; i < range.to; i++) {
      const w = buf[i];
      for (let k = this.termStart[w]; k < this.termStart[w + 1]; k++) sink.add(this.termIds[k], this.termWeights[k]);
    }
    let stemAt: ((k: number) => string) | undefined;
    let looseAt: ((k: number) => readonly string[]) | undefined;
    for (let i = range.from; i < range.to; i++) {
      const single = this.singleConcept[buf[i]];
      if (single >= 0) sink.add(single, 1);
      if (!this.phraseFirst[buf[i]]) continue;
      stemAt ??= (k: number) => this.stems[buf[k]];
      looseAt ??= (k: number) => this.looseStems[buf[k]];
      const hit = vocab.glossary.phraseAt(stemAt, i, range.to, lang, looseAt);
      // As in a question (glossary.ts findInQuestion): a term spelled only by function words is no concept.
      if (hit && this.hasContentWord(hit.start, hit.end)) sink.add(vocab.conceptId(hit.concept), 1);
    }
  }

  private hasContentWord(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (this.content[this.buf[k]]) return true;
    return false;
  }

  /** How many meaningful words a range has (a title or keyword phrase). */
  contentWords(range: { from: number; to: number }): number {
    const ws: string[] = [];
    for (let i = range.from; i < range.to; i++) ws.push(this.wordText[this.buf[i]]);
    return contentWordMask(ws).filter(Boolean).length;
  }

  /** All the words the plan has, for sizing the arrays the second walk fills. */
  get count(): number {
    return this.n;
  }

  /** Drops the token buffer once the index is built. */
  release(): void {
    this.buf = new Int32Array(0);
    this.ends = [];
    this.slots = new Int32Array(0);
  }
}
