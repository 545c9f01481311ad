import type { PlanSection } from '../model';
import type { Lang } from '../analyze';
import { answerScore, companion, type Passage, type PassageTerms, passageScore, rankPassages, scoredGroups } from './passages';
import { PassagePostings } from './passageIndex';
import { BitSets, FIELD_BODY, FIELD_KEYWORDS, FIELD_TITLE, type Postings } from './postings';
import { passageGroups, type Question } from './query';
import { RANKING, type Tuning } from './tuning';
import type { Vocabulary } from './vocabulary';

/**
 * Section ranking: BM25F over the postings (title > keywords > headings > body, with an aboutness bonus for
 * a match in the title or keywords), a question that is a section's name put first, and the leaders reranked
 * by their best passage.
 */

/** A title or keyword phrase: the stems and concepts of its meaningful words, and how many words it has. */
export interface Name {
  terms: number[];
  size: number;
  title: boolean;
}

export interface Doc {
  section: PlanSection;
  /**
   * The section's names: its titles and keyword phrases, as the stems and concepts of their meaningful words.
   * A question that is just one of them names the section.
   */
  names: Name[];
  /** weightWhen resolved to index terms: the stems and glossary concepts that switch the prior. */
  priors: { terms: Set<number>; weight: number }[];
  passages: Passage[];
  /** The terms of its titles (every language): its topic. */
  titleTerms: ReadonlySet<number>;
}

export interface SearchHit {
  section: PlanSection;
  score: number;
  /** Share of the question's meaningful words (IDF-weighted) that the section matches, 0..1. */
  coverage: number;
  /** Share of the question's meaningful words (IDF-weighted) that the section's title, keywords or headings match. */
  aboutCoverage?: number;
  /** The question is one of the section's keywords ("lomakkeet", "avustajan toimenkuva"): confident, not first. */
  keywordMatch?: boolean;
  /** The question is the section's title (in some language), give or take function words: "lomakkeet", "forms". */
  titleMatch?: boolean;
  /** Largest share of the question's meaningful words (IDF-weighted) that one of the section's passages holds. */
  passageCoverage?: number;
  /** The passage that answers best. */
  passage?: Passage;
  /** A second short passage when the answer spans two (the rule and the steps). */
  companion?: Passage;
}

/** What the ranking reads: the index's arrays, shared, never copied. */
export interface RankInput {
  docs: Doc[];
  postings: Postings;
  /** Per section, BM25's length normalization k1·(1 − b + b·length / average length). */
  lengthNorm: Float64Array;
  /** term → the titles and keyword phrases that hold it, as pairs (section, its name's index). */
  nameIndex: Map<number, number[]>;
  byId: Map<string, Doc>;
  vocab: Vocabulary;
  passageTerms: PassageTerms;
  passagePostings: PassagePostings;
  tuning: Tuning;
}

/** Title matches first, then score; ties by id, so the order never depends on load order. */
function byRank(a: SearchHit, b: SearchHit): number {
  return Number(!!b.titleMatch) - Number(!!a.titleMatch) || b.score - a.score || (a.section.id < b.section.id ? -1 : a.section.id > b.section.id ? 1 : 0);
}

/** The section's prior for this question: its weight, or a weightWhen weight whose term the question names. */
function prior(doc: Doc, asked: Set<number>): number {
  let w: number | undefined;
  for (const p of doc.priors) if ([...p.terms].some((t) => asked.has(t))) w = Math.max(w ?? 0, p.weight);
  return w ?? doc.section.weight ?? 1;
}

