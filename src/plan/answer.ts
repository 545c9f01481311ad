import { dirname, join } from 'node:path';
import { type Lang, words } from './analyze';
import { Glossary } from './glossary';
import { loadPlan } from './load';
import { type Block, bodyLangOf, headingOf, type Plan, type PlanSection, pathOf, titleOf } from './model';
import { OffTopic, type OffTopicMatch } from './offtopic';
import { leftToWrite, otherLevels, sectionNames } from './levels';
import { type Danger, DANGER_QUERY, detectDanger } from './safety';
import { ANALYSIS, PlanIndex, type Passage, type SearchHit, THRESHOLDS } from './search';

/** The plan page's id for a body block (`renderPlanPage` gives every block one). */
export function anchorOf(blockIndex: number): string {
  return `p-${blockIndex}`;
}

/**
 * Answers a question from the plan: the section, the passage in the plan's own words, where it is,
 * what to do next — or an honest "the plan does not cover this". Plain data; the Teams layer renders it.
 */

/** Words that ask for a size, a number or a limit, in Finnish, Swedish and English. */
const SIZE_WORD =
  /^(suuri|suuren|iso|isoja|enintään|korkeintaan|vähintään|maksimi|maksimissaan|minimi|monta|montako|paljon|paljonko|stor|stora|störst|högst|minst|många|mycket|big|large|largest|many|much|most|least|maximum|minimum|max|min)$/;

/**
 * Confident enough to quote the plan: a good match on most of the question, or a strong match on its core.
 * A weaker match must also touch what the section is about (its title, keywords or headings): words that
 * only occur in passing ("the parties involved") do not make a staff party a welfare question. A section that
 * lacks the kind of answer asked for (no quantity for "how many") cannot answer. `scale`: the plan's score scale
 * (`PlanIndex.scale`; 1 on the sample plan the bars were tuned on).
 */
export function confident(h: Pick<SearchHit, 'score' | 'coverage' | 'aboutCoverage' | 'passageCoverage' | 'titleMatch' | 'keywordMatch' | 'titleHeld' | 'noQuantity'>, scale = 1): boolean {
  if (h.titleMatch || h.keywordMatch || h.titleHeld) return true;
  if (h.noQuantity) return false;
  // Every word of the question in one paragraph or list of the section: that passage is about it.
  // A question of common words only ("who decides on support") scores low; if its words are also what the
  // section's title or headings say, it is still about that section.
  const aboutIt = (h.aboutCoverage ?? 0) >= THRESHOLDS.aboutAll ? THRESHOLDS.aboutScore : THRESHOLDS.passageScore;
  if ((h.passageCoverage ?? 0) >= THRESHOLDS.passageCoverage && h.score >= aboutIt * scale) return true;
  const matched = (h.score >= THRESHOLDS.minScore * scale && h.coverage >= THRESHOLDS.minCoverage) || (h.score >= THRESHOLDS.strongScore && h.coverage >= THRESHOLDS.strongCoverage);
  return matched && ((h.aboutCoverage ?? 1) >= THRESHOLDS.minAbout || h.score >= THRESHOLDS.aboutFree * scale);
}

/**
 * `confident` for a question in `lang` on this index. A question in a language the plan is not written in is read
 * through translations, each at ANALYSIS.translationWeight of a word the plan writes: its scores come out lower by
 * as much, and so does the bar.
 */
function confidentIn(index: PlanIndex, lang: Lang): (h: SearchHit) => boolean {
  const scale = index.scale * (index.writtenIn(lang) ? 1 : ANALYSIS.translationWeight);
  return (h) => confident(h, scale);
}

export interface SectionRef {
  id: string;
  /** As people cite it: the section's own number, then its title ("3.2 Kotiopetus"). */
  title: string;
  path: string[];
  url: string;
  /** Pages of the original document where the section is (imported PDFs). */
  page?: number;
  lastPage?: number;
}

/** A quoted passage: the plan's own words, in the user's language when the section has it. */
export interface QuotedPassage {
  lang: Lang;
  headings: string[];
  blocks: readonly Block[];
  /** The passage's place on the plan page (`#p-3`): the section link opens the page there. */
  anchor: string;
}

export interface AnsweredSection extends SectionRef {
  /** One passage, or two short ones when the answer spans them (the rule and the steps), in plan order. */
  passages: QuotedPassage[];
  forms: string[];
  law: string[];
  reviewed?: string;
  score: number;
}

