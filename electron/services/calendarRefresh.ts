import type { Scheduler } from '../../src/core/time/clock';

/** Syncs every source once per interval while there is a source to sync, until the service stops. */
export class CalendarRefresh {
  #cancel: (() => void) | null = null;

  constructor(
    private readonly deps: {
      scheduler: Scheduler;
      intervalMs: number;
      hasSources: () => boolean;
      stopped: AbortSignal;
      syncAll: () => Promise<void>;
    },
  ) {}

  /** Starts the interval afresh, so the next refresh is a whole interval away. */
  reschedule(): void {
    this.cancel();
    if (!this.deps.hasSources() || this.deps.stopped.aborted) return;
    this.#cancel = this.deps.scheduler.schedule(() => {
      this.reschedule();
      void this.deps.syncAll();
    }, this.deps.intervalMs);
  }

  cancel(): void {
    this.#cancel?.();
    this.#cancel = null;
  }
}
