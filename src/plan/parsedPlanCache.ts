import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { parsePlan, readPlanFiles } from './load';
import type { Plan } from './model';

/**
 * A start-up cache of the parsed plan. Parsing its files (YAML front matter, zod, Markdown blocks) is about a
 * third of loading the plan; the result is a pure function of the files and of the parsing code, so a start
 * keeps it beside the build (as the stem file, plan/stemFile.ts) and the next one reads it back in a few
 * milliseconds. Its key is a hash of every file's path and text and of this build: the size and time of this
 * module's own file, which every build writes anew (dist/ by the compiler, the bundle by esbuild). A file with
 * another key, a broken or a missing one is ignored: losing it costs time, never a different plan.
 */
const FORMAT = 2;

function keyOf(files: { path: string; text: string }[]): string {
  const build = statSync(__filename);
  const hash = createHash('sha256').update(`${FORMAT}\n${__filename}\n${build.size}\n${build.mtimeMs}\n`);
  for (const f of files) hash.update(`${f.path}\n${f.text.length}\n${f.text}\n`);
  return hash.digest('hex');
}

/** The plan in `dir`, from `cacheFile` when it holds this plan parsed by this build; otherwise parsed and saved there. */
export function loadPlanCached(dir: string, cacheFile: string): { plan: Plan; cached: boolean } {
  const files = readPlanFiles(dir);
  const key = keyOf(files);
  try {
    const saved = deserialize(readFileSync(cacheFile)) as { key?: unknown; plan?: Plan };
    if (saved.key === key && saved.plan) return { plan: saved.plan, cached: true };
  } catch {
    /* none yet, or unreadable: parsed below */
  }
  const plan = parsePlan(files, dir);
  // Through a temporary file, so a start never reads half of one.
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, serialize({ key, plan }));
    renameSync(tmp, cacheFile);
  } catch {
    rmSync(tmp, { force: true });
  }
  return { plan, cached: false };
}
