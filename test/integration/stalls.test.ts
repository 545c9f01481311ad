import { connect, createServer, type Server, type Socket } from 'node:net';
import { message, post } from '../helpers/activities';
import { startBot } from '../helpers/bot';
import { startTestStore } from '../helpers/store';

/**
 * Nothing hangs: a Cosmos DB that accepts connections and never answers, and a Bot Connector that does the
 * same, each end the turn within seconds with a log line (and, for the store, the apology with a
 * correlation id), and the bot keeps serving.
 */

/** A TCP proxy in front of a server that can start swallowing every byte: connections stay open, nothing comes back. */
async function stallableProxy(target: { port: number }) {
  let stalled = false;
  const pairs: [Socket, Socket][] = [];
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, '127.0.0.1');
    pairs.push([client, upstream]);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('data', (d) => {
      if (!stalled) upstream.write(d);
    });
    upstream.on('data', (d) => {
      if (!stalled) client.write(d);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    stall: () => {
      stalled = true;
    },
    resume: () => {
      stalled = false;
    },
    stop: () =>
      new Promise<void>((r) => {
        for (const [a, b] of pairs) {
          a.destroy();
          b.destroy();
        }
        server.close(() => r());
      }),
  };
}

/** Accepts connections and reads forever: a hung HTTP service. */
async function blackHole() {
  const sockets = new Set<Socket>();
  const server = createServer((s) => {
    sockets.add(s);
    s.on('data', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`,
    stop: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

describe('nothing hangs', () => {
  it('apologises with a correlation id within seconds when the store stops answering, and recovers when it answers again', async () => {
    const store = await startTestStore('stall');
    const proxy = await stallableProxy(store.cosmos);
    const bot = await startBot({ ...store.env, COSMOS_ENDPOINT: proxy.endpoint });
    try {
      expect((await post(bot.url, message('apua'))).status).toBe(200);
      proxy.stall();
      const started = Date.now();
      const failed = await post(bot.url, message('apua', { conversationId: 'a:stall-test' }));
      const took = Date.now() - started;
      expect(failed.status).toBe(200);
      const apology = failed.replies.find((r) => r.type === 'message')?.text ?? '';
      expect(apology).toMatch(/Pahoittelut/);
      const id = /tunniste ([0-9a-f-]{36})/.exec(apology)?.[1];
      await bot.waitForLog((l) => l.event === 'turn.error' && l.correlationId === id);
      expect(took).toBeLessThan(12_000); // one store timeout (5 s) and scheduling slack, not the SDK's 60 s
      await new Promise((r) => setTimeout(r, 1100)); // readiness is cached for 1 s
      const ready = Date.now();
      expect((await fetch(`${bot.url}/readyz`)).status).toBe(503);
      expect(Date.now() - ready).toBeLessThan(5000);

      proxy.resume();
      await new Promise((r) => setTimeout(r, 1100));
      expect((await post(bot.url, message('apua', { conversationId: 'a:stall-test-2' }))).replies[0]?.attachments).toBeDefined();
      expect(bot.output()).not.toMatch(/\n\s+at [^\n]+\(/);
    } finally {
      await bot.stop();
      await proxy.stop();
      await store.stop();
    }
  }, 120_000);

  it('ends a turn whose Bot Connector never answers within seconds, logged, and keeps serving', async () => {
    const hole = await blackHole();
    const store = await startTestStore('stall-connector');
    const bot = await startBot({ ...store.env });
    try {
      const started = Date.now();
      const r = await post(bot.url, message('apua', { serviceUrl: hole.url, conversationId: 'a:hung-connector' }), { expectReplies: false });
      expect(r.status).toBe(200);
      // The welcome card and then the apology each wait one connector timeout (6 s): within the 15 s turn.
      expect(Date.now() - started).toBeLessThan(20_000);
      await bot.waitForLog((l) => l.event === 'turn.error' && (l.err as { type?: string })?.type === 'AbortError');
      expect((await post(bot.url, message('ping'))).replies[0]?.text).toMatch(/pong/);
    } finally {
      await bot.stop();
      await store.stop();
      await hole.stop();
    }
  }, 120_000);
});
