import { openStore, type Store } from '../../src/store/cosmos';
import { createLogger } from '../../src/log';
import { ConflictError } from '../../src/store/errors';
import { CosmosStorage } from '../../src/teams/state';
import { startTestStore, type TestStore } from '../helpers/store';

describe('teams-ai state on Cosmos (ETag concurrency)', () => {
  let test: TestStore;
  let store: Store;
  let storage: CosmosStorage;

  beforeAll(async () => {
    test = await startTestStore('state-test');
    store = await openStore({ endpoint: test.cosmos.endpoint, key: test.env.COSMOS_KEY, database: 'state-test' }, createLogger('silent'));
    storage = new CosmosStorage(store.container('state'));
  });
  afterAll(async () => {
    await store.close();
    await test.stop();
  });

  it('round-trips items under keys that Cosmos ids could not hold', async () => {
    const key = 'msteams/28:bot/conversations/19:abc@thread.tacv2;messageid=1?x#y';
    await storage.write({ [key]: { lang: 'sv', count: 1 } });
    const read = await storage.read([key, 'missing/key']);
    expect(read[key]).toMatchObject({ lang: 'sv', count: 1, eTag: expect.any(String) });
    expect(read['missing/key']).toBeUndefined();
  });

  it('refuses a write based on a stale read (another instance changed the item)', async () => {
    const key = 'msteams/bot/users/u-race';
    await storage.write({ [key]: { v: 0 } });
    const a = (await storage.read([key]))[key];
    const b = (await storage.read([key]))[key];
    await storage.write({ [key]: { ...a, v: 1 } });
    await expect(storage.write({ [key]: { ...b, v: 2 } })).rejects.toBeInstanceOf(ConflictError);
    expect((await storage.read([key]))[key]).toMatchObject({ v: 1 });
  });

  it('deletes, and treats deleting a missing item as done', async () => {
    const key = 'msteams/bot/users/u-delete';
    await storage.write({ [key]: { v: 1 } });
    await storage.delete([key, 'never/written']);
    expect(await storage.read([key])).toEqual({});
  });

  it('reuses its connections to the embedded store instead of a new one per request', async () => {
    const key = 'msteams/bot/users/u-keepalive';
    await storage.write({ [key]: { v: 1 } });
    let connections = 0;
    const count = () => connections++;
    test.cosmos.server.on('connection', count);
    try {
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let i = 0; i < 25; i++) await storage.read([key]);
        }),
      );
    } finally {
      test.cosmos.server.off('connection', count);
    }
    // 100 reads, four at a time: at most one new connection per concurrent request (there were 100 before).
    expect(connections).toBeLessThanOrEqual(4);
  });
});
