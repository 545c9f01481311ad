import { LANGS, type Lang } from '../analyze';
import { FACT_INTENTS, type Intent } from './intent';
import type { PassageTraits } from './traits';
import type { Passage, PassageTerms } from './passage';
import type { Alternative } from './query';
import { Buf, Bytes, bytes, floats } from './scratch';
import { PASSAGE } from './tuning';
import type { Vocabulary } from './vocabulary';

/**
 * Which passage of a section answers: each passage's share of the question's words (weighed by how rare each
 * is among the section's passages), then the kind of text the question asks for; and a second short passage
 * when the answer spans two.
 */

/** A question word's alternatives as the passage scorer needs them: id, weight × IDF, concept or not, and its slot in `terms`. */
export interface ScoredAlternative {
  id: number;
  value: number;
  concept: boolean;
  slot: number;
}

/** The question's groups of alternatives; `terms`: every alternative's id once, sorted (an alternative's `slot` indexes it). */
export type ScoredGroups = ScoredAlternative[][] & { intent?: boolean[]; terms: Int32Array };

/** `intent` marks the groups of words that ask for a kind of answer ("päättää"): they do not pick the passage. */
export function scoredGroups(groups: Alternative[][] & { intent?: boolean[] }, vocab: Vocabulary): ScoredGroups {
  const kept = groups.map((g) => g.filter((a) => a.id >= 0));
  const ids = kept.flat().map((a) => a.id);
  const terms = Int32Array.from(ids.sort((a, b) => a - b).filter((t, i) => i === 0 || t !== ids[i - 1]));
  const out = kept.map((g) => g.map((a) => ({ id: a.id, value: a.weight * vocab.idf(a.id), concept: a.term.startsWith('@'), slot: terms.indexOf(a.id) }))) as ScoredGroups;
  out.intent = groups.intent;
  out.terms = terms;
  return out;
}

/** Bits per passage and question term: the passage has the term, its headings have it. */
const IN_PASSAGE = 1;
const IN_HEADING = 2;

/**
 * In one pass: the passage's question weight (`relevance`), and the weight of its topical words (not the
 * words that only ask for a kind of answer) each scaled by its rarity among the section's passages (`local`).
 * Each question word counts once, by its best term in the passage; a term in the passage's heading counts
 * double, and a glossary concept 1.5x (it matched the meaning, not just the letters). A word of the section's
 * title is what every passage is about: `topical` also counts it, at `titleInherited`, in a passage that does not
 * repeat it. `present[at + slot]`: the passage's bits for each question term; `title[slot]`: the term is a title word.
 */
function scorePassage(
  p: Passage,
  groups: ScoredGroups,
  present: Uint8Array,
  at: number,
  rarity: Float64Array,
  title: Uint8Array,
  out: { relevance: Float64Array; local: Float64Array; topical: Float64Array },
  i: number,
): void {
  let relevance = 0;
  let local = 0;
  let topical = 0;
  for (let gi = 0; gi < groups.length; gi++) {
    let best = 0;
    let bestLocal = 0;
    let bestTopical = 0;
    for (const a of groups[gi]) {
      const bits = present[at + a.slot];
      const concept = a.concept ? PASSAGE.conceptFactor : 1;
      if (!(bits & IN_PASSAGE)) {
        // A title word the passage does not repeat.
        if (title[a.slot]) bestTopical = Math.max(bestTopical, a.value * concept * rarity[a.slot] * PASSAGE.titleInherited);
        continue;
      }
      const v = a.value * (bits & IN_HEADING ? PASSAGE.headingFactor : 1) * concept;
      if (v > best) best = v;
      const l = v * rarity[a.slot];
      if (l > bestLocal) bestLocal = l;
    }
    relevance += best;
    if (!groups.intent?.[gi]) {
      local += bestLocal;
      topical += Math.max(bestLocal, bestTopical);
    }
  }
  const list = p.hasList ? PASSAGE.listFactor : 1;
  out.relevance[i] = relevance * list;
  out.local[i] = local * list;
  out.topical[i] = topical * list;
}

/**
 * Whether a passage's text gives what the question asks as it asks it, beyond the kind of text: for a how-many
 * question that names what it counts, numbers that count that ("at most five pupils"); for how long before
 * something, a time before an event ("kaksi viikkoa ennen"). Undefined for an intent with nothing more to check.
 */
export type Gives = (p: Passage, i: Intent) => boolean | undefined;

