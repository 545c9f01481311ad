import { ErrorResponse } from '@azure/cosmos';

/** HTTP status of a Cosmos error, or undefined for other errors. */
export function statusOf(err: unknown): number | undefined {
  if (err instanceof ErrorResponse) return err.code as number | undefined;
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}
