import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cardText, message, post } from '../helpers/activities';
import { freePort, ROOT } from '../helpers/bot';

/**
 * `npm start` as a user types it runs the bundled start path (dist/bundle/main.js with its code cache, see
 * scripts/bundle.js): it must be the whole bot, not only a server that answers /healthz.
 */
describe('npm start runs the bundled start path', () => {
  let proc: ChildProcess;
  let url: string;
  let out = '';

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    proc = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PLAYGROUND: 'off', LOCAL_DATA_DIR: 'off', LOG_LEVEL: 'info', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: npm, the shell and node stop together
    });
    proc.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
    // A checkout whose dist/ or bundle is stale builds first (the compiler, esbuild and a trial start).
    const deadline = Date.now() + 240_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`npm start exited with ${proc.exitCode}:\n${out}`);
      const status = await fetch(`${url}/healthz`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      if (Date.now() > deadline) throw new Error(`npm start did not answer /healthz:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 300_000);

  afterAll(async () => {
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    process.kill(-proc.pid!, 'SIGINT');
    await exited;
  });

  it('starts from the bundle with its code cache, not from dist/main.js', () => {
    expect(existsSync(join(ROOT, 'dist', 'bundle', 'main.js'))).toBe(true);
    expect(out).toContain('npm start runs dist/bundle/main.js with its code cache');
    expect(out).not.toContain('Could not bundle');
  });

  it('answers a question from the plan with the answer card, quoting the plan', async () => {
    const { status, replies } = await post(url, message('millä perusteella oppilas saa avustajan?', { locale: 'fi-FI', conversationId: 'a:bundled-start' }));
    expect(status).toBe(200);
    const reply = replies.find((r) => r.type === 'message');
    expect(cardText(reply)).toContain('Avustajapalvelujen kriteerit');
    // The citation points at the plan's section (plan load, search and card rendering all ran in the bundle).
    expect(JSON.stringify(reply?.entities ?? [])).toContain('/plan/avustajakriteerit');
  });

  it('answers the help command with the welcome card', async () => {
    const { replies } = await post(url, message('apua', { locale: 'fi-FI', conversationId: 'a:bundled-start' }));
    expect(cardText(replies[0])).toContain('Hei, olen Opari');
  });
});
