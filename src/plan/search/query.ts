import { contentWordMask, type Lang, LANGS, remember, stem, stemsAnyLang, svNeuterBase, words } from '../analyze';
import { yearOfPupil } from '../questionPhrases';
import { writtenForms } from '../spoken';
import { askedPeriod, asksLeadTime, type Period } from './rate';
import { asksDeadline, asksDecider, asksDefinitionStrongly, asksFirst, asksNeed, countedWords, type Intent, isIntentWord, questionIntents, tellsCase } from './intent';
import { asksFor, type Need } from './needs';
import { type Citation, citedNumbers } from './citation';
import { ANALYSIS } from './tuning';
import type { Vocabulary } from './vocabulary';
import { foreignParts, writtenParts } from './wordParts';

/**
 * Reading a question: its meaningful words, each with the plan's terms that may stand for it (its stems in
 * any language, compound parts, glossary concepts, near matches for typos), and how much each word matters.
 */

export interface Alternative {
  term: string;
  /** The term's id in the vocabulary, -1 when the plan does not have it. */
  id: number;
  weight: number;
  /** exact stem or compound part, or a near (prefix / typo) match that might be wrong. */
  near?: boolean;
}

export interface Unit {
  alternatives: readonly Alternative[];
  /** For coverage: the unit's importance (IDF of its best term, or the max IDF when unknown). */
  importance: number;
  /** Word units count for coverage; concept units only boost. */
  word: boolean;
  /** Concept units: which word units they cover. */
  covers?: number[];
  /** A word that says what kind of answer is wanted ("päättää" in a who-question), not which passage. */
  intentWord?: boolean;
}

export interface Question {
  units: Unit[];
  /** Meaningful (non-stop) words in the question. */
  contentWords: number;
  /** What kind of answer it asks for: who, when, steps… */
  intents: Set<Intent>;
  /** Section numbers it cites ("43 §", "kohta 8.12"). */
  cited: Citation[];
  /** Its words, as `words` reads them (a form it names is found among them: formNames.ts). */
  words: readonly string[];
  /** It asks how soon or by when. */
  deadline: boolean;
  /** What it asks about that a section must name to answer: money, a form, the time to appeal (needs.ts). */
  needs: Need[];
  /** It asks who decides or grants ("kuka päättää", "who approves", "vem beslutar"). */
  decider: boolean;
  /** It asks whether something is needed ("pitääkö hakea lupa", "do we need consent"): a passage saying so answers. */
  need: boolean;
  /** It asks what to do first ("mitä teen ekana", "what do we do first"): the first of a heading's steps answers. */
  first: boolean;
  /** It tells a case by its weekday (intent.ts `tellsCase`): the rule is quoted with the worked example. */
  caseTold: boolean;
  /** "Kuinka monta oppilasta": the words after the counting word, what the number it asks for counts (folded). */
  counted: string[];
  /** "Montako tuntia viikossa": the period it asks a quantity per (rate.ts). */
  per?: Period;
  /** "Kuinka paljon ennen", "how far in advance": it asks how long before something (rate.ts). */
  leadTime: boolean;
}

