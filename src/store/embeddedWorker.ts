import { parentPort, workerData } from 'node:worker_threads';
import { startEmbeddedCosmos } from './embedded';
import { isDocumentWrite } from './localData';
import type { FromStoreThread } from './embeddedThread';

/**
 * The embedded store's thread (see embeddedThread.ts): starts the store, says where it listens, then tells of
 * every document write it accepted. The main thread ends it (terminate).
 */
async function run(): Promise<void> {
  const port = parentPort!;
  const say = (m: FromStoreThread) => port.postMessage(m);
  const avoidPorts = (workerData as { avoidPorts?: number[] } | undefined)?.avoidPorts ?? [];
  const cosmos = await startEmbeddedCosmos(0, '127.0.0.1', (p) => avoidPorts.includes(p));
  cosmos.server.on('request', (req, res) => {
    if (isDocumentWrite(req)) res.once('finish', () => res.statusCode < 400 && say({ type: 'write' }));
  });
  say({ type: 'ready', endpoint: cosmos.endpoint });
}

run().catch((err: Error) => parentPort!.postMessage({ type: 'failed', reason: `${err?.name}: ${err?.message}` } satisfies FromStoreThread));
