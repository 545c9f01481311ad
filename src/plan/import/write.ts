import { Document, isCollection, isScalar, Scalar } from 'yaml';
import type { Lang } from '../analyze';
import type { ImportedPlan, ImportedSection } from './sections';

/** Renders an imported plan as plan section files (content/plan/FORMAT.md) and `_plan.yml`. */

export interface RenderOptions {
  /** The imported file's name, without its directory. */
  file: string;
  /** YYYY-MM-DD, written as `reviewed` and into the notice. */
  date: string;
  region?: string;
  /** The original document kept beside the sections (`_original/<file>`), for links to its pages. */
  original?: { file: string; pages?: number };
}

/** One output file, its path relative to the plan directory. */
export interface OutputFile {
  path: string;
  content: string | Buffer;
}

const yamlText = (doc: Document) => doc.toString({ lineWidth: 0, flowCollectionPadding: false });

/** Keywords, forms and law as one-line lists with quoted strings, as the hand-written sections have them. */
function flowLists(doc: Document, keys: string[]): Document {
  for (const key of keys) {
    const node = doc.get(key, true);
    if (!isCollection(node)) continue;
    node.flow = true;
    for (const item of node.items) if (isScalar(item)) item.type = Scalar.QUOTE_DOUBLE;
  }
  return doc;
}

function renderSection(s: ImportedSection, lang: Lang, opts: RenderOptions): string {
  const source: Record<string, string | number> = { file: opts.file };
  if (s.heading !== undefined) source.heading = s.heading;
  if (s.page !== undefined) source.page = s.page;
  if (s.lastPage !== undefined && s.lastPage !== s.page) source.lastPage = s.lastPage;
  const front = new Document({
    id: s.id,
    order: s.order,
    ...(s.number ? { number: s.number } : {}),
    title: { [lang]: s.title },
    keywords: {},
    forms: [],
    law: s.law,
    reviewed: opts.date,
    source,
  });
  const body = s.body ? `${s.body}\n` : '';
  return `---\n${yamlText(flowLists(front, ['keywords', 'forms', 'law']))}---\n${body}`;
}

function renderMeta(plan: ImportedPlan, opts: RenderOptions): string {
  const meta: Record<string, unknown> = { title: { [plan.lang]: plan.title ?? opts.file } };
  // The sections' titles and unmarked bodies are in the document's language (content/plan/FORMAT.md).
  if (plan.lang !== 'fi') meta.lang = plan.lang;
  if (opts.region) meta.region = opts.region;
  meta.notice = {
    fi: `Suunnitelma on tuotu tiedostosta ${opts.file} ${opts.date}. Otsikot ja lakiviittaukset on poimittu automaattisesti.`,
    sv: `Planen har importerats från filen ${opts.file} ${opts.date}. Rubriker och lagrum har hämtats automatiskt.`,
    en: `This plan was imported from ${opts.file} on ${opts.date}. Headings and law references were extracted automatically.`,
  };
  meta.imported = { file: opts.file, date: opts.date };
  if (opts.original) meta.original = opts.original;
  return yamlText(new Document(meta));
}

/** Every file of the plan directory: `X.md` for a section, `X/Y.md` for its subsections, `_plan.yml`. */
export function renderPlan(plan: ImportedPlan, opts: RenderOptions): OutputFile[] {
  const files: OutputFile[] = [{ path: '_plan.yml', content: renderMeta(plan, opts) }];
  const add = (s: ImportedSection) => {
    files.push({ path: `${s.id}.md`, content: renderSection(s, plan.lang, opts) });
    s.children.forEach(add);
  };
  plan.sections.forEach(add);
  return files;
}