/**
 * How well a passage answers: its share of the question's words, raised when it is the kind of text the
 * question asks for (a "Kuka päättää" list for a who-question, the rule with its days for a how-soon
 * question), lowered for an introduction or a worked example unless the question asks for one.
 */
export function answerScore(p: Passage, relevance: number, intents: Set<Intent>, gives?: Gives): number {
  return relevance === 0 ? 0 : relevance * intentFit(p, intents, gives);
}

/**
 * How much the passage is the kind of text the question asks for: 1 for plain text, more for a fit, less for an
 * introduction or example. Nothing for a kind `gives` says it cannot give, whatever its heading announces.
 */
function intentFit(p: Passage, intents: Set<Intent>, gives?: Gives): number {
  const t = p.traits();
  let fit = 1;
  for (const i of intents) {
    if (gives?.(p, i) === false) continue;
    if (t.heading.has(i)) fit += PASSAGE.headingIntent;
    else if (t.body.has(i)) fit += PASSAGE.bodyIntent;
    else if (i === 'when' && t.soon) fit += PASSAGE.bodyIntent * PASSAGE.soon;
  }
  return fit * (t.intro && !intents.has('definition') ? PASSAGE.intro : 1) * (t.example && !intents.has('example') ? PASSAGE.example : 1);
}

export interface RankedPassage {
  passage: Passage;
  /** Question weight in the passage (global IDF): how well it matches the question as a whole. */
  relevance: number;
  /** The same with each word weighed by how rare it is among the section's passages: what sets this passage apart. */
  local: number;
  score: number;
  /** Competes on the section's title words it does not repeat, its heading being what is asked: it picks the passage, not the section. */
  headed?: boolean;
}

/**
 * The section's passages that share words with the question, best answer first. Inside one section, a word
 * every passage has (the section's own topic) says nothing about which passage answers: words are weighed by
 * their rarity among the section's passages of the same language, and then by the kind of text the question asks for.
 * Ties go to the earlier passage (Finnish first).
 */
