import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The embedded store (local mode) on a worker thread of its own. Started first thing, it loads with its query
 * compiler (Babel, Turf) on the second core while the main thread loads the bot and the plan, and later answers
 * the bot's requests there too; the bot reaches it over loopback HTTP as it would reach Cosmos DB.
 */
export interface EmbeddedStore {
  endpoint: string;
  /** Calls `listener` after every document write the store accepted (local persistence saves then). */
  onDocumentWrite(listener: () => void): void;
  stop(): Promise<void>;
}

/** Key accepted by the embedded store (it checks none); never a real secret. */
export const EMBEDDED_KEY = 'embedded-store-has-no-key';

export type FromStoreThread = { type: 'ready'; endpoint: string } | { type: 'write' } | { type: 'failed'; reason: string };

/**
 * The worker's file: beside this module in dist/, and beside the bundle in dist/bundle/ (scripts/bundle.js
 * bundles it as a second entry point of that name).
 */
const WORKER_FILE = join(__dirname, 'embeddedWorker.js');

/** Starts the thread; resolves once the store listens, on none of `avoidPorts` (the bot's own). */
export function startEmbeddedThread(avoidPorts: readonly number[] = []): Promise<EmbeddedStore> {
  const worker = new Worker(WORKER_FILE, { workerData: { avoidPorts } });
  const listeners: (() => void)[] = [];
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const started = new Promise<EmbeddedStore>((resolve, reject) => {
    worker.once('error', reject);
    void exited.then(() => reject(new Error('the embedded store thread exited before it was ready')));
    worker.on('message', (m: FromStoreThread) => {
      if (m.type === 'write') for (const l of listeners) l();
      else if (m.type === 'failed') reject(new Error(`the embedded store did not start: ${m.reason}`));
      else
        resolve({
          endpoint: m.endpoint,
          onDocumentWrite: (l) => void listeners.push(l),
          // Its data lives in memory only: local persistence has saved it before the store stops.
          stop: async () => void (await worker.terminate()),
        });
    });
  });
  // Awaited only once the bot is loaded: until then a failure is not an unhandled rejection.
  started.catch(() => undefined);
  return started;
}
