import type { Lang } from '../analyze';
import type { Glossary } from '../glossary';
import { type Plan, titleOf } from '../model';
import { buildIndex } from './build';
import type { Passage, PassageTerms } from './passage';
import { rankPassages, scoredGroups } from './passages';
import { passageGroups, type Question, readQuestion } from './query';
import { type Doc, rank, type RankInput, type SearchHit } from './rank';
import { DEFAULT_TUNING, type Tuning } from './tuning';
import { asksUnwritten, placeholderLeads } from './unwritten';
import type { Vocabulary } from './vocabulary';

/**
 * Opari's own retrieval over the plan: BM25F over weighted fields (title > keywords > headings > body),
 * Snowball stems with Finnish and Swedish compound parts, glossary concepts shared by fi/sv/en and old/colloquial
 * terms, typo tolerance, and passages: the paragraph or list that holds the answer.
 */
export type { Passage } from './passage';
export type { SearchHit } from './rank';
export { ANALYSIS, THRESHOLDS, type Tuning } from './tuning';

export interface SearchResult {
  hits: SearchHit[];
  /** Meaningful (non-stop) words in the question. */
  contentWords: number;
}

/** The shortest stem of a translation by which a plan is taken to know a question word (`knowsTranslated`). */
const TRANSLATED_KNOWN = 6;

export class PlanIndex {
  private readonly vocab: Vocabulary;
  private readonly byId: Map<string, Doc>;
  private readonly passageTerms: PassageTerms;
  private readonly input: RankInput;

  constructor(
    readonly plan: Plan,
    readonly glossary: Glossary,
    tuning: Tuning = DEFAULT_TUNING,
  ) {
    const built = buildIndex(plan, glossary, tuning);
    this.vocab = built.vocab;
    this.byId = built.byId;
    this.passageTerms = built.passageTerms;
    this.input = { ...built, tuning };
  }

  /** How much a text weighs as a question: the summed importance of its meaningful words (IDF; unknown words 2.5). */
  weigh(text: string): number {
    return readQuestion(text, this.vocab).units.reduce((a, u) => a + (u.word ? u.importance : 0), 0);
  }

  /**
   * Whether the plan itself uses this stem (or term), or a concept of which it is a one-word term: a lukio's statute
   * that writes "vanhempainraha" knows a student's "vanhempainvapaa", a plan that never names parental leave does not.
   */
  knows(term: string): boolean {
    return this.vocab.has(term) || this.glossary.conceptsOfTerm(term).some((c) => this.vocab.has(c));
  }

  /**
   * For a question in a language the plan is not written in: whether the plan uses one of the word's translations in
   * the lexicon ("läroböcker": oppikirja, which a Finnish plan writes as "oppikirjoja"), read as a word of that
   * language and by translations of six letters or more: Swedish "semester" (annual leave) is also "loma", any break,
   * which every plan names.
   */
  knowsTranslated(word: string, lang: Lang): boolean {
    if (this.writtenIn(lang)) return false;
    return this.glossary.lexicon.translations(word, this.vocab.textLangs, [lang]).some((s) => s.length >= TRANSLATED_KNOWN && this.knows(s));
  }

  /** Whether the plan's text is written in the language (else a question in it is read through the lexicon). */
  writtenIn(lang: Lang): boolean {
    return this.vocab.textLangs.includes(lang);
  }

  /** The plan's score scale against the sample plan the answer thresholds were tuned on (see TUNED_SECTIONS). */
  get scale(): number {
    return this.vocab.scale;
  }

  get size(): number {
    return this.input.docs.length;
  }

  /** Splits a Finnish or Swedish compound stem into stems of the plan (see Vocabulary). */
  compoundParts(st: string, lang: Lang): string[] {
    return this.vocab.compoundParts(st, lang);
  }

  /** `lang`: the user's language; the passages quoted are chosen in it (or in Finnish where the section has no such version). */
  search(question: string, limit = 5, lang?: Lang): SearchResult {
    const q = this.read(question, lang);
    return { hits: rank(q, this.input, limit, lang), contentWords: q.contentWords };
  }

  /**
   * The question asks what the section leaves for the region to write ("Esimerkkialue täydentää tähän"), where the
   * passage that answers best has it: the plan does not answer it yet (unwritten.ts). `lang`: as for `search`.
   */
  asksUnwritten(sectionId: string, passage: Passage, question: string, lang?: Lang): boolean {
    const doc = this.byId.get(sectionId);
    if (!doc || !passage.traits().placeholder) return false;
    const section = { title: titleOf(doc.section, passage.lang), passages: doc.byLang[passage.lang] ?? [] };
    return asksUnwritten(passage, section, passage.lang, this.read(question, lang), this.vocab);
  }

  /** The section's first passage in `lang` that leaves for the region to write what `test` looks for. */
  placeholderWhere(sectionId: string, lang: Lang, test: (blocks: Passage['blocks']) => boolean): Passage | undefined {
    return this.byId.get(sectionId)?.byLang[lang]?.find((p) => p.traits().placeholder && test(p.blocks));
  }

  /** What the passage would quote for the question is mostly a placeholder: another passage of the section answers. */
  placeholderLeads(sectionId: string, passage: Passage, question: string, lang?: Lang): boolean {
    const doc = this.byId.get(sectionId);
    return !!doc && this.leads(doc, passage, this.read(question, lang));
  }

  /**
   * The passage to quote in place of one that is mostly a placeholder: the section's best other passage in the same
   * language for the question that is not one; undefined when there is none. Read only when needed, not for every hit.
   */
  guidanceBeside(sectionId: string, passage: Passage, question: string, lang?: Lang): Passage | undefined {
    const doc = this.byId.get(sectionId);
    if (!doc) return undefined;
    const q = this.read(question, lang);
    return this.passagesFor(doc, q, passage.lang).find((p) => p !== passage && !this.leads(doc, p, q));
  }

  /**
   * The question as read, the last one kept: an answer reads its question for the search and again for the checks
   * of its passages (a placeholder, the passage beside it); the plan's vocabulary never changes, so neither does a reading.
   */
  private lastRead?: { question: string; lang?: Lang; read: Question };
  private read(question: string, lang?: Lang): Question {
    const last = this.lastRead;
    if (last && last.question === question && last.lang === lang) return last.read;
    const read = readQuestion(question, this.vocab, lang);
    this.lastRead = { question, lang, read };
    return read;
  }

  /** The section's passages in a language, best answer to the question first. */
  private passagesFor(doc: Doc, q: Question, lang: Lang): Passage[] {
    return rankPassages(doc.byLang, scoredGroups(passageGroups(q.units), this.vocab), this.passageTerms, q.intents, lang, doc.titleTerms).map((r) => r.passage);
  }

  private leads(doc: Doc, passage: Passage, q: Question): boolean {
    return passage.traits().placeholder && placeholderLeads(passage, titleOf(doc.section, passage.lang), passage.lang, q, this.vocab);
  }

  /** Same passage position in another language version, when the structures match; else that language's best. */
  passageIn(sectionId: string, passage: Passage, lang: Lang, question: string): Passage | undefined {
    const doc = this.byId.get(sectionId);
    if (!doc || !doc.section.body[lang]) return undefined;
    const same = doc.passages.find((p) => p.lang === lang && p.position === passage.position);
    if (same && same.blocks.map((b) => b.kind).join() === passage.blocks.map((b) => b.kind).join()) return same;
    return this.passagesFor(doc, readQuestion(question, this.vocab), lang)[0];
  }
}
