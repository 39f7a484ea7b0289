/** Time as the services see it. Production uses the system clock; tests and the browser shell move it by hand. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
