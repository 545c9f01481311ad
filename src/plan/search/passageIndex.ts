import type { Passage, PassageTerms } from './passage';
import type { ScoredAlternative } from './passages';
import { PASSAGE } from './tuning';

/**
 * Postings over passages: for each term, the passages (paragraphs and lists, every language) that have it, and
 * whether it is in the passage's heading. Question words that meet in one passage are strong evidence that a
 * section answers, however common each word is alone: the ranking and the decision to answer both read it.
 */
export class PassagePostings {
  /** Scratch per passage, reused by every question (one question at a time). */
  private readonly score: Float64Array;
  private readonly covered: Float64Array;
  private readonly groupBest: Float64Array;
  /** Passages the current group reached, and every passage any group reached: stacks kept at their largest size (a count says how much is in use). */
  private readonly touched: number[] = [];
  private readonly reached: number[] = [];
  /** What `best` returns, per section: valid until its next call. */
  private weight = new Float64Array(0);
  private coverage = new Float64Array(0);

  private constructor(
    /** Row of term t: start[t] ≤ i < start[t + 1]. */
    private readonly start: Int32Array,
    private readonly passage: Int32Array,
    private readonly head: Uint8Array,
    /** Per passage: its section (index), and whether it holds a list (criteria are written as lists). */
    private readonly doc: Int32Array,
    private readonly list: Uint8Array,
  ) {
    const n = doc.length;
    this.score = new Float64Array(n);
    this.covered = new Float64Array(n);
    this.groupBest = new Float64Array(n);
  }

  static build(passages: { passage: Passage; doc: number }[], store: PassageTerms, termCount: number): PassagePostings {
    const start = new Int32Array(termCount + 1);
    for (const { passage: p } of passages) for (let i = p.from; i < p.to; i++) start[store.at(i) + 1]++;
    for (let t = 0; t < termCount; t++) start[t + 1] += start[t];
    const next = start.slice(0, termCount);
    const ids = new Int32Array(start[termCount]);
    const head = new Uint8Array(start[termCount]);
    passages.forEach(({ passage: p }, k) => {
      for (let i = p.from; i < p.to; i++) {
        const t = store.at(i);
        const at = next[t]++;
        ids[at] = k;
        head[at] = store.has(p.headFrom, p.headTo, t) ? 1 : 0;
      }
    });
    const doc = Int32Array.from(passages, (x) => x.doc);
    const list = Uint8Array.from(passages, (x) => (x.passage.hasList ? 1 : 0));
    return new PassagePostings(start, ids, head, doc, list);
  }

  /**
   * Per section, its best passage's question weight (each question word once, by its best term; heading and
   * concept matches count more) and the largest share of the question's importance one of its passages covers.
   * `importance[g]`: the importance of group g's question word (0 for a concept standing alone).
   */
  best(groups: ScoredAlternative[][], importance: number[], docCount: number): { weight: Float64Array; coverage: Float64Array } {
    const { score, covered, groupBest, touched, reached } = this;
    let touchedCount = 0;
    // Every passage any group reached (score or coverage set), to read and reset at the end.
    let reachedCount = 0;
    const total = importance.reduce((a, b) => a + b, 0);
    groups.forEach((g, gi) => {
      for (const a of g) {
        if (a.id < 0 || a.id + 1 >= this.start.length) continue;
        const factor = a.concept ? PASSAGE.conceptFactor : 1;
        for (let i = this.start[a.id], end = this.start[a.id + 1]; i < end; i++) {
          const p = this.passage[i];
          const v = a.value * factor * (this.head[i] ? PASSAGE.headingFactor : 1);
          if (groupBest[p] === 0) touched[touchedCount++] = p;
          if (v > groupBest[p]) groupBest[p] = v;
        }
      }
      for (let t = 0; t < touchedCount; t++) {
        const p = touched[t];
        if (score[p] === 0 && covered[p] === 0) reached[reachedCount++] = p;
        score[p] += groupBest[p];
        covered[p] += importance[gi];
        groupBest[p] = 0;
      }
      touchedCount = 0;
    });
    if (this.weight.length !== docCount) {
      this.weight = new Float64Array(docCount);
      this.coverage = new Float64Array(docCount);
    }
    const { weight, coverage } = this;
    weight.fill(0);
    coverage.fill(0);
    for (let r = 0; r < reachedCount; r++) {
      const p = reached[r];
      const s = this.list[p] ? score[p] * PASSAGE.listFactor : score[p];
      const d = this.doc[p];
      if (s > weight[d]) weight[d] = s;
      if (total > 0 && covered[p] / total > coverage[d]) coverage[d] = covered[p] / total;
      score[p] = 0;
      covered[p] = 0;
    }
    return { weight, coverage };
  }
}
