import type { Logger } from '../../log';
import type { PlanService } from '../answer';
import { parsePlan } from '../load';
import type { PlanVersions } from './versions';

/**
 * Keeps this instance on the published plan: reads the `current` pointer (one point read) every
 * PLAN_POLL_MS and, when its ETag changed, loads the version's files, builds its index and swaps it in.
 * With nothing published the plan kept as files (PLAN_DIR, or the sample) stays in force.
 */
export class PlanWatcher {
  private etag?: string;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly versions: PlanVersions,
    private readonly live: PlanService,
    private readonly log: Logger,
  ) {}

  /** One look at the pointer; concurrent calls share it. */
  refresh(): Promise<void> {
    this.running ??= this.check().finally(() => (this.running = undefined));
    return this.running;
  }

  private async check(): Promise<void> {
    const pointer = await this.versions.pointer();
    if (!pointer?.current || pointer._etag === this.etag) return;
    const version = await this.versions.get(pointer.current);
    if (!version) {
      this.log.error({ event: 'plan.watch.missing', versionId: pointer.current });
      return;
    }
    const started = Date.now();
    // The publishing instance has swapped already; a version is immutable once written, so its id suffices.
    if (this.live.source !== version.versionId) {
      const plan = parsePlan(await this.versions.files(version), version.file.name);
      this.live.replace(plan, version.versionId);
      this.log.info({ event: 'plan.switched', versionId: version.versionId, sections: plan.sections.size, ms: Date.now() - started });
    }
    this.etag = pointer._etag;
  }

  start(pollMs: number): void {
    this.timer = setInterval(() => {
      this.refresh().catch((err: Error) => this.log.warn({ event: 'plan.watch.failed', type: err?.name }));
    }, pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
