import type { Logger } from './log';

/** A poller of its own (the reminder dispatcher, the survey jobs, the plan watcher). */
interface Poller {
  start(): void;
  /** Ends it; sends under way may finish within `graceMs` where the poller supports that. */
  stop(graceMs: number): void | Promise<void>;
}

/** Work repeated every `everyMs` by this instance; a failure is logged as `event` and tried at the next tick. */
interface Periodic {
  everyMs: number;
  event: string;
  run(): Promise<unknown>;
}

export interface Background {
  start(): void;
  /** Stops the periodic work at once, then the pollers in reverse order; claims not being sent are given back. */
  stop(graceMs: number): Promise<void>;
}

/**
 * Every timer of an instance, started and stopped in one place. Instances share the work through the store
 * (ETag claims and leases), so each job is safe to run on every instance at once.
 */
export function background(log: Logger, periodic: Periodic[], pollers: Poller[]): Background {
  const timers: NodeJS.Timeout[] = [];
  return {
    start: () => {
      for (const p of periodic) {
        const timer = setInterval(() => {
          p.run().catch((err: Error) => log.warn({ event: p.event, type: err?.name }));
        }, p.everyMs);
        timer.unref();
        timers.push(timer);
      }
      for (const p of pollers) p.start();
    },
    stop: async (graceMs) => {
      for (const timer of timers.splice(0)) clearInterval(timer);
      for (const p of [...pollers].reverse()) await p.stop(graceMs);
    },
  };
}
