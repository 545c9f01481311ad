/**
 * The importer's intermediate form: what every document reader (DOCX, PDF, HTML) returns and the
 * section builder consumes. Texts are inline Markdown (**bold** kept), headings plain text.
 */
export type Block =
  | { kind: 'heading'; level: number; text: string; page?: number }
  | { kind: 'paragraph'; text: string; page?: number }
  | { kind: 'listItem'; text: string; page?: number }
  /** A table row; `header` holds the table's header cells when it has a header row. */
  | { kind: 'tableRow'; cells: string[]; header?: string[]; page?: number };

/** Something an admin can act on: headings probably missed, a dropped table of contents, unreadable pages. */
export interface Warning {
  kind: 'empty' | 'long' | 'duplicate' | 'toc' | 'cover' | 'unreadable' | 'outline';
  message: string;
}

/** What a reader found in one document. */
export interface ParsedDocument {
  blocks: Block[];
  /** The document's own title (HTML <title>, PDF metadata), when it has one. */
  title?: string;
  /** What the reader dropped or could not read. */
  warnings?: Warning[];
  /** Pages of a PDF (for the plan page's link to a page of the original). */
  pages?: number;
}

/** Reports parsing progress in the reader's own unit (PDF pages). */
export type OnProgress = (done: number, total: number) => void;

/**
 * Why a document cannot be imported. The CLI prints the English message; Teams shows a localized text
 * chosen by `reason`.
 */
export type ImportFailure = 'empty' | 'unsupported' | 'encrypted' | 'noText' | 'invalid' | 'tooLarge' | 'output';

/** A document that cannot be imported; the message is shown to the user as is. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly reason: ImportFailure = 'invalid',
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** A piece of inline text, bold or not. */
export interface Run {
  text: string;
  bold: boolean;
}

/** Whitespace collapsed; soft hyphens and zero-width characters from word processors dropped. */
export const collapseSpace = (s: string): string =>
  s
    .replace(/[\u00ad\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Joins runs into one line of inline Markdown: whitespace collapsed, neighbouring bold runs merged
 * into one `**…**`, and the ** markers kept inside the words so the Markdown stays valid.
 */
export function runsToMarkdown(runs: Run[]): string {
  const merged: Run[] = [];
  for (const r of runs) {
    const text = r.text.replace(/\s+/g, ' ');
    if (!text) continue;
    const last = merged[merged.length - 1];
    const bold = r.bold && text.trim() !== '';
    if (last && (last.bold === bold || text.trim() === '')) last.text += text;
    else merged.push({ text, bold });
  }
  let out = '';
  for (const r of merged) {
    if (!r.bold) {
      out += r.text;
      continue;
    }
    const lead = /^\s*/.exec(r.text)![0];
    const trail = /\s*$/.exec(r.text)![0];
    out += `${lead}**${r.text.trim()}**${trail}`;
  }
  return collapseSpace(out);
}

/** Inline Markdown without its ** markers (for word counts and law references). */
export const plainText = (markdown: string): string => markdown.replace(/\*\*/g, '');
