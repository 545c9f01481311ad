import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseYaml } from '../yamlFile';
import { z } from 'zod';
import { type Lang, LANGS } from './analyze';
import { parseBlocks } from './markdown';
import type { Plan, PlanMeta, PlanSection } from './model';

/** Loads a plan directory (content/plan or an imported one): one Markdown file per section, `_plan.yml`. */

const langMap = <T extends z.ZodTypeAny>(t: T) => z.object({ fi: t.optional(), sv: t.optional(), en: t.optional() });
const stringList = z.array(z.union([z.string(), z.number()]).transform(String));

const frontMatter = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)?$/, 'lowercase slug, subsections as parent/child'),
  order: z.number().int().default(1000),
  title: langMap(z.string().min(1)).refine((t) => t.fi ?? t.en ?? t.sv, 'needs at least one title'),
  keywords: langMap(stringList).default({}),
  forms: stringList.default([]),
  law: stringList.default([]),
  reviewed: z
    .union([z.string(), z.date()])
    .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))
    .optional(),
  weight: z.number().min(0.1).max(2).optional(),
  weightWhen: z.record(z.string().min(1), z.number().min(0.1).max(2)).optional(),
  number: z.union([z.string(), z.number()]).transform(String).optional(),
  source: z.object({ file: z.string().optional(), heading: z.string().optional(), page: z.number().int().min(1).optional(), lastPage: z.number().int().min(1).optional() }).optional(),
});

const planMeta = z.object({
  title: langMap(z.string()).default({}),
  lang: z.enum(['fi', 'sv', 'en']).optional(),
  region: z.string().optional(),
  notice: langMap(z.string()).optional(),
  version: z.union([z.string(), z.number()]).transform(String).optional(),
  approved: z
    .union([z.string(), z.date()])
    .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))
    .optional(),
  original: z.object({ file: z.string().regex(/^[^/\\]+$/), pages: z.number().int().min(1).optional() }).optional(),
});

