import { type Block, collapseSpace, plainText } from './blocks';
import { lawReferences } from './law';

/** Builds plan sections from a document's blocks by its heading structure. */

export interface ImportedSection {
  /** `kotiopetus`, or `kotiopetus/tutkiva-opettaja` for a subsection. */
  id: string;
  /** Position among its siblings, from 1. */
  order: number;
  /** The heading without its numbering. */
  title: string;
  /** The heading as the document has it; absent for the introduction before the first heading. */
  heading?: string;
  /** PDF page where the section starts. */
  page?: number;
  /** Finnish body in the plan's Markdown subset. */
  body: string;
  words: number;
  law: string[];
  children: ImportedSection[];
}

export interface Warning {
  kind: 'empty' | 'long' | 'duplicate';
  message: string;
}

export interface ImportedPlan {
  /** The document's title: its single leading level-1 heading, else what the reader found. */
  title?: string;
  sections: ImportedSection[];
  warnings: Warning[];
}

const INTRO_ID = 'johdanto';
const INTRO_TITLE = 'Johdanto';
const LONG_SECTION_WORDS = 3000;
const MAX_ID = 60;

/** "3.2 ", "3.2. ", "3) ", "IV. ", "A. " before a heading's words. */
const NUMBERING = /^\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]?|[IVXLC]{1,6}\.|[A-Z]\.)\s+(?=\S)/;

const headingTitle = (heading: string): string => collapseSpace(heading.replace(NUMBERING, '')) || collapseSpace(heading);

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
  let slug = fold(heading.replace(NUMBERING, '')) || fold(heading);
  if (slug.length > MAX_ID) {
    const cut = slug.slice(0, MAX_ID + 1).lastIndexOf('-');
    slug = (cut >= MAX_ID / 2 ? slug.slice(0, cut) : slug.slice(0, MAX_ID)).replace(/-+$/, '');
  }
  return slug || 'osio';
}

const wordsOf = (text: string) => plainText(text).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/** Body blocks as Markdown: paragraphs apart, list items and table rows as `-` lines, deeper headings as `###`. */
function renderBody(blocks: Block[]): string {
  const out: string[] = [];
  let prevKind: Block['kind'] | undefined;
  for (const b of blocks) {
    const line =
      b.kind === 'heading' ? `### ${b.text}` : b.kind === 'paragraph' ? b.text : b.kind === 'listItem' ? `- ${b.text}` : `- ${b.cells.join(' | ')}`;
    const grouped = prevKind === b.kind && (b.kind === 'listItem' || b.kind === 'tableRow');
    if (out.length > 0 && !grouped) out.push('');
    out.push(line);
    prevKind = b.kind;
  }
  return out.join('\n');
}

const blockText = (b: Block) => (b.kind === 'tableRow' ? b.cells.join(' ') : b.text);

interface Draft {
  heading?: string;
  title: string;
  page?: number;
  blocks: Block[];
  children: Draft[];
}

/**
 * h1/h2 start top-level sections, h3 subsections of the current one; deeper headings stay in the body.
 * Text before the first heading is the introduction. A document whose first heading is its only
 * level-1 heading, followed by others, uses it as the document's title rather than a section.
 */
export function buildSections(blocks: Block[], documentTitle?: string): ImportedPlan {
  const headings = blocks.filter((b) => b.kind === 'heading');
  const first = headings[0];
  const titleHeading =
    first && first.level === 1 && headings.filter((h) => h.level === 1).length === 1 && headings.length > 1 ? first : undefined;

  const top: Draft[] = [];
  const intro: Draft = { title: INTRO_TITLE, blocks: [], children: [] };
  let section: Draft | undefined;
  let sub: Draft | undefined;
  for (const b of blocks) {
    if (b === titleHeading) continue;
    if (b.kind === 'heading' && b.level <= 3) {
      const draft: Draft = { heading: b.text, title: headingTitle(b.text), page: b.page, blocks: [], children: [] };
      if (b.level === 3 && section) {
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
    if (target === intro && intro.page === undefined) intro.page = b.page;
    target.blocks.push(b);
  }
  if (intro.blocks.some((b) => blockText(b).trim())) top.unshift(intro);

  const warnings: Warning[] = [];
  const finish = (drafts: Draft[], parentId?: string): ImportedSection[] => {
    const used = new Map<string, number>();
    return drafts.map((d, i) => {
      const base = d === intro ? INTRO_ID : slugify(d.heading ?? d.title);
      const n = (used.get(base) ?? 0) + 1;
      used.set(base, n);
      const slug = n === 1 ? base : `${base}-${n}`;
      const id = parentId ? `${parentId}/${slug}` : slug;
      if (n > 1) warnings.push({ kind: 'duplicate', message: `heading "${d.heading}" gives the same id as an earlier section: renamed to ${id}` });
      const text = d.blocks.map(blockText).join('\n');
      const words = d.blocks.reduce((sum, b) => sum + wordsOf(blockText(b)), 0);
      const children = finish(d.children, id);
      if (words === 0 && children.length === 0) warnings.push({ kind: 'empty', message: `${id}: no text under "${d.heading ?? d.title}"` });
      if (words > LONG_SECTION_WORDS) warnings.push({ kind: 'long', message: `${id}: ${words} words (over ${LONG_SECTION_WORDS}); consider splitting it` });
      return {
        id,
        order: i + 1,
        title: d.title,
        heading: d.heading,
        page: d.page,
        body: renderBody(d.blocks),
        words,
        law: lawReferences(plainText(text)),
        children,
      };
    });
  };
  const sections = finish(top);
  return { title: titleHeading?.text ?? documentTitle, sections, warnings };
}
