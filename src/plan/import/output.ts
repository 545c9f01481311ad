import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseYaml } from '../../yamlFile';
import { ImportError, type OnProgress } from './blocks';
import type { OutputFile } from './write';

/** Puts an imported plan directory in place all at once, or leaves everything as it was. */

/** An earlier import's `_plan.yml` has `imported:`; anything else (content/plan!) is not ours to replace. */
function madeByImport(dir: string): boolean {
  try {
    const meta = parseYaml(readFileSync(join(dir, '_plan.yml'), 'utf8')) as { imported?: unknown } | null;
    return typeof meta?.imported === 'object' && meta.imported !== null;
  } catch {
    return false;
  }
}

/** Throws unless `outDir` is free: missing, empty, or an earlier import that may be replaced. */
export function checkOutDir(outDir: string): void {
  if (!existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory()) throw new ImportError(`${outDir} exists and is not a directory`);
  if (readdirSync(outDir).length > 0 && !madeByImport(outDir)) {
    throw new ImportError(`${outDir} already has files that plan:import did not write; choose another --out`);
  }
}

/**
 * Writes the files into a temporary directory beside `outDir` and renames it into place, so a reader
 * of PLAN_DIR sees the old plan or the new one, never half of it. An earlier import is replaced.
 */
export function writePlanDir(outDir: string, files: OutputFile[], onProgress?: OnProgress): void {
  const target = resolve(outDir);
  checkOutDir(target);
  const parent = dirname(target);
  const createdParent = mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(join(parent, `.${basename(target)}.tmp-`));
  const old = `${tmp}.old`;
  try {
    files.forEach((f, i) => {
      const path = join(tmp, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
      onProgress?.(i + 1, files.length);
    });
    if (existsSync(target)) {
      renameSync(target, old);
      try {
        renameSync(tmp, target);
      } catch (err) {
        renameSync(old, target);
        throw err;
      }
    } else renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (createdParent) rmSync(createdParent, { recursive: true, force: true });
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
}
