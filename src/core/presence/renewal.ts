/**
 * How a phone spreads its SUBSCRIBEs when it renews every watch at once (after a PBX restart):
 * a few at a time, so the PBX, which has just come back and hears from every phone, is not sent
 * the whole directory in one burst, and the last colleague is still watched again within a second
 * or so.
 */
export interface RenewalPace {
  /** SUBSCRIBEs sent together. */
  batch: number;
  /** Between one batch and the next. */
  gapMs: number;
}

export const RENEWAL_PACE: RenewalPace = { batch: 10, gapMs: 100 };

/** When the `index`-th (0-based) colleague's subscription is renewed, in ms from the start of the renewal. */
export function renewalDelayMs(index: number, pace: RenewalPace = RENEWAL_PACE): number {
  return Math.floor(index / Math.max(1, pace.batch)) * pace.gapMs;
}
