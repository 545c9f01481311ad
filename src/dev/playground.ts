import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Logger } from '../log';
import { ROOT } from '../paths';

/** The Microsoft 365 Agents Playground (local Teams client + mock Bot Connector), as a child process. */
export interface Playground {
  url: string;
  stop(): Promise<void>;
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, () => s.close(() => resolve(true)));
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Agents Playground exited with code ${child.exitCode}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Agents Playground did not answer at ${url} within ${timeoutMs} ms`);
}

export async function startPlayground(opts: { botPort: number; port: number; log: Logger }): Promise<Playground> {
  // The Playground silently moves to a random port when its port is taken; fail clearly instead.
  if (!(await portFree(opts.port))) throw new Error(`Port ${opts.port} is in use: stop the other Agents Playground or set PLAYGROUND_PORT`);
  let cli: string;
  try {
    cli = require.resolve('@microsoft/m365agentsplayground/cli.js', { paths: [ROOT] });
  } catch {
    throw new Error('The Agents Playground is not installed (it is a dev dependency): run `npm install`, or set PLAYGROUND=off');
  }
  const logFile = join(ROOT, 'devTools', 'm365agentsplayground.log');
  const child = spawn(process.execPath, [cli, 'start', '-e', `http://127.0.0.1:${opts.botPort}/api/messages`, '-c', 'msteams', '--dt', '-p', String(opts.port)], {
    cwd: ROOT, // reads .m365agentsplayground.yml from here
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: logFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const recent: string[] = [];
  const relay = (stream: NodeJS.ReadableStream | null) =>
    stream?.on('data', (chunk: Buffer) => {
      for (const line of chunk
        .toString('utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)) {
        recent.push(line.slice(0, 300));
        if (recent.length > 8) recent.shift();
        opts.log.debug({ event: 'playground.output', line: line.slice(0, 300) });
      }
    });
  relay(child.stdout);
  relay(child.stderr);
  const url = `http://localhost:${opts.port}`;
  try {
    await waitForHttp(url, child, 30_000);
  } catch (err) {
    child.kill('SIGKILL');
    // The Playground's own words (e.g. a .m365agentsplayground.yml schema error) say what to fix.
    const fromLog = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-10) : [];
    const said = [...recent, ...fromLog].filter((l) => /^error|reason/i.test(l.trim()));
    throw new Error(`${(err as Error).message}: ${said.join(' | ') || 'no output'}`, { cause: err });
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
