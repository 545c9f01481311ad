import { ErrorResponse } from '@azure/cosmos';

/** HTTP status of a Cosmos error, or undefined for other errors. */
export function statusOf(err: unknown): number | undefined {
  if (err instanceof ErrorResponse) return err.code as number | undefined;
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

/** What a read-modify-write under the ETag can lose to other writers. */
export type ConflictSubject = 'case' | 'meeting' | 'survey' | 'ticket' | 'plan' | 'state';

/**
 * Another writer changed the document every time this one tried (412 after every attempt, or a contended
 * counter): the operation did nothing and may be retried. The one conflict error of every store.
 */
export class ConflictError extends Error {
  constructor(readonly subject: ConflictSubject) {
    super(`The ${subject} was changed concurrently; nothing was written`);
    this.name = 'ConflictError';
  }
}
