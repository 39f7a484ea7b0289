/**
 * Paces a phone's SUBSCRIBEs: at most `limit` wait for an answer at a time, and each answer lets the
 * next one go, so watching the directory runs as fast as the PBX answers, and no faster. A PBX
 * works through one connection's requests in order: a burst of the whole directory (at start, or
 * after the PBX restarted and lost every watch) would queue everything else the phone sends (the
 * call a colleague places, a MESSAGE's answer) behind it.
 *
 * Until the PBX has answered one, only one goes: its answer brings the PBX's digest challenge, and
 * every SUBSCRIBE after it can carry credentials up front instead of being challenged itself.
 */
export class SubscribeWindow<T> {
  /** In the order they were added (a Set keeps insertion order). */
  readonly #waiting = new Set<T>();
  readonly #inFlight = new Set<T>();
  #answered = false;

  constructor(private readonly limit: number) {}

  /** Queues these behind those already waiting (skipping any already queued); returns those to send now. */
  add(items: readonly T[]): T[] {
    for (const item of items) if (!this.#inFlight.has(item)) this.#waiting.add(item);
    return this.#take();
  }

  /** Starts over with these, forgetting everything queued or in flight; returns those to send now. */
  begin(items: readonly T[]): T[] {
    this.cancel();
    return this.add(items);
  }

  /** One was answered, failed or dropped: returns those to send next. */
  settle(item: T): T[] {
    if (!this.#inFlight.delete(item)) return [];
    this.#answered = true;
    return this.#take();
  }

  cancel(): void {
    this.#waiting.clear();
    this.#inFlight.clear();
    this.#answered = false;
  }

  #take(): T[] {
    const next: T[] = [];
    const limit = this.#answered ? Math.max(1, this.limit) : 1;
    for (const item of this.#waiting) {
      if (this.#inFlight.size >= limit) break;
      this.#waiting.delete(item);
      this.#inFlight.add(item);
      next.push(item);
    }
    return next;
  }
}

/** SUBSCRIBEs a phone keeps waiting for an answer at a time. */
export const SUBSCRIBE_WINDOW = 10;
