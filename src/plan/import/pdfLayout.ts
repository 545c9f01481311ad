import { type Block, collapseSpace, type ParsedDocument, type Run, runsToMarkdown } from './blocks';

/**
 * Turns positioned PDF text into blocks. A PDF has no headings, paragraphs or lists, only text at
 * coordinates, so they are inferred:
 *
 * 1. Items on one baseline form a line; a gap wider than two font sizes splits it into table cells.
 * 2. Noise is dropped: page numbers and lines repeated in the top/bottom margin of most pages
 *    (running headers and footers), table-of-contents lines with dot leaders, a "Sisällys" heading.
 * 3. The body font size is the most common size, weighted by characters.
 * 4. A line is a heading when it is short (≤ 15 words, ≤ 150 characters), starts with a capital letter
 *    (after any numbering), does not end in . , ; or : and is not a bullet or a table row, and
 *    - its font is at least 12 % larger than the body, or
 *    - it is bold throughout (≤ 12 words), or
 *    - it is numbered like a chapter: "3.2 Kotiopetus", "3.2. Kotiopetus" or "3 Kotiopetus" (≤ 10 words;
 *      "1. Huoltaja" with a dot after a single number is taken for a list item).
 *    Consecutive larger-font lines of one style are one heading that wrapped.
 * 5. Levels follow Word's Heading 1, 2, 3…, so that a plan gives the same sections as DOCX and as
 *    the PDF exported from it (levels 1–2 are sections, 3 subsections, deeper ones body headings).
 *    Numbering decides first: "3" → 1, "3.2" → 2, "3.2.1" → 3, "3.2.1.1" → 4. Unnumbered headings
 *    take the level of numbered headings of the same font and weight ("Liitteet" among the
 *    chapters); one larger than every numbered heading is level 1, any other a body heading: a
 *    document that numbers its headings numbers its structure. Without any numbering, the distinct
 *    heading styles are ranked by size (bold first) as levels 1, 2, 3, the rest 4.
 *    The one largest line on page 1, when larger than every other heading and not numbered, is the
 *    document's title and no section.
 * 6. Other lines join into paragraphs while the line spacing stays normal; a wider gap or a short line
 *    that ends a sentence starts a new one, and a paragraph goes on over a page break only
 *    mid-sentence. Lines starting with a bullet (•, –, -, ▪ …) or "1." / "1)" are list items, and
 *    indented lines continue them. Words hyphenated at a line end are joined again.
 */

export interface PdfTextItem {
  text: string;
  /** Left edge and baseline in PDF points, y growing upwards. */
  x: number;
  y: number;
  width: number;
  size: number;
  bold: boolean;
}

export interface PdfPageText {
  /** 1-based page number. */
  page: number;
  height: number;
  items: PdfTextItem[];
}

interface Line {
  page: number;
  pageHeight: number;
  x: number;
  y: number;
  right: number;
  size: number;
  bold: boolean;
  runs: Run[];
  /** Segments separated by wide gaps: more than one means a table row. */
  cells: Run[][];
  text: string;
}

const round = (size: number) => Math.round(size * 2) / 2;
/** Bullet glyphs, including Word's Symbol and Wingdings bullets that come through as private-use characters. */
const BULLET = /^(?:[•●▪■◦○‣⁃∙·\u{F0A7}\u{F0B7}\u{F076}\u{F0D8}]\s*|[-–—*]\s+)/u;
const NUMBERED_ITEM = /^\d{1,2}[.)]\s+(?=\p{Lu})/u;
const HEADING_NUMBER = /^(\d{1,2}(?:\.\d{1,2})*)(\.?)\s+(\S.*)$/;
const TOC_LINE = /(?:\.\s?){4,}\s*\d+\s*$|…{2,}\s*\d+\s*$/;
const TOC_HEADING = /^(sisällys(luettelo)?|sisältö|innehåll(sförteckning)?|(table of )?contents)$/i;
const PAGE_NUMBER = /^(sivu|s\.|page|sida)?\s*\d{1,4}(\s*(\/|of|av|-|–)\s*\d{1,4})?$/i;
/** Words that follow a hyphen kept at a line end: "terveys- ja sosiaalipalvelut". */
const CONJUNCTIONS = new Set(['ja', 'tai', 'sekä', 'eli', 'tahi', 'och', 'eller', 'samt', 'and', 'or']);

