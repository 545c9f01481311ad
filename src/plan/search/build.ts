import { contentWordMask, type Lang, LANGS, words } from '../analyze';
import type { Glossary } from '../glossary';
import type { Plan, PlanSection } from '../model';
import { PassagePostings } from './passageIndex';
import { type Passage, PassageTerms, readBody, type SectionTerms } from './passage';
import { FIELD_BODY, FIELD_HEADING, FIELD_KEYWORDS, FIELD_TITLE, type Postings, PostingsBuilder } from './postings';
import { NameTable } from './names';
import { NumberTable } from './citation';
import { describesForm, FormNames } from './formNames';
import type { Doc } from './rank';
import { type TermSink, Tokens } from './tokens';
import type { Tuning } from './tuning';
import { Vocabulary } from './vocabulary';
import { isDefinitionsTitle, isWhatIsTitle } from './traits';

/** The numbers of a statute reference a title ends with, "(64 §)", "(93–94 §)", "(§ 12)": [] when it has none. */
export function statuteOfTitle(title: string): string[] {
  const m = /\(\s*(?:§\s*)?(\d+\s*[a-z]?(?:\s*(?:[-–,]|ja|och|and)\s*\d+\s*[a-z]?)*)\s*(?:§\s*)?\)\s*$/i.exec(title);
  if (!m || !/§/.test(m[0])) return [];
  const ws = words(m[1]);
  const content = contentWordMask(ws);
  return ws.filter((_, i) => content[i]);
}

/**
 * Builds the index in two walks over the plan: the first tokenizes every text into word ids, then each
 * distinct word is analyzed once; the second reads the word ids into postings, names and passages.
 */
export interface BuiltIndex {
  vocab: Vocabulary;
  docs: Doc[];
  byId: Map<string, Doc>;
  postings: Postings;
  lengthNorm: Float64Array;
  names: NameTable;
  /** The sections' printed numbers ("43 §", "8.12"), for questions that cite one. */
  numbers: NumberTable;
  /** The forms the sections are named after ("Tuen tarve: …"), for questions that name one. */
  forms: FormNames;
  passageTerms: PassageTerms;
  /** Per language, the postings over that language's passages. */
  passagePostings: Record<Lang, PassagePostings>;
  /** The languages the sections are written in (their own, `PlanSection.lang`), in LANGS order. */
  ownLangs: readonly Lang[];
}

const FIELD = { title: FIELD_TITLE, keywords: FIELD_KEYWORDS, heading: FIELD_HEADING, body: FIELD_BODY } as const;
type Field = keyof typeof FIELD;

/** Every text of a section in one fixed order: per language the title, the keywords, the body's texts. */
function eachText(section: PlanSection, fn: (text: string, lang: Lang) => void): void {
  for (const lang of LANGS) {
    if (section.title[lang]) fn(section.title[lang]!, lang);
    for (const k of section.keywords[lang] ?? []) fn(k, lang);
    for (const b of section.body[lang] ?? []) {
      if (b.kind === 'list') for (const item of b.items) fn(item, lang);
      else fn(b.text, lang);
    }
  }
}

/**
 * The second walk's reader for one section at a time: each term's weighted frequency and most telling field
 * (dense arrays over the vocabulary, `seen` marking the section's terms), and the term ids text by text.
 */
class SectionReader implements SectionTerms, TermSink {
  ids = new Int32Array(1 << 12);
  length = 0;
  total = 0;
  readonly touched: number[] = [];
  private readonly tf: Float64Array;
  private readonly field: Uint8Array;
  private readonly seen: Int32Array;
  private doc = 0;
  private fieldId = 0;
  private fieldWeight = 1;
  lang: Lang = 'fi';

  constructor(
    termCount: number,
    private readonly tokens: Tokens,
    private readonly vocab: Vocabulary,
    private readonly tuning: Tuning,
  ) {
    this.tf = new Float64Array(termCount);
    this.field = new Uint8Array(termCount);
    this.seen = new Int32Array(termCount);
  }

  start(doc: number): void {
    this.doc = doc + 1;
    this.length = 0;
    this.total = 0;
    this.touched.length = 0;
  }

  read(f: Field): number {
    this.fieldId = FIELD[f];
    this.fieldWeight = this.tuning[f];
    this.tokens.terms(this.tokens.next(), this.lang, this.vocab, this);
    return this.length;
  }

  add(term: number, weight: number): void {
    const w = this.fieldWeight * weight;
    if (this.seen[term] !== this.doc) {
      this.seen[term] = this.doc;
      this.tf[term] = 0;
      this.field[term] = 0;
      this.touched.push(term);
    }
    this.tf[term] += w;
    this.total += w;
    if (this.fieldId > this.field[term]) this.field[term] = this.fieldId;
    if (this.length === this.ids.length) {
      const next = new Int32Array(this.ids.length * 2);
      next.set(this.ids);
      this.ids = next;
    }
    this.ids[this.length++] = term;
  }