export type Answer =
  | {
      kind: 'answer';
      question: string;
      lang: Lang;
      best: AnsweredSection;
      also: SectionRef[];
      followUps: SectionRef[];
      /** Every section above the answer threshold, best first (the reply's citations). */
      ranked: SectionRef[];
      danger?: Danger;
    }
  | {
      kind: 'none';
      question: string;
      lang: Lang;
      closest: SectionRef[];
      /**
       * The section leaves what is asked for the region to write ("Esimerkkialue täydentää tähän"): the plan does
       * not answer it yet, and its placeholder is shown as it stands.
       */
      unwritten?: SectionRef & { passages: QuotedPassage[] };
      danger?: Danger;
      /** The question is about something the plan is not for (pay, IT, premises…): content/offtopic.yml. */
      offTopic?: OffTopicMatch;
    };

/** Where the plan's original document is kept: a published version's id, or `local` for PLAN_DIR/_original. */
export type OriginalKey = string;

export class PlanService {
  /** `refs`: each section's reference per language, worked out once for this plan (sections are never changed, only replaced). */
  private current: { plan: Plan; index: PlanIndex; original?: OriginalKey; refs: WeakMap<PlanSection, Partial<Record<Lang, SectionRef>>> };

  constructor(
    plan: Plan,
    index: PlanIndex,
    private readonly publicUrl: string,
    private readonly offTopic: OffTopic = new OffTopic([]),
    original?: OriginalKey,
  ) {
    this.current = { plan, index, original, refs: new WeakMap() };
  }

  /** The plan answered from now; replace() swaps it whole when a new version is published. */
  get plan(): Plan {
    return this.current.plan;
  }

  get index(): PlanIndex {
    return this.current.index;
  }

  /** The published version answered from (its id), `local` for PLAN_DIR with its original, else undefined. */
  get source(): OriginalKey | undefined {
    return this.current.original;
  }

  /**
   * Answers from another plan from now on (a published version): its index is built before the swap, so a
   * question sees the old plan or the new one, never half of each.
   */
  replace(plan: Plan, original?: OriginalKey): void {
    this.current = { plan, index: new PlanIndex(plan, this.current.index.glossary), original, refs: new WeakMap() };
  }

  /** A service for another plan with the same glossary and off-topic list (a draft being tried). */
  withPlan(plan: Plan, original?: OriginalKey): PlanService {
    return new PlanService(plan, new PlanIndex(plan, this.current.index.glossary), this.publicUrl, this.offTopic, original);
  }

  /** The original document at the section's first page (#page=N opens PDFs there), when it is kept. */
  originalUrl(section: PlanSection): string | undefined {
    const file = this.plan.meta.original?.file;
    if (!file || !this.current.original) return undefined;
    const page = section.source?.page ? `#page=${section.source.page}` : '';
    return `${this.publicUrl}/plan-file/${encodeURIComponent(this.current.original)}/${encodeURIComponent(file)}${page}`;
  }

  /** The off-topic list lives next to the glossary (content/offtopic.yml). */
  static load(planDir: string, glossaryFile: string, publicUrl: string): PlanService {
    return PlanService.forPlan(loadPlan(planDir), glossaryFile, publicUrl);
  }

  /** As `load`, for a plan already read from its directory (serve.ts reads it through plan/parsedPlanCache.ts). */
  static forPlan(plan: Plan, glossaryFile: string, publicUrl: string): PlanService {
    const original = plan.meta.original ? 'local' : undefined;
    return new PlanService(plan, new PlanIndex(plan, Glossary.load(glossaryFile)), publicUrl, OffTopic.load(join(dirname(glossaryFile), 'offtopic.yml')), original);
  }

  static defaultGlossary(contentDir: string): string {
    return join(contentDir, 'glossary.yml');
  }

  url(sectionId: string, lang?: Lang): string {
    // Expert answers kept as FAQ entries live outside the plan's files (see expert/faq.ts).
    const page = sectionId.startsWith('faq-') ? 'faq' : 'plan';
    return `${this.publicUrl}/${page}/${sectionId}${lang && lang !== 'fi' ? `?lang=${lang}` : ''}`;
  }

  /** The section as cited (shared: never change it; spread it to adapt it). */
  ref(section: PlanSection, lang: Lang): SectionRef {
    const { refs } = this.current;
    let byLang = refs.get(section);
    if (!byLang) refs.set(section, (byLang = {}));
    return (byLang[lang] ??= this.freshRef(section, lang));
  }

  private freshRef(section: PlanSection, lang: Lang): SectionRef {
    const path = section.parentId ? pathOf(this.plan, section, lang) : [headingOf(section, lang)];
    const pages = section.source?.page ? { page: section.source.page, ...(section.source.lastPage ? { lastPage: section.source.lastPage } : {}) } : {};
    return { id: section.id, title: headingOf(section, lang), path, url: this.url(section.id, lang), ...pages };
  }

