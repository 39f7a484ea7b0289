import { describe, expect, it } from 'vitest';
import { SubscribeWindow } from '../../../src/core/presence/subscribeWindow';

const uris = (count: number) => Array.from({ length: count }, (_, index) => `sip:kollega${index}@example.se`);

/** Answers the oldest in flight until none is left; returns everything sent, in order, and the most ever in flight. */
function answerAll(window: SubscribeWindow<string>, first: string[]): { sent: string[]; mostInFlight: number } {
  const sent = [...first];
  const inFlight = [...first];
  let mostInFlight = inFlight.length;
  while (inFlight.length > 0) {
    const next = window.settle(inFlight.shift()!);
    sent.push(...next);
    inFlight.push(...next);
    mostInFlight = Math.max(mostInFlight, inFlight.length);
  }
  return { sent, mostInFlight };
}

describe('SubscribeWindow', () => {
  it('sends one alone, then the window full, then one more for each answer, until all 50 are sent', () => {
    const window = new SubscribeWindow<string>(5);
    const all = uris(50);
    const first = window.add(all);
    expect(first).toEqual(all.slice(0, 1));
    expect(window.settle(first[0]!)).toEqual(all.slice(1, 6));
    const next = window.settle(all[1]!);
    expect(next).toEqual([all[6]]);
    const { sent, mostInFlight } = answerAll(window, [...all.slice(2, 6), ...next]);
    expect(sent).toEqual(all.slice(2));
    expect(mostInFlight).toBe(5);
  });

  it('queues what is added later behind those waiting, once each', () => {
    const window = new SubscribeWindow<string>(2);
    const [a, b, c, d] = uris(4) as [string, string, string, string];
    expect(window.add([a, b])).toEqual([a]);
    expect(window.add([c, b, a])).toEqual([]);
    expect(window.settle(a)).toEqual([b, c]);
    expect(window.add([d, d])).toEqual([]);
    expect(window.settle(c)).toEqual([d]);
    expect(window.settle(b)).toEqual([]);
    expect(window.settle(d)).toEqual([]);
  });

  it('ignores an answer it is not waiting for, and twice the same answer', () => {
    const window = new SubscribeWindow<string>(2);
    const all = uris(5);
    window.add(all);
    expect(window.settle('sip:someone-else@example.se')).toEqual([]);
    expect(window.settle(all[0]!)).toEqual([all[1], all[2]]);
    expect(window.settle(all[0]!)).toEqual([]);
    expect(window.settle(all[1]!)).toEqual([all[3]]);
  });

  it('forgets the old run when a new one begins, starting with one alone again, and everything when cancelled', () => {
    const window = new SubscribeWindow<string>(3);
    expect(window.add(['a', 'b'])).toEqual(['a']);
    expect(window.settle('a')).toEqual(['b']);
    expect(window.begin(['c', 'd', 'e'])).toEqual(['c']);
    expect(window.settle('b')).toEqual([]);
    expect(window.settle('c')).toEqual(['d', 'e']);
    window.cancel();
    expect(window.settle('d')).toEqual([]);
    expect(window.add(['f', 'g'])).toEqual(['f']);
  });

  it('keeps at least one in flight whatever the limit', () => {
    const window = new SubscribeWindow<string>(0);
    expect(window.begin(['a', 'b', 'c'])).toEqual(['a']);
    expect(window.settle('a')).toEqual(['b']);
  });
});
