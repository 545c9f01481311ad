import { backoffMs, CONNECTOR_BACKOFF, nextBackoffMs, retryAfterHeader, retryAfterMs } from '../../src/backoff';

describe('nextBackoffMs', () => {
  test('full jitter between 0 and 500 ms · 2^attempt', () => {
    expect(nextBackoffMs(0, undefined, () => 0)).toBe(0);
    expect(nextBackoffMs(0, undefined, () => 0.5)).toBe(250);
    expect(nextBackoffMs(0, undefined, () => 0.999999)).toBe(499);
    expect(nextBackoffMs(1, undefined, () => 0.999999)).toBe(999);
    expect(nextBackoffMs(3, undefined, () => 0.5)).toBe(2000);
  });

  test(`never exceeds the ${CONNECTOR_BACKOFF.capMs} ms cap, however many attempts`, () => {
    expect(nextBackoffMs(6, undefined, () => 0.999999)).toBe(29_999);
    expect(nextBackoffMs(7, undefined, () => 0.999999)).toBe(29_999);
    expect(nextBackoffMs(10_000, undefined, () => 0.5)).toBe(15_000);
  });

  test('stays within bounds with the real random source', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const ceiling = Math.min(30_000, 500 * 2 ** attempt);
      for (let i = 0; i < 200; i++) {
        const ms = nextBackoffMs(attempt);
        expect(Number.isInteger(ms)).toBe(true);
        expect(ms).toBeGreaterThanOrEqual(0);
        expect(ms).toBeLessThan(ceiling);
      }
    }
  });

  test('Retry-After in seconds is a minimum, never shortened and not capped', () => {
    expect(nextBackoffMs(0, '3', () => 0.5)).toBe(3000);
    expect(nextBackoffMs(5, '3', () => 0.5)).toBe(8000);
    expect(nextBackoffMs(0, ' 120 ', () => 0)).toBe(120_000);
    expect(nextBackoffMs(0, '0', () => 0.5)).toBe(250);
  });

  test('Retry-After as an HTTP date is a minimum measured from now', () => {
    const now = (): number => Date.parse('2026-05-13T09:00:00.000Z');
    expect(nextBackoffMs(0, 'Wed, 13 May 2026 09:00:10 GMT', () => 0, now)).toBe(10_000);
    expect(nextBackoffMs(6, 'Wed, 13 May 2026 09:00:10 GMT', () => 0.5, now)).toBe(15_000);
    expect(nextBackoffMs(0, 'Wed, 13 May 2026 08:59:00 GMT', () => 0.5, now)).toBe(250);
  });

  test('an unreadable Retry-After is ignored', () => {
    for (const header of ['soon', '-5', '1.5', '', 'Wed, 31 Feb 2026 09:00:10 GMT', '2026-05-13T09:00:10']) {
      expect(
        nextBackoffMs(
          0,
          header,
          () => 0.5,
          () => 0,
        ),
      ).toBe(250);
    }
  });

  test('refuses a negative or fractional attempt', () => {
    expect(() => nextBackoffMs(-1)).toThrow(RangeError);
    expect(() => nextBackoffMs(1.5)).toThrow(RangeError);
  });
});

describe('backoffMs', () => {
  test("a store's retry-after in milliseconds is a minimum, the jitter stays under the policy's cap", () => {
    const policy = { baseMs: 100, capMs: 2000 };
    expect(backoffMs(1, policy, undefined, () => 0.5)).toBe(100);
    expect(backoffMs(1, policy, 1500, () => 0.5)).toBe(1500);
    expect(backoffMs(20, policy, undefined, () => 0.999999)).toBe(1999);
  });
});

describe('retryAfterMs', () => {
  const err = (value: string) => ({ statusCode: 429, response: { headers: { get: (n: string) => (n === 'retry-after' ? value : undefined) } } });

  test('reads Retry-After of a failed connector call in seconds or as a date', () => {
    expect(retryAfterMs(retryAfterHeader(err('2')))).toBe(2000);
    expect(retryAfterMs(retryAfterHeader(err(new Date(Date.UTC(2030, 0, 1, 0, 0, 5)).toUTCString())), Date.UTC(2030, 0, 1))).toBe(5000);
    expect(retryAfterMs(retryAfterHeader({ statusCode: 429, response: { headers: { 'retry-after': '7' } } }))).toBe(7000);
    expect(retryAfterMs(retryAfterHeader({ statusCode: 429 }))).toBeUndefined();
  });
});