/** Alternatives for one question word: exact stems, compound parts, prefix and typo matches. */
function alternativesFor(word: string, vocab: Vocabulary, asked?: Lang): Alternative[] {
  const alts = new Map<string, number>();
  const near = new Set<string>();
  const add = (t: string, w: number, isNear = false) => {
    alts.set(t, Math.max(alts.get(t) ?? 0, w));
    if (isNear) near.add(t);
  };
  if (asked) {
    // A question in a language the plan is not written in: a word that reads as the plan's own word (a name, an
    // acronym, a Finnish term in a Swedish sentence) is that word; one that only another language's stemmer makes
    // a stem of the plan is a look-alike (Swedish "läkare", doctor, stems as "laki", law), which counts less and
    // leaves room for its translation.
    // An everyday word of the asked language (English "term", a school term) is that word even where it reads as
    // the plan's own ("termit", terms): it counts as a look-alike, and its translation (lukukausi) is read too.
    const own = vocab.glossary.lexicon.isWordOf(word, asked);
    const planReadings = own ? [] : vocab.textLangs.map((l) => stem(word, l));
    for (const l of LANGS) {
      const s = stem(word, l);
      if (vocab.has(s)) add(s, planReadings.includes(s) ? 1 : ANALYSIS.foreignStemWeight);
    }
  } else for (const s of stemsAnyLang(word)) if (vocab.has(s)) add(s, 1);
  // "mötet" where the plan writes "möte" (Snowball keeps the Swedish neuter definite whole).
  const base = alts.size === 0 ? svNeuterBase(word) : undefined;
  if (base && vocab.has(base)) add(base, 1);
  // "ansöka" where the plan writes only the noun "ansökan" (anmäla: anmälan, begära: begäran), which is stemmed whole.
  if (alts.size === 0 && word.endsWith('a')) {
    const noun = stem(`${word}n`, 'sv');
    if (vocab.has(noun)) add(noun, 1);
  }
  for (const lang of ['fi', 'sv'] as const) {
    const s = stem(word, lang);
    const known = vocab.has(s);
    // A compound the plan never writes whole (avustajapäätös) is known through its parts, at full weight.
    const parts = vocab.compoundParts(s, lang);
    // Snowball stems a compound's last word otherwise than the word alone ("allergialääke": allergialaak, "lääke": laake):
    // a Finnish compound the plan cannot split from its stem is split as written, each part stemmed alone.
    // Not a term of the glossary, whose concept reads it whole ("aikaraja", a deadline, is no "raja" of absences).
    if (lang === 'fi' && !known && parts.length === 0 && !vocab.glossary.isTerm(s, word)) parts.push(...writtenParts(word, s, vocab));
    for (const p of parts) if (vocab.has(p)) add(p, known ? ANALYSIS.partWeight : ANALYSIS.unknownCompoundPartWeight);
    // A part that is a glossary term brings its concept (muistiopohja: pohja is a colloquial "form").
    if (!known) {
      for (const h of vocab.glossary.findInStems(parts, lang)) if (h.end - h.start === 1 && vocab.has(h.concept)) add(h.concept, ANALYSIS.unknownCompoundPartWeight);
    }
  }
  // A word the plan does not write, in another language ("confiscated" on a Finnish plan) or its own ("jobb" where the
  // statute writes "arbete"): its translations and words of the same sense,
  // unless it is a term of the glossary whose concept the text has, which reads it ("parent": huoltaja); a text without
  // the concept ("assistant" where a guide writes only "avustajapalveluihin") is read through the translations.
  const readByConcept = (s: string) => vocab.glossary.isTerm(s, word) && vocab.glossary.conceptsOfTerm(s).some((c) => vocab.has(c));
  if (![...alts.values()].some((w) => w >= ANALYSIS.unknownCompoundPartWeight) && !stemsAnyLang(word).some(readByConcept)) {
    for (const t of vocab.glossary.lexicon.translations(word, vocab.textLangs)) {
      // The lexicon gives base forms; the plan may have the word only inflected otherwise (kuukausi: kuukauden).
      if (vocab.has(t)) add(t, ANALYSIS.translationWeight);
      else vocab.nearByEnding(t, (n) => add(n, ANALYSIS.translationWeight * ANALYSIS.prefixWeight, true));
    }
  }
  // A compound of the asked language that the plan cannot split, having none of its words (Swedish
  // "integreringsplanen" on a Finnish plan): its parts are read as that language's words, through the glossary's
  // concepts and the lexicon's translations; not a term of the glossary (elevhälsan), whose concept reads it whole.
  if (asked && alts.size === 0 && !stemsAnyLang(word).some((s) => vocab.glossary.isTerm(s, word))) {
    for (const part of foreignParts(word, asked, vocab.glossary)) {
      for (const c of vocab.glossary.conceptsOfTerm(stem(part, asked))) if (vocab.has(c)) add(c, ANALYSIS.unknownCompoundPartWeight);
      for (const t of vocab.glossary.lexicon.translations(part, vocab.textLangs)) if (vocab.has(t)) add(t, ANALYSIS.translationWeight);
    }
  }
  // Spoken Finnish the plan writes otherwise: "tehä ilmotus" is "tehdä ilmoitus".
  if (alts.size === 0) {
    for (const w of writtenForms(word)) {
      const s = stem(w, 'fi');
      if (s.length >= 4 && vocab.has(s)) add(s, ANALYSIS.spokenWeight);
    }
  }
  if (alts.size === 0) {
    const s = stem(word, 'fi');
    // A five-letter stem may lose one letter: loanwords keep endings Snowball does not know (nudeja → nude).
    if (s.length === 5 && vocab.has(s.slice(0, 4))) add(s.slice(0, 4), ANALYSIS.typo1Weight, true);
    vocab.near(
      s,
      (t, w) => add(t, w, true),
      (t) => alts.has(t),
    );
  }
  return [...alts.entries()].map(([term, weight]) => ({ term, id: vocab.id(term) ?? -1, weight, ...(near.has(term) ? { near: true } : {}) }));
}

/**
 * How much a word the plan does not know weighs: a long word (a compound, a term: opetusvelvollisuus, Kela's
 * opintotuki) names what the question is about, a short everyday one (pihalle, kamaa, soittaa) less so.
 */
function unknownImportance(word: string): number {
  const { unknownImportance: max, unknownShortImportance: min, unknownLongWord: long, unknownShortWord: short } = ANALYSIS;
  if (word.length >= long) return max;
  if (word.length <= short) return min;
  return min + ((max - min) * (word.length - short)) / (long - short);
}

