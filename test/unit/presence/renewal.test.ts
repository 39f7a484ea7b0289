import { describe, expect, it } from 'vitest';
import { RESUBSCRIBE_MAX_DELAY_MS, resubscribeDelayMs } from '../../../src/core/presence/renewal';

describe('resubscribeDelayMs', () => {
  const ended = (reason?: string, retryAfter?: number) => ({ reason, retryAfter });
  const middle = () => 0.5;

  it('doubles the delay with each failed attempt, up to ten minutes', () => {
    const delays = [0, 1, 2, 3, 12].map((attempt) => resubscribeDelayMs(ended('timeout'), attempt, () => 1));
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, RESUBSCRIBE_MAX_DELAY_MS]);
  });

  it('spreads delays between half and all of the backoff', () => {
    expect(resubscribeDelayMs(ended(), 1, () => 0)).toBe(2_000);
    expect(resubscribeDelayMs(ended(), 1, middle)).toBe(3_000);
    expect(resubscribeDelayMs(ended(), 1, () => 7)).toBe(4_000);
  });

  it('retries a deactivated subscription at once, then backs off', () => {
    expect(resubscribeDelayMs(ended('deactivated'), 0, middle)).toBe(0);
    expect(resubscribeDelayMs(ended('deactivated'), 1, middle)).toBe(3_000);
  });

  it("waits at least the PBX's retry-after, but never longer than the cap", () => {
    expect(resubscribeDelayMs(ended('probation', 60), 0, middle)).toBe(60_000);
    expect(resubscribeDelayMs(ended('giveup', 86_400), 0, middle)).toBe(RESUBSCRIBE_MAX_DELAY_MS);
    expect(resubscribeDelayMs(ended('probation', Number.NaN), 0, middle)).toBe(1_500);
  });

  it('never retries a watch the PBX rejected or that has no such resource', () => {
    expect(resubscribeDelayMs(ended('rejected'), 0, middle)).toBeNull();
    expect(resubscribeDelayMs(ended('noresource', 5), 3, middle)).toBeNull();
  });
});
