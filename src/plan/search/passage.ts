import type { Lang } from '../analyze';
import type { Block } from '../model';
import { passageTraits, type PassageTraits } from './traits';

/**
 * Passages: the paragraphs and lists of a section (a paragraph that leads into a list travels with the
 * list), each with the headings above it. What the answer quotes is the passage that holds the most
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
    /** The section's first passage in its language (where introductions are). */
    readonly opening: boolean,
  ) {
    this.hasList = body[position].kind === 'list';
  }

  /** It ends in a list (read for every passage a question reaches: kept rather than looked up in the body). */
  readonly hasList: boolean;
  private traitsCache?: PassageTraits;
  private blocksCache?: readonly Block[];

  /** Its blocks (shared: read only). */
  get blocks(): readonly Block[] {
    return (this.blocksCache ??= this.body.slice(this.first, this.position + 1));
  }

  /** What kind of text this is (read when a question first reaches it, then kept). */
  traits(): PassageTraits {
    return (this.traitsCache ??= passageTraits(this.headings, this.blocks, this.opening));
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
      const next = new Int32Array(Math.ceil(this.ids.length * 1.5));
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

  at(i: number): number {
    return this.ids[i];
  }

  /**
   * Sets `bit` in `out[at + j]` for every `terms[j]` (sorted, distinct) the range from..to holds. A question has
   * a few terms and a passage many: each term is looked for from where the last one was, in steps that double
   * and then halve (a merge would read every term of the passage).
   */
  mark(from: number, to: number, terms: Int32Array, out: Uint8Array, at: number, bit: number): void {
    const ids = this.ids;
    let i = from;
    for (let j = 0; j < terms.length && i < to; j++) {
      const t = terms[j];
      if (ids[i] < t) {
        let lo = i;
        let step = 1;
        while (lo + step < to && ids[lo + step] < t) {
          lo += step;
          step *= 2;
        }
        // ids[lo] < t, and t (if there) is at most `step` further: the first id not below t.
        let hi = Math.min(lo + step, to);
        lo++;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (ids[mid] < t) lo = mid + 1;
          else hi = mid;
        }
        i = lo;
        if (i >= to) break;
      }
      if (ids[i] === t) {
        out[at + j] |= bit;
        i++;
      }
    }
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
}

/**
 * A paragraph that leads into the list after it: it ends in a colon, or breaks off without ending its sentence, as
 * statutes write it ("Syftet med småbarnspedagogiken som avses i denna lag är att" and the numbered aims).
 */
const leadsIntoList = (b: Block | undefined) => b?.kind === 'paragraph' && /[:\p{L}]$/u.test(b.text.trim());

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
  let head: { from: number; to: number } | undefined;
  blocks.forEach((b, i) => {
    const from = terms.length;
    if (b.kind === 'heading') {
      head = undefined;
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
    if (b.kind === 'paragraph' && blocks[i + 1]?.kind === 'list' && leadsIntoList(b)) {
      prev = block;
      return;
    }
    const withIntro = b.kind === 'list' && leadsIntoList(blocks[i - 1]);
    const heads = headingRanges.filter(Boolean).flat();
    // Passages under the same headings share one stored copy of the headings' terms.
    head ??= store.push(terms.ids, heads);
    const all = store.push(terms.ids, [...heads, ...(withIntro ? prev : []), ...block]);
    prev = block;
    out.push(new Passage(lang, headings, blocks, withIntro ? i - 1 : i, i, all.from, all.to, head.from, head.to, out.length === 0));
  });
  return out;
}
