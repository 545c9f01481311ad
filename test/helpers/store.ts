import type { Container } from '@azure/cosmos';
import { createClient } from '../../src/store/cosmos';
import { EMBEDDED_KEY, startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/store/embedded';

/** The data key of every bot a test starts against a store (CASE_KEYS is required with COSMOS_ENDPOINT). */
export const TEST_CASE_KEYS = `ktest:${Buffer.alloc(32, 3).toString('base64')}`;

/** An embedded Cosmos store owned by the test, shared with bot processes through COSMOS_ENDPOINT. */
export interface TestStore {
  cosmos: EmbeddedCosmos;
  env: Record<string, string>;
  container(id: string): Container;
  all<T = Record<string, unknown>>(containerId: string): Promise<T[]>;
  stop(): Promise<void>;
}

export async function startTestStore(database = 'opari', port = 0): Promise<TestStore> {
  const cosmos = await startEmbeddedCosmos(port);
  const client = createClient({ endpoint: cosmos.endpoint, key: EMBEDDED_KEY, database });
  const container = (id: string) => client.database(database).container(id);
  return {
    cosmos,
    env: { COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: EMBEDDED_KEY, COSMOS_DATABASE: database, CASE_KEYS: TEST_CASE_KEYS },
    container,
    all: async <T>(id: string) => (await container(id).items.query<T>('SELECT * FROM c').fetchAll()).resources,
    stop: async () => {
      client.dispose();
      await cosmos.stop();
    },
  };
}
