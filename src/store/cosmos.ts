import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import type { TokenCredential } from '@azure/identity';
import type { Logger } from '../log';
import { containers, type ContainerName } from './containers';
import { statusOf } from './errors';
import { EMBEDDED_KEY, type EmbeddedStore, startEmbeddedThread } from './embeddedThread';
import { type LocalPersistence, persistLocalData, restoreLocalData } from './localData';

export interface StoreOptions {
  endpoint?: string;
  key?: string;
  database: string;
  managedIdentityClientId?: string;
  /** With the embedded store: the folder that keeps its data across restarts (none = in memory only). */
  localDataDir?: string;
  /** The embedded store, when the caller started it early (main.ts); without it and an endpoint it starts here. */
  embedded?: Promise<EmbeddedStore>;
}

/** The one Cosmos database of Opari, its containers, and a readiness probe. */
export class Store {
  private lastPing = { at: 0, ok: false };

  constructor(
    readonly client: CosmosClient,
    readonly database: Database,
    readonly mode: 'embedded' | 'cosmos',
    private readonly embedded?: EmbeddedStore,
    private readonly recreateSchema?: () => Promise<unknown>,
    private readonly persistence?: LocalPersistence,
  ) {}

  container(name: ContainerName): Container {
    return this.database.container(containers[name].id);
  }

  /** True while Cosmos answers a database read within 2 s. Cached for 1 s so probes cannot overload it. */
  async ping(): Promise<boolean> {
    const now = Date.now();
    if (now - this.lastPing.at < 1000) return this.lastPing.ok;
    let ok = false;
    try {
      await this.database.read({ abortSignal: AbortSignal.timeout(2000) });
      ok = true;
    } catch (err) {
      // The account answers but the database is gone (deleted, or a fresh emulator): recreate it, as at start.
      if (statusOf(err) === 404 && this.recreateSchema)
        ok = await this.recreateSchema().then(
          () => true,
          () => false,
        );
    }
    this.lastPing = { at: Date.now(), ok };
    return ok;
  }

  async close(): Promise<void> {
    await this.persistence?.flush();
    this.client.dispose();
    await this.embedded?.stop();
  }
}

/**
 * Longest a single Cosmos request may take. A store that accepts connections and never answers must
 * fail the turn (apology with a correlation id) well inside the Bot Service's 15 s turn timeout.
 */
export const STORE_TIMEOUT_MS = 5000;

/** A client with the account key, or with `aadCredentials` (managed identity) when there is no key. */
export function createClient(opts: StoreOptions & { endpoint: string }, aadCredentials?: TokenCredential): CosmosClient {
  const plainHttp = opts.endpoint.startsWith('http://');
  if (!opts.key && !aadCredentials) throw new Error('createClient needs an account key or credentials');
  return new CosmosClient({
    endpoint: opts.endpoint,
    ...(opts.key ? { key: opts.key } : { aadCredentials }),
    // Over plain HTTP (embedded store, tests) the account's advertised https locations must be ignored,
    // or the SDK switches to https and fails with EPROTO.
    connectionPolicy: { enableEndpointDiscovery: !plainHttp, requestTimeout: STORE_TIMEOUT_MS },
  });
}

/**
 * Opens the real account when `endpoint` is set, otherwise starts the embedded in-memory store.
 * Creates the database and containers if missing.
 */
export async function openStore(opts: StoreOptions, log: Logger): Promise<Store> {
  let embedded: EmbeddedStore | undefined;
  let endpoint = opts.endpoint;
  let key = opts.key;
  let aad: TokenCredential | undefined;
  // Each mode loads only the libraries it uses (either is a few hundred milliseconds of start-up).
  if (!endpoint) {
    embedded = await (opts.embedded ?? startEmbeddedThread());
    endpoint = embedded.endpoint;
    key = EMBEDDED_KEY;
  } else {
    log.info({ event: 'store.cosmos', auth: key ? 'key' : 'managed-identity' }, 'Using Azure Cosmos DB');
    if (!key) aad = new (await import('@azure/identity')).DefaultAzureCredential({ managedIdentityClientId: opts.managedIdentityClientId });
  }
  const client = createClient({ ...opts, endpoint, key }, aad);
  const database = await ensureSchema(client, opts.database, log);
  let persistence: LocalPersistence | undefined;
  if (embedded && opts.localDataDir) {
    const restored = await restoreLocalData(opts.localDataDir, database);
    persistence = persistLocalData(embedded, database, opts.localDataDir, log);
    log.warn(
      { event: 'store.embedded', endpoint, dataDir: opts.localDataDir, restored },
      `Embedded Cosmos-compatible store: data is kept in ${opts.localDataDir} and read back at the next start (${restored} documents read now); \`npm start -- --fresh\` starts empty`,
    );
  } else if (embedded) {
    log.warn({ event: 'store.embedded', endpoint }, 'Embedded Cosmos-compatible store: data is kept in memory and lost when Opari stops');
  }
  return new Store(client, database, embedded ? 'embedded' : 'cosmos', embedded, () => ensureSchema(client, opts.database, log), persistence);
}

async function ensureSchema(client: CosmosClient, databaseId: string, log: Logger): Promise<Database> {
  const database = await createOrUse(
    () => client.databases.createIfNotExists({ id: databaseId }).then((r) => r.database),
    () =>
      client
        .database(databaseId)
        .read()
        .then((r) => r.database),
    log,
    databaseId,
  );
  for (const spec of Object.values(containers)) {
    await createOrUse(
      () =>
        database.containers
          .createIfNotExists({
            id: spec.id,
            partitionKey: { paths: [spec.partitionKey] },
            ...('defaultTtl' in spec ? { defaultTtl: spec.defaultTtl as number } : {}),
          })
          .then((r) => r.container),
      () =>
        database
          .container(spec.id)
          .read()
          .then((r) => r.container),
      log,
      spec.id,
    );
  }
  return database;
}

/**
 * With managed identity, Cosmos data-plane RBAC cannot create databases or containers (403):
 * then they must exist already (created by infrastructure), and we only check that they do.
 */
async function createOrUse<T>(create: () => Promise<T>, read: () => Promise<T>, log: Logger, resource: string): Promise<T> {
  try {
    return await create();
  } catch (err) {
    if (statusOf(err) !== 403) throw err;
    log.info({ event: 'store.schema.exists-check', resource }, 'No permission to create; using existing resource');
    return read();
  }
}
