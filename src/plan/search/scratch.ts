/**
 * Buffers the ranking reuses instead of allocating per question: a typed array of more than a few numbers
 * lives outside the JavaScript heap, and making one costs more than most of the arithmetic done in it. Ranking
 * runs one question at a time and keeps nothing between calls, so one buffer of each kind serves every index;
 * each is grown as needed and cleared for each use. A buffer may be longer than asked for: read only `size`.
 */

/** What each buffer is for: one use, one buffer. */
export const Buf = {
  /** Per passage of one section: its relevance and its local weight (rankPassages). */
  PassageRelevance: 0,
  PassageLocal: 1,
  /** …and its local weight with the section's title words counted as its own (rankPassages). */
  PassageTopical: 11,
  /** Per question term: its rarity among a section's passages. */
  TermRarity: 2,
  /** Per section (rank). */
  SectionScore: 3,
  UnitBest: 4,
  Total: 5,
  Prior: 6,
  BestWeight: 7,
  BestCoverage: 8,
  /** Per leader (mustRerank). */
  Low: 9,
  High: 10,
} as const;
type BufUse = (typeof Buf)[keyof typeof Buf];
const numbers: Float64Array[] = [];

/** Buffer `k` of `pool` with at least `size` elements, the first `size` of them 0; grown (doubled at least) when short. */
function take<T extends Float64Array | Uint8Array | Uint32Array>(pool: T[], k: number, size: number, make: (length: number) => T, initial: number): T {
  const b = pool[k];
  if (b && b.length >= size) {
    b.fill(0, 0, size);
    return b;
  }
  return (pool[k] = make(Math.max(size, 2 * (b?.length ?? initial))));
}

/** `size` numbers, all 0, from buffer `k`. */
export function floats(k: BufUse, size: number): Float64Array {
  return take(numbers, k, size, (n) => new Float64Array(n), 128);
}

export const Bytes = {
  /** Per passage and question term: the term is in the passage, in its headings (rankPassages). */
  Present: 0,
  /** Per section (rank): a unit matched its title, keywords or headings; it is named by the question. */
  UnitAbout: 1,
  Named: 2,
  /** Per section (rank): the question holds one of its titles whole. */
  HeldTitle: 3,
  /** Per question term: it is a word of the section's title (rankPassages). */
  TitleTerm: 4,
} as const;
type BytesUse = (typeof Bytes)[keyof typeof Bytes];
const byteBuffers: Uint8Array[] = [];

/** `size` bytes, all 0, from buffer `k`. */
export function bytes(k: BytesUse, size: number): Uint8Array {
  return take(byteBuffers, k, size, (n) => new Uint8Array(n), 2048);
}

export const Words = {
  /** Per section and question word (rank): matched anywhere, matched in the title, keywords or headings. */
  Matched: 0,
  MatchedAbout: 1,
  /** Per leader (mustRerank): how many others are surely ahead of it. */
  Ahead: 2,
} as const;
type WordsUse = (typeof Words)[keyof typeof Words];
const wordBuffers: Uint32Array[] = [];

/** `size` 32-bit words, all 0, from buffer `k`. */
export function words32(k: WordsUse, size: number): Uint32Array {
  return take(wordBuffers, k, size, (n) => new Uint32Array(n), 256);
}
