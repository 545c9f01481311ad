import type { Block } from './model';

/**
 * The plan's Markdown subset, as the plan files and the importer write it: `##`/`###` headings,
 * paragraphs, `-` and `1.` lists (continuation lines indented). Inline **bold** and *italic* stay in the text.
 */
export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: { items: string[]; ordered: boolean } | undefined;
  const flushPara = () => {
    if (para.length) blocks.push({ kind: 'paragraph', text: para.join(' ').trim() });
    para = [];
  };
  const flushList = () => {
    if (list?.items.length) blocks.push({ kind: 'list', items: list.items, ordered: list.ordered });
    list = undefined;
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (/^\s*<!--.*-->\s*$/.test(line)) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^\s{0,3}(?:([-*+])|(\d+)[.)])\s+(.*)$/.exec(line);
    if (heading) {
      flushPara();
      flushList();
      blocks.push({ kind: 'heading', level: heading[1].length, text: heading[2].trim() });
    } else if (item) {
      flushPara();
      const ordered = item[2] !== undefined;
      if (!list || list.ordered !== ordered) {
        flushList();
        list = { items: [], ordered };
      }
      list.items.push(item[3].trim());
    } else if (line.trim() === '') {
      flushPara();
      if (list) flushList();
    } else if (list && /^\s+\S/.test(raw)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      para.push(line.trim());
    }
  }
  flushPara();
  flushList();
  return blocks;
}

/** Plain text of inline Markdown (for indexing and for cards that show no emphasis). */
export function plainInline(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/\*(.+?)\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]);
}

/** Inline Markdown to safe HTML: everything escaped first, then **bold**, *italic* and `code`. */
export function inlineHtml(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\*(.+?)\*/g, '<em>$1</em>')
    .replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** Body blocks as HTML; with `anchor`, every block gets the id a quoted passage links to (`#p-3`). */
export function blocksToHtml(blocks: Block[], headingOffset = 0, anchor?: (index: number) => string): string {
  return blocks
    .map((b, i) => {
      const id = anchor ? ` id="${escapeHtml(anchor(i))}"` : '';
      if (b.kind === 'heading') {
        const level = Math.min(6, b.level + headingOffset);
        return `<h${level}${id}>${inlineHtml(b.text)}</h${level}>`;
      }
      if (b.kind === 'paragraph') return `<p${id}>${inlineHtml(b.text)}</p>`;
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}${id}>${b.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</${tag}>`;
    })
    .join('\n');
}
