import JSZip from 'jszip';
import mammoth from 'mammoth';
import { collapseSpace, ImportError, type ParsedDocument, type Warning } from './blocks';
import { type DocElement, defaultFontSize, normalizeDocx, textOf } from './docxLayout';
import { htmlToBlocks } from './html';

/**
 * Word's built-in heading names are stored in English ("heading 1") whatever the UI language, and
 * mammoth maps those by default; these add headings from templates that define their own
 * Finnish or Swedish style names.
 */
const STYLE_MAP = ["p[style-name='Subtitle'] => p:fresh", ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`p[style-name='Otsikko ${n}'] => h${n}:fresh`, `p[style-name='Rubrik ${n}'] => h${n}:fresh`])];

/** Takes the first Title-style paragraph out of the body: it names the document, it is not a section. */
function takeTitle(found: { title?: string }) {
  return (doc: DocElement): DocElement => {
    doc.children = (doc.children ?? []).filter((el) => {
      if (found.title !== undefined || el.type !== 'paragraph' || el.styleName?.toLowerCase() !== 'title') return true;
      found.title = collapseSpace(textOf(el));
      return false;
    });
    return doc;
  };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
/** A password-protected .docx is an OLE container holding an "EncryptionInfo" stream (names in UTF-16). */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/**
 * Reads a Word document: mammoth turns its styles into HTML (Heading 1 → h1, lists, tables, bold),
 * which is walked like a web page. The Title-style paragraph becomes the document's title.
 */
export async function readDocx(bytes: Buffer): Promise<ParsedDocument> {
  if (startsWith(bytes, OLE_MAGIC) && bytes.includes(ENCRYPTION_INFO)) {
    throw new ImportError('the Word document is password-protected: save a copy without a password first', 'encrypted');
  }
  if (startsWith(bytes, OLE_MAGIC)) throw new ImportError('this is an old Word .doc file, not .docx: open it in Word and save it as .docx', 'unsupported');
  if (!startsWith(bytes, ZIP_MAGIC)) throw new ImportError('not a valid DOCX file (it is not a zip archive)', 'invalid');
  let html: string;
  const found: { title?: string; warnings: Warning[] } = { warnings: [] };
  try {
    const styles = await (await JSZip.loadAsync(bytes)).file('word/styles.xml')?.async('string');
    const size = defaultFontSize(styles);
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        styleMap: STYLE_MAP,
        ignoreEmptyParagraphs: true,
        transformDocument: (doc: DocElement) => normalizeDocx(takeTitle(found)(doc), size, found),
        externalFileAccess: false,
        // Images carry no plan text; an empty src keeps their data out of memory.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    if (/main document part/i.test(message)) throw new ImportError('not a valid DOCX file (there is no word/document.xml in it)', 'invalid');
    throw new ImportError(`not a valid DOCX file (${message.split('\n')[0]})`, 'invalid');
  }
  const page = htmlToBlocks(html);
  return { blocks: page.blocks, title: found.title || undefined, warnings: [...found.warnings, ...(page.warnings ?? [])] };
}
