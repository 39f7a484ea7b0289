/** Time as the services see it. Production uses the system clock; tests and the browser shell move it by hand. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Runs a callback later. Production uses timers; tests use a manual clock that fires them as time is moved. */
export interface Scheduler {
  schedule(callback: () => void, delayMs: number): () => void;
}
