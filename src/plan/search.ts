import { contentWordMask, editDistance, isStopword, type Lang, LANGS, stem, stemsAnyLang, words } from './analyze';
import type { Glossary } from './glossary';
import { plainInline } from './markdown';
import type { Block, Plan, PlanSection } from './model';

/**
 * Opari's own retrieval over the plan: BM25F over weighted fields (title > keywords > headings > body),
 * Snowball stems with Finnish compound parts, glossary concepts shared by fi/sv/en and old/colloquial
 * terms, and typo tolerance (prefix and edit-distance matches against the plan's vocabulary).
 */

/** Ranking parameters; the defaults were chosen on test/eval/questions.json (`npm run eval`). */
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
export const DEFAULT_TUNING: Tuning = { title: 6, keywords: 4, heading: 2, body: 1, k1: 1.2, b: 0.6, titleBonus: 1.6, keywordBonus: 0.8, passageWeight: 0.25 };
/** Weight of a compound's parts relative to the whole word. */
const PART_WEIGHT = 0.6;
const MIN_PART = 4;
const UNKNOWN_IMPORTANCE = 2.5;
const RERANK = 15;
const CHILD_PREFERENCE = 0.95;
const FIELD_BODY = 0;
const FIELD_HEADING = 1;
const FIELD_KEYWORDS = 2;
const FIELD_TITLE = 3;

/** Index terms that are not words: glossary concepts (@12). */
function isWord(term: string): boolean {
  return term[0] !== '@';
}

export interface Passage {
  lang: Lang;
  /** Headings above the passage inside the section. */
  headings: string[];
  blocks: Block[];
  terms: Set<string>;
  /** Terms of the headings above the passage: what the passage is about. */
  headingTerms: Set<string>;
  position: number;
}

/** A title or keyword phrase: the stems and concepts of its meaningful words, and how many words it has. */
interface Name {
  terms: Set<string>;
  size: number;
  title: boolean;
}

interface Doc {
  section: PlanSection;
  tf: Map<string, number>;
  /** Terms of the title (any language): what the section is about. */
  titleTerms: Set<string>;
  /** Terms of the keywords (any language): what else the section is about. */
  keywordTerms: Set<string>;
  headingTerms: Set<string>;
  length: number;
  passages: Passage[];
  /**
   * The section's names: its titles and keyword phrases, as the stems and concepts of their meaningful words.
   * A question that is just one of them names the section.
   */
  names: Name[];
  /** weightWhen resolved to index terms: the stems and glossary concepts that switch the prior. */
  priors: { terms: Set<string>; weight: number }[];
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
  passage?: Passage;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Meaningful (non-stop) words in the question. */
  contentWords: number;
}

interface Alternative {
  term: string;
  weight: number;
  /** exact stem or compound part, or a near (prefix / typo) match that might be wrong. */
  near?: boolean;
}
interface Unit {
  alternatives: Alternative[];
  /** For coverage: the unit's importance (IDF of its best term, or the max IDF when unknown). */
  importance: number;
  /** Word units count for coverage; concept units only boost. */
  word: boolean;
  /** Concept units: which word units they cover. */
  covers?: number[];
}

/** Title matches first, then score; ties by id, so the order never depends on load order. */
function byRank(a: SearchHit, b: SearchHit): number {
  return Number(!!b.titleMatch) - Number(!!a.titleMatch) || b.score - a.score || (a.section.id < b.section.id ? -1 : a.section.id > b.section.id ? 1 : 0);
}

/** One small set of unit indexes per section, packed in 32-bit words (questions have a handful of words). */
class BitSets {
  private readonly perRow: number;
  private readonly bits: Uint32Array;
  constructor(rows: number, size: number) {
    this.perRow = Math.max(1, Math.ceil(size / 32));
    this.bits = new Uint32Array(rows * this.perRow);
  }
  add(row: number, i: number): void {
    this.bits[row * this.perRow + (i >>> 5)] |= 1 << (i & 31);
  }
  /** Sum of `values[i]` over the set's members. */
  sum(row: number, values: number[]): number {
    let total = 0;
    for (let w = 0; w < this.perRow; w++) {
      let word = this.bits[row * this.perRow + w];
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        total += values[w * 32 + bit] ?? 0;
        word &= word - 1;
      }
    }
    return total;
  }
}

