import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { LANGS, seedStems, stemEntries, stemRules } from './analyze';

/**
 * A start-up cache of word stems. Stemming every word of the plan and the glossary in three languages is about
 * a third of loading the plan (≈ 15 000 Snowball calls); the stems are a pure function of the word and the
 * stemming rules, so a start reads the ones the last start computed and stems only what is new. The file names
 * the rules it was made with (a hash of their source and the stemmer's version): other rules, other file, and
 * an unreadable or foreign file is ignored. Losing it costs time, never a different answer.
 */
const FORMAT = 1;

let rulesHash: string | undefined;
function rules(): string {
  if (!rulesHash) {
    const stemmer = (JSON.parse(readFileSync(require.resolve('snowball-stemmers/package.json'), 'utf8')) as { version?: string }).version ?? '';
    rulesHash = createHash('sha256').update(`${FORMAT}\n${stemmer}\n${stemRules()}`).digest('hex').slice(0, 16);
  }
  return rulesHash;
}

type StemFile = { rules: string } & Partial<Record<(typeof LANGS)[number], Record<string, string>>>;

/** Seeds the stems from `path` when it was written with these rules; the number of stems read (0 if none). */
export function readStemFile(path: string): number {
  let file: StemFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as StemFile;
  } catch {
    return 0;
  }
  if (typeof file !== 'object' || file === null || file.rules !== rules()) return 0;
  let read = 0;
  for (const lang of LANGS) {
    const stems = file[lang];
    if (typeof stems !== 'object' || stems === null) continue;
    const entries = Object.entries(stems).filter((e): e is [string, string] => typeof e[1] === 'string');
    seedStems(lang, entries);
    read += entries.length;
  }
  saved = known();
  return read;
}

let saved = 0;
const known = () => LANGS.reduce((n, lang) => n + stemEntries()[lang].size, 0);

/**
 * Writes the stems known now to `path` when there are more than it was read or last written with (through a
 * temporary file, so a reader never sees half of it); false when it had nothing new or could not write.
 */
export function writeStemFile(path: string): boolean {
  const count = known();
  if (count <= saved) return false;
  const file: StemFile = { rules: rules() };
  for (const lang of LANGS) file[lang] = Object.fromEntries(stemEntries()[lang]);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(file));
    renameSync(tmp, path);
    saved = count;
    return true;
  } catch {
    rmSync(tmp, { force: true });
    return false;
  }
}
