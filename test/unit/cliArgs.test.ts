import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/paths';

/** The command-line tools refuse what they do not know, with the usage line, instead of running without it. */
describe('command-line tools', () => {
  const run = (cli: string, ...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', `${cli}.js`), ...args], { cwd: ROOT, encoding: 'utf8' });

  beforeAll(() => {
    // `npm test` compiles the project (tsc -p .) before jest runs.
    expect(existsSync(join(ROOT, 'dist', 'cli', 'eval.js'))).toBe(true);
  });

  it.each([
    ['eval', ['--mises'], "Unknown option '--mises'", 'Usage: npm run eval'],
    ['eval', ['--only', 'plans'], '--only must be plan, plain, finnish or real (got plans)', 'Usage: npm run eval'],
    ['package', ['--evn', 'dev'], "Unknown option '--evn'", 'Usage: npm run package'],
    ['hostile', ['--ulr', 'http://localhost:3978'], "Unknown option '--ulr'", 'Usage: npm run hostile'],
    ['planImport', ['plan.pdf', '--ot', 'out'], "Unknown option '--ot'", 'Usage: npm run plan:import'],
    ['planImport', ['plan.pdf', '--out'], "Option '--out <value>' argument missing", 'Usage: npm run plan:import'],
    ['indexBench', ['25OO'], 'SECTIONS is one whole number', 'Usage: node dist/cli/indexBench.js'],
  ])('%s %j stops with exit code 2, the reason and the usage line', (cli, args, reason, usage) => {
    const r = run(cli, ...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(reason);
    expect(r.stderr).toContain(usage);
  });
});
