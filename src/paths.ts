import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project root (where package.json "opari" is), whether running from src/ (tests) or dist/ (built). */
function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'opari') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('Opari project root not found');
    dir = up;
  }
}

export const ROOT = findRoot(__dirname);
export const CARDS_DIR = join(ROOT, 'cards');
export const CONTENT_DIR = join(ROOT, 'content');
