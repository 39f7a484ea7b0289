import { describe, expect, it } from 'vitest';
import { RenewalWindow } from '../../../src/core/presence/renewal';

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
