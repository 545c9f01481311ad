import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { type Block, collapseSpace, ImportError, type ParsedDocument, type Run, runsToMarkdown, type Warning } from './blocks';
import { splitNumber } from './numbering';

/** Reads a saved web page (or mammoth's HTML of a DOCX) into blocks: content only, site chrome skipped. */

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Never content: scripts, navigation, forms, embedded media. */
const SKIP_TAGS = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'input',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'map',
  'dialog',
  'menu',
  'img',
  'picture',
]);
const SKIP_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary', 'menu', 'menubar', 'dialog', 'alertdialog']);
/** Cookie banners, breadcrumbs, skip links and screen-reader-only texts ("avautuu uuteen ikkunaan"). */
const SKIP_CLASS = /(^|[\s_-])(cookie|consent|breadcrumbs?|skip-?link|sr-only|visually-hidden|screen-reader-text)($|[\s_-])/i;
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'br',
]);
const HEADING = /^h([1-6])$/;

const isElement = (n: Node): n is Element => 'tagName' in n;
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const children = (n: Node): Node[] => ('childNodes' in n ? (n.childNodes as Node[]) : []);

function isSkipped(el: Element, inArticle: boolean): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  // A page's own header and footer are chrome; an article's header holds its title.
  if ((el.tagName === 'header' || el.tagName === 'footer') && !inArticle) return true;
  if (attr(el, 'hidden') !== undefined || attr(el, 'aria-hidden') === 'true') return true;
  if (SKIP_ROLES.has(attr(el, 'role') ?? '')) return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(attr(el, 'style') ?? '')) return true;
  // mammoth's "back to text" links after footnotes
  if (el.tagName === 'a' && /^#(foot|end)note-ref-/.test(attr(el, 'href') ?? '')) return true;
  return SKIP_CLASS.test(`${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`);
}

/** Bold from the element, or from inline CSS as in pages exported from word processors. */
function boldOf(el: Element, inherited: boolean): boolean {
  const weight = /font-weight\s*:\s*([a-z0-9]+)/i.exec(attr(el, 'style') ?? '')?.[1];
  if (weight) return weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  return inherited || el.tagName === 'b' || el.tagName === 'strong';
}

