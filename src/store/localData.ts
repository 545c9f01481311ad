import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { Database } from '@azure/cosmos';
import type { Logger } from '../log';
import { containers } from './containers';
import type { EmbeddedStore } from './embeddedThread';

/**
 * A local trial keeps its data: the embedded store (in memory by nature) is written to a folder after
 * every change (debounced) and at shutdown, and read back at start, so cases, meetings, roles, settings and
 * the case-number counters survive a restart. The development case key is kept beside it (mode 0600), so
 * the stored cases stay readable. Real deployments use Cosmos DB and never this.
 */
const DATA_FILE = 'store.json';
const KEY_FILE = 'case-key';
/** After a write, wait this long for more before saving (a submit writes several documents). */
const DEBOUNCE_MS = 250;
const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_attachments', '_ts'];
const RESTORE_CONCURRENCY = 16;

interface Snapshot {
  version: 1;
  savedAt: string;
  containers: Record<string, Record<string, unknown>[]>;
}

export function dataFile(dir: string): string {
  return join(dir, DATA_FILE);
}

/** Empties the folder (`npm start -- --fresh`): the next start begins with an empty store and a new key. */
export function wipeLocalData(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The development case key (CASE_KEYS format), made once and kept in the folder, readable by its owner only.
 * Without it, cases stored by an earlier run could not be decrypted.
 */
export function localCaseKey(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, KEY_FILE);
  if (!existsSync(file)) writeFileSync(file, `dev:${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}

/** Reads the saved documents back into a freshly started (empty) embedded store. Returns how many. */
export async function restoreLocalData(dir: string, database: Database): Promise<number> {
  const file = dataFile(dir);
  if (!existsSync(file)) return 0;
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  let n = 0;
  for (const spec of Object.values(containers)) {
    const docs = snapshot.containers[spec.id] ?? [];
    const container = database.container(spec.id);
    for (let i = 0; i < docs.length; i += RESTORE_CONCURRENCY) {
      await Promise.all(docs.slice(i, i + RESTORE_CONCURRENCY).map((d) => container.items.upsert(d)));
    }
    n += docs.length;
  }
  return n;
}

/** Every document of every container, without the store's own fields, written atomically (temp + rename). */
async function saveSnapshot(dir: string, database: Database): Promise<void> {
  const out: Snapshot = { version: 1, savedAt: new Date().toISOString(), containers: {} };
  for (const spec of Object.values(containers)) {
    const { resources } = await database.container(spec.id).items.readAll<Record<string, unknown>>().fetchAll();
    out.containers[spec.id] = resources.map((d) => Object.fromEntries(Object.entries(d).filter(([k]) => !SYSTEM_FIELDS.includes(k))));
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = `${dataFile(dir)}.tmp`;
  writeFileSync(tmp, JSON.stringify(out), { mode: 0o600 });
  renameSync(tmp, dataFile(dir));
}

/** A change to documents: create, replace, upsert, patch or delete (queries are POSTs too, marked as such). */
export function isDocumentWrite(req: IncomingMessage): boolean {
  if (!/\/docs(\/|$)/.test(req.url ?? '')) return false;
  if (req.method === 'POST') return req.headers['x-ms-documentdb-isquery'] === undefined && req.headers['content-type'] !== 'application/query+json';
  return req.method === 'PUT' || req.method === 'PATCH' || req.method === 'DELETE';
}

export interface LocalPersistence {
  /** Saves what is pending; called at shutdown before the store stops. */
  flush(): Promise<void>;
}

/** Hears of the embedded store's document writes and saves the data soon after each. */
export function persistLocalData(store: Pick<EmbeddedStore, 'onDocumentWrite'>, database: Database, dir: string, log: Logger): LocalPersistence {
  let dirty = false;
  let timer: NodeJS.Timeout | undefined;
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    timer = undefined;
    dirty = false;
    saving = saving
      .then(() => saveSnapshot(dir, database))
      .catch((err: Error) => log.error({ event: 'store.local.save-failed', type: err?.name }, 'Saving the local store failed; the next change tries again'));
  };
  store.onDocumentWrite(() => {
    dirty = true;
    if (!timer) timer = setTimeout(save, DEBOUNCE_MS);
  });
  return {
    flush: async () => {
      if (timer) clearTimeout(timer);
      if (dirty) save();
      await saving;
    },
  };
}
