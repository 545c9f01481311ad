import { request } from 'node:http';
import { startEmbeddedCosmos } from '../../src/store/embedded';

// The bot chooses its port before its embedded store starts and listens on it only afterwards: a store that
// took that port stopped the bot at start-up (EADDRINUSE). The store is told which ports to leave alone.
describe('the embedded store’s port', () => {
  it('is never one it was told to avoid, and the store answers on the port it reports', async () => {
    const offered: number[] = [];
    const store = await startEmbeddedCosmos(0, '127.0.0.1', (p) => {
      offered.push(p);
      return offered.length === 1;
    });
    try {
      expect(offered).toHaveLength(2);
      expect(store.port).toBe(offered[1]);
      expect(store.port).not.toBe(offered[0]);
      const status = await new Promise<number>((resolve, reject) => {
        request(`${store.endpoint}/`, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      expect(status).toBeGreaterThan(0);
    } finally {
      await store.stop();
    }
  });

  it('lets the avoided port go again, for the bot to listen on', async () => {
    let avoided = 0;
    const store = await startEmbeddedCosmos(0, '127.0.0.1', (p) => (avoided === 0 ? ((avoided = p), true) : false));
    try {
      const { createServer } = await import('node:net');
      const bot = createServer();
      await new Promise<void>((resolve, reject) => bot.once('error', reject).listen(avoided, '127.0.0.1', () => resolve()));
      await new Promise((r) => bot.close(r));
    } finally {
      await store.stop();
    }
  });
});
