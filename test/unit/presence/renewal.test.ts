import { describe, expect, it } from 'vitest';
import { RenewalWindow, RESUBSCRIBE_MAX_DELAY_MS, resubscribeDelayMs } from '../../../src/core/presence/renewal';

const uris = (count: number) => Array.from({ length: count }, (_, index) => `sip:kollega${index}@example.se`);

describe('RenewalWindow', () => {
  it('sends the first few at once and one more for each answer, until all 50 are renewed', () => {
    const window = new RenewalWindow<string>(5);
    const all = uris(50);
    const sent = window.begin(all);
    expect(sent).toEqual(all.slice(0, 5));
    const waiting = [...sent];
    while (waiting.length > 0) {
      const answered = waiting.shift()!;
      const next = window.settle(answered);
      expect(next.length).toBeLessThanOrEqual(1);
      sent.push(...next);
      waiting.push(...next);
      expect(waiting.length).toBeLessThanOrEqual(5);
    }
    expect(sent).toEqual(all);
  });

  it('ignores an answer it is not waiting for, and twice the same answer', () => {
    const window = new RenewalWindow<string>(2);
    window.begin(uris(4));
    expect(window.settle('sip:someone-else@example.se')).toEqual([]);
    expect(window.settle(uris(4)[0]!)).toEqual([uris(4)[2]]);
    expect(window.settle(uris(4)[0]!)).toEqual([]);
  });

  it('forgets the old renewal when a new one begins, and everything when cancelled', () => {
    const window = new RenewalWindow<string>(1);
    window.begin(['a', 'b']);
    expect(window.begin(['c', 'd'])).toEqual(['c']);
    expect(window.settle('a')).toEqual([]);
    expect(window.settle('c')).toEqual(['d']);
    window.cancel();
    expect(window.settle('d')).toEqual([]);
  });

  it('keeps at least one in flight whatever the limit', () => {
    expect(new RenewalWindow<string>(0).begin(['a', 'b'])).toEqual(['a']);
  });
});

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
