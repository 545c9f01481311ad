import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { stringify } from 'yaml';
import { parseYaml } from '../yamlFile';
import { importDocument, writePlanDir } from '../plan/import';
import type { Plan } from '../plan/model';

/**
 * The plans `npm run eval` measures besides the sample plan: the sample plan without the help its front matter
 * gives the search (keywords, weight, weightWhen: what no imported plan has), and real documents as the
 * importer reads them.
 */
const CRUTCHES = ['keywords', 'weight', 'weightWhen'];

/** The same plan with no keywords, weights or weightWhen (in memory). @internal */
export function withoutCrutches(plan: Plan): Plan {
  const sections = new Map([...plan.sections].map(([id, s]) => [id, { ...s, keywords: {}, weight: undefined, weightWhen: undefined }]));
  return { ...plan, sections };
}

/**
 * Copies a plan directory, dropping keywords, weight and weightWhen from every section's front matter. `finnishOnly`:
 * also its Swedish and English titles and bodies, as a region's plan written in Finnish alone.
 */
export function writeWithoutCrutches(from: string, to: string, finnishOnly = false): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    const dst = join(to, name);
    if (statSync(src).isDirectory()) writeWithoutCrutches(src, dst, finnishOnly);
    else if (!name.endsWith('.md') || /^[A-Z_]+\.md$/.test(name)) copyFileSync(src, dst);
    else {
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(readFileSync(src, 'utf8'));
      if (!m) throw new Error(`${src}: no front matter`);
      const front = parseYaml(m[1]) as Record<string, unknown>;
      for (const k of CRUTCHES) delete front[k];
      let body = m[2];
      if (finnishOnly) {
        front.title = { fi: (front.title as Record<string, string>).fi };
        body = body.split(/^<!-- lang:(?:en|sv) -->$/m)[0];
      }
      writeFileSync(dst, `---\n${stringify(front, { lineWidth: 0 })}---\n${body}`);
    }
  }
}

/** Imports a real document into a plan directory, as `npm run plan:import` would. */
export async function importInto(file: string, dir: string): Promise<void> {
  const result = await importDocument(readFileSync(file), basename(file), { date: '2026-01-01' });
  writePlanDir(dir, result.files);
}