/** A word as the plan reads it: its alternatives and importance, kept per vocabulary (words recur across questions). */
interface ReadWord {
  alternatives: readonly Alternative[];
  importance: number;
}
const wordCache = new WeakMap<Vocabulary, Map<string, ReadWord>>();

/** `asked`: the question's language, when the plan is not written in it (see `alternativesFor`). */
function readWord(word: string, vocab: Vocabulary, asked?: Lang): ReadWord {
  let cache = wordCache.get(vocab);
  if (!cache) wordCache.set(vocab, (cache = new Map()));
  return remember(cache, asked ? `${asked}:${word}` : word, 50_000, () => freshRead(word, vocab, asked));
}

function freshRead(word: string, vocab: Vocabulary, asked?: Lang): ReadWord {
  const alternatives = alternativesFor(word, vocab, asked);
  // A word is as important as its most common reading: another language's odd stem must not inflate it.
  // Near matches (prefix, typo) may be wrong, so they do not make a word look common and unimportant.
  // A compound's parts are not readings of it: "jaksoluokka" is as rare as itself, not as common as "luokka".
  const readings = alternatives.filter((a) => !a.near && (a.weight >= 0.9 || !alternatives.some((b) => !b.near && b.weight >= 0.9)));
  // A compound the plan does not write whole is read through its parts, and is as specific as its rarest one:
  // "koulukiusaaminen" is about kiusaaminen, not as common as "koulu" (its importance decides the coverage).
  if (readings.length > 1 && !alternatives.some((a) => !a.near && a.weight >= 1)) {
    const rare = readings.reduce((m, a) => (vocab.dfOf(a.term) < vocab.dfOf(m.term) ? a : m));
    return { alternatives, importance: Math.max(vocab.idfOf(rare.term) * rare.weight, 0.5) };
  }
  const common = readings.reduce<Alternative | undefined>((m, a) => (!m || vocab.dfOf(a.term) > vocab.dfOf(m.term) ? a : m), undefined);
  // Asked in a language the plan is not written in, a word nothing reads is as likely a gap of the lexicon as a topic the
  // plan lacks: it weighs less.
  const unknown = unknownImportance(word) * vocab.scale * (asked ? ANALYSIS.foreignUnknownShare : 1);
  return { alternatives, importance: common ? Math.max(vocab.idfOf(common.term) * common.weight, 0.5) : unknown };
}

/**
 * "Enligt lagen", "lain mukaan", "under the act": how a question about a statute asks, not what it asks about. In a
 * statute every section is the law's; the words would find the one that says "denna lag" most ("Lagens syfte och
 * tillämpningsområde") rather than the one about the question's topic.
 */
const LAW_FRAMING: readonly (readonly string[])[] = [
  ['enligt', 'lagen'],
  ['enligt', 'denna', 'lag'],
  ['enligt', 'lag'],
  ['lain', 'mukaan'],
  ['according', 'to', 'the', 'law'],
  ['according', 'to', 'the', 'act'],
  ['under', 'the', 'act'],
  ['under', 'the', 'law'],
  ['by', 'law'],
];

/**
 * "Riittääkö, että kerron rehtorille?", "räcker det att…", "is it enough to…": whether something suffices is how the
 * question asks, not what it is about: its words count as a question's intent words do (half, and not to choose the
 * passage). The plan's own "eivät riitä" (when support given is not enough) is a criterion the verb would find.
 */
const ENOUGH_FRAMING: readonly (readonly string[])[] = [['riittääkö'], ['riittäisikö'], ['riittääks'], ['räcker', 'det'], ['is', 'it', 'enough'], ['is', 'that', 'enough'], ['is', 'this', 'enough']];

/** The positions of the question's words that frame it (`framings`: LAW_FRAMING, ENOUGH_FRAMING). */
function framing(ws: readonly string[], framings: readonly (readonly string[])[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < ws.length; i++) for (const f of framings) if (f.every((w, k) => ws[i + k] === w)) out.push(...f.map((_, k) => i + k));
  return out;
}

/** The glossary's concept of definitions ("määritelmät", "definitioner", "definitions"), when it has one. */
const definitionsOf = new WeakMap<Vocabulary, string | null>();
function definitionsConcept(vocab: Vocabulary): string | undefined {
  let c = definitionsOf.get(vocab);
  if (c === undefined) definitionsOf.set(vocab, (c = vocab.glossary.findInQuestion(['definitions'])[0]?.concept ?? null));
  return c ?? undefined;
}

