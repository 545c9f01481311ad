import { statusOf } from './errors';

/**
 * The SDK already retries 429 (up to 9 times, 30 s). This adds a last, bounded retry for throttling and
 * transient 449/503 with jittered backoff that honours the server's retry-after; everything else
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
      const hinted = Number((err as { retryAfterInMs?: number }).retryAfterInMs) || 0;
      const backoff = Math.min(2000, 100 * 2 ** i) * (0.5 + Math.random());
      await new Promise((r) => setTimeout(r, Math.max(hinted, backoff)));
    }
  }
}