  /** `index` is the plan's own, or the plan plus a tenant's FAQ entries. */
  answer(question: string, lang: Lang, index: PlanIndex = this.index): Answer {
    const danger = detectDanger(question);
    const { hits } = index.search(question, 6, lang);
    const sure = confidentIn(index, lang);
    if (danger) {
      // Emergency guidance first (rendered by the caller), with the plan's crisis or child-protection section.
      const crisis = this.index.search(DANGER_QUERY[danger], 1, lang).hits[0];
      // A question about what to do around violence or a weapon ("Ilmoitetaanko pahoinpitelystä poliisille, vaikka
      // lyöjä on alle 15-vuotias?", "får läraren kolla väskan?" about a knife) is answered by the section that answers
      // it, when the plan surely has one: the guidance still comes first and the crisis section beside it. Self-harm
      // and abuse keep the crisis or child-protection section first, whatever else the message asks.
      const own = hits[0];
      if (danger === 'violence' && crisis && own && own.section.id !== crisis.section.id && sure(own)) {
        return this.answered(question, lang, own, [crisis, ...hits.slice(1).filter((h) => h.section.id !== crisis.section.id)], danger, index);
      }
      if (crisis) return this.answered(question, lang, crisis, [], danger, this.index);
      return { kind: 'none', question, lang, closest: [], danger };
    }
    const best = hits[0];
    // Pay, passwords, room bookings: say so plainly, unless the tenant's experts have answered it as an FAQ,
    // or the rest of the question is clearly a welfare question ("vuosiloman aikana tapahtunut kriisi"), or the
    // off-topic words only say where it happened and the rest is one ("tappelu ruokalassa", "fight in the canteen").
    // What the asker forgot or lost is what they ask about ("unohdin wilman salasanan enkä pääse kirjaamaan poissaoloja").
    const off = this.offTopic.match(
      question,
      (s) => index.knows(s),
      lang,
      (w) => index.knowsTranslated(w, lang),
    );
    if (off && !best?.cited && !(best?.section.id.startsWith('faq-') && sure(best))) {
      // Words that only ask for a size or a number ("kuinka suuri … enintään", "hur stor", "at most") say nothing
      // about what the rest is about: "Kuinka suuri alakoulun luokkakoko saa enintään olla?" is about class size.
      const rest = words(question)
        .filter((w) => !off.words.includes(w) && !SIZE_WORD.test(w))
        .join(' ');
      const restBest = index.search(rest, 1).hits[0];
      const welfare = restBest && sure(restBest) ? restBest.coverage * index.weigh(rest) : 0;
      // Each off-topic word weighs at least as much as a word the plan does not know: it is what the question is about.
      const offWeight = Math.max(index.weigh(off.words.join(' ')), THRESHOLDS.offTopicWord * index.scale * off.words.length);
      const setting = off.setting && welfare > 0;
      if (off.lost || (!setting && welfare < THRESHOLDS.offTopicOutweigh * offWeight)) return { kind: 'none', question, lang, closest: [], offTopic: off.subject };
    }
    if (!best || !sure(best)) {
      // Closest sections only when something in the question matched meaningfully.
      const closest = hits.filter((h) => h.coverage >= 0.25 && h.score >= (THRESHOLDS.minScore / 2) * index.scale).slice(0, 3);
      return { kind: 'none', question, lang, closest: closest.map((h) => this.ref(h.section, lang)) };
    }
    // A plan written for another level of education (basic education) answers a question about upper secondary,
    // vocational or early childhood education only from a section that names that level: "Hur mycket kostar skolmaten
    // för gymnasiestuderande?" is not answered by a section on school meals that never names upper secondary school.
    const levels = otherLevels(question, index.plan);
    if (levels.length > 0) {
      const named = hits.find((h) => sure(h) && levels.every((l) => sectionNames(h.section, l)));
      // A section before it that names the level only where the region is still to write ("Lukion … säännöt
      // Esimerkkialue täydentää tähän erikseen"): the plan does not answer yet, and says so.
      for (const h of hits) {
        if (h === named) break;
        if (!sure(h)) continue;
        const open = index.placeholderWhere(h.section.id, h.passage?.lang ?? bodyLangOf(h.section, lang), (blocks) => levels.every((l) => leftToWrite(blocks, l)));
        if (open) return this.unwritten(question, lang, { ...h, passage: open }, index);
      }
      if (!named) return { kind: 'none', question, lang, closest: [] };
      const others = hits.filter((h) => h !== named);
      if (named !== best) return this.answered(question, lang, named, others, undefined, index);
    }
    // What the plan leaves for the region to write is not guidance: say so, with the placeholder as it stands.
    if (best.passage && index.asksUnwritten(best.section.id, best.passage, question, lang)) return this.unwritten(question, lang, best, index);
    return this.answered(question, lang, best, hits.slice(1), undefined, index);
  }

