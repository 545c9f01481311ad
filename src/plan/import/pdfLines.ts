import { collapseSpace, type Run, type Warning } from './blocks';

/**
 * Positioned PDF text → lines, and what is not content dropped: running headers and footers, page
 * numbers, the table of contents however it is typeset (dot leaders, page numbers in a column, entries
 * that wrap). See pdfLayout.ts for the rest of the reading.
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

export interface Line {
  page: number;
  pageHeight: number;
  x: number;
  y: number;
  right: number;
  size: number;
  bold: boolean;
  runs: Run[];
  /** Segments separated by wide gaps: more than one means a table row (or a TOC line). */
  cells: { x: number; runs: Run[]; bold: boolean }[];
  /** The text items left to right, for splitting the line at a table's column starts. */
  items: PdfTextItem[];
  text: string;
}

export const round = (size: number): number => Math.round(size * 2) / 2;

/** "3", "- 3 -", "3 (16)", "Sivu 3 / 24", "Sida 3 av 24", "Page 3 of 24", "s. 3". */
const PAGE_NUMBER = /^(?:(?:sivu|sida|page|s\.)\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:\/|of|av|\()\s*\d{1,4}\)?)?$/i;
const TOC_LEADER = /(?:\.\s?){3,}\s*\d{1,4}$|…+\s*\d{1,4}$|_{3,}\s*\d{1,4}$/;
const TOC_HEADING = /^(sisällys(luettelo)?|sisältö|innehåll(sförteckning)?|(table of )?contents)$/i;

/**
 * Items on one baseline form a line, read left to right whatever order the PDF drew them in (table
 * cells and dot leaders often come column by column); a gap wider than two font sizes starts a cell.
 */
export function buildLines(pages: PdfPageText[]): Line[] {
  const lines: Line[] = [];
  for (const p of pages) {
    const items = p.items.filter((i) => i.text.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
    const rows: PdfTextItem[][] = [];
    for (const item of items) {
      const row = rows[rows.length - 1];
      if (row && Math.abs(row[0].y - item.y) <= 0.4 * Math.min(item.size, row[0].size)) row.push(item);
      else rows.push([item]);
    }
    for (const row of rows) {
      row.sort((a, b) => a.x - b.x);
      const line: Line = { page: p.page, pageHeight: p.height, x: row[0].x, y: row[0].y, right: row[0].x, size: 0, bold: true, runs: [], cells: [], items: row, text: '' };
      for (const item of row) {
        const gap = item.x - line.right;
        const run = { text: item.text, bold: item.bold };
        if (line.cells.length === 0 || gap > 2 * item.size) line.cells.push({ x: item.x, runs: [], bold: true });
        else if (gap > 0.15 * item.size && !/\s$/.test(line.text) && !/^\s/.test(item.text)) {
          line.cells[line.cells.length - 1].runs.push({ text: ' ', bold: false });
          line.runs.push({ text: ' ', bold: false });
          line.text += ' ';
        }
        const cell = line.cells[line.cells.length - 1];
        cell.runs.push(run);
        cell.bold &&= item.bold;
        line.runs.push(run);
        line.text += (line.cells.length > 1 && cell.runs.length === 1 ? ' ' : '') + item.text;
        line.right = Math.max(line.right, item.x + item.width);
        line.size = Math.max(line.size, item.size);
        line.bold &&= item.bold;
      }
      line.text = collapseSpace(line.text);
      lines.push(line);
    }
  }
  return lines;
}

const inMargin = (l: Line, share: number) => l.y < l.pageHeight * share || l.y > l.pageHeight * (1 - share);

/** Page numbers, and lines repeated in the top or bottom margin of most pages (running headers, footers). */
export function dropRunningLines(lines: Line[], pageCount: number): Line[] {
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
  return lines.filter((l) => !(PAGE_NUMBER.test(l.text) && inMargin(l, 0.1)) && !repeated(l));
}

/** A table-of-contents entry: dot leaders before a page number, or a page number alone in a last cell. */
function isTocEntry(l: Line): boolean {
  if (TOC_LEADER.test(l.text)) return true;
  const last = l.cells[l.cells.length - 1];
  const lastText = last ? collapseSpace(last.runs.map((r) => r.text).join('')) : '';
  return l.cells.length === 2 && /^\d{1,4}$/.test(lastText) && l.text.length - lastText.length <= 150;
}

/**
 * Drops the table of contents: runs of at least three entries (with at most two wrapped lines between
 * them) and the "Sisällys" heading before them. Returns the lines left and what was dropped.
 */
export function dropToc(lines: Line[]): { lines: Line[]; warning?: Warning; pages: number[] } {
  const drop = new Set<Line>();
  let i = 0;
  while (i < lines.length) {
    if (!isTocEntry(lines[i])) {
      i++;
      continue;
    }
    let end = i;
    let entries = 1;
    for (let j = i + 1; j < lines.length && j - end <= 3; j++) {
      if (isTocEntry(lines[j])) {
        end = j;
        entries++;
      }
    }
    if (entries >= 3) {
      let start = i;
      // A wrapped first entry and the heading above it belong to the contents too.
      while (start > 0 && start > i - 3 && lines[start - 1].page === lines[i].page && !/[.!?]$/.test(lines[start - 1].text) && lines[start - 1].text.length < 150) {
        start--;
        if (TOC_HEADING.test(lines[start].text)) break;
      }
      for (let k = start; k <= end; k++) drop.add(lines[k]);
    }
    i = end + 1;
  }
  // Dot leaders before a page number are a contents line wherever they stand.
  for (const l of lines) if (TOC_HEADING.test(l.text) || TOC_LEADER.test(l.text)) drop.add(l);
  const entries = [...drop].filter(isTocEntry).length;
  if (entries === 0) return { lines: lines.filter((l) => !drop.has(l)), pages: [] };
  const pages = [...new Set([...drop].map((l) => l.page))].sort((a, b) => a - b);
  const where = pages.length > 1 ? `pages ${pages[0]}–${pages[pages.length - 1]}` : `page ${pages[0]}`;
  return { lines: lines.filter((l) => !drop.has(l)), pages, warning: { kind: 'toc', message: `table of contents dropped (${where}, ${entries} entries)` } };
}