export class PlanLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(`The plan could not be loaded:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PlanLoadError';
  }
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_original' ? [] : markdownFiles(path);
    return name.endsWith('.md') && !/^[A-Z_]+\.md$/.test(name) ? [path] : [];
  });
}

/** Splits `---\nyaml\n---\nbody` and the body into languages at `<!-- lang:xx -->` lines; before any, the plan's own. */
function splitFile(text: string, planLang: Lang): { yaml: string; bodies: Partial<Record<Lang, string>> } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) throw new Error('missing front matter (--- yaml ---)');
  const bodies: Partial<Record<Lang, string>> = {};
  let lang = planLang;
  let buf: string[] = [];
  for (const line of m[2].split(/\r?\n/)) {
    const marker = /^\s*<!--\s*lang:\s*(fi|sv|en)\s*-->\s*$/.exec(line);
    if (marker) {
      bodies[lang] = buf.join('\n');
      lang = marker[1] as Lang;
      buf = [];
    } else buf.push(line);
  }
  bodies[lang] = buf.join('\n');
  return { yaml: m[1], bodies };
}

/** A plan file by its path relative to the plan directory: `kotiopetus.md`, `kotiopetus/valvonta.md`, `_plan.yml`. */
export interface PlanFile {
  path: string;
  text: string;
}

/** Reads a plan directory: every section file and `_plan.yml` (the originals in `_original/` are not read). */
export function loadPlan(dir: string): Plan {
  return parsePlan(readPlanFiles(dir), dir);
}

/**
 * The language a section is written in: Finnish when it has Finnish text (every plan written in Finnish keeps it
 * as its own language), else the plan's own language, else whichever it has.
 */
function sectionLang(title: Partial<Record<Lang, string>>, body: PlanSection['body'], planLang: Lang | undefined): Lang {
  const has = (l: Lang) => !!(title[l] ?? body[l]);
  if (has('fi')) return 'fi';
  if (planLang && has(planLang)) return planLang;
  return LANGS.find(has) ?? 'fi';
}

/** The files a plan directory holds: its sections (*.md, sorted) and its _plan.yml. */
export function readPlanFiles(dir: string): PlanFile[] {
  if (!existsSync(dir)) throw new PlanLoadError([`${dir}: no such directory`]);
  const files = markdownFiles(dir)
    .sort()
    .map((file) => ({ path: relative(dir, file), text: readFileSync(file, 'utf8') }));
  const metaFile = join(dir, '_plan.yml');
  if (existsSync(metaFile)) files.push({ path: '_plan.yml', text: readFileSync(metaFile, 'utf8') });
  return files;
}

/**
 * A plan from its files, wherever they are kept (a directory, or a published version in Cosmos): the same
 * validation for both. `label` names the source in error messages.
 */
export function parsePlan(files: PlanFile[], label: string): Plan {
  const problems: string[] = [];
  const metaFile = files.find((f) => f.path === '_plan.yml');
  const parsedMeta = metaFile ? planMeta.safeParse(parseYaml(metaFile.text)) : undefined;
  if (parsedMeta && !parsedMeta.success) throw new PlanLoadError(parsedMeta.error.issues.map((i) => `_plan.yml: ${i.path.join('.')}: ${i.message}`));
  const planLang = parsedMeta?.data.lang;
  const sections = new Map<string, PlanSection>();
  for (const { path: rel, text } of files.filter((f) => f.path.endsWith('.md')).sort((a, b) => a.path.localeCompare(b.path))) {
    try {
      const { yaml, bodies } = splitFile(text, planLang ?? 'fi');
      const fm = frontMatter.safeParse(parseYaml(yaml));
      if (!fm.success) {
        problems.push(...fm.error.issues.map((i) => `${rel}: ${i.path.join('.') || 'front matter'}: ${i.message}`));
        continue;
      }
      const f = fm.data;
      if (sections.has(f.id)) problems.push(`${rel}: duplicate id ${f.id}`);
      const body = Object.fromEntries(
        Object.entries(bodies)
          .map(([l, b]) => [l, parseBlocks(b ?? '')] as const)
          .filter(([, blocks]) => blocks.length > 0),
      ) as PlanSection['body'];
      const lang = sectionLang(f.title, body, planLang);
      body[lang] ??= [];
      sections.set(f.id, {
        id: f.id,
        parentId: f.id.includes('/') ? f.id.split('/')[0] : undefined,
        order: f.order,
        title: f.title,
        lang,
        keywords: f.keywords,
        forms: f.forms,
        law: f.law,
        reviewed: f.reviewed,
        weight: f.weight,
        weightWhen: f.weightWhen,
        number: f.number,
        source: f.source,
        body,
        childIds: [],
      });
    } catch (err) {
      problems.push(`${rel}: ${(err as Error).message}`);
    }
  }
  for (const s of sections.values()) {
    if (!s.parentId) continue;
    const parent = sections.get(s.parentId);
    if (parent) parent.childIds.push(s.id);
    else problems.push(`${s.id}: parent section ${s.parentId} is missing`);
  }
  if (sections.size === 0) problems.push(`${label}: no sections (*.md with front matter)`);
  if (problems.length > 0) throw new PlanLoadError(problems);
  const byOrder = (a: string, b: string) => sections.get(a)!.order - sections.get(b)!.order || a.localeCompare(b);
  for (const s of sections.values()) s.childIds.sort(byOrder);

  const langs = [...sections.values()].map((s) => s.lang);
  const fields = parsedMeta?.data ?? { title: {} };
  const meta: PlanMeta = {
    ...fields,
    title: Object.keys(fields.title).length > 0 ? fields.title : { fi: 'Opiskeluhuoltosuunnitelma' },
    lang: planLang ?? (langs.includes('fi') || langs.length === 0 ? 'fi' : langs[0]),
  };
  return {
    meta,
    sections,
    topLevel: [...sections.values()]
      .filter((s) => !s.parentId)
      .map((s) => s.id)
      .sort(byOrder),
  };
}
