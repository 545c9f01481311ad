import type { Lang } from '../analyze';
import type { Block } from '../model';
import type { Alternative } from './query';
import { PASSAGE } from './tuning';
import type { Vocabulary } from './vocabulary';

/**
 * Passages: the paragraphs and lists of a section (a paragraph ending in ':' travels with the list it
 * introduces), each with the headings above it. What the answer quotes is the passage that holds the most
 * of the question.
 */
export class Passage {
  constructor(
    readonly lang: Lang,
    /** Headings above the passage inside the section (shared by the passages under them). */
    readonly headings: string[],
    /** The section body of its language. */
    private readonly body: Block[],
    /** Index of its first block (an introducing paragraph) in the body. */
    readonly first: number,
    /** Index of its last block. */
    readonly position: number,
    /** Its terms (and its headings' terms) in the passage store: sorted term ids from..to. */
    readonly from: number,
    readonly to: number,
    readonly headFrom: number,
    readonly headTo: number,
  ) {}

  get blocks(): Block[] {
    return this.body.slice(this.first, this.position + 1);
  }
}

/** The terms of every passage, sorted per passage, in one growable array. */
export class PassageTerms {
  private ids = new Int32Array(4096);
  private n = 0;

  /** Appends the distinct terms of some ranges of `src` (from, to, from, to…), sorted; returns where they are. */
  push(src: Int32Array, ranges: number[]): { from: number; to: number } {
    let size = 0;
    for (let r = 0; r < ranges.length; r += 2) size += ranges[r + 1] - ranges[r];
    while (this.n + size > this.ids.length) {
      const next = new Int32Array(this.ids.length * 2);
      next.set(this.ids);
      this.ids = next;
    }
    const from = this.n;
    let at = from;
    for (let r = 0; r < ranges.length; r += 2) {
      this.ids.set(src.subarray(ranges[r], ranges[r + 1]), at);
      at += ranges[r + 1] - ranges[r];
    }
    this.ids.subarray(from, at).sort();
    let to = from;
    for (let r = from; r < at; r++) if (to === from || this.ids[r] !== this.ids[to - 1]) this.ids[to++] = this.ids[r];
    this.n = to;
    return { from, to };
  }

  has(from: number, to: number, term: number): boolean {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const v = this.ids[mid];
      if (v === term) return true;
      if (v < term) lo = mid + 1;
      else hi = mid;
    }
    return false;
  }

  /** Drops the spare capacity once the index is built. */
  trim(): void {
    this.ids = this.ids.slice(0, this.n);
  }
}

const endsWithColon = (b: Block | undefined) => b?.kind === 'paragraph' && b.text.trim().endsWith(':');

/** The term ids of the section being read, appended text by text; ranges of it make the passages. */
export interface SectionTerms {
  ids: Int32Array;
  /** Reads the next text of the body into `ids` under the field; returns its range's end (its start is the previous end). */
  read(field: 'heading' | 'body'): number;
  /** Where the next text will start. */
  readonly length: number;
}

/** Reads one language's body (its headings, paragraphs and list items, in order) into passages. */
export function readBody(blocks: Block[], lang: Lang, store: PassageTerms, terms: SectionTerms): Passage[] {
  const out: Passage[] = [];
  const stack: string[] = [];
  let headings: string[] = [];
  /** Per heading level, its terms' range (from, to). */
  const headingRanges: number[][] = [];
  let prev: number[] = [];
  blocks.forEach((b, i) => {
    const from = terms.length;
    if (b.kind === 'heading') {
      const at = Math.max(0, b.level - 2);
      stack.splice(at);
      headingRanges.splice(at);
      stack[at] = b.text;
      headings = stack.filter(Boolean);
      headingRanges[at] = [from, terms.read('heading')];
      prev = [];
      return;
    }
    let to = from;
    if (b.kind === 'list') for (const _ of b.items) to = terms.read('body');
    else to = terms.read('body');
    const block = [from, to];
    if (b.kind === 'paragraph' && blocks[i + 1]?.kind === 'list' && endsWithColon(b)) {
      prev = block;
      return;
    }
    const withIntro = b.kind === 'list' && endsWithColon(blocks[i - 1]);
    const heads = headingRanges.filter(Boolean).flat();
    const head = store.push(terms.ids, heads);
    const all = store.push(terms.ids, [...heads, ...(withIntro ? prev : []), ...block]);
    prev = block;
    out.push(new Passage(lang, headings, blocks, withIntro ? i - 1 : i, i, all.from, all.to, head.from, head.to));
  });
  return out;
}

/** A question word's alternatives as the passage scorer needs them: id, weight × IDF, concept or not. */
export interface ScoredAlternative {
  id: number;
  value: number;
  concept: boolean;
}

export function scoredGroups(groups: Alternative[][], vocab: Vocabulary): ScoredAlternative[][] {
  return groups.map((g) => g.filter((a) => a.id >= 0).map((a) => ({ id: a.id, value: a.weight * vocab.idf(a.id), concept: a.term.startsWith('@') })));
}

/**
 * Each question word counts once, by its best term in the passage; a term in the passage's heading
 * counts double, and a glossary concept 1.5x (it matched the meaning, not just the letters).
 */
export function passageScore(p: Passage, groups: ScoredAlternative[][], store: PassageTerms): number {
  let score = 0;
  for (const g of groups) {
    let best = 0;
    for (const a of g) {
      if (!store.has(p.from, p.to, a.id)) continue;
      const v = a.value * (store.has(p.headFrom, p.headTo, a.id) ? PASSAGE.headingFactor : 1) * (a.concept ? PASSAGE.conceptFactor : 1);
      if (v > best) best = v;
    }
    score += best;
  }
  return p.blocks.some((b) => b.kind === 'list') ? score * PASSAGE.listFactor : score;
}

/** The passage with the most question weight; ties go to the earlier one (Finnish first). */
export function bestPassage(passages: Passage[], groups: ScoredAlternative[][], store: PassageTerms, lang?: Lang): Passage | undefined {
  let best: { p: Passage; s: number } | undefined;
  for (const p of passages) {
    if (lang && p.lang !== lang) continue;
    const s = passageScore(p, groups, store);
    if (!best || s > best.s) best = { p, s };
  }
  return best?.p;
}