function buildLines(pages: PdfPageText[]): Line[] {
  const lines: Line[] = [];
  for (const p of pages) {
    let line: Line | undefined;
    for (const item of p.items) {
      if (!item.text.trim()) continue;
      const sameLine = line && Math.abs(item.y - line.y) <= 0.5 * Math.max(item.size, line.size);
      if (!line || !sameLine) {
        line = { page: p.page, pageHeight: p.height, x: item.x, y: item.y, right: item.x, size: item.size, bold: true, runs: [], cells: [[]], text: '' };
        lines.push(line);
      }
      const gap = item.x - line.right;
      const run = { text: item.text, bold: item.bold };
      if (line.runs.length > 0 && gap > 2 * item.size) {
        line.cells.push([run]);
      } else {
        if (line.runs.length > 0 && gap > 0.15 * item.size && !/\s$/.test(line.text) && !/^\s/.test(item.text)) {
          line.cells[line.cells.length - 1].push({ text: ' ', bold: false });
          line.runs.push({ text: ' ', bold: false });
          line.text += ' ';
        }
        line.cells[line.cells.length - 1].push(run);
      }
      line.runs.push(run);
      line.text += item.text;
      line.right = Math.max(line.right, item.x + item.width);
      line.size = Math.max(line.size, item.size);
      line.bold &&= item.bold;
    }
  }
  for (const l of lines) l.text = collapseSpace(l.text);
  return lines;
}

const inMargin = (l: Line, share: number) => l.y < l.pageHeight * share || l.y > l.pageHeight * (1 - share);

function dropNoise(lines: Line[], pageCount: number): Line[] {
  const repeatKey = (l: Line) => l.text.replace(/\d+/g, '#').toLowerCase();
  const pagesOf = new Map<string, Set<number>>();
  for (const l of lines) {
    if (!inMargin(l, 0.12)) continue;
    const set = pagesOf.get(repeatKey(l)) ?? new Set<number>();
    set.add(l.page);
    pagesOf.set(repeatKey(l), set);
  }
  const repeated = (l: Line) => {
    const n = pagesOf.get(repeatKey(l))?.size ?? 0;
    return inMargin(l, 0.12) && n >= 3 && n >= 0.4 * pageCount;
  };
  return lines.filter((l) => !(PAGE_NUMBER.test(l.text) && inMargin(l, 0.1)) && !repeated(l) && !TOC_LINE.test(l.text) && !TOC_HEADING.test(l.text));
}

function mostCommon<T>(weights: Map<T, number>): T | undefined {
  let best: T | undefined;
  let max = -1;
  for (const [k, w] of weights) if (w > max) [best, max] = [k, w];
  return best;
}

const styleKey = (l: Line) => `${round(l.size)}|${l.bold ? 'b' : ''}`;
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

