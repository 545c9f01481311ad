import { backoffMs, type BackoffPolicy } from '../backoff';
import { statusOf } from './errors';

/** A last retry after the SDK's own: within 200 ms, then within 400 ms (full jitter), under a 2 s cap. */
const STORE_BACKOFF: BackoffPolicy = { baseMs: 100, capMs: 2000 };

/**
 * The SDK already retries 429 (up to 9 times, 30 s). This adds a last, bounded retry for throttling and
 * transient 449/503 with the jittered backoff of `backoffMs`, which honours the server's retry-after; everything else
 * (404, 409, 412) is the caller's decision and is rethrown at once.
 */
export async function withStoreRetry<T>(op: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await op();
    } catch (err) {
      const status = statusOf(err);
      const transient = status === 429 || status === 449 || status === 503;
      if (!transient || i >= attempts) throw err;
      const hinted = Number((err as { retryAfterInMs?: number }).retryAfterInMs) || undefined;
      await new Promise((r) => setTimeout(r, backoffMs(i, STORE_BACKOFF, hinted)));
    }
  }
}
