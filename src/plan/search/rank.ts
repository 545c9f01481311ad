import { bodyLangOf, type PlanSection } from '../model';
import { type Lang, LANGS } from '../analyze';
import type { Passage, PassageTerms } from './passage';
import { answerScore, companion, deciderFirst, firstStep, type Gives, rankPassages, ruleOfExample, type ScoredAlternative, scoredGroups } from './passages';
import type { NameTable } from './names';
import type { NumberTable } from './citation';
import { type FormNames, speaksOfForm } from './formNames';
import type { PassagePostings } from './passageIndex';
import { BitSets, FIELD_BODY, FIELD_KEYWORDS, FIELD_TITLE, type Postings } from './postings';
import { passageGroups, type Question } from './query';
import { RANKING, type Tuning } from './tuning';
import { prior } from './prior';
import type { Vocabulary } from './vocabulary';
import { Buf, Bytes, bytes, floats, Words } from './scratch';
import { type Counted, countedAsked, countedTranslated, counts, givesBefore, markUnanswerable, ordered } from './answerable';
import { fitRange, mustRerank } from './prune';

/**
 * Section ranking: BM25F over the postings (title > keywords > headings > body, with an aboutness bonus for
 * a match in the title or keywords), a question that is a section's name put first, and the leaders reranked
 * by their best passage.
 */

export interface Doc {
  section: PlanSection;
  /** Its place in the index's arrays. */
  index: number;
  /** weightWhen resolved to index terms: the stems and glossary concepts that switch the prior. */
  priors: { terms: Set<number>; weight: number }[];
  passages: Passage[];
  /** The same passages by language (each language's in their order). */
  byLang: Partial<Record<Lang, Passage[]>>;
  /** The terms of its titles (every language): its topic. */
  titleTerms: ReadonlySet<number>;
  /** Its title says it defines terms ("Määritelmät"). */
  definitions: boolean;
  /** Its title asks what its topic is ("Mitä opiskeluhuolto on"). */
  whatIs: boolean;
  /** Its text opens on a form: it describes one of the plan's forms (formNames.ts). */
  describesForm: boolean;
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
  /** The question holds one of the section's titles whole, among its other words ("Opiskelijan velvollisuudet lukiossa – onko…"). */
  titleHeld?: boolean;
  /** The question cites the section's number ("43 §", "kohta 8.12") or names its form ("tuen tarve -lomake", formNames.ts): it names the section as a title does. */
  cited?: boolean;
  /** Largest share of the question's meaningful words (IDF-weighted) that one of the section's passages holds. */
  passageCoverage?: number;
  /** The passage that answers best. */
  passage?: Passage;
  /** It is headed by what is asked and holds only the section's title words (passages.ts): it says which passage, not which section. */
  passageHeaded?: boolean;
  /** A second short passage when the answer spans two (the rule and the steps). */
  companion?: Passage;
  /** The question asks for a quantity (how many, how much), a time (how long, by when), or about money or a form, and the section gives none: it cannot answer. */
  noQuantity?: boolean;
}

/** What the ranking reads: the index's arrays, shared, never copied. */
export interface RankInput {
  docs: Doc[];
  postings: Postings;
  /** Per section, BM25's length normalization k1·(1 − b + b·length / average length). */
  lengthNorm: Float64Array;
  /** The sections' titles and keyword phrases. */
  names: NameTable;
  /** The sections' printed numbers. */
  numbers: NumberTable;
  /** The forms sections are named after. */
  forms: FormNames;
  byId: Map<string, Doc>;
  vocab: Vocabulary;
  passageTerms: PassageTerms;
  passagePostings: Record<Lang, PassagePostings>;
  /** The languages the sections are written in. */
  ownLangs: readonly Lang[];
  tuning: Tuning;
}

/** Title matches first, then score; ties by id, so the order never depends on load order. */
function byRank(a: SearchHit, b: SearchHit): number {
  return Number(!!b.titleMatch) - Number(!!a.titleMatch) || b.score - a.score || (a.section.id < b.section.id ? -1 : a.section.id > b.section.id ? 1 : 0);
}

