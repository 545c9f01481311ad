import { Words, words32 } from './scratch';
/**
 * Postings in flat typed arrays (compressed rows): for each term, the sections that have it, with the term's
 * weighted frequency there and the most telling field it is in. A 2,500-section plan holds about a million
 * postings; as objects they cost hundreds of megabytes, as arrays a few.
 */
export const FIELD_BODY = 0;
export const FIELD_HEADING = 1;
export const FIELD_KEYWORDS = 2;
export const FIELD_TITLE = 3;

/** Growable parallel arrays, appended to while sections are analyzed. */
export class PostingsBuilder {
  private terms: Int32Array;
  private docs: Int32Array;
  private tfs: Float64Array;
  private fields: Uint8Array;
  private n = 0;

  /** `expected`: about how many postings there will be (they grow beyond it as needed). */
  constructor(expected = 1024) {
    const size = Math.max(1024, expected);
    this.terms = new Int32Array(size);
    this.docs = new Int32Array(size);
    this.tfs = new Float64Array(size);
    this.fields = new Uint8Array(size);
  }

  add(term: number, doc: number, tf: number, field: number): void {
    if (this.n === this.terms.length) {
      const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(Math.ceil(a.length * 1.5));
        b.set(a);
        return b;
      };
      this.terms = grow(this.terms);
      this.docs = grow(this.docs);
      this.tfs = grow(this.tfs);
      this.fields = grow(this.fields);
    }
    this.terms[this.n] = term;
    this.docs[this.n] = doc;
    this.tfs[this.n] = tf;
    this.fields[this.n] = field;
    this.n++;
  }

  /** Sorts by term (counting sort, sections stay in order) into rows. */
  build(termCount: number): Postings {
    const start = new Int32Array(termCount + 1);
    for (let i = 0; i < this.n; i++) start[this.terms[i] + 1]++;
    for (let t = 0; t < termCount; t++) start[t + 1] += start[t];
    const next = start.slice(0, termCount);
    const docs = new Int32Array(this.n);
    const tfs = new Float64Array(this.n);
    const fields = new Uint8Array(this.n);
    for (let i = 0; i < this.n; i++) {
      const at = next[this.terms[i]]++;
      docs[at] = this.docs[i];
      tfs[at] = this.tfs[i];
      fields[at] = this.fields[i];
    }
    // The unsorted arrays are not needed any more: let them go before the caller builds anything else.
    this.terms = this.docs = new Int32Array(0);
    this.tfs = new Float64Array(0);
    this.fields = new Uint8Array(0);
    this.n = 0;
    return new Postings(start, docs, tfs, fields);
  }
}

export class Postings {
  constructor(
    /** Row of term t: start[t] ≤ i < start[t + 1]. */
    readonly start: Int32Array,
    readonly docs: Int32Array,
    readonly tfs: Float64Array,
    readonly fields: Uint8Array,
  ) {}

  /** Document frequency of every term. */
  documentFrequencies(): Int32Array {
    const df = new Int32Array(this.start.length - 1);
    for (let t = 0; t < df.length; t++) df[t] = this.start[t + 1] - this.start[t];
    return df;
  }
}

/** One small set of unit indexes per section, packed in 32-bit words (questions have a handful of words). */
export class BitSets {
  private readonly perRow: number;
  private readonly bits: Uint32Array;
  /** `use`: the scratch buffer the sets live in (valid until the next use of that buffer). */
  constructor(rows: number, size: number, use: (typeof Words)[keyof typeof Words]) {
    this.perRow = Math.max(1, Math.ceil(size / 32));
    this.bits = words32(use, rows * this.perRow);
  }
  add(row: number, i: number): void {
    this.bits[row * this.perRow + (i >>> 5)] |= 1 << (i & 31);
  }
  /** Sum of `values[i]` over the set's members. */
  sum(row: number, values: number[]): number {
    let total = 0;
    for (let w = 0; w < this.perRow; w++) {
      let word = this.bits[row * this.perRow + w];
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        total += values[w * 32 + bit] ?? 0;
        word &= word - 1;
      }
    }
    return total;
  }
}
