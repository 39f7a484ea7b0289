/** Runs a callback later. Production uses timers; tests use a manual clock that fires them as time is moved. */
export interface Scheduler {
  schedule(callback: () => void, delayMs: number): () => void;
}

export const timerScheduler: Scheduler = {
  schedule(callback, delayMs) {
    const handle = setTimeout(callback, delayMs);
    return () => clearTimeout(handle);
  },
};
