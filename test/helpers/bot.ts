import { type ChildProcess, spawn } from 'node:child_process';
import { freePort, retryWhilePortTaken } from '../../src/cli/botProcess';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export { freePort };

export interface RunningBot {
  url: string;
  port: number;
  proc: ChildProcess;
  /** Everything the process printed (JSON log lines and stderr). */
  output(): string;
  /** JSON log lines parsed. */
  logs(): Record<string, unknown>[];
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  waitForLog(predicate: (l: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
}

/**
 * Starts the built bot (dist/main.js) as its own process, as a deployment would, and waits for /healthz.
 * Its embedded store stays in memory (LOCAL_DATA_DIR=off) unless a test gives it a folder: tests never
 * write into the project's .local-data.
 */
export async function startBot(env: Record<string, string> = {}, opts: StartOptions = {}): Promise<RunningBot> {
  // The bot keeps its own store off its port (main.ts), but another test's process may take the port chosen here
  // before the bot listens on it: a start that failed so, on a port this helper chose, tries another.
  return retryWhilePortTaken(
    () => startOnce(env, opts),
    (err) => env.PORT === undefined && /EADDRINUSE/.test((err as Error).message),
  );
}

interface StartOptions {
  waitHealthy?: boolean;
  healthyWithinMs?: number;
  args?: string[];
}

async function startOnce(env: Record<string, string>, opts: StartOptions): Promise<RunningBot> {
  const port = Number(env.PORT ?? (await freePort()));
  let out = '';
  const proc = spawn(process.execPath, [join(ROOT, 'dist', 'main.js'), ...(opts.args ?? [])], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PLAYGROUND: 'off', LOG_LEVEL: 'debug', NODE_NO_WARNINGS: '1', LOCAL_DATA_DIR: 'off', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const logs = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => {
        try {
          return JSON.parse(l) as Record<string, unknown>;
        } catch {
          return {};
        }
      });
  const bot: RunningBot = {
    url,
    port,
    proc,
    output: () => out,
    logs,
    stop: async (signal = 'SIGTERM') => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
    waitForLog: async (predicate, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const hit = logs().find(predicate);
        if (hit) return hit;
        if (proc.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`log line not seen; output:\n${out.slice(-3000)}`);
    },
  };
  if (opts.waitHealthy !== false) {
    // Generous: on a shared CI machine the plan load alone can take several seconds.
    const deadline = Date.now() + (opts.healthyWithinMs ?? 60_000);
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`bot exited with ${proc.exitCode}:\n${out}`);
      try {
        const r = await fetch(`${url}/healthz`);
        if (r.status === 200) break;
      } catch {
        /* starting */
      }
      if (Date.now() > deadline) throw new Error(`bot not healthy in time:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return bot;
}