function deletes(term: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < term.length; i++) out.add(term.slice(0, i) + term.slice(i + 1));
  return out;
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class PlanIndex {
  private readonly docs: Doc[] = [];
  private readonly byId = new Map<string, Doc>();
  private readonly df = new Map<string, number>();
  private avgLength = 1;
  /** term → the sections that have it, with its weighted frequency and the most telling field it is in. */
  private readonly postings = new Map<string, { doc: number; tf: number; field: number }[]>();
  /** term → the titles and keyword phrases that hold it. */
  private readonly nameIndex = new Map<string, { doc: number; name: Name }[]>();
  /** Per section, BM25's length normalization k1·(1 − b + b·length / average length). */
  private readonly lengthNorm: number[] = [];
  /** Finnish and Swedish stems of the plan: the parts a compound may be split into. */
  private readonly partVocab: Record<'fi' | 'sv', Set<string>> = { fi: new Set(), sv: new Set() };
  private readonly partsCache = new Map<string, string[]>();
  /** Single-deletion variants of every vocabulary term (SymSpell), for fast typo matching. */
  private readonly deletions = new Map<string, string[]>();
  /** Sorted vocabulary, for prefix ranges. */
  private sortedVocab: string[] = [];

  constructor(
    readonly plan: Plan,
    readonly glossary: Glossary,
    private readonly tuning: Tuning = DEFAULT_TUNING,
  ) {
    const sections = [...plan.sections.values()];
    // First pass: the vocabulary of whole words, which compound splitting uses.
    for (const lang of ['fi', 'sv'] as const) {
      for (const s of sections) for (const t of this.sectionTexts(s, lang)) for (const w of words(t.text)) {
        const st = stem(w, lang);
        if (st.length >= 3 && !isStopword(w)) this.partVocab[lang].add(st);
      }
    }
    for (const s of sections) this.docs.push(this.buildDoc(s));
    for (const d of this.docs) this.byId.set(d.section.id, d);
    for (const d of this.docs) for (const t of d.tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    this.avgLength = this.docs.reduce((a, d) => a + d.length, 0) / Math.max(1, this.docs.length);
    this.docs.forEach((d, i) => {
      for (const name of d.names) for (const t of name.terms) {
        const list = this.nameIndex.get(t);
        if (list) list.push({ doc: i, name });
        else this.nameIndex.set(t, [{ doc: i, name }]);
      }
      this.lengthNorm.push(this.tuning.k1 * (1 - this.tuning.b + (this.tuning.b * d.length) / this.avgLength));
      for (const [term, tf] of d.tf) {
        const field = d.titleTerms.has(term) ? FIELD_TITLE : d.keywordTerms.has(term) ? FIELD_KEYWORDS : d.headingTerms.has(term) ? FIELD_HEADING : FIELD_BODY;
        const list = this.postings.get(term);
        if (list) list.push({ doc: i, tf, field });
        else this.postings.set(term, [{ doc: i, tf, field }]);
      }
    });
    for (const t of this.df.keys()) {
      if (!isWord(t) || t.length < 4) continue;
      for (const d of deletes(t)) {
        const list = this.deletions.get(d) ?? [];
        list.push(t);
        this.deletions.set(d, list);
      }
    }
    this.sortedVocab = [...this.df.keys()].filter(isWord).sort();
    this.buildCache = undefined;
  }

  /** How much a text weighs as a question: the summed importance of its meaningful words (IDF; unknown words 2.5). */
  weigh(text: string): number {
    return this.units(text).units.reduce((a, u) => a + (u.word ? u.importance : 0), 0);
  }

  /** Whether the plan itself uses this stem (or term). */
  knows(term: string): boolean {
    return this.df.has(term);
  }

  get size(): number {
    return this.docs.length;
  }

  private *sectionTexts(s: PlanSection, lang: Lang): Generator<{ field: 'title' | 'keywords' | 'heading' | 'body'; text: string }> {
    const title = s.title[lang];
    if (title) yield { field: 'title', text: title };
    for (const k of s.keywords[lang] ?? []) yield { field: 'keywords', text: k };
    for (const b of s.body[lang] ?? []) {
      if (b.kind === 'heading') yield { field: 'heading', text: plainInline(b.text) };
      else if (b.kind === 'paragraph') yield { field: 'body', text: plainInline(b.text) };
      else for (const i of b.items) yield { field: 'body', text: plainInline(i) };
    }
  }

  /** Analysis results while the index is built (passages repeat the section's text); dropped after. */
  private buildCache: Map<string, { term: string; weight: number }[]> | undefined = new Map();

  /** Stems, compound parts and glossary concepts of a text in a known language. */
  analyzeText(text: string, lang: Lang): { term: string; weight: number }[] {
    const key = `${lang}\u0000${text}`;
    const hit = this.buildCache?.get(key);
    if (hit) return hit;
    const out = this.analyzeFresh(text, lang);
    this.buildCache?.set(key, out);
    return out;
  }

  private analyzeFresh(text: string, lang: Lang): { term: string; weight: number }[] {
    const ws = words(text);
    const stems = ws.map((w) => stem(w, lang));
    const out: { term: string; weight: number }[] = [];
    ws.forEach((w, i) => {
      if (isStopword(w)) return;
      out.push({ term: stems[i], weight: 1 });
      const parts = this.compoundParts(stems[i], lang);
      for (const part of parts) out.push({ term: part, weight: PART_WEIGHT });
      // Parts that are glossary terms bring their concepts, as whole words do (avustajapalvelu: avustaja).
      for (const h of this.glossary.findInStems(parts, lang)) if (h.end - h.start === 1) out.push({ term: h.concept, weight: PART_WEIGHT });
    });
    for (const h of this.glossary.findInStems(stems, lang)) out.push({ term: h.concept, weight: 1 });
    return out;
  }

  /**
   * Splits a Finnish or Swedish compound stem into known stems: kotiopetusilmoitus → kotiopetus + ilmoitus →
   * koti + opetus; frånvarotimmar → frånvaro + timm; a Swedish linking s (skolgångs|handledare) is dropped.
   * A split needs a known tail of at least 4 letters and a head of at least 3; the head is split again.
   */
  compoundParts(st: string, lang: Lang, depth = 0): string[] {
    if (lang === 'en' || st.length < MIN_PART + 3 || depth > 2) return [];
    const key = `${lang}:${st}`;
    const cached = depth === 0 ? this.partsCache.get(key) : undefined;
    if (cached) return cached;
    const vocab = this.partVocab[lang];
    let parts: string[] = [];
    for (let i = 3; i <= st.length - MIN_PART; i++) {
      const tail = st.slice(i);
      if (tail.length < MIN_PART || !vocab.has(tail)) continue;
      let head = st.slice(0, i);
      if (lang === 'sv' && head.endsWith('s') && !vocab.has(head) && vocab.has(head.slice(0, -1))) head = head.slice(0, -1);
      const headStem = stem(head, lang);
      const headParts = this.compoundParts(head, lang, depth + 1);
      // Both sides must be words of the plan (or the head a compound of them): "password" is not pass + word.
      if (!vocab.has(head) && !vocab.has(headStem) && headParts.length === 0) continue;
      parts = [...new Set([headStem, head, tail, ...headParts])].filter((p) => p.length >= 3 && p !== st);
      break;
    }
    if (depth === 0) this.partsCache.set(key, parts);
    return parts;
  }

  private buildDoc(section: PlanSection): Doc {
    const tf = new Map<string, number>();
    const titleTerms = new Set<string>();
    const keywordTerms = new Set<string>();
    const headingTerms = new Set<string>();
    let length = 0;
    for (const lang of LANGS) {
      for (const { field, text } of this.sectionTexts(section, lang)) {
        for (const { term, weight } of this.analyzeText(text, lang)) {
          const w = this.tuning[field] * weight;
          tf.set(term, (tf.get(term) ?? 0) + w);
          length += w;
          if (field === 'title') titleTerms.add(term);
          if (field === 'keywords') keywordTerms.add(term);
          if (field === 'heading') headingTerms.add(term);
        }
      }
    }
    const priors = Object.entries(section.weightWhen ?? {}).map(([term, weight]) => ({
      terms: new Set(LANGS.flatMap((l) => this.analyzeText(term, l).map((t) => t.term))),
      weight,
    }));
    const names: Name[] = [];
    for (const l of LANGS) {
      const phrases = [...(section.title[l] ? [{ text: section.title[l]!, title: true }] : []), ...(section.keywords[l] ?? []).map((k) => ({ text: k, title: false }))];
      for (const { text, title } of phrases) {
        const ws = words(plainInline(text));
        const size = contentWordMask(ws).filter(Boolean).length;
        if (size > 0) names.push({ terms: new Set(this.analyzeText(plainInline(text), l).map((t) => t.term)), size, title });
      }
    }
    return { section, tf, titleTerms, keywordTerms, headingTerms, length, passages: this.buildPassages(section), priors, names };
  }

  /** Paragraphs and lists; a paragraph ending in ':' travels with the list it introduces. */
  private buildPassages(section: PlanSection): Passage[] {
    const out: Passage[] = [];
    for (const lang of LANGS) {
      const blocks = section.body[lang];
      if (!blocks) continue;
      const headings: string[] = [];
      blocks.forEach((b, i) => {
        if (b.kind === 'heading') {
          headings.splice(Math.max(0, b.level - 2));
          headings[Math.max(0, b.level - 2)] = b.text;
          return;
        }
        const prev = blocks[i - 1];
        if (b.kind === 'paragraph' && blocks[i + 1]?.kind === 'list' && b.text.trim().endsWith(':')) return;
        const group: Block[] = b.kind === 'list' && prev?.kind === 'paragraph' && prev.text.trim().endsWith(':') ? [prev, b] : [b];
        const pieces = group.flatMap((g) => (g.kind === 'list' ? g.items : g.kind === 'paragraph' ? [g.text] : []));
        const headingTerms = headings.filter(Boolean).flatMap((h) => this.analyzeText(plainInline(h), lang).map((t) => t.term));
        out.push({
          lang,
          headings: headings.filter(Boolean),
          blocks: group,
          terms: new Set([...headingTerms, ...pieces.flatMap((p) => this.analyzeText(plainInline(p), lang).map((t) => t.term))]),
          headingTerms: new Set(headingTerms),
          position: i,
        });
      });
    }
    return out;
  }

  private idf(term: string): number {
    const n = this.docs.length;
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Alternatives for one question word: exact stems, compound parts, prefix and typo matches. */
  private alternativesFor(word: string): Alternative[] {
    const alts = new Map<string, number>();
    const near = new Set<string>();
    const add = (t: string, w: number, isNear = false) => {
      alts.set(t, Math.max(alts.get(t) ?? 0, w));
      if (isNear) near.add(t);
    };
    const stems = stemsAnyLang(word);
    for (const s of stems) {
      if (this.df.has(s)) add(s, 1);
    }
    for (const lang of ['fi', 'sv'] as const) {
      const s = stem(word, lang);
      const known = this.df.has(s);
      // A compound the plan never writes whole (avustajapäätös) is known through its parts, at full weight.
      const parts = this.compoundParts(s, lang);
      for (const p of parts) if (this.df.has(p)) add(p, known ? PART_WEIGHT : 0.9);
      // A part that is a glossary term brings its concept (muistiopohja: pohja is a colloquial "form").
      if (!known) for (const h of this.glossary.findInStems(parts, lang)) if (h.end - h.start === 1 && this.df.has(h.concept)) add(h.concept, 0.9);
    }
    if (alts.size === 0) {
      const s = stem(word, 'fi');
      // A five-letter stem may lose one letter: loanwords keep endings Snowball does not know (nudeja → nude).
      if (s.length === 5 && this.df.has(s.slice(0, 4))) add(s.slice(0, 4), 0.75, true);
      if (s.length >= 6) {
        // Prefix: a stem the plan has that is this one cut or extended by up to 3 letters.
        for (let len = 5; len < s.length; len++) if (s.length - len <= 3 && this.df.has(s.slice(0, len))) add(s.slice(0, len), 0.8, true);
        for (let i = lowerBound(this.sortedVocab, s); i < this.sortedVocab.length && this.sortedVocab[i].startsWith(s); i++) {
          if (this.sortedVocab[i].length - s.length <= 3) add(this.sortedVocab[i], 0.8, true);
        }
        // Typos: candidates share a single- or double-deletion variant (SymSpell), confirmed by edit distance.
        const max = s.length >= 8 ? 2 : 1;
        const probes = new Set([s, ...deletes(s), ...(max === 2 ? [...deletes(s)].flatMap((d) => [...deletes(d)]) : [])]);
        for (const p of probes) {
          for (const t of [...(this.deletions.get(p) ?? []), ...(this.df.has(p) && isWord(p) ? [p] : [])]) {
            if (alts.has(t)) continue;
            const d = editDistance(s, t, max);
            if (d <= max) add(t, d === 1 ? 0.75 : 0.6, true);
          }
        }
      }
    }
    return [...alts.entries()].map(([term, weight]) => ({ term, weight, ...(near.has(term) ? { near: true } : {}) }));
  }

  private units(question: string): { units: Unit[]; contentWords: number } {
    const ws = words(question);
    const units: Unit[] = [];
    const wordUnitIndex = new Map<number, number>();
    const content = contentWordMask(ws);
    const seen = new Map<string, number>();
    ws.forEach((w, i) => {
      if (!content[i]) return;
      // A word said twice ("school ... school health") is one piece of the question, not two.
      const key = stemsAnyLang(w).join('|');
      if (seen.has(key)) return void wordUnitIndex.set(i, seen.get(key)!);
      seen.set(key, units.length);
      const alternatives = this.alternativesFor(w);
      // A word is as important as its most common reading: another language's odd stem must not inflate it.
      // Near matches (prefix, typo) may be wrong, so they do not make a word look common and unimportant.
      // A compound's parts are not readings of it: "jaksoluokka" is as rare as itself, not as common as "luokka".
      const readings = alternatives.filter((a) => !a.near && (a.weight >= 0.9 || !alternatives.some((b) => !b.near && b.weight >= 0.9)));
      const common = readings.reduce<Alternative | undefined>((m, a) => (!m || (this.df.get(a.term) ?? 0) > (this.df.get(m.term) ?? 0) ? a : m), undefined);
      wordUnitIndex.set(i, units.length);
      // A word the plan does not know weighs like a fairly rare word: users write more than the plan says.
      units.push({ alternatives, importance: common ? Math.max(this.idf(common.term) * common.weight, 0.5) : UNKNOWN_IMPORTANCE, word: true });
    });
    const contentWords = units.length;
    for (const h of this.glossary.findInQuestion(ws)) {
      const covers = [...Array(h.end - h.start).keys()].map((k) => wordUnitIndex.get(h.start + k)).filter((x): x is number => x !== undefined);
      // A concept stands in for the words it covers: an unknown word ("homeschooling") is known through it.
      for (const c of covers) if (units[c].alternatives.length === 0) units[c].importance = Math.min(units[c].importance, this.idf(h.concept) + 0.5);
      units.push({ alternatives: [{ term: h.concept, weight: 1.2 }], importance: 0, word: false, covers });
    }
    return { units, contentWords };
  }

  /** The section's prior for this question: its weight, or a weightWhen weight whose term the question names. */
  private prior(doc: Doc, asked: Set<string>): number {
    let w: number | undefined;
    for (const p of doc.priors) if ([...p.terms].some((t) => asked.has(t))) w = Math.max(w ?? 0, p.weight);
    return w ?? doc.section.weight ?? 1;
  }

  search(question: string, limit = 5): SearchResult {
    const { units, contentWords } = this.units(question);
    const asked = new Set(units.flatMap((u) => u.alternatives.filter((a) => !a.near).map((a) => a.term)));
    const priors = new Map<string, number>();
    const totalImportance = units.filter((u) => u.word).reduce((a, u) => a + u.importance, 0);
    const importance = units.map((u) => (u.word ? u.importance : 0));
    const hits: SearchHit[] = [];
    const { k1, titleBonus, keywordBonus } = this.tuning;
    const n = this.docs.length;
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
        const postings = this.postings.get(a.term);
        if (!postings) continue;
        const idf = this.idf(a.term);
        for (const p of postings) {
          // BM25F saturates a long body; a match in the title or keywords says what the section is about.
          const about = p.field === FIELD_TITLE ? titleBonus : p.field === FIELD_KEYWORDS ? keywordBonus : 0;
          const v = a.weight * idf * ((p.tf / (p.tf + this.lengthNorm[p.doc])) * (k1 + 1) + about);
          if (unitBest[p.doc] === 0) touched.push(p.doc);
          if (v > unitBest[p.doc]) unitBest[p.doc] = v;
          if (p.field !== FIELD_BODY) unitAbout[p.doc] = 1;
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
    const hitOf: (SearchHit | undefined)[] = new Array(n);
    for (let d = 0; d < n; d++) {
      if (score[d] <= 0) continue;
      const doc = this.docs[d];
      const prior = this.prior(doc, asked);
      priors.set(doc.section.id, prior);
      hits.push(
        (hitOf[d] = {
          section: doc.section,
          score: score[d] * prior,
          coverage: totalImportance > 0 ? matched.sum(d, importance) / totalImportance : 0,
          aboutCoverage: totalImportance > 0 ? matchedAbout.sum(d, importance) / totalImportance : 0,
        }),
      );
    }
    // A question that is a section's title or one of its keywords, and nothing more, asks for that section.
    const wordUnits = units.filter((u) => u.word);
    if (wordUnits.length > 0 && wordUnits.length <= 4) {
      const concepts = wordUnits.map((w) => units.filter((u) => !u.word && u.covers?.includes(units.indexOf(w))).flatMap((u) => u.alternatives.map((a) => a.term)));
      const readings = wordUnits.map((u, k) => [...u.alternatives.filter((a) => a.weight >= 0.75).map((a) => a.term), ...concepts[k]]);
      const seen = new Set<Name>();
      // Candidates: the names holding a reading of the first word; each must hold a reading of every word.
      for (const term of readings[0]) {
        for (const { doc, name } of this.nameIndex.get(term) ?? []) {
          if (name.size !== wordUnits.length || seen.has(name)) continue;
          seen.add(name);
          if (!readings.every((r) => r.some((t) => name.terms.has(t)))) continue;
          const h = hitOf[doc];
          if (!h) continue;
          if (name.title) h.titleMatch = true;
          else h.keywordMatch = true;
        }
      }
    }
    hits.sort(byRank);
    // Rerank the leaders by their best passage: question words that meet in one paragraph or list
    // are stronger evidence than the same words scattered over a long section.
    const groups = this.passageGroups(units);
    const leaders = hits.slice(0, Math.max(limit, RERANK));
    for (const h of leaders) {
      h.passage = this.bestPassage(h.section.id, groups);
      if (h.passage) h.score += this.tuning.passageWeight * this.passageScore(h.passage, groups) * (priors.get(h.section.id) ?? 1);
    }
    leaders.sort(byRank);
    // A subsection that scores nearly as well as its parent answers more precisely; the card still shows
    // the parent in its path and offers it.
    const first = leaders[0];
    if (first && first.section.childIds.length && !first.titleMatch) {
      const child = leaders.find((h) => h.section.parentId === first.section.id && h.score >= first.score * CHILD_PREFERENCE);
      if (child) leaders.splice(leaders.indexOf(child), 1), leaders.unshift(child);
    }
    const top = leaders.slice(0, limit);
    return { hits: top, contentWords };
  }

  /** Per question word, the terms that stand for it: its own alternatives and the concepts covering it. */
  private passageGroups(units: Unit[]): Alternative[][] {
    const groups: Alternative[][] = units.filter((u) => u.word).map((u) => [...u.alternatives]);
    const wordIndex = units.map((u, i) => (u.word ? units.slice(0, i).filter((x) => x.word).length : -1));
    for (const u of units) {
      if (u.word) continue;
      const targets = (u.covers ?? []).map((c) => wordIndex[c]).filter((i) => i >= 0);
      if (targets.length === 0) groups.push([...u.alternatives]);
      for (const t of targets) groups[t].push(...u.alternatives);
    }
    return groups;
  }

  /**
   * Each question word counts once, by its best term in the passage; a term in the passage's heading
   * counts double, and a glossary concept 1.5x (it matched the meaning, not just the letters).
   */
  private passageScore(p: Passage, groups: Alternative[][]): number {
    let score = 0;
    for (const g of groups) {
      let best = 0;
      for (const a of g) {
        if (!p.terms.has(a.term)) continue;
        const v = a.weight * this.idf(a.term) * (p.headingTerms.has(a.term) ? 2 : 1) * (a.term.startsWith('@') ? 1.5 : 1);
        if (v > best) best = v;
      }
      score += best;
    }
    return p.blocks.some((b) => b.kind === 'list') ? score * 1.15 : score; // criteria are written as lists
  }

  /** The passage with the most question weight; ties go to the earlier one (Finnish first). */
  private bestPassage(sectionId: string, groups: Alternative[][], lang?: Lang): Passage | undefined {
    const doc = this.byId.get(sectionId);
    if (!doc) return undefined;
    let best: { p: Passage; s: number } | undefined;
    for (const p of doc.passages) {
      if (lang && p.lang !== lang) continue;
      const s = this.passageScore(p, groups);
      if (!best || s > best.s) best = { p, s };
    }
    return best?.p;
  }

  /** Same passage position in another language version, when the structures match; else that language's best. */
  passageIn(sectionId: string, passage: Passage, lang: Lang, question: string): Passage | undefined {
    const doc = this.byId.get(sectionId);
    if (!doc || !doc.section.body[lang]) return undefined;
    const same = doc.passages.find((p) => p.lang === lang && p.position === passage.position);
    if (same && same.blocks.map((b) => b.kind).join() === passage.blocks.map((b) => b.kind).join()) return same;
    return this.bestPassage(sectionId, this.passageGroups(this.units(question).units), lang);
  }
}
