/**
 * Keeps a lease alive while slow work runs (a send waiting out a connector's Retry-After, a throttled
 * group): `renew` every third of the lease's length, one renewal at a time, until stopped. `renew` says
 * whether this instance still holds the lease; once another instance holds it, `lost()` is true and the
 * work stops before its next send. A renewal that fails (the store busy) is left to the next one.
 */
export interface KeptLease {
  lost(): boolean;
  /** Stops renewing, after the renewal under way (if any) has ended. */
  stop(): Promise<void>;
}

export function keepLease(renew: () => Promise<boolean>, leaseMs: number): KeptLease {
  let lost = false;
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(
    () => {
      renewing = renewing
        .then(renew)
        .then((held) => {
          if (!held) lost = true;
        })
        .catch(() => undefined);
    },
    Math.max(50, Math.floor(leaseMs / 3)),
  );
  timer.unref();
  return {
    lost: () => lost,
    stop: async () => {
      clearInterval(timer);
      await renewing;
    },
  };
}
