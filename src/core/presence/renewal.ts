/**
 * Renews a phone's watches after its PBX restarted, with at most `limit` SUBSCRIBEs waiting for an
 * answer at a time. The PBX that has just come back hears from every phone at once, and it works
 * through one connection's requests in order: a burst of the whole directory would queue everything
 * else the phone sends (the call a colleague places, a MESSAGE's answer) behind it. Each answer lets
 * the next one go, so the renewal runs as fast as the PBX answers, and no faster.
 */
export class RenewalWindow<T> {
  #waiting: T[] = [];
  readonly #inFlight = new Set<T>();

  constructor(private readonly limit: number) {}

  /** Starts renewing these (forgetting any renewal still running); returns those to send now. */
  begin(items: readonly T[]): T[] {
    this.#waiting = [...items];
    this.#inFlight.clear();
    return this.#take();
  }

  /** One was answered, failed or dropped: returns those to send next. */
  settle(item: T): T[] {
    if (!this.#inFlight.delete(item)) return [];
    return this.#take();
  }

  cancel(): void {
    this.#waiting = [];
    this.#inFlight.clear();
  }

  #take(): T[] {
    const next: T[] = [];
    while (this.#inFlight.size < Math.max(1, this.limit) && this.#waiting.length > 0) {
      const item = this.#waiting.shift() as T;
      this.#inFlight.add(item);
      next.push(item);
    }
    return next;
  }
}

/** SUBSCRIBEs a phone keeps waiting for an answer while it renews its watches. */
export const RENEWAL_WINDOW = 10;
