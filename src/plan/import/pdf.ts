import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { collapseSpace, ImportError, type OnProgress, type ParsedDocument } from './blocks';
import { type PdfOutlineEntry, type PdfPageText, pdfPagesToBlocks } from './pdfLayout';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** A bookmark tree larger than this is not a document's headings (some generators bookmark every line). */
const MAX_OUTLINE = 5000;

/**
 * pdfjs-dist 4 ships ES modules only. tsc (module: commonjs) would compile import() to require(), which
 * loads ES modules only from Node 20.19 on, so a real dynamic import is kept out of tsc's sight.
 */
const importEsm = new Function('url', 'return import(url)') as (url: string) => Promise<PdfJs>;

async function loadPdfJs(): Promise<{ pdfjs: PdfJs; fontDir: string }> {
  const entry = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  return { pdfjs: await importEsm(pathToFileURL(entry).href), fontDir: join(dirname(entry), '..', '..', 'standard_fonts') + '/' };
}

const BOLD_FONT = /bold|black|heavy|semibold|demi/i;

/** A metadata title is kept unless it is a leftover file name ("Microsoft Word - ops2024.docx"). */
const usableTitle = (title: unknown) =>
  typeof title === 'string' && title.trim() && !/\.(docx?|odt|pdf|rtf)$/i.test(title.trim()) && !/^microsoft word/i.test(title.trim()) ? title.trim() : undefined;

/** The bookmarks, depth first, each with the page its destination points to. */
async function outlineOf(doc: PdfDoc): Promise<PdfOutlineEntry[]> {
  const outline = await doc.getOutline().catch(() => null);
  const out: PdfOutlineEntry[] = [];
  type Item = { title: string; dest: unknown; items?: Item[] };
  const walk = async (items: Item[], depth: number): Promise<void> => {
    for (const item of items) {
      if (out.length >= MAX_OUTLINE) return;
      let dest = item.dest;
      if (typeof dest === 'string') dest = await doc.getDestination(dest).catch(() => null);
      let page: number | undefined;
      const target = Array.isArray(dest) ? (dest[0] as unknown) : undefined;
      if (target && typeof target === 'object') page = (await doc.getPageIndex(target as { num: number; gen: number }).catch(() => undefined)) ?? undefined;
      else if (typeof target === 'number') page = target;
      out.push({ title: collapseSpace(item.title ?? ''), depth, page: page === undefined ? undefined : page + 1 });
      await walk(item.items ?? [], depth + 1);
    }
  };
  await walk((outline ?? []) as Item[], 1);
  return out.length >= MAX_OUTLINE ? [] : out.filter((o) => o.title);
}

/** "3, 5–7" */
function pageList(pages: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    parts.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j;
  }
  return parts.join(', ');
}

/** Reads a PDF's text with its positions, sizes and weights, then infers blocks (see pdfLayout.ts). */
export async function readPdf(bytes: Uint8Array, onProgress?: OnProgress): Promise<ParsedDocument> {
  const { pdfjs, fontDir } = await loadPdfJs();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      standardFontDataUrl: fontDir,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    }).promise;
  } catch (err) {
    const e = err as Error;
    if (e.name === 'PasswordException') throw new ImportError('the PDF is password-protected: save an unprotected copy first', 'encrypted');
    throw new ImportError(`not a valid PDF file (${e.message})`, 'invalid');
  }
  try {
    const pages: PdfPageText[] = [];
    const imageOnly: number[] = [];
    const imageOps = new Set([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject]);
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      // Font objects (their real names, hence bold) reach the page only once its operators are loaded.
      const ops = await page.getOperatorList();
      if (!content.items.some((i) => 'str' in i && i.str.trim()) && ops.fnArray.some((f) => imageOps.has(f))) imageOnly.push(n);
      const boldFonts = new Map<string, boolean>();
      const isBold = (fontName: string) => {
        if (!boldFonts.has(fontName)) {
          let bold = false;
          if (page.commonObjs.has(fontName)) {
            const font = page.commonObjs.get(fontName) as { name?: string; bold?: boolean; black?: boolean };
            bold = Boolean(font.bold || font.black || BOLD_FONT.test(font.name ?? ''));
          }
          boldFonts.set(fontName, bold);
        }
        return boldFonts.get(fontName)!;
      };
      const [, bottom, , top] = page.view;
      const items: PdfPageText['items'] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, c, d, x, y] = item.transform as number[];
        items.push({ text: item.str, x, y: y - bottom, width: item.width, size: Math.hypot(c, d) || Math.hypot(a, b), bold: isBold(item.fontName) });
      }
      pages.push({ page: n, height: top - bottom, items });
      page.cleanup();
      onProgress?.(n, doc.numPages);
    }
    const meta = await doc.getMetadata().catch(() => undefined);
    const { blocks, title, warnings = [] } = pdfPagesToBlocks(pages, await outlineOf(doc));
    if (imageOnly.length === doc.numPages) {
      throw new ImportError('the PDF has only scanned images and no text: it needs text recognition (OCR) first', 'noText');
    }
    if (imageOnly.length > 0) {
      warnings.push({
        kind: 'unreadable',
        message: `page${imageOnly.length > 1 ? 's' : ''} ${pageList(imageOnly)}: scanned image${imageOnly.length > 1 ? 's' : ''} without text, not imported (needs text recognition)`,
      });
    }
    return { blocks, title: title ?? usableTitle((meta?.info as { Title?: unknown } | undefined)?.Title), warnings, pages: doc.numPages };
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(`the PDF could not be read (${(err as Error).message})`, 'invalid');
  } finally {
    await doc.destroy();
  }
}
