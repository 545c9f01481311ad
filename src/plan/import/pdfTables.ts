import { type Block, collapseSpace, type Run, runsToMarkdown } from './blocks';
import type { Line, PdfTextItem } from './pdfLines';

/**
 * Tables in positioned PDF text. A PDF draws a table cell by cell, often column by column, so its
 * lines hold pieces of several cells: rows are rebuilt from the column starts and the vertical gaps
 * (a gap wider than the lines inside a cell starts a row), and each row becomes one readable block —
 * never the interleaved columns a plain text extraction gives.
 */

type TableRow = Extract<Block, { kind: 'tableRow' }>;

const near = (a: number, b: number) => Math.abs(a - b) <= 4;

/** Joins a cell's lines, undoing hyphenation at line ends. */
function joinCell(parts: Run[][]): string {
  let text = '';
  for (const runs of parts) {
    const t = runsToMarkdown(runs);
    if (!t) continue;
    text = !text ? t : /\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(t) ? text.slice(0, -1) + t : `${text} ${t}`;
  }
  return collapseSpace(text);
}

/**
 * Finds the tables among a page's lines (in reading order). Returns, for the first line of each table,
 * its row blocks; every line of a table is in `used`.
 */
export function findTables(lines: Line[]): { rows: Map<Line, TableRow[]>; used: Set<Line> } {
  const rows = new Map<Line, TableRow[]>();
  const used = new Set<Line>();
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i];
    if (start.cells.length < 2 || used.has(start)) continue;
    const columns = start.cells.map((c) => c.x);
    const region = [start];
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j];
      const prev = region[region.length - 1];
      // A line at the left margin that runs past the second column is text after the table.
      const overflows =
        l.cells.length === 1 &&
        near(l.cells[0].x, columns[0]) &&
        columns.length > 1 &&
        l.right > Math.min(...columns.slice(1)) - 2 &&
        !l.items.some((item) => columns.slice(1).some((x) => near(x, item.x)));
      const fits =
        (!overflows && l.cells.every((c) => columns.some((x) => near(x, c.x)))) || (!overflows && l.cells.length > 1 && l.cells.length >= columns.length - 1 && near(l.cells[0].x, columns[0]));
      if (l.page !== start.page || Math.abs(l.size - start.size) > 0.3 || prev.y - l.y > 3 * l.size || !fits) break;
      for (const c of l.cells) if (!columns.some((x) => near(x, c.x))) columns.push(c.x);
      region.push(l);
    }
    columns.sort((a, b) => a - b);
    if (region.filter((l) => l.cells.length > 1).length < 2) continue;

    // Rows: padded tables leave a wider gap between rows than between a cell's lines; without padding a
    // row starts where text begins in two or more columns at once.
    const columnOf = (x: number) => columns.reduce((col, start, k) => (start <= x + 4 ? k : col), 0);
    const filled = (l: Line) => new Set(l.items.map((i) => columnOf(i.x))).size;
    const gaps = region.slice(1).map((l, k) => region[k].y - l.y);
    const inCell = Math.min(...gaps);
    const padded = Math.max(...gaps) > inCell * 1.3;
    const grouped: Line[][] = [];
    region.forEach((l, k) => {
      if (k === 0 || (padded ? gaps[k - 1] > inCell * 1.3 : filled(l) >= 2)) grouped.push([l]);
      else grouped[grouped.length - 1].push(l);
    });
    // Items go to the column they start in: cells closer than two font sizes were one segment of the line.
    const cellsOf = (group: Line[]) => {
      const parts: Run[][][] = columns.map(() => []);
      let bold = true;
      for (const l of group) {
        const byColumn: PdfTextItem[][] = columns.map(() => []);
        for (const item of l.items) byColumn[columnOf(item.x)].push(item);
        byColumn.forEach((items, col) => {
          if (items.length === 0) return;
          const runs: Run[] = [];
          items.forEach((item, k) => {
            const prev = items[k - 1];
            if (prev && item.x - (prev.x + prev.width) > 0.15 * item.size) runs.push({ text: ' ', bold: false });
            runs.push({ text: item.text, bold: item.bold });
            bold &&= item.bold;
          });
          parts[col].push(runs);
        });
      }
      return { cells: parts.map(joinCell), bold };
    };
    const built = grouped.map(cellsOf);
    const header = built.length > 1 && built[0].bold && built[0].cells.every(Boolean) ? built[0].cells.map((c) => c.replace(/\*\*/g, '')) : undefined;
    const body = (header ? built.slice(1) : built).filter((r) => r.cells.some(Boolean));
    rows.set(
      start,
      body.map((r) => ({ kind: 'tableRow', cells: r.cells.map((c) => c || '–'), ...(header ? { header } : {}), page: start.page })),
    );
    region.forEach((l) => used.add(l));
  }
  return { rows, used };
}
