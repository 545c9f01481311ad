import type { Intent } from './intent';
import type { SearchHit } from './rank';
import { Buf, floats, Words, words32 } from './scratch';
import { PASSAGE, RANKING } from './tuning';

/**
 * The passage rerank reads only the leaders whose passages can still change what a search returns: asked for
 * fewer results, it returns exactly the start of what reranking every leader returns (test/unit/rankPruning.test.ts).
 */

/**
 * How far the kind of text can scale a passage's answer score (`answerScore`: its relevance × its fit to the
 * question's intents): each intent its heading or text serves adds to the fit, an introduction or an example
 * lowers it.
 */
export function fitRange(intents: Set<Intent>): { min: number; max: number } {
  const perIntent = [PASSAGE.headingIntent, PASSAGE.bodyIntent, 0];
  const factors = [PASSAGE.intro, PASSAGE.example];
  return {
    min: Math.max(0, (1 + intents.size * Math.min(...perIntent)) * factors.reduce((a, f) => a * Math.min(1, f), 1)),
    max: (1 + intents.size * Math.max(...perIntent)) * factors.reduce((a, f) => a * Math.max(1, f), 1),
  };
}

/**
 * Which leaders' passages can change what is returned. The rerank adds `reach × (answer − plain)` to a leader's
 * score, where plain is its best passage's weight and answer that weight scaled by the fit, so it lands within
 * `reach × (fit − 1)` of where it is. A leader that at least `limit` others outrank wherever both land is cut
 * whatever its passages say, unless it may still be put first for the question its passage holds, or is a
 * subsection that may still be put before its parent (below).
 */
export function mustRerank(leaders: SearchHit[], reach: number[], fit: { min: number; max: number }, limit: number, nearTie: boolean): boolean[] {
  const n = leaders.length;
  if (limit < 1 || n <= limit) return leaders.map(() => true);
  const low = floats(Buf.Low, n);
  const high = floats(Buf.High, n);
  for (let k = 0; k < n; k++) {
    // A hair of slack for rounding: the bounds must never be tighter than the arithmetic of the rerank itself.
    const { score } = leaders[k];
    const slack = 1e-9 * (Math.abs(score) + reach[k]);
    low[k] = score + reach[k] * (fit.min - 1) - slack;
    high[k] = score + reach[k] * (fit.max - 1) + slack;
  }
  const ahead = words32(Words.Ahead, n);
  for (let x = 0; x < n; x++) {
    const tx = !!leaders[x].titleMatch;
    for (let y = 0; y < n; y++) {
      const ty = !!leaders[y].titleMatch;
      if (y !== x && ((ty && !tx) || (ty === tx && low[y] > high[x]))) ahead[x]++;
    }
  }
  const needed = leaders.map((_, k) => ahead[k] < limit);
  // A leader near the first whose passage holds much more of the question is put first (`ordered`): its passage
  // coverage is known before the rerank, so only such leaders within reach of one that nothing surely outranks are read.
  const first: number[] = [];
  for (let k = 0; k < n; k++) if (ahead[k] === 0) first.push(k);
  if (nearTie) {
    for (let j = 0; j < n; j++) {
      if (needed[j] || leaders[j].titleMatch) continue;
      const pc = leaders[j].passageCoverage ?? 0;
      const held = first.some((k) => !leaders[k].titleMatch && pc >= (leaders[k].passageCoverage ?? 0) + RANKING.coverageLead && high[j] >= RANKING.coverageTie * low[k]);
      if (held) {
        needed[j] = true;
        first.push(j);
      }
    }
  }
  // The first leader's subsection scoring within `childPreference` of it is put first.
  for (const k of first) {
    const p = leaders[k];
    if (p.titleMatch || p.section.childIds.length === 0) continue;
    leaders.forEach((x, j) => {
      if (!needed[j] && x.section.parentId === p.section.id && high[j] >= RANKING.childPreference * low[k]) needed[j] = true;
    });
  }
  return needed;
}
