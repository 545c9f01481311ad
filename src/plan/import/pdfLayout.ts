import { type Block, collapseSpace, type ParsedDocument, type Run, runsToMarkdown, type Warning } from './blocks';
import { numberSignature, splitNumber } from './numbering';
import { buildLines, dropRunningLines, dropToc, type Line, type PdfPageText, round } from './pdfLines';
import { findTables } from './pdfTables';

export type { PdfPageText } from './pdfLines';

/**
 * Turns positioned PDF text into blocks. A PDF has no headings, paragraphs or lists, only text at
 * coordinates, so they are inferred:
 *
 * 1. Lines, running headers and footers, page numbers and the table of contents: pdfLines.ts.
 * 2. Headings come from the PDF's outline (bookmarks) when it has one: each entry is found on its page,
 *    its depth is its level. Without an outline a line is a heading when it is short, starts with a
 *    capital letter after any number, does not end in . , ; or :, and is larger than the body text,
 *    bold throughout, or numbered like a heading ("3.2 …", "15 § …", "2 luku …"). Levels: numbering
 *    kinds in order of appearance ("2 luku" above "15 §"; 3 above 3.2), unnumbered headings take the
 *    level of numbered ones of the same font, and without numbers font sizes rank them.
 * 3. A cover page (a first page of few words before the contents or the first bookmark) gives the
 *    document's title, its largest lines, and is otherwise dropped.
 * 4. Tables are rebuilt row by row (pdfTables.ts). Other lines join into paragraphs while the line
 *    spacing stays normal; lines starting with a bullet or "1)" / "1." are list items; words hyphenated
 *    at a line end are joined again.
 */

export interface PdfOutlineEntry {
  title: string;
  /** 1 for the outline's top level. */
  depth: number;
  page?: number;
}

const BULLET = /^(?:[•●▪■◦○‣⁃∙·\u{F0A7}\u{F0B7}\u{F076}\u{F0D8}]\s*|[-–—*]\s+)/u;
const NUMBERED_ITEM = /^(?:\d{1,2}\)|[a-z]\)|\d{1,2}\.(?=\s+\p{Lu}))\s+/u;
/** Words that follow a hyphen kept at a line end: "terveys- ja sosiaalipalvelut". */
const CONJUNCTIONS = new Set(['ja', 'tai', 'sekä', 'eli', 'tahi', 'och', 'eller', 'samt', 'and', 'or']);
const COVER_WORDS = 150;
const BODY_HEADING = 9;

const styleKey = (l: Line) => `${round(l.size)}|${l.bold ? 'b' : ''}`;
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}§]+/gu, '');

function mostCommon<T>(weights: Map<T, number>): T | undefined {
  let best: T | undefined;
  let max = -1;
  for (const [k, w] of weights) if (w > max) [best, max] = [k, w];
  return best;
}

/** Consecutive lines of one heading style (larger or bold) are one heading that wrapped. */
function joinWrapped(lines: Line[], body: number): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const headingStyle = l.size >= body * 1.12 || l.bold;
    if (
      prev &&
      headingStyle &&
      prev.page === l.page &&
      styleKey(prev) === styleKey(l) &&
      l.cells.length === 1 &&
      prev.cells.length === 1 &&
      prev.y - l.y <= 1.6 * l.size &&
      !/[.,;:!?]$/.test(prev.text) &&
      !splitNumber(l.text).number &&
      wordCount(prev.text) + wordCount(l.text) <= 20 &&
      !BULLET.test(l.text)
    ) {
      // "2025–" + "2028" wrapped at a dash joins without a space.
      const gap = /[–-]$/.test(prev.text) && /^\d/.test(l.text) ? '' : ' ';
      prev.runs.push({ text: gap, bold: prev.bold }, ...l.runs);
      prev.cells[0].runs.push({ text: gap, bold: prev.bold }, ...l.runs);
      prev.text = collapseSpace(`${prev.text}${gap}${l.text}`);
      prev.y = l.y;
      prev.right = Math.max(prev.right, l.right);
    } else out.push(l);
  }
  return out;
}

