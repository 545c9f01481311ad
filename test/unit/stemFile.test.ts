import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshModules } from '../helpers/freshModules';

// Each case loads analyze + stemFile afresh: the stems live in module state, as in a new process.
type Modules = { analyze: typeof import('../../src/plan/analyze'); stemFile: typeof import('../../src/plan/stemFile') };
const freshProcess = (): Promise<Modules> => freshModules(async () => ({ analyze: await import('../../src/plan/analyze'), stemFile: await import('../../src/plan/stemFile') }));

describe('the start-up stem cache', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'opari-stems-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the next start the stems this one computed, and those stems are used', async () => {
    const path = join(dir, 'stems.json');
    const first = await freshProcess();
    const words = ['kotiopetuksen', 'oppilaalle', 'turvallisuuden', 'alueellisen'];
    const stems = words.map((w) => first.analyze.stem(w, 'fi'));
    expect(first.stemFile.writeStemFile(path)).toBe(true);
    expect(first.stemFile.writeStemFile(path)).toBe(false); // nothing new since

    // A stem the rules could never produce proves the next start reads the file instead of stemming.
    const file = JSON.parse(readFileSync(path, 'utf8')) as { fi: Record<string, string> };
    expect(Object.keys(file.fi)).toEqual(expect.arrayContaining(words));
    file.fi.kotiopetuksen = 'from-the-file';
    writeFileSync(path, JSON.stringify(file));

    const second = await freshProcess();
    expect(second.stemFile.readStemFile(path)).toBeGreaterThanOrEqual(words.length);
    expect(second.analyze.stem('kotiopetuksen', 'fi')).toBe('from-the-file');
    expect(words.slice(1).map((w) => second.analyze.stem(w, 'fi'))).toEqual(stems.slice(1));
  });

  it('ignores a file made with other stemming rules, a broken file and a missing one', async () => {
    const path = join(dir, 'stems.json');
    const first = await freshProcess();
    const real = first.analyze.stem('kotiopetuksen', 'fi');
    first.stemFile.writeStemFile(path);
    const file = JSON.parse(readFileSync(path, 'utf8')) as { rules: string; fi: Record<string, string> };
    file.fi.kotiopetuksen = 'stale';
    writeFileSync(path, JSON.stringify({ ...file, rules: 'other-rules' }));

    const second = await freshProcess();
    expect(second.stemFile.readStemFile(path)).toBe(0);
    expect(second.analyze.stem('kotiopetuksen', 'fi')).toBe(real);

    writeFileSync(path, '{"rules": ');
    expect((await freshProcess()).stemFile.readStemFile(path)).toBe(0);
    expect((await freshProcess()).stemFile.readStemFile(join(dir, 'missing.json'))).toBe(0);
  });

  it('reports a write it could not make instead of throwing', async () => {
    const m = await freshProcess();
    m.analyze.stem('kuraattori', 'fi');
    expect(m.stemFile.writeStemFile(join(dir, 'no-such-dir', 'stems.json'))).toBe(false);
  });
});