export function rankPassages(
  byLang: Partial<Record<Lang, readonly Passage[]>>,
  groups: ScoredGroups,
  store: PassageTerms,
  intents: Set<Intent>,
  lang?: Lang,
  titleTerms: ReadonlySet<number> = NO_TERMS,
  gives?: Gives,
): RankedPassage[] {
  const out: RankedPassage[] = [];
  const width = groups.terms.length;
  // Which question terms are words of the section's title: the same in every language's passages.
  const title = bytes(Bytes.TitleTerm, width);
  for (let slot = 0; slot < width; slot++) if (titleTerms.has(groups.terms[slot])) title[slot] = 1;
  for (const l of LANGS) {
    if (lang && l !== lang) continue;
    const own = byLang[l];
    const n = own?.length ?? 0;
    if (!own || n === 0) continue;
    const present = bytes(Bytes.Present, n * width);
    for (let i = 0; i < n; i++) {
      store.mark(own[i].from, own[i].to, groups.terms, present, i * width, IN_PASSAGE);
      store.mark(own[i].headFrom, own[i].headTo, groups.terms, present, i * width, IN_HEADING);
    }
    const rarity = localRarity(own, groups.terms, present, title);
    const scored = { relevance: floats(Buf.PassageRelevance, n), local: floats(Buf.PassageLocal, n), topical: floats(Buf.PassageTopical, n) };
    let maxRelevance = 0;
    for (let i = 0; i < n; i++) {
      scorePassage(own[i], groups, present, i * width, rarity, title, scored, i);
      if (scored.relevance[i] > maxRelevance) maxRelevance = scored.relevance[i];
    }
    // A passage that holds a fair share of the question speaks of the section's topic whether it repeats the title's
    // words or not: "Språk inom småbarnspedagogiken – på vilka språk…" quotes 8 §'s rule on the child's mother tongue
    // first, not the moment on bilingual municipalities that repeats "småbarnspedagogik" and "språk".
    let maxLocal = 0;
    for (let i = 0; i < n; i++) {
      if (scored.relevance[i] > 0 && scored.relevance[i] >= PASSAGE.topicalShare * maxRelevance) scored.local[i] = scored.topical[i];
      if (scored.local[i] > maxLocal) maxLocal = scored.local[i];
    }
    for (let i = 0; i < n; i++) {
      const relevance = scored.relevance[i];
      const local = scored.local[i];
      // Only passages that match a fair share of the question, or of what sets the section's passages apart, compete:
      // "Ryhmä kokoontuu neljä kertaa vuodessa" holds only "kokoontuu" of a question whose other words name the group
      // most passages are about. Among them, the kind of text decides.
      // A passage headed by what the question asks for ("Kokoonpano" for "Ketkä istuvat koulun yhteisöllisessä
      // opiskeluhuoltoryhmässä?") is about the section's title words without repeating them: it competes on them.
      const competes = !((relevance < PASSAGE.minShare * maxRelevance && local < PASSAGE.minShare * maxLocal) || (relevance === 0 && out.length > 0));
      const headed = !competes && scored.topical[i] > 0 && [...intents].some((it) => own[i].traits().heading.has(it));
      if (!competes && !headed) continue;
      const weight = headed ? scored.topical[i] : local;
      out.push({ passage: own[i], relevance, local: weight, score: answerScore(own[i], weight + PASSAGE.smoothing * maxLocal, intents, gives), ...(headed ? { headed } : {}) });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

const NO_TERMS: ReadonlySet<number> = new Set();

/**
 * Per question term (slot), log-scaled rarity among the section's passages `own`: 1 for a word in one passage, the
 * floor for one in all. A word of the section's title is its topic: it found the section and says nothing about
 * the passage. So is a word of its introduction ("Tämä osio kertoo, milloin … ja kuka päättää"), which names
 * what the section covers: "koulunkäyntiavustaja", written only there, does not make it the answer to who decides.
 */
function localRarity(own: readonly Passage[], terms: Int32Array, present: Uint8Array, title: Uint8Array): Float64Array {
  const n = own.length;
  const width = terms.length;
  const rarity = floats(Buf.TermRarity, width);
  for (let slot = 0; slot < width; slot++) {
    if (title[slot]) {
      rarity[slot] = PASSAGE.localFloor;
      continue;
    }
    let df = 0;
    let intro = false;
    for (let i = 0; i < n; i++) {
      if (!(present[i * width + slot] & IN_PASSAGE)) continue;
      df++;
      if (own[i].opening && own[i].traits().intro) intro = true;
    }
    rarity[slot] = intro ? PASSAGE.localFloor : df === 0 ? 0 : PASSAGE.localFloor + (1 - PASSAGE.localFloor) * (Math.log((n + 1) / df) / Math.log(n + 1));
  }
  return rarity;
}

/**
 * A second short passage of the same section and language when the answer spans two (the rule and the steps,
 * the criteria and who decides). First choice: one whose text gives the time, decider, number or steps asked for
 * that the first's text does not, even as a weaker match. Else one that serves an asked intent the first does not,
 * or holds question words the first lacks, and is itself a fair match. Else the runner-up when it scores at least half
 * as well. Never an introduction or an example, and both stay short.
 */
export function companion(ranked: RankedPassage[], groups: ScoredAlternative[][], store: PassageTerms, intents: Set<Intent>, all: Passage[]): Passage | undefined {
  const best = ranked[0];
  if (!best || best.local === 0) return undefined;
  const t1 = best.passage.traits();
  const has = (t: PassageTraits, i: Intent) => t.heading.has(i) || t.body.has(i);
  const next = continuation(best.passage, all);
  // A paragraph that opens a heading's list ("The list applies to…") comes with the list it opens.
  // A what-to-do question gets the list after the paragraph that introduces it ("Koulukieltäytymisellä tarkoitetaan…",
  // then what the school does).
  if (
    next?.hasList &&
    best.passage.blocks.every((b) => b.kind === 'paragraph') &&
    ([...intents].some((i) => !t1.body.has(i) && has(next.traits(), i)) || (intents.has('steps') && !t1.body.has('steps')))
  )
    return next;
  // What the first passage lacks: worked out when a second one is a candidate at all.
  let missing: Intent[] | undefined;
  let missingFacts: Intent[] | undefined;
  let missingGroups: ScoredAlternative[][] | undefined;
  let fallback: Passage | undefined;
  for (let k = 1; k < ranked.length; k++) {
    const r = ranked[k];
    const p = r.passage;
    const t = p.traits();
    if (p.lang !== best.passage.lang || t.intro || t.example || r.headed) continue;
    missing ??= [...intents].filter((i) => !has(t1, i));
    // The time, the decider, the number or the steps asked for, which the first passage's text does not give (a heading
    // such as "Kuka päättää" only announces it): a passage whose text gives it is quoted beside the first, even when it
    // shares fewer of the question's words ("Selvittäminen kahden koulupäivän kuluessa" under "Vaiheet").
    missingFacts ??= [...intents].filter((i) => FACT_INTENTS.has(i) && !t1.body.has(i));
    if (missingFacts.some((i) => t.body.has(i)) && r.local >= PASSAGE.companionFactRelevance * best.local && t1.words + t.words <= PASSAGE.companionFactWords) return p;
    if (fallback || r.local < PASSAGE.companionRelevance * best.local || t1.words + t.words > PASSAGE.companionWords) continue;
    missingGroups ??= groups.filter((g) => !g.some((a) => store.has(best.passage.from, best.passage.to, a.id)));
    const servesIntent = missing.some((i) => has(t, i));
    const addsWords = missingGroups.some((g) => g.some((a) => store.has(p.from, p.to, a.id)));
    if (servesIntent || addsWords) fallback = p;
  }
  if (fallback) return fallback;
  // The runner-up, when it scores at least half as well: which of two short passages answers is the ranking's least
  // sure call, so both are quoted.
  const second = ranked.find((r, k) => k > 0 && r.passage.lang === best.passage.lang && !r.passage.traits().intro && !r.passage.traits().example);
  if (second && second.score >= PASSAGE.companionTie * best.score && t1.words + second.passage.traits().words <= PASSAGE.companionWords) return second.passage;
  return undefined;
}

/**
 * "Kuka päättää oppilaskohtaisista tukitoimista?": the criteria passage writes the question's words ("tukitoimista
 * päätetään, kun…") and names no one; the section's "Kuka päättää" passage, close behind, names the principal. For a
 * who-decides question, a first passage that names no decider gives its place to one within `share` of its score whose
 * heading asks who and whose text names one, though it competes only on its heading (`headed`): that is what is asked.
 * Not to one whose text alone names someone ("Aiempi malli ja vanhat termit", on who decided before 2011).
 */
export function deciderFirst(ranked: RankedPassage[], share: number): void {
  const best = ranked[0];
  const t = best?.passage.traits();
  if (!t || t.heading.has('who') || t.body.has('who')) return;
  const k = ranked.findIndex((r, k) => k > 0 && r.passage.lang === best.passage.lang && r.score >= share * best.score && r.passage.traits().heading.has('who') && r.passage.traits().body.has('who'));
  if (k < 0) return;
  const [named] = ranked.splice(k, 1);
  ranked.unshift({ passage: named.passage, relevance: named.relevance, local: named.local, score: named.score });
}

/**
 * "Mitä teen ensimmäisinä minuutteina, jos sattuu vakava onnettomuus?": of a checklist's stages under one heading
 * ("0–2 minuuttia: turvaa ja hälytä", "2–5 minuuttia…", "5–15 minuuttia…"), the first answers, though a later one
 * writes more of the question's words ("onnettomuuspaikalla"). A what-first question's best passage gives its place to
 * the earliest passage under the same parent heading that scores within `share` of it.
 */
export function firstStep(ranked: RankedPassage[], all: readonly Passage[], share: number): void {
  const best = ranked[0]?.passage;
  if (!best || best.headings.length < 2) return;
  const depth = best.headings.length;
  const sibling = (p: Passage) => p.lang === best.lang && p.headings.length === depth && p.headings.every((h, k) => k === depth - 1 || h === best.headings[k]);
  let at = all.indexOf(best);
  let k = -1;
  ranked.forEach((r, i) => {
    const j = all.indexOf(r.passage);
    if (i > 0 && j >= 0 && j < at && r.score >= share * ranked[0].score && sibling(r.passage)) [at, k] = [j, i];
  });
  if (k < 0) return;
  const [first] = ranked.splice(k, 1);
  ranked.unshift(first);
}

/**
 * When the best passage is a worked example: the rule it works out, which opens the example's heading (the first
 * passage under the same headings that is neither an example nor an introduction); else the best such passage.
 */
export function ruleOfExample(ranked: RankedPassage[], all: Passage[]): Passage | undefined {
  const best = ranked[0]?.passage;
  if (!best?.traits().example) return undefined;
  const rule = (p: Passage) => p.lang === best.lang && !p.traits().example && !p.traits().intro;
  const sameHeadings = (p: Passage) => p.headings.length === best.headings.length && p.headings.every((h, k) => h === best.headings[k]);
  return (ranked.find((r) => rule(r.passage) && sameHeadings(r.passage)) ?? ranked.find((r) => rule(r.passage)))?.passage ?? all.find(rule);
}

/** The passage right after this one under the same headings (or below them), if any. */
function continuation(p: Passage, all: Passage[]): Passage | undefined {
  const i = all.indexOf(p);
  const next = all[i + 1];
  if (!next || next.lang !== p.lang || p.headings.some((h, k) => next.headings[k] !== h)) return undefined;
  return next;
}
