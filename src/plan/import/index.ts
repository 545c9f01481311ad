import { extname } from 'node:path';
import { ImportError, type OnProgress, type ParsedDocument } from './blocks';
import { readDocx } from './docx';
import { readHtml } from './html';
import { readPdf } from './pdf';
import { buildSections, type ImportedPlan } from './sections';
import { type OutputFile, renderPlan } from './write';

/** `npm run plan:import`: a region's plan document (DOCX, PDF, saved web page) to plan section files. */

export { ImportError } from './blocks';
export { checkOutDir, writePlanDir } from './output';
export { sectionTree, slugify } from './sections';

const SUPPORTED_EXTENSIONS = ['.docx', '.pdf', '.html', '.htm'];

export interface ImportOptions {
  /** YYYY-MM-DD */
  date: string;
  region?: string;
  onProgress?: OnProgress;
  /** The original is kept beside the sections (plan pages link to its pages). */
  keepOriginal?: boolean;
}

export interface ImportResult {
  plan: ImportedPlan;
  /** Pages of a PDF. */
  pages?: number;
  files: OutputFile[];
  sections: number;
  subsections: number;
  words: number;
}

/** Throws for a file type the importer does not read. */
export function assertSupported(fileName: string): void {
  const ext = extname(fileName).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(ext)) {
    throw new ImportError(`unsupported file type "${ext || 'none'}": use ${SUPPORTED_EXTENSIONS.join(', ')} (save Word's .doc or .odt as .docx)`, 'unsupported');
  }
}

async function parseDocument(bytes: Buffer, fileName: string, onProgress?: OnProgress): Promise<ParsedDocument> {
  assertSupported(fileName);
  const ext = extname(fileName).toLowerCase();
  if (ext === '.docx') return readDocx(bytes);
  if (ext === '.pdf') return readPdf(bytes, onProgress);
  return readHtml(bytes);
}

/** Reads the document and renders the whole plan directory in memory; nothing is written. */
export async function importDocument(bytes: Buffer, fileName: string, opts: ImportOptions): Promise<ImportResult> {
  if (bytes.length === 0) throw new ImportError('the file is empty', 'empty');
  const parsed = await parseDocument(bytes, fileName, opts.onProgress);
  const hasText = parsed.blocks.some((b) => b.kind !== 'heading' && (b.kind === 'tableRow' ? b.cells.join('') : b.text).trim());
  if (!hasText) {
    throw new ImportError(`no text found in the document${fileName.toLowerCase().endsWith('.pdf') ? ' (a scanned PDF needs text recognition (OCR) first)' : ''}`, 'noText');
  }
  const plan = buildSections(parsed.blocks, parsed.title, parsed.warnings);
  const all = plan.sections.flatMap((s) => [s, ...s.children]);
  return {
    plan,
    pages: parsed.pages,
    files: renderPlan(plan, { file: fileName, date: opts.date, region: opts.region, original: opts.keepOriginal ? { file: fileName, pages: parsed.pages } : undefined }),
    sections: plan.sections.length,
    subsections: all.length - plan.sections.length,
    words: all.reduce((sum, s) => sum + s.words, 0),
  };
}
