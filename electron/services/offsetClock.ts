import type { Clock } from '../../src/core/time/clock';

/** The system clock plus an offset that only moves forward: the browser shell's stand-in for a changed system time. */
export class OffsetClock implements Clock {
  #offsetMs = 0;

  now(): number {
    return Date.now() + this.#offsetMs;
  }

  advance(ms: number): void {
    this.#offsetMs += ms;
  }
}
