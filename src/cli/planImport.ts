import { readFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { CONTENT_DIR } from '../paths';
import { assertSupported, checkOutDir, ImportError, importDocument, sectionTree, slugify, writePlanDir } from '../plan/import';
import { todayInHelsinki } from '../time/helsinki';
import { commandLine } from './args';

/**
 * npm run plan:import -- <file> [--out DIR] [--region NAME]
 * Turns a region's plan (DOCX, PDF, saved web page) into plan section files; point PLAN_DIR at the result.
 */

const USAGE = `Usage: npm run plan:import -- <file.docx|file.pdf|file.html> [--out DIR] [--region NAME]`;

interface Args {
  file: string;
  out?: string;
  region?: string;
}

function readArgs(): Args {
  const { values, positionals } = commandLine({ options: { out: { type: 'string' }, region: { type: 'string' } }, allowPositionals: true }, USAGE, ({ positionals: files }) =>
    files.length === 1 ? undefined : files.length === 0 ? 'no file given' : `one file at a time (got ${files.length})`,
  );
  return { file: positionals[0], out: values.out, region: values.region };
}

/**
 * A cli-progress bar on a terminal; elsewhere (CI, pipes) a line per tenth of a long step (20 pages or
 * files and more). Short steps print nothing there, so a failing import prints only its error line.
 */
class Progress {
  private bar?: SingleBar;
  private lastTenth = 0;

  constructor(private readonly tty: boolean) {}

  update(phase: string, unit: string, done: number, total: number): void {
    if (this.tty) {
      if (!this.bar) {
        this.bar = new SingleBar({ format: '{phase} |{bar}| {value}/{total} {unit}', stream: process.stderr, clearOnComplete: true, hideCursor: true });
        this.bar.start(total, 0, { phase, unit });
      }
      this.bar.setTotal(total);
      this.bar.update(done, { phase, unit });
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (total >= 20 && done < total && tenth > this.lastTenth) process.stderr.write(`${phase}: ${done}/${total} ${unit}\n`);
    this.lastTenth = done === total ? 0 : tenth;
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}

async function run(args: Args, progress: Progress): Promise<number> {
  assertSupported(args.file);
  const outDir = resolve(args.out ?? join(CONTENT_DIR, 'imported', slugify(basename(args.file, extname(args.file)))));
  checkOutDir(outDir);
  let bytes: Buffer;
  try {
    bytes = readFileSync(args.file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ImportError(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'this is a directory, not a file' : `cannot read the file (${(err as Error).message})`);
  }

  const name = basename(args.file);
  const result = await importDocument(bytes, name, {
    date: todayInHelsinki(),
    region: args.region,
    keepOriginal: true,
    onProgress: (done, total) => progress.update('Reading', 'pages', done, total),
  });
  if (extname(name).toLowerCase() !== '.pdf') progress.update('Reading', 'document', 1, 1);
  writePlanDir(outDir, [...result.files, { path: `_original/${name}`, content: bytes }], (done, total) => progress.update('Writing', 'files', done, total));
  progress.stop();

  const shown = relative(process.cwd(), outDir) || '.';
  const { warnings } = result.plan;
  console.log(`Imported ${name} into ${shown}`);
  console.log(`  ${result.sections} sections, ${result.subsections} subsections, ${result.words} words`);
  console.log(`  title: ${result.plan.title ?? name}${args.region ? `, region: ${args.region}` : ' (no region: pass --region NAME to set it)'}`);
  console.log('  sections (number, title, words, page):');
  for (const r of sectionTree(result.plan)) {
    const pages = r.page === undefined ? '' : r.lastPage && r.lastPage !== r.page ? `  p. ${r.page}–${r.lastPage}` : `  p. ${r.page}`;
    console.log(`  ${'  '.repeat(r.depth + 1)}${r.number ? `${r.number} ` : ''}${r.title}  (${r.words} words)${pages}`);
  }
  if (warnings.length === 0) console.log('  no warnings');
  else {
    console.log(`  ${warnings.length} warning(s):`);
    for (const w of warnings) console.log(`  - ${w.message}`);
  }
  console.log(`Check the files, then start Opari with PLAN_DIR=${shown}`);
  return 0;
}

const args = readArgs();
const progress = new Progress(Boolean(process.stderr.isTTY));
run(args, progress).then(
  (code) => process.exit(code),
  (err: Error) => {
    progress.stop();
    const message = err instanceof ImportError ? err.message : `unexpected error: ${err.message}`;
    console.error(`plan:import: ${basename(args.file)}: ${message}; nothing was written`);
    process.exit(1);
  },
);