  private unwritten(question: string, lang: Lang, hit: SearchHit, index: PlanIndex): Answer {
    const passages = this.quote(hit.section, [hit.passage], lang, question, index);
    const r = this.ref(hit.section, lang);
    return { kind: 'none', question, lang, closest: [], unwritten: { ...r, url: passages[0]?.anchor ? `${r.url}#${passages[0].anchor}` : r.url, passages } };
  }

  /** A section opened directly (follow-up button, related link): its opening passage. */
  open(sectionId: string, lang: Lang, question = ''): Answer | undefined {
    const section = this.plan.sections.get(sectionId);
    if (!section) return undefined;
    const hit = this.index.search(question || titleOf(section, section.lang), 50, lang).hits.find((h) => h.section.id === sectionId) ?? { section, score: 0, coverage: 1 };
    return this.answered(question, lang, hit, [], undefined, this.index);
  }

  private answered(question: string, lang: Lang, hit: SearchHit, others: SearchHit[], danger: Danger | undefined, index: PlanIndex): Answer {
    const s = hit.section;
    // A placeholder is no part of an answer: where what the best passage would quote is mostly one, the section's
    // next passage that answers takes its place (the section's guidance holds more of the question: see answer()).
    const guidance = (p: Passage | undefined) => (p && !index.placeholderLeads(s.id, p, question, lang) ? p : undefined);
    const first = guidance(hit.passage) ?? (hit.passage && index.guidanceBeside(s.id, hit.passage, question, lang)) ?? hit.passage;
    const second = hit.companion !== first ? guidance(hit.companion) : undefined;
    const passages = this.quote(s, [first, second], lang, question, index);
    const sure = confidentIn(index, lang);
    const also = others.filter((o) => o.score >= hit.score * THRESHOLDS.alsoRelevant && sure(o) && o.section.id !== s.parentId && o.section.parentId !== s.id).slice(0, 2);
    // Written out rather than spread from the shared reference: an answer is made for every question.
    const r = this.ref(s, lang);
    const best: AnsweredSection = {
      id: r.id,
      title: r.title,
      path: r.path,
      // The section link opens the page at the quoted passage.
      url: passages[0]?.anchor ? `${r.url}#${passages[0].anchor}` : r.url,
      page: r.page,
      lastPage: r.lastPage,
      passages,
      forms: s.forms,
      law: s.law,
      reviewed: s.reviewed,
      score: hit.score,
    };
    return {
      kind: 'answer',
      question,
      lang,
      danger,
      best,
      also: also.map((o) => this.ref(o.section, lang)),
      followUps: this.followUps(
        s,
        also.map((a) => a.section.id),
      ).map((f) => this.ref(f, lang)),
      ranked: [best, ...others.filter(sure).map((h) => this.ref(h.section, lang))].slice(0, 5),
    };
  }

  /**
   * The passages to quote, in the language the plan page shows (the user's, else the section's own), in plan order;
   * without a matching passage, the section's opening paragraph (and the list it introduces).
   */
  private quote(s: PlanSection, found: (Passage | undefined)[], lang: Lang, question: string, index: PlanIndex): QuotedPassage[] {
    const bodyLang = bodyLangOf(s, lang);
    const inLang = found.filter((p): p is Passage => !!p).map((p) => (p.lang === bodyLang ? p : (index.passageIn(s.id, p, bodyLang, question) ?? p)));
    const unique = inLang.filter((p, i) => inLang.findIndex((q) => q.first === p.first && q.lang === p.lang) === i).sort((a, b) => a.first - b.first);
    if (unique.length > 0) return unique.map((p) => ({ lang: p.lang, headings: p.headings, blocks: p.blocks, anchor: p.lang === bodyLang ? anchorOf(p.first) : '' }));
    const blocks = s.body[bodyLang] ?? [];
    const first = blocks.findIndex((b) => b.kind !== 'heading');
    if (first < 0) return [];
    return [{ lang: bodyLang, headings: [], blocks: blocks.slice(first, first + (blocks[first + 1]?.kind === 'list' ? 2 : 1)), anchor: anchorOf(first) }];
  }

  /** Next useful steps: the section's subsections, else its siblings; never what is already shown. */
  private followUps(s: PlanSection, exclude: string[]): PlanSection[] {
    const pool = s.childIds.length > 0 ? s.childIds : s.parentId ? [s.parentId, ...(this.plan.sections.get(s.parentId)?.childIds ?? [])] : [];
    return pool
      .filter((id) => id !== s.id && !exclude.includes(id))
      .slice(0, 3)
      .map((id) => this.plan.sections.get(id)!)
      .filter(Boolean);
  }
}
