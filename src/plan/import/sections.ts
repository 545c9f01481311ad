import type { Lang } from '../analyze';
import { LanguageDetector } from '../language';
import { type Block, collapseSpace, plainText, type Warning } from './blocks';
import { lawReferences } from './law';
import { type HeadingNumber, numberSignature, splitNumber } from './numbering';

/** Builds plan sections from a document's blocks by its heading structure. */

export type { Warning } from './blocks';

export interface ImportedSection {
  /** `kotiopetus`, or `kotiopetus/tutkiva-opettaja` for a subsection. */
  id: string;
  /** Position among its siblings, from 1. */
  order: number;
  /** The section's own number as printed: "3.2", "15 §", "2 luku". */
  number?: string;
  /** The heading without its number. */
  title: string;
  /** The heading as the document has it; absent for the introduction before the first heading. */
  heading?: string;
  /** PDF pages where the section starts and ends. */
  page?: number;
  lastPage?: number;
  /** The section's body in the plan's Markdown subset. */
  body: string;
  words: number;
  law: string[];
  children: ImportedSection[];
}

export interface ImportedPlan {
  /** The document's title: its single leading top-level heading, else what the reader found. */
  title?: string;
  /** The language the document is written in: its titles and text are that language's. */
  lang: Lang;
  sections: ImportedSection[];
  warnings: Warning[];
}

const INTRO_ID = 'johdanto';
const INTRO_TITLE = { fi: 'Johdanto', sv: 'Inledning', en: 'Introduction' };
export const LONG_SECTION_WORDS = 3000;
const MAX_ID = 60;

/** Stable id from a heading: numbering dropped, Finnish letters folded, at most ~60 characters cut at a word. */
export function slugify(heading: string): string {
  const fold = (s: string) =>
    s
      .toLowerCase()
      .replace(/[äå]/g, 'a')
      .replace(/ö/g, 'o')
      .replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  let slug = fold(splitNumber(heading).title) || fold(heading);
  if (slug.length > MAX_ID) {
    const cut = slug.slice(0, MAX_ID + 1).lastIndexOf('-');
    slug = (cut >= MAX_ID / 2 ? slug.slice(0, cut) : slug.slice(0, MAX_ID)).replace(/-+$/, '');
  }
  return slug || 'osio';
}

const wordsOf = (text: string) => plainText(text).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/** "Keino: Kirjallinen varoitus; Kesto: –" for a row under a header, else the cells side by side. */
function rowText(b: Extract<Block, { kind: 'tableRow' }>): string {
  if (!b.header || b.header.length !== b.cells.length) return b.cells.join(' | ');
  return b.cells.map((c, i) => (b.header![i] ? `${b.header![i]}: ${c}` : c)).join('; ');
}

/** Body blocks as Markdown: paragraphs apart, list items and table rows as `-` lines, deeper headings as `###`. */
function renderBody(blocks: Block[]): string {
  const out: string[] = [];
  let prevKind: Block['kind'] | undefined;
  for (const b of blocks) {
    const line = b.kind === 'heading' ? `### ${b.text}` : b.kind === 'paragraph' ? b.text : b.kind === 'listItem' ? `- ${b.text}` : `- ${rowText(b)}`;
    const grouped = prevKind === b.kind && (b.kind === 'listItem' || b.kind === 'tableRow');
    if (out.length > 0 && !grouped) out.push('');
    out.push(line);
    prevKind = b.kind;
  }
  return out.join('\n');
}

const blockText = (b: Block) => (b.kind === 'tableRow' ? b.cells.join(' ') : b.text);

/** How much of the document's text tells its language: a few pages, enough to outweigh a quotation in another. */
const LANGUAGE_SAMPLE = 20_000;

/**
 * The document's language: the one whose function words (och, att, som; ja, että; the, and) the first pages
 * clearly use most; Finnish when none clearly leads (a bilingual document written in Finnish first).
 */
function languageOf(blocks: Block[]): Lang {
  let sample = '';
  for (const b of blocks) {
    if (sample.length >= LANGUAGE_SAMPLE) break;
    sample += `${blockText(b)}\n`;
  }
  return new LanguageDetector().detect(sample.slice(0, LANGUAGE_SAMPLE)) ?? 'fi';
}

type Heading = Extract<Block, { kind: 'heading' }>;

/**
 * The structural rank of every heading: 0 a section, 1 a subsection, 2+ a heading inside a body.
 * Headings numbered alike ("1 …" and "2 …", every "15 §") share the shallowest level any of them has,
 * so a document that styles one chapter differently still gets one level of chapters; then the levels
 * that occur are ranked, so h2/h3 under a title h1 work like h1/h2.
 */
