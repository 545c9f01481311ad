/**
 * Every number that decides what Opari quotes or declines, in one place: the ranking's weights and the
 * answer thresholds are tuned together with `npm run eval` (test/eval/questions.json is the development set;
 * the other sets keep the figures honest).
 */

/** Field weights and BM25F parameters of the section ranking. */
export interface Tuning {
  title: number;
  keywords: number;
  heading: number;
  body: number;
  k1: number;
  b: number;
  titleBonus: number;
  /** Aboutness bonus for a keyword match (the title's is titleBonus). */
  keywordBonus: number;
  passageWeight: number;
}
/**
 * Keywords weigh half a title (measured: at 4, the sample plan's hand-picked keywords, tuned on the committed sets,
 * put a section first on seven fresh questions whose text answered elsewhere and gained none; at 2, +7 −0 on three
 * fresh sets, +1 −4 on the committed ones).
 */
export const DEFAULT_TUNING: Tuning = { title: 6, keywords: 2, heading: 2, body: 1, k1: 1.2, b: 0.6, titleBonus: 1.6, keywordBonus: 0.8, passageWeight: 0.25 };

/** Query and index analysis. */
export const ANALYSIS = {
  /** Weight of a compound's parts relative to the whole word. */
  partWeight: 0.6,
  /** A compound part the plan never writes whole is known through its parts at nearly full weight. */
  unknownCompoundPartWeight: 0.9,
  /** Shortest tail of a compound split. */
  minPart: 4,
  /** Shortest compound head read through the glossary alone (dagis|plats), when the plan does not have it. */
  minTermHead: 5,
  /** A question word the plan does not write, read through its translation in the lexicon (content/lexicon.yml). */
  translationWeight: 0.85,
  /** A word of a question in a language the plan lacks, read as another language's word (a look-alike). */
  foreignStemWeight: 0.85,
  /** Importance of a question word the plan does not know: users write more than the plan says. */
  unknownImportance: 2.5,
  /** …for a word of `unknownShortWord` letters or fewer; in between, by length. */
  unknownShortImportance: 1.0,
  unknownShortWord: 6,
  unknownLongWord: 12,
  /** …in a question asked in a language the plan is not written in, this share of that. */
  foreignUnknownShare: 0.5,
  /** A glossary concept in the question, relative to a word. */
  conceptWeight: 1.2,
  /**
   * …a share of that for a year class that only says which pupil (questionPhrases.ts `yearOfPupil`, "a grade 7 kid"):
   * measured, with none at all "grade 9 student didn't get a place in the joint application" lost the move to upper
   * secondary on a Finnish-only plan; with half it kept it and "a grade 7 kid with 52 hrs of absences" is absences.
   */
  yearOfPupilShare: 0.5,
  /** A spoken Finnish form read as the written one the plan has (tehä: tehdä). */
  spokenWeight: 0.9,
  /** Near matches: a stem cut or extended by a few letters, a one- or two-letter typo. */
  prefixWeight: 0.8,
  typo1Weight: 0.75,
  typo2Weight: 0.6,
};

export const RANKING = {
  /** How many leaders are reranked by their best passage. */
  rerank: 15,
  /**
   * A subsection scoring within this share of its parent answers first (when it gives the facts asked for that the
   * parent's passage gives, and its title and headings hold at most `childAboutMargin` less of the question).
   */
  childPreference: 0.85,
  childAboutMargin: 0.5,
  /** A leader scoring within this share of the first, whose best passage holds this much more of the question, answers first. */
  coverageTie: 0.9,
  /** …or within this share, when its title and headings hold at least as much of the question as the first's. */
  coverageTieAbout: 0.85,
  coverageLead: 0.3,
  /** …in a question of at least this many words and concepts. */
  coverageMinWords: 5,
  /** …or of this many, when the leader holds at most this share of it, and the other this much more of it too. */
  weakLeadMinWords: 3,
  weakLeadCoverage: 0.5,
  weakLeadGap: 0.4,
  /** How much a section's best passage being the kind of text asked for (a "Kuka päättää" list) counts for the section. */
  intentWeight: 0.3,
  /** Weight of a word that asks for a kind of answer rather than naming the topic. */
  intentWordWeight: 0.5,
  /** The prior of a section that describes a form (formNames.ts), with no weight of its own, for a question that speaks of no form. */
  formDescription: 0.9,
  /** For a what-is question, a section whose title asks what its topic is and which the question holds scores this much more. */
  whatIsTitle: 1,
  /** A section whose whole title (of at least `heldTitleWords` words) the question holds scores this much more. */
  heldTitle: 0.05,
  heldTitleWords: 2,
  /** A section one of whose keywords the question is scores this much more. */
  keywordNamed: 0.05,
  /**
   * A definitions section ("Määritelmät") one of whose passages holds this share of a what-is question scores this much
   * more (three times): a section whose title only shares the term defined ("Lapsen ja nuoren mielipide") has a title bonus.
   */
  definitions: 2,
  definitionsCoverage: 0.6,
  /** A how-soon question: the first section giving a time answers before one that gives none, when it scores this share of it. */
  deadlineShare: 0.6,
  /** …and for a who-decides question, a leader within this share whose quoted passage names the decider. */
  deciderShare: 0.7,
  /** …and for a what-first question, the first of the best passage's sibling steps within this share of it. */
  firstStepShare: 0.4,
  /** How close a section that has the quantity asked for must score to take the place of a leader that has none. */
  quantityShare: 0.8,
  /** …and, for whether the pupil or family pays, a section that says what is free of charge (as the deadline share). */
  freeShare: 0.6,
};