  /** The section's postings, in term order of first appearance. */
  flush(doc: number, builder: PostingsBuilder): void {
    for (const term of this.touched) builder.add(term, doc, this.tf[term], this.field[term]);
  }
}

export function buildIndex(plan: Plan, glossary: Glossary, tuning: Tuning): BuiltIndex {
  const sections = [...plan.sections.values()];
  const vocab = new Vocabulary(glossary);
  const tokens = new Tokens();
  for (const s of sections) eachText(s, (text, lang) => tokens.add(text, lang));
  tokens.analyze(vocab);

  // About one posting per three words of text (words repeat within a section); the builder grows past it if needed.
  const builder = new PostingsBuilder(Math.ceil(tokens.count / 3));
  const passageTerms = new PassageTerms();
  const reader = new SectionReader(vocab.size, tokens, vocab, tuning);
  const docs: Doc[] = [];
  const byId = new Map<string, Doc>();
  const names = new NameTable();
  const lengths: number[] = [];
  sections.forEach((section, d) => {
    reader.start(d);
    const firstName = names.count;
    const passages: Passage[] = [];
    const byLang: Doc['byLang'] = {};
    for (const lang of LANGS) {
      reader.lang = lang;
      const phrases = [...(section.title[lang] ? [true] : []), ...(section.keywords[lang] ?? []).map(() => false)];
      for (const title of phrases) {
        const range = tokens.peek();
        const from = reader.length;
        const to = reader.read(title ? 'title' : 'keywords');
        let ids = reader.ids.subarray(from, to);
        let size = tokens.contentWords(range);
        // "Erityinen tuki (64 §)": the statute a heading cites is not part of its name ("erityinen tuki" names it).
        const cited = title ? statuteOfTitle(section.title[lang]!) : [];
        if (cited.length > 0) {
          const drop = new Set(cited.map((w) => vocab.id(w)));
          ids = ids.filter((id) => !drop.has(id));
          size -= cited.length;
        }
        if (size > 0) names.add(d, ids, size, title);
      }
      const body = section.body[lang];
      if (body) passages.push(...(byLang[lang] = readBody(body, lang, passageTerms, reader)));
    }
    reader.flush(d, builder);
    lengths.push(reader.total);
    const doc: Doc = {
      section,
      index: d,
      priors: priors(section, vocab),
      passages,
      byLang,
      titleTerms: names.titleTerms(d, firstName),
      definitions: Object.values(section.title).some((t) => !!t && isDefinitionsTitle(t)),
      whatIs: Object.values(section.title).some((t) => !!t && isWhatIsTitle(t)),
      describesForm: describesForm(section.body),
    };
    docs.push(doc);
    byId.set(section.id, doc);
  });
  tokens.release();
  names.finish(vocab.size);
  const postings = builder.build(vocab.size);
  // The languages at least half of the sections are written in: a tenant's few expert answers (FAQ entries) in
  // English do not make a Finnish plan an English one.
  const textLangs = LANGS.filter((l) => 2 * sections.filter((s) => s.title[l] || s.body[l]?.length).length >= sections.length);
  vocab.finish(postings.documentFrequencies(), docs.length, textLangs);
  const passagesIn = (lang: Lang) => docs.flatMap((doc, d) => doc.passages.filter((p) => p.lang === lang).map((passage) => ({ passage, doc: d })));
  const passagePostings = Object.fromEntries(LANGS.map((l) => [l, PassagePostings.build(passagesIn(l), passageTerms, vocab.size)])) as Record<Lang, PassagePostings>;
  const avg = lengths.reduce((a, l) => a + l, 0) / Math.max(1, lengths.length);
  const lengthNorm = Float64Array.from(lengths, (l) => tuning.k1 * (1 - tuning.b + (tuning.b * l) / avg));
  const ownLangs = LANGS.filter((l) => sections.some((s) => s.lang === l));
  const numbers = new NumberTable(docs.map((d) => d.section.number));
  const forms = new FormNames(docs.map((d) => d.section.title));
  return { vocab, docs, byId, postings, lengthNorm, names, numbers, forms, passageTerms, passagePostings, ownLangs };
}

/** weightWhen resolved to index terms: the stems and glossary concepts that switch the prior. */
function priors(section: PlanSection, vocab: Vocabulary): Doc['priors'] {
  return Object.entries(section.weightWhen ?? {}).map(([term, weight]) => ({
    terms: new Set(LANGS.flatMap((l) => vocab.analyze(term, l).map((t) => t.term))),
    weight,
  }));
}