function headingRanks(headings: Heading[], numbers: Map<Heading, HeadingNumber>): Map<Heading, number> {
  const groupLevel = new Map<string, number>();
  for (const h of headings) {
    const sig = numberSignature(numbers.get(h)!);
    if (sig) groupLevel.set(sig, Math.min(groupLevel.get(sig) ?? h.level, h.level));
  }
  const levelOf = (h: Heading) => {
    const sig = numberSignature(numbers.get(h)!);
    return sig ? groupLevel.get(sig)! : h.level;
  };
  const levels = [...new Set(headings.map(levelOf))].sort((a, b) => a - b);
  return new Map(headings.map((h) => [h, levels.indexOf(levelOf(h))]));
}

interface Draft {
  heading?: string;
  number?: string;
  title: string;
  page?: number;
  lastPage?: number;
  blocks: Block[];
  children: Draft[];
}

/**
 * Sections at the shallowest heading rank, subsections at the next; deeper headings stay in the body.
 * Text before the first heading is the introduction. A first heading that is unnumbered and alone at
 * the shallowest level, with others after it, is the document's title rather than a section.
 */
export function buildSections(blocks: Block[], documentTitle?: string, readerWarnings: Warning[] = []): ImportedPlan {
  const headings = blocks.filter((b): b is Heading => b.kind === 'heading');
  const numbers = new Map(headings.map((h) => [h, splitNumber(h.text)]));
  const first = headings[0];
  const titleHeading = first && !numbers.get(first)!.number && headings.length > 1 && headings.slice(1).every((h) => h.level > first.level) ? first : undefined;
  const ranks = headingRanks(
    headings.filter((h) => h !== titleHeading),
    numbers,
  );

  const top: Draft[] = [];
  const lang = languageOf(blocks);
  const intro: Draft = { title: INTRO_TITLE[lang], blocks: [], children: [] };
  let section: Draft | undefined;
  let sub: Draft | undefined;
  for (const b of blocks) {
    if (b === titleHeading) continue;
    const rank = b.kind === 'heading' ? ranks.get(b)! : undefined;
    if (b.kind === 'heading' && rank! <= 1) {
      const n = numbers.get(b)!;
      const draft: Draft = { heading: collapseSpace(b.text), number: n.number, title: n.title, page: b.page, lastPage: b.page, blocks: [], children: [] };
      if (rank === 1 && section) {
        section.children.push(draft);
        sub = draft;
      } else {
        top.push(draft);
        section = draft;
        sub = undefined;
      }
      continue;
    }
    const target = sub ?? section ?? intro;
    if (b.page !== undefined) {
      target.page ??= b.page;
      target.lastPage = Math.max(target.lastPage ?? b.page, b.page);
    }
    target.blocks.push(b);
  }
  if (intro.blocks.some((b) => blockText(b).trim())) top.unshift(intro);

  const warnings: Warning[] = [...readerWarnings];
  const finish = (drafts: Draft[], parentId?: string): ImportedSection[] => {
    const used = new Map<string, number>();
    return drafts.map((d, i) => {
      const base = d === intro ? INTRO_ID : slugify(d.title);
      const n = (used.get(base) ?? 0) + 1;
      used.set(base, n);
      const slug = n === 1 ? base : `${base}-${n}`;
      const id = parentId ? `${parentId}/${slug}` : slug;
      if (n > 1) warnings.push({ kind: 'duplicate', message: `heading "${d.heading}" gives the same id as an earlier section: renamed to ${id}` });
      const text = d.blocks.map(blockText).join('\n');
      const words = d.blocks.reduce((sum, b) => sum + wordsOf(blockText(b)), 0);
      const children = finish(d.children, id);
      if (words === 0 && children.length === 0) warnings.push({ kind: 'empty', message: `${id}: no text under "${d.heading ?? d.title}"` });
      if (words > LONG_SECTION_WORDS) {
        warnings.push({ kind: 'long', message: `${id}: ${words} words in one section; headings were probably missed (give them Word heading styles, numbers or bold)` });
      }
      return {
        id,
        order: i + 1,
        number: d.number,
        title: d.title,
        heading: d.heading,
        page: d.page,
        lastPage: d.lastPage,
        body: renderBody(d.blocks),
        words,
        law: lawReferences(plainText(`${d.title}\n${text}`)),
        children,
      };
    });
  };
  const sections = finish(top);
  return { title: titleHeading ? collapseSpace(titleHeading.text) : documentTitle, lang, sections, warnings };
}

/** One row of the section tree an admin checks: number, title, words, pages. */
export interface TreeRow {
  depth: 0 | 1;
  id: string;
  number?: string;
  title: string;
  words: number;
  page?: number;
  lastPage?: number;
}

export function sectionTree(plan: ImportedPlan): TreeRow[] {
  const row = (s: ImportedSection, depth: 0 | 1): TreeRow => ({ depth, id: s.id, number: s.number, title: s.title, words: s.words, page: s.page, lastPage: s.lastPage });
  return plan.sections.flatMap((s) => [row(s, 0), ...s.children.map((c) => row(c, 1))]);
}