export const PASSAGE = {
  /** A passage term in the passage's own heading. */
  headingFactor: 2,
  /** A glossary concept matched the meaning, not just the letters. */
  conceptFactor: 1.5,
  /** Criteria are written as lists. */
  listFactor: 1.15,
  /** The question's intent announced by the passage's heading ("Kuka päättää") or served by its text. */
  headingIntent: 0.6,
  bodyIntent: 0.35,
  /** The share of a time's fit that "without delay", with no day counted, earns. */
  soon: 0.5,
  /** An introduction ("this section explains…") or a worked example, unless asked for. */
  intro: 0.4,
  example: 0.4,
  /** A passage competes when it matches this share of the best passage's question weight, or of its distinctive weight. */
  minShare: 0.3,
  /** Added to every competing passage's distinctive weight (as a share of the best's): lets the kind of text decide near-ties. */
  smoothing: 0.5,
  /** Weight of a word every passage of the section has, when choosing among them (one in a single passage: 1). */
  localFloor: 0.15,
  /**
   * A word of the section's title is the topic of each of its passages: a passage holding at least `topicalShare` of
   * the best passage's question weight counts the title's words it does not repeat at `titleInherited` of a word it has.
   */
  titleInherited: 0.5,
  topicalShare: 0.1,
  /** A second passage must match at least this share of the first's question words, and both stay short. */
  companionRelevance: 0.4,
  companionWords: 220,
  /** …or this share, and both this long, when the second gives the time, decider or number the first lacks. */
  companionFactRelevance: 0.1,
  companionFactWords: 250,
  /**
   * Failing both, the runner-up when it scores at least this share of the first, both short: which passage of a
   * section answers is the ranking's least sure call. Measured with `companionWords` (220 and 0.5 against 170 and
   * 0.8): the quote held the asked fact in 42 more answers of the development sets and in none fewer, and grew
   * from 97 to 109 words on average.
   */
  companionTie: 0.5,
};

/**
 * The sample plan the weights and thresholds were tuned on has this many sections. BM25's IDF grows with the
 * number of sections, so a smaller plan (a region's plan, an imported document) scores the same evidence lower:
 * there the score bars of a match that holds a good share of the question, the weight of a word the plan does
 * not know and of an off-topic word are scaled by `Vocabulary.scale`, the ratio of the two plans' IDF for a word
 * in one section. A larger plan keeps them as tuned: none was measured.
 */
export const TUNED_SECTIONS = 59;

/** When to answer (score bars as on the sample plan: see TUNED_SECTIONS). */
export const THRESHOLDS = {
  minScore: 4.5,
  minCoverage: 0.35,
  /**
   * A strong score on a small share of the question: not scaled for a smaller plan, where most of a question
   * is often unknown to it (measured: scaled, it let near misses that share one word with the plan through).
   */
  strongScore: 8,
  strongCoverage: 0.15,
  minAbout: 0.05,
  /** A passage holding this share of the question answers it, given this much score. */
  passageCoverage: 0.9,
  passageScore: 2.5,
  /** …or this much, when title and headings hold this share of it. */
  aboutAll: 0.6,
  aboutScore: 1.5,
  aboutFree: 7,
  alsoRelevant: 0.75,
  offTopicWord: 2.5,
  offTopicOutweigh: 2.5,
};