/** `lang`: the language the question is written in, when known. */
export function readQuestion(question: string, vocab: Vocabulary, lang?: Lang): Question {
  const asked = lang && !vocab.textLangs.includes(lang) ? lang : undefined;
  const ws = words(question);
  const intents = questionIntents(question);
  const units: Unit[] = [];
  const wordUnitIndex = new Map<number, number>();
  const content = contentWordMask(ws);
  for (const i of framing(ws, LAW_FRAMING)) content[i] = false;
  const enough = new Set(framing(ws, ENOUGH_FRAMING));
  // A year class that only says which pupil is no word of the question; its concept counts a share (tuning.ts).
  const yearOnly = new Set(yearOfPupil(ws));
  for (const i of yearOnly) content[i] = false;
  const seen = new Map<string, number>();
  ws.forEach((w, i) => {
    if (!content[i]) return;
    // A word said twice ("school ... school health") is one piece of the question, not two.
    const key = stemsAnyLang(w).join('|');
    if (seen.has(key)) return void wordUnitIndex.set(i, seen.get(key)!);
    seen.set(key, units.length);
    const { alternatives, importance } = readWord(w, vocab, asked);
    wordUnitIndex.set(i, units.length);
    units.push({
      alternatives,
      importance,
      word: true,
      ...(isIntentWord(w, intents) || enough.has(i) ? { intentWord: true } : {}),
    });
  });
  const contentWords = units.length;
  // The word units a span of the question's words stands in for; an unknown word among them ("homeschooling") is known
  // through the span's term, and weighs as that term does.
  const cover = (start: number, end: number, idf: number): number[] => {
    const covers = [...Array(end - start).keys()].map((k) => wordUnitIndex.get(start + k)).filter((x): x is number => x !== undefined);
    for (const c of covers) if (units[c].alternatives.length === 0) units[c].importance = Math.min(units[c].importance, idf + 0.5);
    return covers;
  };
  for (const h of vocab.glossary.findInQuestion(ws)) {
    const yearOfPupilOnly = yearOnly.has(h.start) && yearOnly.has(h.end - 1);
    const covers = cover(h.start, h.end, vocab.idfOf(h.concept));
    const intentWord = covers.length > 0 && covers.every((c) => units[c].intentWord);
    units.push({
      alternatives: [{ term: h.concept, id: vocab.id(h.concept) ?? -1, weight: ANALYSIS.conceptWeight * (yearOfPupilOnly ? ANALYSIS.yearOfPupilShare : 1) }],
      importance: 0,
      word: false,
      covers,
      ...(intentWord ? { intentWord } : {}),
    });
  }
  // A term of the lexicon of two words, asked in a language the plan is not written in ("student union": opiskelijakunta,
  // "lower secondary": yläkoulu), stands in for the words it covers as a concept does.
  if (asked) {
    for (const h of vocab.glossary.lexicon.phrasesIn(ws, asked, vocab.textLangs)) {
      const known = [...new Set(h.stems)].filter((t) => vocab.has(t));
      if (known.length === 0) continue;
      const covers = cover(h.start, h.end, Math.max(...known.map((t) => vocab.idfOf(t))));
      units.push({ alternatives: known.map((t) => ({ term: t, id: vocab.id(t) ?? -1, weight: ANALYSIS.translationWeight })), importance: 0, word: false, covers });
    }
  }
  // "Vad avses med…", "up to what age is someone a young person under the act": a definition asked in so many words
  // is looked for in a text's definitions too ("2 § Definition av småbarnspedagogik", "3 § Määritelmät").
  const definitions = asksDefinitionStrongly(question) ? definitionsConcept(vocab) : undefined;
  if (definitions) units.push({ alternatives: [{ term: definitions, id: vocab.id(definitions) ?? -1, weight: 1 }], importance: 0, word: false, covers: [] });
  return {
    units,
    contentWords,
    intents,
    cited: citedNumbers(question),
    words: ws,
    deadline: asksDeadline(question),
    needs: asksFor(question),
    decider: asksDecider(question),
    need: asksNeed(question),
    first: asksFirst(question),
    caseTold: tellsCase(question),
    counted: countedWords(question),
    per: askedPeriod(question),
    leadTime: asksLeadTime(question),
  };
}

/** Per question word, the terms that stand for it: its own alternatives and the concepts covering it. */
export function passageGroups(units: Unit[]): Alternative[][] & { intent?: boolean[] } {
  const words = units.filter((u) => u.word);
  const groups: Alternative[][] & { intent?: boolean[] } = words.map((u) => [...u.alternatives]);
  groups.intent = words.map((u) => !!u.intentWord);
  const wordIndex = units.map((u, i) => (u.word ? units.slice(0, i).filter((x) => x.word).length : -1));
  for (const u of units) {
    if (u.word) continue;
    const targets = (u.covers ?? []).map((c) => wordIndex[c]).filter((i) => i >= 0);
    if (targets.length === 0) {
      groups.push([...u.alternatives]);
      groups.intent.push(!!u.intentWord);
    }
    for (const t of targets) groups[t].push(...u.alternatives);
  }
  return groups;
}
