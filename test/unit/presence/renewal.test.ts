import { describe, expect, it } from 'vitest';
import { renewalDelayMs, RENEWAL_PACE } from '../../../src/core/presence/renewal';

describe('renewalDelayMs', () => {
  it('sends the first batch at once and each next batch one gap later', () => {
    const pace = { batch: 3, gapMs: 50 };
    expect([0, 1, 2, 3, 4, 5, 6].map((index) => renewalDelayMs(index, pace))).toEqual([0, 0, 0, 50, 50, 50, 100]);
  });

  it('renews a directory of 50 within half a second by default, never more than a batch at a time', () => {
    const delays = Array.from({ length: 50 }, (_, index) => renewalDelayMs(index));
    expect(Math.max(...delays)).toBeLessThanOrEqual(500);
    const perInstant = new Map<number, number>();
    for (const delay of delays) perInstant.set(delay, (perInstant.get(delay) ?? 0) + 1);
    expect(Math.max(...perInstant.values())).toBe(RENEWAL_PACE.batch);
  });

  it('treats a batch below one as one at a time', () => {
    expect(renewalDelayMs(2, { batch: 0, gapMs: 10 })).toBe(20);
  });
});