function find(n: Node, pred: (el: Element) => boolean): Element | undefined {
  for (const c of children(n)) {
    if (isElement(c)) {
      if (pred(c)) return c;
      const hit = find(c, pred);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** All text under a node as runs, ignoring block structure (headings, table cells). */
function collectRuns(n: Node, bold: boolean, inArticle: boolean, out: Run[]): Run[] {
  for (const c of children(n)) {
    if (c.nodeName === '#text') out.push({ text: (c as DefaultTreeAdapterMap['textNode']).value, bold });
    else if (isElement(c) && !isSkipped(c, inArticle)) {
      if (!INLINE_TAGS.has(c.tagName) || c.tagName === 'br') out.push({ text: ' ', bold: false });
      collectRuns(c, boldOf(c, bold), inArticle, out);
    }
  }
  return out;
}

/** Level of a bold paragraph that acts as a heading: below every h1–h6 of the page. */
export const BOLD_HEADING_LEVEL = 7;

/**
 * A paragraph that is bold throughout, short, and reads like a heading ("3.2 Kotiopetus", "15 § Oikeus
 * saada opetusta"): a heading typed as bold text, common in pages and documents made without styles.
 */
export function looksLikeBoldHeading(runs: Run[]): boolean {
  const text = collapseSpace(runs.map((r) => r.text).join(''));
  if (!text || text.length > 150 || !runs.every((r) => r.bold || !r.text.trim())) return false;
  const words = text.split(' ').length;
  return words <= 12 && !/[.,;:!?]$/.test(text) && /^[\p{Lu}\d"“«(]/u.test(splitNumber(text).title);
}

/** An anchor to a place in the same document (a table of contents line). */
const inPageLink = (el: Element) => el.tagName === 'a' && /^#/.test(attr(el, 'href') ?? '');

class Walker {
  readonly blocks: Block[] = [];
  tocLines = 0;
  private runs: Run[] = [];
  private listDepth = 0;

  flush(): void {
    const text = runsToMarkdown(this.runs);
    const bold = this.listDepth === 0 && looksLikeBoldHeading(this.runs);
    this.runs = [];
    if (!text) return;
    if (bold) this.blocks.push({ kind: 'heading', level: BOLD_HEADING_LEVEL, text: text.replace(/\*\*/g, '') });
    else this.blocks.push(this.listDepth > 0 ? { kind: 'listItem', text } : { kind: 'paragraph', text });
  }

  /** A table of contents: a list or paragraph whose every line is only a link within the document. */
  private isToc(el: Element): boolean {
    const lines = el.tagName === 'ul' || el.tagName === 'ol' ? children(el).filter((c): c is Element => isElement(c) && c.tagName === 'li') : [el];
    if (lines.length === 0) return false;
    return lines.every((line) => {
      const content = children(line).filter((c) => !(c.nodeName === '#text' && !(c as DefaultTreeAdapterMap['textNode']).value.trim()));
      return content.length > 0 && content.every((c) => isElement(c) && (inPageLink(c) || ((c.tagName === 'ul' || c.tagName === 'ol') && this.isToc(c))));
    });
  }

  walk(n: Node, bold: boolean, inArticle: boolean): void {
    for (const c of children(n)) {
      if (c.nodeName === '#text') {
        this.runs.push({ text: (c as DefaultTreeAdapterMap['textNode']).value, bold });
        continue;
      }
      if (!isElement(c) || isSkipped(c, inArticle)) continue;
      const tag = c.tagName;
      const level = HEADING.exec(tag);
      if (level) {
        this.flush();
        const text = collapseSpace(
          collectRuns(c, false, inArticle, [])
            .map((r) => r.text)
            .join(''),
        );
        if (text) this.blocks.push({ kind: 'heading', level: Number(level[1]), text });
      } else if (tag === 'br') {
        this.runs.push({ text: ' ', bold: false });
      } else if (INLINE_TAGS.has(tag)) {
        this.walk(c, boldOf(c, bold), inArticle);
      } else if (tag === 'table' && !find(c, (el) => HEADING.test(el.tagName))) {
        this.flush();
        this.table(c, inArticle);
      } else if ((tag === 'ul' || tag === 'ol' || tag === 'p') && this.isToc(c)) {
        this.flush();
        this.tocLines += tag === 'p' ? 1 : children(c).filter((x) => isElement(x) && x.tagName === 'li').length;
      } else {
        // Any other element is a block: what came before it is a paragraph (or list item) of its own.
        this.flush();
        const list = tag === 'ul' || tag === 'ol';
        if (list) this.listDepth++;
        this.walk(c, boldOf(c, bold), inArticle || tag === 'article' || tag === 'main');
        this.flush();
        if (list) this.listDepth--;
      }
    }
  }

  /** Rows of a data table; a table that holds headings is page layout and is walked as blocks instead. */
  private table(table: Element, inArticle: boolean): void {
    const rows: Element[] = [];
    const gather = (n: Node) => {
      for (const c of children(n)) {
        if (!isElement(c) || isSkipped(c, inArticle)) continue;
        if (c.tagName === 'tr') rows.push(c);
        else if (c.tagName === 'caption') {
          const text = runsToMarkdown(collectRuns(c, false, inArticle, []));
          if (text) this.blocks.push({ kind: 'paragraph', text });
        } else if (c.tagName !== 'table') gather(c);
      }
    };
    gather(table);
    let header: string[] | undefined;
    rows.forEach((row, i) => {
      const cellEls = children(row).filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th') && !isSkipped(c, inArticle));
      const cells = cellEls.map((cell) => runsToMarkdown(collectRuns(cell, false, inArticle, [])));
      if (cells.every((t) => t === '')) return;
      // A first row of header cells (th, or bold throughout as word processors write them) labels the others.
      const bold = (t: string) => /^\*\*[^*]+\*\*$/.test(t);
      if (i === 0 && rows.length > 1 && cellEls.every((c, k) => c.tagName === 'th' || bold(cells[k]))) {
        header = cells.map((t) => t.replace(/\*\*/g, ''));
        return;
      }
      this.blocks.push({ kind: 'tableRow', cells: cells.map((t) => t || '–'), ...(header ? { header } : {}) });
    });
  }
}

/** Blocks of an HTML document: the <main> (or role=main) element when the page has one, else the whole body. */
export function htmlToBlocks(html: string): ParsedDocument {
  const doc = parse(html);
  const main = find(doc, (el) => el.tagName === 'main' || attr(el, 'role') === 'main');
  const body = find(doc, (el) => el.tagName === 'body') ?? doc;
  const walker = new Walker();
  walker.walk(main ?? body, false, main !== undefined);
  walker.flush();
  const titleEl = find(doc, (el) => el.tagName === 'title');
  const title = titleEl
    ? collapseSpace(
        collectRuns(titleEl, false, true, [])
          .map((r) => r.text)
          .join(''),
      )
    : '';
  const warnings: Warning[] = walker.tocLines > 0 ? [{ kind: 'toc', message: `table of contents dropped (${walker.tocLines} lines)` }] : [];
  return { blocks: walker.blocks, title: title || undefined, warnings };
}

/**
 * Text of a saved page: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything that is not valid
 * UTF-8 is read as Windows-1252, the encoding of older Finnish web pages declared as ISO-8859-1.
 */
function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function readHtml(bytes: Uint8Array): ParsedDocument {
  const html = decodeHtml(bytes);
  if (html.includes('\u0000')) throw new ImportError('not an HTML page (the file is binary)', 'invalid');
  return htmlToBlocks(html);
}
