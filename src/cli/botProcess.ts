import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../paths';

/** Starts the built bot as its own process (PLAYGROUND=off) for command-line tools; resolves when healthy. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * The data key of the bots a tool run starts (CASE_KEYS is required with COSMOS_ENDPOINT): made for the run,
 * like the store the tool starts, and one for all its bots, so an instance started later reads what others wrote.
 */
const TOOL_CASE_KEYS = `ktool:${randomBytes(32).toString('base64')}`;

export async function spawnBot(
  env: Record<string, string> = {},
  startTimeoutMs = 30_000,
): Promise<{ url: string; proc: ChildProcess; startupMs: number; logs(): Record<string, unknown>[]; stop(): Promise<void> }> {
  // A free port can be taken between freePort() and the bot's listen (by anything else on the machine; the bot's own
  // embedded store keeps off it): a start that failed on EADDRINUSE tries another port.
  return retryWhilePortTaken(
    () => spawnOnce(env, startTimeoutMs),
    (err) => err instanceof PortTaken,
  );
}

/** Calls `start`, three times at most, while it fails because the port it chose was taken (`taken`). */
export async function retryWhilePortTaken<T>(start: () => Promise<T>, taken: (err: unknown) => boolean): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (err) {
      if (!taken(err) || attempt >= 3) throw err;
    }
  }
}

class PortTaken extends Error {}

async function spawnOnce(
  env: Record<string, string>,
  startTimeoutMs: number,
): Promise<{ url: string; proc: ChildProcess; startupMs: number; logs(): Record<string, unknown>[]; stop(): Promise<void> }> {
  const port = await freePort();
  const started = Date.now();
  const proc = spawn(process.execPath, [join(ROOT, 'dist', 'main.js')], {
    cwd: ROOT,
    // The embedded store stays in memory: a tool run never writes into the project's .local-data.
    env: { ...process.env, PLAYGROUND: 'off', LOG_LEVEL: 'warn', NODE_NO_WARNINGS: '1', LOCAL_DATA_DIR: 'off', CASE_KEYS: process.env.CASE_KEYS || TOOL_CASE_KEYS, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  // What the bot writes to stderr while starting is held back until it is known not to be a taken port.
  let errOut = '';
  let healthy = false;
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  proc.stderr!.on('data', (d: Buffer) => (healthy ? process.stderr.write(d) : (errOut += d.toString('utf8'))));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (proc.exitCode !== null) {
      // Its output is read to the end once its pipes close, which follows its exit.
      if (proc.stdout!.readable || proc.stderr!.readable) await new Promise((r) => proc.once('close', r));
      if (/EADDRINUSE/.test(out + errOut)) throw new PortTaken(`port ${port} was taken`);
      process.stderr.write(errOut);
      throw new Error(`bot exited with ${proc.exitCode}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) break;
    } catch {
      /* starting */
    }
    if (Date.now() - started > startTimeoutMs) {
      proc.kill('SIGKILL');
      process.stderr.write(errOut);
      throw new Error(`bot did not start within ${startTimeoutMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  healthy = true;
  process.stderr.write(errOut);
  const startupMs = Date.now() - started;
  return {
    url,
    proc,
    startupMs,
    logs: () =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    stop: () =>
      new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

/**
 * `npm start` as a user types it (PLAYGROUND=off, store in memory), timed from the command to /healthz
 * answering 200; on an unchanged checkout it starts the built bot without compiling.
 */
export async function npmStartMs(): Promise<number> {
  const port = await freePort();
  const started = Date.now();
  const proc = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, PLAYGROUND: 'off', LOG_LEVEL: 'warn', LOCAL_DATA_DIR: 'off', PORT: String(port) },
    stdio: 'ignore',
    detached: true, // its own process group: npm, the shell and node stop together
  });
  try {
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`npm start exited with ${proc.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) return Date.now() - started;
      } catch {
        /* starting */
      }
      if (Date.now() - started > 60_000) throw new Error('npm start did not answer /healthz within 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    // npm may have exited already (then its error above is the one to report, and 'exit' will not fire again); its
    // group may still hold the shell or node, or be gone.
    const running = proc.exitCode === null && proc.signalCode === null;
    const exited = running ? new Promise((r) => proc.once('exit', r)) : Promise.resolve();
    stopGroup(proc.pid!);
    await exited;
  }
}

/** SIGTERM to a process group that may be gone already (ESRCH: nothing left to stop). */
function stopGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGTERM');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

let seq = 0;
/** One Teams message activity to /api/messages with expectReplies; returns the replies. */
export async function ask(url: string, text: string, locale: string, conversationId = 'a:cli-tool', userId = '29:cli-user'): Promise<{ ms: number; replies: Record<string, unknown>[] }> {
  const body = {
    type: 'message',
    id: `cli-${++seq}`,
    text,
    locale,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    from: { id: userId, aadObjectId: '00000000-0000-4000-8000-0000000000c1', name: 'CLI' },
    recipient: { id: '28:opari', name: 'Opari' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: '00000000-0000-4000-8000-0000000000aa' },
    channelData: { tenant: { id: '00000000-0000-4000-8000-0000000000aa' } },
  };
  const t = process.hrtime.bigint();
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as { activities?: Record<string, unknown>[] };
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, replies: json.activities ?? [] };
}

/** Section ids cited by a reply (Teams citation entity), best first. */
export function citedSectionIds(reply: Record<string, unknown> | undefined, publicUrl: string): string[] {
  const entity = ((reply?.entities as Record<string, unknown>[] | undefined) ?? []).find((e) => e.type === 'https://schema.org/Message') as
    { citation?: { appearance: { url: string } }[] } | undefined;
  return (entity?.citation ?? []).map((c) =>
    c.appearance.url
      .replace(`${publicUrl}/`, '')
      .replace(/^(plan|faq)\//, '')
      .replace(/[?#].*$/, ''),
  );
}

/** The plan's words an answer card quotes: the text blocks of its `passages` container. */
export function quotedText(reply: Record<string, unknown> | undefined): string {
  const card = (reply?.attachments as { content?: unknown }[] | undefined)?.[0]?.content;
  const texts: string[] = [];
  const walk = (node: unknown, inside: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, inside));
    if (!node || typeof node !== 'object') return;
    const el = node as { id?: string; type?: string; text?: string; items?: unknown; body?: unknown };
    const here = inside || el.id === 'passages';
    if (here && el.type === 'TextBlock' && el.text) texts.push(el.text);
    walk(el.items, here);
    walk(el.body, here);
  };
  walk(card, false);
  return texts.join('\n');
}
