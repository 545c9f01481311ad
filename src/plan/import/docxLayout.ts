import { collapseSpace, type Warning } from './blocks';
import { splitNumber } from './numbering';

/**
 * What mammoth's document model does not do for a plan typed without Word's heading styles: headings
 * made by direct formatting (larger and/or bold), a typed or field table of contents, a cover before it.
 * Works on mammoth's model (`transformDocument`) before it becomes HTML.
 */

/** The part of mammoth's document model read here. */
export interface DocElement {
  type: string;
  styleName?: string | null;
  styleId?: string | null;
  value?: string;
  isBold?: boolean;
  fontSize?: number | null;
  numbering?: unknown;
  children?: DocElement[];
}

export const textOf = (el: DocElement): string => (el.type === 'tab' ? '\t' : (el.value ?? (el.children ?? []).map(textOf).join('')));

const runsOf = (el: DocElement): DocElement[] => (el.type === 'run' ? [el] : (el.children ?? []).flatMap(runsOf));

const HEADING_STYLE = /heading|otsikko|rubrik|^title$|^subtitle$/i;
const TOC_STYLE = /^(toc|contents|sisällys|innehåll)/i;
const TOC_LINE = /(?:\t|(?:\.\s?){3,}|…+)\s*\d{1,4}\s*$/;
const COVER_WORDS = 150;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** The default run size in points: docDefaults, then the Normal (default) paragraph style, from styles.xml. */
export function defaultFontSize(stylesXml: string | undefined): number {
  if (!stylesXml) return 11;
  const normal = /<w:style\b[^>]*w:default="1"[^>]*w:type="paragraph"[^>]*>([\s\S]*?)<\/w:style>|<w:style\b[^>]*w:type="paragraph"[^>]*w:default="1"[^>]*>([\s\S]*?)<\/w:style>/.exec(stylesXml);
  const fromNormal = normal && /<w:sz\s+w:val="(\d+)"/.exec(normal[1] ?? normal[2] ?? '');
  const defaults = /<w:docDefaults>[\s\S]*?<w:sz\s+w:val="(\d+)"[\s\S]*?<\/w:docDefaults>/.exec(stylesXml);
  const halfPoints = Number(fromNormal?.[1] ?? defaults?.[1] ?? 22);
  return halfPoints / 2;
}

interface Para {
  el: DocElement;
  text: string;
  size: number;
  bold: boolean;
  styled: boolean;
}

function describe(el: DocElement, defaultSize: number): Para {
  const runs = runsOf(el).filter((r) => textOf(r).trim());
  const text = collapseSpace(textOf(el).replace(/\t/g, ' '));
  return {
    el,
    text,
    size: Math.max(0, ...runs.map((r) => r.fontSize ?? defaultSize)),
    bold: runs.length > 0 && runs.every((r) => r.isBold),
    styled: HEADING_STYLE.test(el.styleName ?? '') || el.numbering != null,
  };
}

/**
 * Drops the table of contents (TOC styles, or three or more lines ending in a page number) and, when a
 * short text stands before it, the cover; gives Word heading styles to paragraphs that are headings
 * only by their formatting, ranked by size (bold first) as Heading 1, 2, 3….
 */
export function normalizeDocx(doc: DocElement, defaultSize: number, found: { title?: string; warnings: Warning[] }): DocElement {
  const top = doc.children ?? [];
  const paras = top.map((el) => (el.type === 'paragraph' ? describe(el, defaultSize) : undefined));

  const toc = new Set<number>();
  paras.forEach((p, i) => {
    if (!p) return;
    const run = [-1, 0, 1].filter((d) => paras[i + d] && TOC_LINE.test(textOf(paras[i + d]!.el))).length;
    if (TOC_STYLE.test(p.el.styleName ?? '') || (TOC_LINE.test(textOf(p.el)) && run >= 2)) toc.add(i);
  });
  const drop = new Set(toc);
  if (toc.size > 0) {
    const first = Math.min(...toc);
    const heading = paras[first - 1];
    if (heading && /^(sisällys(luettelo)?|sisältö|innehåll(sförteckning)?|(table of )?contents)$/i.test(heading.text)) drop.add(first - 1);
    const tocStart = Math.min(...drop);
    const before = paras.slice(0, tocStart).filter((p): p is Para => !!p && !!p.text);
    if (before.length > 0 && before.reduce((n, p) => n + words(p.text), 0) <= COVER_WORDS) {
      const largest = before.reduce((a, b) => (b.size > a.size ? b : a));
      found.title ??= largest.text;
      for (let i = 0; i < tocStart; i++) drop.add(i);
      found.warnings.push({ kind: 'cover', message: `cover page dropped; the title "${largest.text}" was taken from it` });
    }
    found.warnings.push({ kind: 'toc', message: `table of contents dropped (${toc.size} entries)` });
  }

  const kept = paras.filter((p, i): p is Para => !!p && !drop.has(i) && !!p.text);
  const sizeWeights = new Map<number, number>();
  for (const p of kept) if (!p.styled) sizeWeights.set(p.size, (sizeWeights.get(p.size) ?? 0) + p.text.length);
  const body = [...sizeWeights].reduce((a, b) => (b[1] > a[1] ? b : a), [defaultSize, -1])[0];
  const isHeading = (p: Para) => {
    const n = splitNumber(p.text);
    return !p.styled && words(p.text) <= 20 && p.text.length <= 200 && !/[.,;:!?]$/.test(p.text) && /^[\p{Lu}"“«(]/u.test(n.title) && (p.size >= body * 1.12 || (p.bold && words(p.text) <= 14));
  };
  // With Word's heading styles in use, bold lines are left to the page reader as minor headings.
  const headings = kept.some((p) => p.styled && p.el.numbering == null) ? [] : kept.filter(isHeading);
  const key = (p: Para) => `${p.size}|${p.bold ? 'b' : ''}`;
  const ranked = [...new Set(headings.map(key))].sort((a, b) => Number(b.split('|')[0]) - Number(a.split('|')[0]) || b.length - a.length);
  for (const p of headings) p.el.styleName = `Heading ${Math.min(6, ranked.indexOf(key(p)) + 1)}`;
  doc.children = top.filter((_, i) => !drop.has(i));
  return doc;
}
