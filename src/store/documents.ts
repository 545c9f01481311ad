import type { Container } from '@azure/cosmos';
import { statusOf } from './errors';
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

/**
 * Read-modify-write under the document's ETag (IfMatch): when someone else wrote in between (412),
 * read again and re-apply `change`. `change` returns undefined to leave the document as it is.
 * Returns the stored document, or undefined if it does not exist; throws `conflict()` after `attempts`.
 */
export async function updateDoc<T extends { _etag?: string }>(
  container: Container,
  id: string,
  partitionKey: string,
  change: (doc: T) => T | undefined,
  conflict: () => Error,
  attempts = 8,
): Promise<T | undefined> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current = await readDoc<T>(container, id, partitionKey);
    if (!current) return undefined;
    const next = change(structuredClone(current));
    if (!next) return current;
    try {
      const { resource } = await withStoreRetry(() => container.item(id, partitionKey).replace(next, { accessCondition: { type: 'IfMatch', condition: current._etag! } }));
      return resource as unknown as T;
    } catch (err) {
      if (statusOf(err) !== 412) throw err;
    }
  }
  throw conflict();
}
