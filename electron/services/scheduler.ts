import type { Scheduler } from '../../src/core/time/clock';

/** A callback that throws is logged, never let out of the timer, where it would end the process. */
export const timerScheduler: Scheduler = {
  schedule(callback, delayMs) {
    const handle = setTimeout(() => {
      try {
        callback();
      } catch (error) {
        console.error('A timed task failed:', error);
      }
    }, delayMs);
    return () => clearTimeout(handle);
  },
};
