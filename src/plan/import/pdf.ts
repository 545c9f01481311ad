import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImportError, type OnProgress, type ParsedDocument } from './blocks';
import { type PdfPageText, pdfPagesToBlocks } from './pdfLayout';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

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
    if (e.name === 'PasswordException') throw new ImportError('the PDF is password-protected: save an unprotected copy first');
    throw new ImportError(`not a valid PDF file (${e.message})`);
  }
  try {
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      // Font objects (their real names, hence bold) reach the page only once its operators are loaded.
      await page.getOperatorList();
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
    const { blocks, title } = pdfPagesToBlocks(pages);
    return { blocks, title: title ?? usableTitle((meta?.info as { Title?: unknown } | undefined)?.Title) };
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(`the PDF could not be read (${(err as Error).message})`);
  } finally {
    await doc.destroy();
  }
}
