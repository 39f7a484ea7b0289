/**
 * How often a crashed renderer is reloaded: a page that keeps crashing would otherwise reload
 * for ever, and the user would never learn that the phone is gone.
 */
export class RendererRestarts {
  #crashes: number[] = [];

  constructor(
    readonly limit = 3,
    readonly windowMs = 5 * 60_000,
  ) {}

  /** Counts a crash at `now`; true while a reload is still within the limit. */
  allowReload(now: number): boolean {
    this.#crashes = [...this.#crashes.filter((at) => now - at < this.windowMs), now];
    return this.#crashes.length <= this.limit;
  }

  /** The user asked to try again. */
  reset(): void {
    this.#crashes = [];
  }
}
