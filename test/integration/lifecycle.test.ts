import { spawnSync } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { startEmbeddedCosmos } from '../../src/store/embedded';
import { botAdded, cardAction, cardText, message, post } from '../helpers/activities';
import { ROOT, startBot } from '../helpers/bot';
import { startTestStore } from '../helpers/store';

const GUID = '11111111-2222-4333-8444-555555555555';

/** A request that never finishes sending its body: in flight until the connection is closed. */
function hangingRequest(port: number): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write('POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"type":');
      resolve(socket);
    });
    socket.on('error', () => undefined);
  });
}
const OTHER = '99999999-2222-4333-8444-555555555555';

describe('process lifecycle, security and resilience', () => {
  it('refuses a bad configuration with one readable report and exit code 1, no stack trace', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'main.js')], {
      env: { PATH: process.env.PATH, PORT: 'abc', BOT_TYPE: 'Single', COSMOS_KEY: 'hidden-value', PLAYGROUND: 'off' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Invalid configuration');
    for (const name of ['PORT', 'BOT_TYPE', 'COSMOS_KEY']) expect(r.stderr).toContain(`${name}:`);
    expect(r.stderr).not.toContain('hidden-value');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says at start-up that the embedded store keeps data in memory and that anonymous requests are accepted', async () => {
    const bot = await startBot();
    try {
      await bot.waitForLog((l) => l.event === 'store.embedded');
      expect(String(bot.logs().find((l) => l.event === 'store.embedded')?.msg)).toMatch(/in memory/);
      expect(String(bot.logs().find((l) => l.event === 'auth.anonymous')?.msg)).toMatch(/anonymous/);
    } finally {
      expect(await bot.stop('SIGTERM')).toBe(0);
    }
  });

  it('with BOT_ID set, answers 401 to an activity without a valid Bot Framework token and processes nothing', async () => {
    const store = await startTestStore('auth');
    const bot = await startBot({ ...store.env, BOT_ID: GUID, BOT_PASSWORD: 'not-used', BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: GUID, CASE_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}` });
    try {
      const noToken = await post(bot.url, botAdded({ scope: 'personal' }));
      expect(noToken.status).toBe(401);
      const forged = await post(bot.url, message('apua'), { headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' } });
      expect(forged.status).toBe(401);
      expect(forged.replies).toHaveLength(0);
      expect(await store.all('conversations')).toHaveLength(0);
      expect(await store.all('state')).toHaveLength(0);
      expect(bot.logs().some((l) => l.event === 'auth.anonymous')).toBe(false);
    } finally {
      await bot.stop();
      await store.stop();
    }
  });

  it('refuses activities from tenants outside ALLOWED_TENANTS without processing them', async () => {
    const store = await startTestStore('tenants');
    const bot = await startBot({ ...store.env, ALLOWED_TENANTS: GUID });
    try {
      const foreign = await post(bot.url, botAdded({ tenantId: OTHER }));
      expect(foreign.status).toBe(403);
      expect(foreign.replies).toHaveLength(0);
      expect(await store.all('conversations')).toHaveLength(0);
      const allowed = await post(bot.url, botAdded({ tenantId: GUID }));
      expect(allowed.status).toBe(200);
      expect(cardText(allowed.replies[0])).toContain('Opari');
      await bot.waitForLog((l) => l.event === 'tenant.refused' && l.tenantId === OTHER);
    } finally {
      await bot.stop();
      await store.stop();
    }
  });

  it('keeps user state across a restart of the bot process against the same store', async () => {
    const store = await startTestStore('restart');
    const conv = { conversationId: 'a:restart-test', locale: 'en-US' };
    const first = await startBot(store.env);
    try {
      const set = await post(first.url, message('language swedish', conv));
      expect(cardText(set.replies[0])).toContain('Hej, jag är Opari');
    } finally {
      expect(await first.stop('SIGTERM')).toBe(0);
    }
    const second = await startBot(store.env);
    try {
      // Nothing typed to tell a language from: the remembered choice decides, not the client's en-US.
      const click = await post(second.url, cardAction('welcome.ask', {}, conv));
      expect(JSON.stringify(click.replies.find((r) => r.type === 'invokeResponse')?.value)).toContain('Hej, jag är Opari');
    } finally {
      await second.stop();
      await store.stop();
    }
  });

  it('turns /readyz 503 while the store is down, apologises with a correlation id, keeps running, and recovers', async () => {
    const store = await startTestStore('readyz');
    const port = store.cosmos.port;
    const bot = await startBot(store.env);
    let revived: { stop(): Promise<void> } | undefined;
    try {
      expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
      await store.stop();
      await new Promise((r) => setTimeout(r, 1100)); // readiness is cached for 1 s
      expect((await fetch(`${bot.url}/readyz`)).status).toBe(503);
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);

      const failed = await post(bot.url, message('apua', { locale: 'fi-FI' }));
      expect(failed.status).toBe(200);
      const apology = failed.replies.find((r) => r.type === 'message')?.text ?? '';
      expect(apology).toMatch(/Pahoittelut/);
      const id = /tunniste ([0-9a-f-]{36})/.exec(apology)?.[1];
      expect(id).toBeDefined();
      await bot.waitForLog((l) => l.event === 'turn.error' && l.correlationId === id);

      revived = await startEmbeddedCosmos(port);
      await new Promise((r) => setTimeout(r, 1100));
      expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
    } finally {
      await bot.stop();
      await revived?.stop();
    }
  });

  it('stops cleanly on SIGTERM with exit code 0 after serving', async () => {
    const store = await startTestStore('drain');
    const bot = await startBot(store.env);
    try {
      expect((await post(bot.url, message('apua'))).status).toBe(200);
      const code = await bot.stop('SIGTERM');
      expect(code).toBe(0);
      await bot.waitForLog((l) => l.event === 'shutdown.done');
    } finally {
      await store.stop();
    }
  });

  it('ends within SHUTDOWN_GRACE_MS after SIGTERM when the pipe it logs to is gone: a broken pipe ends logging, not the process', async () => {
    const store = await startTestStore('epipe');
    const bot = await startBot({ ...store.env, SHUTDOWN_GRACE_MS: '3000', LOG_LEVEL: 'debug' });
    try {
      bot.proc.stdout!.destroy(); // whoever read its logs is gone
      for (let i = 0; i < 3; i++) expect((await post(bot.url, message('apua'))).status).toBe(200); // logs hit EPIPE; it keeps serving
      const socket = await hangingRequest(bot.port); // the drain has to wait out the grace period
      const started = Date.now();
      const code = await bot.stop('SIGTERM');
      const took = Date.now() - started;
      socket.destroy();
      expect(code).toBe(0);
      expect(took).toBeGreaterThanOrEqual(2000);
      expect(took).toBeLessThan(3000 + 2000);
    } finally {
      await bot.stop('SIGKILL');
      await store.stop();
    }
  });

  it('ends at once on a second SIGTERM while the first one waits for a request to finish', async () => {
    const store = await startTestStore('twice');
    const bot = await startBot({ ...store.env, SHUTDOWN_GRACE_MS: '60000' });
    try {
      const socket = await hangingRequest(bot.port);
      const exited = new Promise<number | null>((r) => bot.proc.once('exit', (c) => r(c)));
      bot.proc.kill('SIGTERM');
      await bot.waitForLog((l) => l.event === 'shutdown.start');
      const started = Date.now();
      bot.proc.kill('SIGTERM');
      expect(await exited).toBe(143);
      expect(Date.now() - started).toBeLessThan(5000);
      await bot.waitForLog((l) => l.event === 'shutdown.forced');
      socket.destroy();
    } finally {
      await bot.stop('SIGKILL');
      await store.stop();
    }
  });
});
