import type { Container, JSONValue } from '@azure/cosmos';
import { ConflictError, type ConflictSubject, statusOf } from './errors';
import { withStoreRetry } from './retry';

/** Point read; a missing document (404) is `undefined`, every other error is thrown. */
export async function readDoc<T>(container: Container, id: string, partitionKey: string): Promise<(T & { _etag?: string }) | undefined> {
  try {
    const { resource } = await container.item(id, partitionKey).read<T & { _etag?: string }>();
    return resource ?? undefined;
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

/** Every document a query finds (all pages); `params` binds each key to its `@name`: `{ t: tenantId }` is `@t`. */
export async function queryDocs<T>(container: Container, query: string, params: Record<string, JSONValue>): Promise<T[]> {
  const parameters = Object.entries(params).map(([name, value]) => ({ name: `@${name}`, value }));
  const { resources } = await container.items.query<T>({ query, parameters }).fetchAll();
  return resources;
}

/** What a read-modify-write did: the stored document (undefined if it does not exist) and whether this call wrote it. */
export interface Changed<T> {
  doc: T | undefined;
  changed: boolean;
}

/**
 * Read-modify-write under the document's ETag (IfMatch): when someone else wrote in between (412),
 * read again and re-apply `change`. `change` returns undefined to leave the document as it is.
 * With `known` (a version this caller read or wrote itself, with its `_etag`) the first attempt skips the
 * read: one round trip when nobody wrote since — what keeps a "sent" record right behind its send.
 * Throws a `ConflictError` about `subject` after `attempts`.
 */
export async function changeDoc<T extends { _etag?: string }>(
  container: Container,
  id: string,
  partitionKey: string,
  change: (doc: T) => T | undefined,
  subject: ConflictSubject,
  opts: { attempts?: number; known?: T } = {},
): Promise<Changed<T>> {
  const attempts = opts.attempts ?? 8;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current = attempt === 0 && opts.known?._etag ? opts.known : await readDoc<T>(container, id, partitionKey);
    if (!current) return { doc: undefined, changed: false };
    const next = change(structuredClone(current));
    if (!next) return { doc: current, changed: false };
    try {
      const { resource } = await withStoreRetry(() => container.item(id, partitionKey).replace(next, { accessCondition: { type: 'IfMatch', condition: current._etag! } }));
      return { doc: resource as unknown as T, changed: true };
    } catch (err) {
      const status = statusOf(err);
      if (status === 404) return { doc: undefined, changed: false };
      if (status !== 412) throw err;
    }
  }
  throw new ConflictError(subject);
}

/** `changeDoc` for callers that only need the stored document. */
export async function updateDoc<T extends { _etag?: string }>(
  container: Container,
  id: string,
  partitionKey: string,
  change: (doc: T) => T | undefined,
  subject: ConflictSubject,
  attempts = 8,
): Promise<T | undefined> {
  return (await changeDoc(container, id, partitionKey, change, subject, { attempts })).doc;
}
