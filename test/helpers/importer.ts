import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { ImportResult } from '../../src/plan/import';

const ROOT = join(__dirname, '..', '..');

/**
 * Imports documents with the built importer (dist/) in a child process: pdfjs-dist is an ES module that
 * jest's CommonJS runtime cannot load. One process for all the files; results as the importer returns them.
 */
export function importFiles(paths: string[], date: string): Map<string, ImportResult> {
  const script = `
    const { readFileSync } = require('node:fs');
    const { basename } = require('node:path');
    const { importDocument } = require(${JSON.stringify(join(ROOT, 'dist', 'plan', 'import'))});
    (async () => {
      const out = {};
      for (const p of JSON.parse(process.argv[1])) out[p] = await importDocument(readFileSync(p), basename(p), { date: ${JSON.stringify(date)} });
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const json = execFileSync(process.execPath, ['-e', script, JSON.stringify(paths)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return new Map(Object.entries(JSON.parse(json) as Record<string, ImportResult>));
}
