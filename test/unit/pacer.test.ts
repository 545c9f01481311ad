import { retryAfterHeader, retryAfterMs } from '../../src/backoff';
import { CONVERSATION_LIMITS, PacedOutError, Pacer, TENANT_LIMITS } from '../../src/teams/pacer';

/** A clock that moves only when every waiter is asleep: the pacer's timing without waiting for it. */
function fakeTime() {
  let now = 0;
  const timers: { at: number; wake: () => void }[] = [];
  const sleep = (ms: number) => new Promise<void>((wake) => timers.push({ at: now + ms, wake }));
  const settle = () => new Promise((r) => setImmediate(r));
  return {
    now: () => now,
    sleep,
    /** Runs until `done` settles, moving the clock from timer to timer. */
    async run<T>(done: Promise<T>): Promise<T> {
      let finished = false;
      void done.finally(() => (finished = true));
      for (;;) {
        await settle();
        if (finished) return done;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift();
        if (!next) throw new Error('nothing to wait for');
        now = Math.max(now, next.at);
        next.wake();
      }
    },
  };
}

/** The most requests in any window of `windowMs` among `times` (counted as the service counts them). */
function busiest(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe("pacing proactive sends to Teams' limits", () => {
  it('spreads a burst to one conversation within 7 per second, 8 per 2 s and 60 per 30 s', async () => {
    const clock = fakeTime();
    const pacer = new Pacer({ now: clock.now, sleep: clock.sleep });
    const times: number[] = [];
    await clock.run(
      Promise.all(
        Array.from({ length: 70 }, async () => {
          pacer.finished(await pacer.acquire('t', 'c'));
          times.push(clock.now());
        }),
      ),
    );
    for (const { max, windowMs } of CONVERSATION_LIMITS) expect(busiest(times, windowMs)).toBeLessThanOrEqual(max);
    expect(Math.max(...times)).toBeLessThan(40_000); // spread, not stalled: the 61st waits for the 30 s window
  });

  it('keeps 500 sends across 50 conversations within 50 per second for the tenant, and takes about 10 s', async () => {
    const clock = fakeTime();
    const pacer = new Pacer({ now: clock.now, sleep: clock.sleep });
    const times: number[] = [];
    const perConversation = new Map<number, number[]>();
    await clock.run(
      Promise.all(
        Array.from({ length: 500 }, async (_, i) => {
          pacer.finished(await pacer.acquire('tenant', `c${i % 50}`));
          times.push(clock.now());
          perConversation.set(i % 50, [...(perConversation.get(i % 50) ?? []), clock.now()]);
        }),
      ),
    );
    expect(busiest(times, TENANT_LIMITS[0].windowMs)).toBeLessThanOrEqual(50);
    for (const t of perConversation.values()) expect(busiest(t, 1000)).toBeLessThanOrEqual(7);
    expect(Math.max(...times)).toBeLessThan(12_000);
  });

  it('counts opening 1:1 chats against the tenant with the sends: 300 invitations (a chat and a card each) keep within 50 per second', async () => {
    const clock = fakeTime();
    const pacer = new Pacer({ now: clock.now, sleep: clock.sleep });
    const times: number[] = [];
    const request = async (slot: Promise<unknown>) => {
      pacer.finished((await slot) as never);
      times.push(clock.now());
    };
    await clock.run(
      Promise.all(
        Array.from({ length: 300 }, async (_, i) => {
          await request(pacer.acquireTenant('tenant'));
          await request(pacer.acquire('tenant', `a:1on1-${i}`));
        }),
      ),
    );
    expect(times).toHaveLength(600);
    expect(busiest(times, TENANT_LIMITS[0].windowMs)).toBeLessThanOrEqual(50);
    // A chat opened does not count against a conversation: the card to it goes at once when the tenant allows.
    expect(Math.max(...times)).toBeLessThan(14_000);
  });

  it('holds every request of a tenant whose tenant-wide request was answered 429, and leaves other tenants alone', async () => {
    const clock = fakeTime();
    const pacer = new Pacer({ now: clock.now, sleep: clock.sleep });
    pacer.finished(await clock.run(pacer.acquireTenant('t')));
    pacer.throttledTenant('t', 2000);
    let other = -1;
    await clock.run(pacer.acquire('u', 'c').then(() => (other = clock.now())));
    expect(other).toBe(0);
    let held = -1;
    await clock.run(pacer.acquire('t', 'c').then(() => (held = clock.now())));
    expect(held).toBeGreaterThanOrEqual(2000);
  });

  it('holds a conversation that was answered 429 until its Retry-After, and leaves the others alone', async () => {
    const clock = fakeTime();
    const pacer = new Pacer({ now: clock.now, sleep: clock.sleep });
    pacer.finished(await clock.run(pacer.acquire('t', 'a')));
    pacer.throttled('a', 3000);
    let other = -1;
    await clock.run(pacer.acquire('t', 'b').then(() => (other = clock.now())));
    expect(other).toBe(0);
    let held = -1;
    await clock.run(pacer.acquire('t', 'a').then(() => (held = clock.now())));
    expect(held).toBeGreaterThanOrEqual(3000);
  });

  it('counts a send still under way as happening now: the next waits until it has finished', async () => {
    const clock = fakeTime();
    const pacer = new Pacer({ now: clock.now, sleep: clock.sleep, conversationLimits: [{ max: 1, windowMs: 1000 }] });
    const first = await clock.run(pacer.acquire('t', 'c'));
    let second = -1;
    const waiting = pacer.acquire('t', 'c').then(() => (second = clock.now()));
    await clock.run(clock.sleep(5000)); // the first request takes 5 s to be answered
    pacer.finished(first);
    await clock.run(waiting);
    expect(second).toBeGreaterThanOrEqual(6000);
  });

  it('refuses a send that would wait longer than its caller allows, as a 429 with Retry-After, and counts nothing for it', async () => {
    const clock = fakeTime();
    const pacer = new Pacer({ now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 8; i++) pacer.finished(await clock.run(pacer.acquire('t', 'c')));
    // Seven at 0 ms, the eighth a second later: 8 in 2 s are used up until the first seven leave the window.
    const at = clock.now();
    const refused = await clock.run(
      pacer.acquire('t', 'c', 500).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(refused).toBeInstanceOf(PacedOutError);
    const waited = await clock.run(pacer.acquire('t', 'c', 5000).then(() => clock.now()));
    expect(waited).toBeGreaterThanOrEqual(2000);
    expect(retryAfterMs(retryAfterHeader(refused))).toBeGreaterThanOrEqual(waited - at); // Retry-After covers the wait
  });
});