/** `lang`: the language the answer quotes (the section's passages in it compete; else every language's). */
export function rank(q: Question, ix: RankInput, limit: number, lang?: Lang): SearchHit[] {
  const { units } = q;
  const { postings, vocab, lengthNorm } = ix;
  const asked = new Set(units.flatMap((u) => u.alternatives.filter((a) => !a.near && a.id >= 0).map((a) => a.id)));
  const totalImportance = units.filter((u) => u.word).reduce((a, u) => a + u.importance, 0);
  const importance = units.map((u) => (u.word ? u.importance : 0));
  const { k1, titleBonus, keywordBonus } = ix.tuning;
  const n = ix.docs.length;
  const score = floats(Buf.SectionScore, n);
  // Which meaningful words each section matches (and matches in its title, keywords or headings), as bit sets.
  const matched = new BitSets(n, units.length, Words.Matched);
  const matchedAbout = new BitSets(n, units.length, Words.MatchedAbout);
  const unitBest = floats(Buf.UnitBest, n);
  const unitAbout = bytes(Bytes.UnitAbout, n);
  const touched: number[] = [];
  units.forEach((u, ui) => {
    // A word that only asks for a kind of answer ("päättää" in a who-question) says little about the topic.
    const unitWeight = u.intentWord ? RANKING.intentWordWeight : 1;
    // Per section, the unit's best reading; postings visit only the sections that have the term.
    for (const a of u.alternatives) {
      if (a.id < 0) continue;
      const idf = vocab.idf(a.id) * unitWeight;
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
  const passages = bestPassages(
    ix,
    groups,
    groups.map((_, g) => wordUnits[g]?.importance ?? 0),
    lang,
  );
  const total = floats(Buf.Total, n);
  const formAsked = speaksOfForm(q.words);
  const heldTitle = bytes(Bytes.HeldTitle, n);
  const priorOf = floats(Buf.Prior, n);
  for (let d = 0; d < n; d++) {
    if (score[d] <= 0) continue;
    priorOf[d] = prior(ix.docs[d], asked, formAsked);
    total[d] = (score[d] + ix.tuning.passageWeight * passages.weight[d]) * priorOf[d];
  }
  // "Minkä ikäinen on laissa nuori?", "what counts as…": the section that defines the terms answers, when one of
  // its passages holds the question; a section whose title only shares the term ("Lapsen ja nuoren mielipide") does not.
  const definition = q.intents.has('definition');
  if (definition) {
    for (let d = 0; d < n; d++) if (ix.docs[d].definitions && passages.coverage[d] >= RANKING.definitionsCoverage) total[d] *= 1 + RANKING.definitions;
  }
  // "Mitä opiskeluhuolto tarkoittaa ja ketä se koskee?": the section whose title asks what student welfare is answers,
  // though its title holds one word, which every section of the plan has.
  if (definition) {
    ix.names.titlesHeld(asked, 1, (d) => {
      if (total[d] > 0 && ix.docs[d].whatIs && !heldTitle[d]) {
        heldTitle[d] = 1;
        total[d] *= 1 + RANKING.whatIsTitle;
      }
    });
  }
  // A question that holds a section's whole title, among its other words, names that section rather than one
  // whose title only shares those words ("palvelutarpeen arviointi" vs "palvelutarpeen arvioinnin sisältö"). Asked
  // what it means ("Mitä lapsen etu tarkoittaa?"), the section named by the term ("5 § Lapsen etu") answers as the
  // definitions do.
  ix.names.titlesHeld(asked, RANKING.heldTitleWords, (d) => {
    if (total[d] > 0 && !heldTitle[d]) {
      heldTitle[d] = 1;
      total[d] *= 1 + (definition && !ix.docs[d].definitions ? RANKING.definitions : RANKING.heldTitle);
    }
  });
  // 2: the question is a section's title; 1: one of its keywords.
  const named = bytes(Bytes.Named, n);
  markNames(q, ix, (d, title) => {
    if (total[d] > 0) named[d] |= title ? 2 : 1;
  });
  // A question that is exactly one of a section's keywords ("kuraattori") is not put first, as a title is, but it
  // settles a near tie with sections that only mention it ("valitus kuraattorista" in the complaints section).
  for (let d = 0; d < n; d++) if (named[d] & 1) total[d] *= 1 + RANKING.keywordNamed;
  // A section the question cites by number, or whose form it names ("tuen tarve -lomake"), is named as by its
  // title, whatever else the question matches.
  const cited = [...new Set([...ix.numbers.find(q.cited), ...ix.forms.named(q.words)])];
  if (cited.length > 0) {
    let most = 1;
    for (let d = 0; d < n; d++) if (total[d] > most) most = total[d];
    for (const d of cited) {
      total[d] = Math.max(total[d], most);
      named[d] |= 2;
    }
  }
  // Only the leaders become hits: a plan of thousands of sections matches a common word in most of them.
  const top = topK(total, named, ix, Math.max(limit, RANKING.rerank));
  const leaders: SearchHit[] = top.map((d) => {
    const hit: SearchHit = {
      section: ix.docs[d].section,
      score: total[d],
      coverage: totalImportance > 0 ? matched.sum(d, importance) / totalImportance : 0,
      aboutCoverage: totalImportance > 0 ? matchedAbout.sum(d, importance) / totalImportance : 0,
      passageCoverage: passages.coverage[d],
    };
    if (named[d] & 2) hit.titleMatch = true;
    if (named[d] & 1) hit.keywordMatch = true;
    if (heldTitle[d]) hit.titleHeld = true;
    if (cited.includes(d)) hit.cited = true;
    return hit;
  });
  const lift = ix.tuning.passageWeight * RANKING.intentWeight;
  // A leader's best passage weighs what `bestPassages` found for its section, so its fit can move its score only so
  // far: the leaders that cannot be returned whatever their passages say are not reranked (test/unit/rankPruning.test.ts).
  const reach = top.map((d) => lift * passages.weight[d] * priorOf[d]);
  // A how-soon, who-decides or how-many question may put any leader that gives a time, a decider or a number first
  // (answerable.ts): every leader's passages are read.
  // The near tie of `ordered` may put a leader first in a question of `coverageMinWords` words, or of fewer when the first is weak.
  const nearTie = q.contentWords >= Math.min(RANKING.coverageMinWords, RANKING.weakLeadMinWords);
  const needed = q.deadline || q.decider || q.intents.has('amount') ? leaders.map(() => true) : mustRerank(leaders, reach, fitRange(q.intents), limit, nearTie);
  // The leaders' passages: the one that answers (the kind of text asked for) is quoted, and its fit counts.
  // A how-many question that names what it counts ("kuinka monta oppilasta") quotes a passage whose number counts it.
  const counted = countedAsked(q, lang);
  // What it counts as a text in another language writes it ("Hur många elever": oppilas), worked out once per language:
  // a section in that language whose numbers count something else cannot answer either.
  const translated = new Map<Lang, Counted | undefined>();
  const translate = (w: string, t: Lang) => ix.vocab.glossary.lexicon.translations(w, [t]);
  const countedOther = (to: Lang) => {
    if (!translated.has(to)) translated.set(to, countedTranslated(q, to, translate));
    return translated.get(to);
  };
  // In the asked language: numbers that count what is asked; a time before an event for how long before.
  const gives: Gives = (p, i) => {
    if (p.lang !== lang) return undefined;
    if (i === 'amount' && counted) return counts(p, counted);
    if (i === 'when' && q.leadTime) return givesBefore(p);
    // Whether something is needed: a passage that says it is, or is not ("Kotiopetukseen ei haeta lupaa").
    if (i === 'permission' && q.need) return p.traits().need;
    // How long, by when: a passage headed "Milloin arviointi aloitetaan" that gives no time lists conditions ("milloin"
    // heads criteria too); one headed "Määräajat" may say how the days are counted.
    if (i === 'when' && q.deadline) {
      const t = p.traits();
      return t.body.has('when') || t.soon || !t.heading.has('criteria');
    }
    return undefined;
  };
  leaders.forEach((h, k) => {
    if (!needed[k]) return;
    const doc = ix.docs[top[k]];
    const ranked = rankPassages(doc.byLang, groups, ix.passageTerms, q.intents, lang && bodyLangOf(h.section, lang), doc.titleTerms, gives);
    if (!ranked[0]) return;
    if (q.decider) deciderFirst(ranked, RANKING.deciderShare);
    if (q.first && q.intents.has('steps')) firstStep(ranked, doc.passages, RANKING.firstStepShare);
    h.passage = ranked[0].passage;
    if (ranked[0].headed) h.passageHeaded = true;
    h.companion = companion(ranked, groups, ix.passageTerms, q.intents, doc.passages);
    // A case told by its weekday: the rule first, then the worked example that matches the case.
    const rule = q.caseTold ? ruleOfExample(ranked, doc.passages) : undefined;
    if (rule) [h.passage, h.companion] = [rule, ranked[0].passage];
    // Its best passage being the kind of text asked for counts too (in the language it will be quoted in).
    let plain = -Infinity;
    let answer = -Infinity;
    for (const r of ranked) {
      if (r.headed) continue;
      plain = Math.max(plain, r.relevance);
      answer = Math.max(answer, answerScore(r.passage, r.relevance, q.intents, gives));
    }
    h.score += lift * (answer - plain) * priorOf[top[k]];
  });
  leaders.sort(byRank);
  ordered(leaders, q, ix, lang);
  markUnanswerable(leaders, q, ix, lang, counted, countedOther);
  return leaders.slice(0, limit);
}

/**
 * Per section, its best passage's question weight and coverage: among its passages in the language the answer
 * will quote (the user's, else the section's own), or in every language when the user's is not known.
 */
function bestPassages(ix: RankInput, groups: ScoredAlternative[][], importance: number[], lang?: Lang): { weight: Float64Array; coverage: Float64Array } {
  const n = ix.docs.length;
  const langs: readonly Lang[] = !lang ? LANGS : ix.ownLangs.length === 1 && ix.ownLangs[0] === lang ? ix.ownLangs : [lang, ...ix.ownLangs.filter((l) => l !== lang)];
  const found = langs.map((l) => {
    const best = ix.passagePostings[l].best(groups, importance, n);
    return { lang: l, weight: best.weight, coverage: best.coverage };
  });
  if (found.length === 1) return found[0];
  const weight = floats(Buf.BestWeight, n);
  const coverage = floats(Buf.BestCoverage, n);
  for (let d = 0; d < n; d++) {
    const quoted = lang && bodyLangOf(ix.docs[d].section, lang);
    for (const f of found) {
      if (lang && f.lang !== quoted) continue;
      if (f.weight[d] > weight[d]) weight[d] = f.weight[d];
      if (f.coverage[d] > coverage[d]) coverage[d] = f.coverage[d];
    }
  }
  return { weight, coverage };
}

/** The k best sections, best first: title matches first, then score, ties by id (never by load order). */
function topK(total: Float64Array, named: Uint8Array, ix: RankInput, k: number): number[] {
  const before = (a: number, b: number) =>
    (named[a] & 2) - (named[b] & 2) || total[a] - total[b] || (ix.docs[a].section.id < ix.docs[b].section.id ? 1 : ix.docs[a].section.id > ix.docs[b].section.id ? -1 : 0);
  const best: number[] = [];
  for (let d = 0, n = ix.docs.length; d < n; d++) {
    if (total[d] <= 0) continue;
    if (best.length === k && before(d, best[k - 1]) <= 0) continue;
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && before(d, best[at - 1]) > 0) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = d;
    if (best.length > k) best.length = k;
  }
  return best;
}

/** A question that is a section's title or one of its keywords, and nothing more, asks for that section. */
function markNames(q: Question, ix: RankInput, mark: (doc: number, title: boolean) => void): void {
  const { units } = q;
  const wordUnits = units.filter((u) => u.word);
  if (wordUnits.length === 0 || wordUnits.length > 4) return;
  const concepts = wordUnits.map((w) => units.filter((u) => !u.word && u.covers?.includes(units.indexOf(w))).flatMap((u) => u.alternatives.map((a) => a.id)));
  const readings = wordUnits.map((u, k) => [...u.alternatives.filter((a) => a.weight >= 0.75).map((a) => a.id), ...concepts[k]].filter((id) => id >= 0));
  ix.names.match(readings, mark);
}