function isHeadingCandidate(l: Line, body: number): boolean {
  const n = splitNumber(l.text);
  const words = wordCount(l.text);
  if (l.cells.length > 1 || BULLET.test(l.text) || l.text.length > 200 || words > 20) return false;
  if (!/^[\p{Lu}"“”«(]/u.test(n.title) || /[.,;:]$/.test(l.text) || l.size < body * 0.95) return false;
  if (l.size >= body * 1.12) return true;
  if (l.bold && words <= 14) return true;
  // At body size and weight only a number makes a heading; "1. Huoltaja" is a list item.
  return n.number !== undefined && (n.kind === 'decimal' || n.kind === 'chapter' || n.kind === 'paragraph') && !NUMBERED_ITEM.test(l.text) && words <= 12;
}

/** Heading levels without an outline: numbering first, then font style. */
function headingLevels(candidates: Line[]): Map<Line, number> {
  const levels = new Map<Line, number>();
  const order: string[] = [];
  for (const l of candidates) {
    const sig = numberSignature(splitNumber(l.text));
    if (sig && !order.includes(sig)) order.push(sig);
  }
  // Decimal depths keep their own order among the slots decimals take: 3 above 3.2 whatever came first.
  const decimalSlots = order.map((s, i) => (s.startsWith('decimal:') ? i : -1)).filter((i) => i >= 0);
  const decimals = decimalSlots.map((i) => order[i]).sort();
  decimalSlots.forEach((slot, k) => (order[slot] = decimals[k]));
  const byStyle = new Map<string, Map<number, number>>();
  for (const l of candidates) {
    const sig = numberSignature(splitNumber(l.text));
    if (!sig) continue;
    const level = order.indexOf(sig) + 1;
    levels.set(l, level);
    const counts = byStyle.get(styleKey(l)) ?? new Map<number, number>();
    counts.set(level, (counts.get(level) ?? 0) + 1);
    byStyle.set(styleKey(l), counts);
  }
  const largestNumbered = Math.max(...candidates.filter((l) => levels.has(l)).map((l) => round(l.size)));
  const unnumberedStyles = [...new Set(candidates.filter((l) => !levels.has(l)).map(styleKey))].sort((a, b) => {
    const [sa, ba] = a.split('|');
    const [sb, bb] = b.split('|');
    return Number(sb) - Number(sa) || bb.length - ba.length;
  });
  for (const l of candidates) {
    if (levels.has(l)) continue;
    const same = byStyle.get(styleKey(l));
    if (same) levels.set(l, mostCommon(same)!);
    else if (order.length > 0) levels.set(l, round(l.size) > largestNumbered ? 1 : BODY_HEADING);
    else levels.set(l, Math.min(BODY_HEADING, 1 + unnumberedStyles.indexOf(styleKey(l))));
  }
  return levels;
}

/**
 * Finds each outline entry's line on its page (or the next), else anywhere after the previous entry's
 * line (some generators point every bookmark at page 1); its depth is the heading's level.
 */
function outlineLevels(lines: Line[], outline: PdfOutlineEntry[], warnings: Warning[]): Map<Line, number> {
  const levels = new Map<Line, number>();
  let cursor = 0;
  let missed = 0;
  const matches = (l: Line, want: string) => {
    const have = norm(l.text);
    return have.length > 0 && !levels.has(l) && (have === want || (have.length >= 3 && want.startsWith(have) && wantWrapped(l, lines, want)));
  };
  for (const entry of outline) {
    const want = norm(entry.title);
    if (!want) continue;
    const page = entry.page;
    let at = page ? lines.findIndex((l) => (l.page === page || l.page === page + 1) && matches(l, want)) : -1;
    if (at < 0) at = lines.findIndex((l, i) => i >= cursor && matches(l, want));
    if (at < 0) {
      missed++;
      continue;
    }
    levels.set(lines[at], entry.depth);
    cursor = at + 1;
  }
  if (missed > 0) warnings.push({ kind: 'outline', message: `${missed} of ${outline.length} bookmarks were not found in the text; the headings come from those that were` });
  return levels;
}

/** A heading that wrapped onto the next line(s): join them when together they make the bookmark's title. */
function wantWrapped(first: Line, lines: Line[], want: string): boolean {
  const i = lines.indexOf(first);
  let text = norm(first.text);
  for (let j = i + 1; j < lines.length && j <= i + 3 && lines[j].page === first.page; j++) {
    text += norm(lines[j].text);
    if (text === want) {
      first.text = collapseSpace(
        lines
          .slice(i, j + 1)
          .map((l) => l.text)
          .join(' '),
      );
      for (const l of lines.slice(i + 1, j + 1)) l.text = '';
      return true;
    }
    if (!want.startsWith(text)) return false;
  }
  return false;
}

/** Joins the next line's runs to a paragraph, undoing hyphenation at the line end. */
function appendLine(runs: Run[], next: Run[]): void {
  const last = runs[runs.length - 1];
  const nextText = next.map((r) => r.text).join('');
  const firstWord = /^\s*(\S+)/.exec(nextText)?.[1] ?? '';
  if (last && /\p{Ll}-\s*$/u.test(last.text) && /^\p{Ll}/u.test(firstWord) && !CONJUNCTIONS.has(firstWord.replace(/[^\p{L}]/gu, ''))) {
    last.text = last.text.replace(/-\s*$/, '');
  } else if (!(last && /\d\s*$/.test(last.text) && /^\s*[—–-]\d/.test(nextText))) runs.push({ text: ' ', bold: false });
  runs.push(...next);
}

/** The runs without the bullet at their start, wherever the item boundaries fall. */
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

export function pdfPagesToBlocks(pages: PdfPageText[], outline: PdfOutlineEntry[] = []): ParsedDocument {
  const warnings: Warning[] = [];
  const toc = dropToc(dropRunningLines(buildLines(pages), pages.length));
  if (toc.warning) warnings.push(toc.warning);
  if (toc.lines.length === 0) return { blocks: [], warnings };

  const sizeWeights = new Map<number, number>();
  for (const l of toc.lines) sizeWeights.set(round(l.size), (sizeWeights.get(round(l.size)) ?? 0) + l.text.length);
  const body = mostCommon(sizeWeights)!;
  let lines = joinWrapped(toc.lines, body);

  // The cover: page 1 before the contents or the first bookmark, or a short first page with the largest text.
  const largest = Math.max(...lines.map((l) => round(l.size)));
  const firstContentPage = Math.min(...[toc.pages[0], outline.find((o) => o.page)?.page].filter((p): p is number => p !== undefined && p > 1));
  const page1 = lines.filter((l) => l.page === 1);
  const page1Words = page1.reduce((n, l) => n + wordCount(l.text), 0);
  const cover =
    pages.length >= 3 &&
    page1.length > 0 &&
    page1Words <= COVER_WORDS &&
    (Number.isFinite(firstContentPage) || (largest >= body * 1.3 && page1.some((l) => round(l.size) === largest) && lines.some((l) => l.page > 1)));
  let title: string | undefined;
  if (cover) {
    const coverEnd = Number.isFinite(firstContentPage) ? firstContentPage : 2;
    const front = lines.filter((l) => l.page < coverEnd);
    const big = Math.max(...front.map((l) => round(l.size)));
    title = front.find((l) => round(l.size) === big)?.text;
    lines = lines.filter((l) => l.page >= coverEnd);
    warnings.push({ kind: 'cover', message: `cover page dropped (page${coverEnd > 2 ? `s 1–${coverEnd - 1}` : ' 1'}); the title "${title ?? ''}" was taken from it` });
  }
  lines = lines.filter((l) => l.text);

  let levels: Map<Line, number>;
  if (outline.length > 0) levels = outlineLevels(lines, outline, warnings);
  else {
    const candidates = lines.filter((l) => isHeadingCandidate(l, body));
    // Without a cover, the one largest unnumbered line on page 1 is the document's title.
    const top = Math.max(...candidates.map((l) => round(l.size)));
    const tops = candidates.filter((l) => round(l.size) === top);
    if (!title && tops.length === 1 && tops[0].page === 1 && !splitNumber(tops[0].text).number && candidates.length > 1 && top > body) {
      title = tops[0].text;
      lines = lines.filter((l) => l !== tops[0]);
    }
    const kept = new Set(lines);
    levels = headingLevels(candidates.filter((l) => kept.has(l)));
  }
  lines = lines.filter((l) => l.text);

  const lineGapWeights = new Map<number, number>();
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    if (prev && prev.page === l.page && round(prev.size) === body && round(l.size) === body && prev.y > l.y) {
      const gap = round(prev.y - l.y);
      lineGapWeights.set(gap, (lineGapWeights.get(gap) ?? 0) + 1);
    }
  });
  const lineGap = mostCommon(lineGapWeights) ?? body * 1.2;
  const columnRight = new Map<number, number>();
  for (const l of lines) if (!levels.has(l)) columnRight.set(l.page, Math.max(columnRight.get(l.page) ?? 0, l.right));
  const tables = findTables(lines.filter((l) => !levels.has(l)));

  const blocks: Block[] = [];
  let current: { kind: 'paragraph' | 'listItem'; runs: Run[]; page: number; x: number; last: Line } | undefined;
  const flush = () => {
    const text = current ? runsToMarkdown(current.runs) : '';
    if (current && text) blocks.push({ kind: current.kind, text, page: current.page });
    current = undefined;
  };
  const continues = (prev: Line, l: Line, kind: 'paragraph' | 'listItem', x: number) => {
    if (Math.abs(prev.size - l.size) >= 1) return false;
    if (prev.page !== l.page) return !/[.!?:;]$/.test(prev.text) && /^\p{Ll}/u.test(l.text);
    const gap = prev.y - l.y;
    if (gap <= 0 || gap > lineGap * (l.size / body) * 1.35) return false;
    if (/[.!?:]$/.test(prev.text) && prev.right < (columnRight.get(prev.page) ?? prev.right) * 0.85) return false;
    return kind === 'paragraph' || l.x > x + 2;
  };

  for (const l of lines) {
    const level = levels.get(l);
    if (level !== undefined) {
      flush();
      blocks.push({ kind: 'heading', level, text: l.text, page: l.page });
    } else if (tables.used.has(l)) {
      flush();
      blocks.push(...(tables.rows.get(l) ?? []));
    } else if (BULLET.test(l.text) || NUMBERED_ITEM.test(l.text)) {
      flush();
      // A bullet is dropped; "1)" stays, as statutes and plans refer to their items by it ("2 kohta").
      current = { kind: 'listItem', runs: BULLET.test(l.text) ? stripMarker(l.runs, BULLET) : [...l.runs], page: l.page, x: l.x, last: l };
    } else if (current && continues(current.last, l, current.kind, current.x)) {
      appendLine(current.runs, l.runs);
      current.last = l;
    } else {
      flush();
      current = { kind: 'paragraph', runs: [...l.runs], page: l.page, x: l.x, last: l };
    }
  }
  flush();
  return { blocks, title, warnings };
}