function isHeadingCandidate(l: Line, body: number): boolean {
  const m = HEADING_NUMBER.exec(l.text);
  const rest = m ? m[3] : l.text;
  const words = wordCount(l.text);
  if (l.cells.length > 1 || BULLET.test(l.text) || l.text.length > 150 || words > 15) return false;
  if (!/^[\p{Lu}"“”«(]/u.test(rest) || /[.,;:]$/.test(l.text) || l.size < body * 0.95) return false;
  if (l.size >= body * 1.12) return true;
  if (l.bold && words <= 12) return true;
  return m !== null && (m[1].includes('.') || m[2] === '') && words <= 10;
}

const numberingLevel = (text: string) => {
  const m = HEADING_NUMBER.exec(text);
  if (!m) return undefined;
  return Math.min(4, m[1].split('.').length);
};

/** The document title line, if the one largest heading line on page 1 is one. */
function titleLine(candidates: Line[]): Line | undefined {
  const largest = Math.max(...candidates.map((l) => round(l.size)));
  const lines = candidates.filter((l) => round(l.size) === largest);
  return lines.length === 1 && lines[0].page === 1 && numberingLevel(lines[0].text) === undefined && candidates.length > 1 ? lines[0] : undefined;
}

/** Heading level (1–2 section, 3 subsection, 4 body heading) of every heading line. */
function headingLevels(rest: Line[]): Map<Line, number> {
  const levels = new Map<Line, number>();
  const numbered = new Map<string, Map<number, number>>();
  for (const l of rest) {
    const level = numberingLevel(l.text);
    if (level === undefined) continue;
    levels.set(l, level);
    const counts = numbered.get(styleKey(l)) ?? new Map<number, number>();
    counts.set(level, (counts.get(level) ?? 0) + 1);
    numbered.set(styleKey(l), counts);
  }
  const largestNumbered = Math.max(...[...numbered.keys()].map((key) => Number(key.split('|')[0])));
  const unnumberedStyles = [...new Set(rest.filter((l) => !levels.has(l)).map(styleKey))].sort((a, b) => {
    const [sa, ba] = a.split('|');
    const [sb, bb] = b.split('|');
    return Number(sb) - Number(sa) || bb.length - ba.length;
  });

  for (const l of rest) {
    if (levels.has(l)) continue;
    const same = numbered.get(styleKey(l));
    if (same) levels.set(l, mostCommon(same)!);
    else if (numbered.size > 0) levels.set(l, round(l.size) > largestNumbered ? 1 : 4);
    else levels.set(l, Math.min(4, 1 + unnumberedStyles.indexOf(styleKey(l))));
  }
  return levels;
}

/** Joins the next line's runs to a paragraph, undoing hyphenation at the line end. */
function appendLine(runs: Run[], next: Run[]): void {
  const last = runs[runs.length - 1];
  const firstWord = /^\s*(\S+)/.exec(next.map((r) => r.text).join(''))?.[1] ?? '';
  if (last && /\p{Ll}-\s*$/u.test(last.text) && /^\p{Ll}/u.test(firstWord) && !CONJUNCTIONS.has(firstWord.replace(/[^\p{L}]/gu, ''))) {
    last.text = last.text.replace(/-\s*$/, '');
  } else runs.push({ text: ' ', bold: false });
  runs.push(...next);
}

/** The runs without the list marker (bullet or "1.") at their start, wherever the item boundaries fall. */
function stripMarker(runs: Run[], marker: RegExp): Run[] {
  const joined = runs.map((r) => r.text).join('');
  const lead = joined.length - joined.trimStart().length;
  let drop = lead + (marker.exec(joined.slice(lead))?.[0].length ?? 0);
  return runs.map((r) => {
    const cut = Math.min(drop, r.text.length);
    drop -= cut;
    return { ...r, text: r.text.slice(cut) };
  });
}

export function pdfPagesToBlocks(pages: PdfPageText[]): ParsedDocument {
  const lines = dropNoise(buildLines(pages), pages.length);
  if (lines.length === 0) return { blocks: [] };

  const sizeWeights = new Map<number, number>();
  for (const l of lines) sizeWeights.set(round(l.size), (sizeWeights.get(round(l.size)) ?? 0) + l.text.length);
  const body = mostCommon(sizeWeights)!;

  // Consecutive larger-font heading lines of one style are a heading that wrapped.
  const candidates: Line[] = [];
  const merged = new Set<Line>();
  let previous: Line | undefined;
  for (const l of lines) {
    const candidate = isHeadingCandidate(l, body);
    const prev = candidates[candidates.length - 1];
    if (candidate && prev && previous && (previous === prev || merged.has(previous)) && prev.page === l.page && styleKey(prev) === styleKey(l)
      && l.size >= body * 1.12 && previous.y - l.y <= 1.8 * l.size && numberingLevel(l.text) === undefined) {
      prev.text = `${prev.text} ${l.text}`;
      merged.add(l);
    } else if (candidate) candidates.push(l);
    previous = l;
  }
  const title = candidates.length > 0 ? titleLine(candidates) : undefined;
  const levels = headingLevels(candidates.filter((l) => l !== title));

  const gapWeights = new Map<number, number>();
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    if (prev && prev.page === l.page && round(prev.size) === body && round(l.size) === body && prev.y > l.y) {
      const gap = round(prev.y - l.y);
      gapWeights.set(gap, (gapWeights.get(gap) ?? 0) + 1);
    }
  });
  const lineGap = mostCommon(gapWeights) ?? body * 1.2;
  const columnRight = new Map<number, number>();
  for (const l of lines) if (!levels.has(l) && l !== title) columnRight.set(l.page, Math.max(columnRight.get(l.page) ?? 0, l.right));

  const blocks: Block[] = [];
  let current: { kind: 'paragraph' | 'listItem'; runs: Run[]; page: number; x: number; last: Line } | undefined;
  const flush = () => {
    const text = current ? runsToMarkdown(current.runs) : '';
    if (current && text) blocks.push({ kind: current.kind, text, page: current.page });
    current = undefined;
  };
  const continues = (prev: Line, l: Line, kind: 'paragraph' | 'listItem', x: number) => {
    if (Math.abs(prev.size - l.size) >= 1) return false;
    if (prev.page !== l.page) return !/[.!?:]$/.test(prev.text) && /^\p{Ll}/u.test(l.text);
    const gap = prev.y - l.y;
    if (gap <= 0 || gap > lineGap * (l.size / body) * 1.35) return false;
    if (/[.!?:]$/.test(prev.text) && prev.right < (columnRight.get(prev.page) ?? prev.right) * 0.85) return false;
    return kind === 'paragraph' || l.x > x + 2;
  };

  for (const l of lines) {
    if (merged.has(l) || l === title) continue;
    const level = levels.get(l);
    if (level !== undefined) {
      flush();
      blocks.push({ kind: 'heading', level, text: l.text, page: l.page });
    } else if (l.cells.length > 1) {
      flush();
      const cells = l.cells.map((c) => runsToMarkdown(c)).filter(Boolean);
      blocks.push({ kind: 'tableRow', cells, page: l.page });
    } else if (BULLET.test(l.text) || NUMBERED_ITEM.test(l.text)) {
      flush();
      current = { kind: 'listItem', runs: stripMarker(l.runs, BULLET.test(l.text) ? BULLET : NUMBERED_ITEM), page: l.page, x: l.x, last: l };
    } else if (current && continues(current.last, l, current.kind, current.x)) {
      appendLine(current.runs, l.runs);
      current.last = l;
    } else {
      flush();
      current = { kind: 'paragraph', runs: [...l.runs], page: l.page, x: l.x, last: l };
    }
  }
  flush();
  return { blocks, title: title?.text };
}
