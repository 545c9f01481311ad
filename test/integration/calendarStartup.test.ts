import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ROOT } from '../helpers/bot';

/**
 * Start-up checks every region calendar file (content/calendars) against the statutory number of school
 * working days (perusopetuslaki 23 §): a file that would move every OHL 15 § deadline stops the bot with
 * one line naming the file. The built bot runs from a copy of the project whose calendar was broken.
 */
describe('start-up with a broken term calendar', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'opari-startup-'));
    for (const part of ['package.json', 'dist', 'content']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    for (const part of ['node_modules', 'cards']) symlinkSync(join(ROOT, part), join(dir, part), 'dir');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const start = async () =>
    spawnSync(process.execPath, [join(dir, 'dist', 'main.js')], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PLAYGROUND: 'off', PORT: String(await freePort()), LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('stops with exit code 1 and one line naming the file, the school year and both counts', async () => {
    // The joulujuhla Saturday 20.12.2025 removed: 2025-2026 has 187 school days instead of 188.
    const file = join(dir, 'content', 'calendars', 'esimerkkikunta.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('      - { date: 2025-12-20, name: joulujuhla }\n', ''));
    const r = await start();
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes('esimerkkikunta.yml'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('school year 2025-2026 has 187 school working days, the statutory number is 188');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