/** `lang`: the language the answer quotes (the section's passages in it compete; else every language's). */
export function rank(q: Question, ix: RankInput, limit: number, lang?: Lang): SearchHit[] {
  const { units } = q;
  const { postings, vocab, lengthNorm } = ix;
  const asked = new Set(units.flatMap((u) => u.alternatives.filter((a) => !a.near && a.id >= 0).map((a) => a.id)));
  const priors = new Map<string, number>();
  const totalImportance = units.filter((u) => u.word).reduce((a, u) => a + u.importance, 0);
  const importance = units.map((u) => (u.word ? u.importance : 0));
  const hits: SearchHit[] = [];
  const { k1, titleBonus, keywordBonus } = ix.tuning;
  const n = ix.docs.length;
  const score = new Float64Array(n);
  // Which meaningful words each section matches (and matches in its title, keywords or headings), as bit sets.
  const matched = new BitSets(n, units.length);
  const matchedAbout = new BitSets(n, units.length);
  const unitBest = new Float64Array(n);
  const unitAbout = new Uint8Array(n);
  const touched: number[] = [];
  units.forEach((u, ui) => {
    // Per section, the unit's best reading; postings visit only the sections that have the term.
    for (const a of u.alternatives) {
      if (a.id < 0) continue;
      const idf = vocab.idf(a.id);
      for (let i = postings.start[a.id], end = postings.start[a.id + 1]; i < end; i++) {
        const d = postings.docs[i];
        const tf = postings.tfs[i];
        const field = postings.fields[i];
        // BM25F saturates a long body; a match in the title or keywords says what the section is about.
        const about = field === FIELD_TITLE ? titleBonus : field === FIELD_KEYWORDS ? keywordBonus : 0;
        const v = a.weight * idf * ((tf / (tf + lengthNorm[d])) * (k1 + 1) + about);
        if (unitBest[d] === 0) touched.push(d);
        if (v > unitBest[d]) unitBest[d] = v;
        if (field !== FIELD_BODY) unitAbout[d] = 1;
      }
    }
    const covered = u.word ? [ui] : (u.covers ?? []);
    for (const d of touched) {
      score[d] += unitBest[d];
      for (const c of covered) {
        matched.add(d, c);
        if (unitAbout[d]) matchedAbout.add(d, c);
      }
      unitBest[d] = 0;
      unitAbout[d] = 0;
    }
    touched.length = 0;
  });
  // Question words that meet in one paragraph or list are stronger evidence than the same words
  // scattered over a long section.
  const groups = scoredGroups(passageGroups(units), vocab);
  const wordUnits = units.filter((u) => u.word);
  const passages = ix.passagePostings.best(groups, groups.map((_, g) => wordUnits[g]?.importance ?? 0), n);
  const hitOf: (SearchHit | undefined)[] = new Array(n);
  for (let d = 0; d < n; d++) {
    if (score[d] <= 0) continue;
    const doc = ix.docs[d];
    const p = prior(doc, asked);
    priors.set(doc.section.id, p);
    hits.push(
      (hitOf[d] = {
        section: doc.section,
        score: (score[d] + ix.tuning.passageWeight * passages.weight[d]) * p,
        coverage: totalImportance > 0 ? matched.sum(d, importance) / totalImportance : 0,
        aboutCoverage: totalImportance > 0 ? matchedAbout.sum(d, importance) / totalImportance : 0,
        passageCoverage: passages.coverage[d],
      }),
    );
  }
  markNames(q, ix, hitOf);
  hits.sort(byRank);
  // The leaders' passages: the one that answers (the kind of text asked for) is quoted, and its fit counts.
  const leaders = hits.slice(0, Math.max(limit, RANKING.rerank));
  for (const h of leaders) {
    const doc = ix.byId.get(h.section.id)!;
    const ranked = rankPassages(doc.passages, groups, ix.passageTerms, q.intents, lang && (h.section.body[lang] ? lang : 'fi'), doc.titleTerms);
    if (!ranked[0]) continue;
    h.passage = ranked[0].passage;
    h.companion = companion(ranked, groups, ix.passageTerms, q.intents, doc.passages);
    // The section's best answer in any language: question words met in one passage, of the kind asked for.
    const plain = Math.max(...doc.passages.map((p) => passageScore(p, groups, ix.passageTerms)));
    const answer = Math.max(...doc.passages.map((p) => answerScore(p, passageScore(p, groups, ix.passageTerms), q.intents)));
    h.score += ix.tuning.passageWeight * RANKING.intentWeight * (answer - plain) * (priors.get(h.section.id) ?? 1);
  }
  leaders.sort(byRank);
  // A subsection that scores nearly as well as its parent answers more precisely; the card still shows
  // the parent in its path and offers it.
  const first = leaders[0];
  if (first && first.section.childIds.length && !first.titleMatch) {
    const child = leaders.find((h) => h.section.parentId === first.section.id && h.score >= first.score * RANKING.childPreference);
    if (child) leaders.splice(leaders.indexOf(child), 1), leaders.unshift(child);
  }
  return leaders.slice(0, limit);
}

/** A question that is a section's title or one of its keywords, and nothing more, asks for that section. */
function markNames(q: Question, ix: RankInput, hitOf: (SearchHit | undefined)[]): void {
  const { units } = q;
  const wordUnits = units.filter((u) => u.word);
  if (wordUnits.length === 0 || wordUnits.length > 4) return;
  const concepts = wordUnits.map((w) => units.filter((u) => !u.word && u.covers?.includes(units.indexOf(w))).flatMap((u) => u.alternatives.map((a) => a.id)));
  const readings = wordUnits.map((u, k) => [...u.alternatives.filter((a) => a.weight >= 0.75).map((a) => a.id), ...concepts[k]].filter((id) => id >= 0));
  const seen = new Set<Name>();
  // Candidates: the names holding a reading of the first word; each must hold a reading of every word.
  for (const term of readings[0]) {
    const pairs = ix.nameIndex.get(term) ?? [];
    for (let k = 0; k < pairs.length; k += 2) {
      const doc = pairs[k];
      const name = ix.docs[doc].names[pairs[k + 1]];
      if (name.size !== wordUnits.length || seen.has(name)) continue;
      seen.add(name);
      if (!readings.every((r) => r.some((t) => name.terms.includes(t)))) continue;
      const h = hitOf[doc];
      if (!h) continue;
      if (name.title) h.titleMatch = true;
      else h.keywordMatch = true;
    }
  }
}
