import type { Clock, Scheduler } from '../../src/core/time/clock';

/** A clock that moves only when told to, firing the timers that fall due on the way. */
export class ManualClock implements Clock, Scheduler {
  #now: number;
  #timers: { at: number; callback: () => void; id: number }[] = [];
  #nextId = 1;

  constructor(start: number | string) {
    this.#now = typeof start === 'number' ? start : new Date(start).getTime();
  }

  now(): number {
    return this.#now;
  }

  schedule(callback: () => void, delayMs: number): () => void {
    const id = this.#nextId++;
    this.#timers.push({ at: this.#now + delayMs, callback, id });
    return () => {
      this.#timers = this.#timers.filter((timer) => timer.id !== id);
    };
  }

  /** Moves time forward, running each due timer at its own moment. */
  advance(ms: number): void {
    const target = this.#now + ms;
    for (;;) {
      const due = this.#timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((timer) => timer.id !== due.id);
      this.#now = Math.max(this.#now, due.at);
      due.callback();
    }
    this.#now = target;
  }

  /** Jumps the wall clock without firing timers, as a changed system time does. */
  jump(ms: number): void {
    this.#now += ms;
  }

  get pendingTimers(): number {
    return this.#timers.length;
  }
}
