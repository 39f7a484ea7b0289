// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { ColleagueState } from '../../../src/core/presence/colleagueState';
import { FrameBatcher, useColleagueStore, type ColleagueEntry } from '../../../src/renderer/presence/colleagueStore';

const INITIAL = useColleagueStore.getState();
const BOB = 'sip:bob@example.se';
const CAROL = 'sip:carol@example.se';
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

beforeEach(() => useColleagueStore.setState(INITIAL, true));

describe('the colleague store', () => {
  it('starts a colleague it hears of as pending and unknown, and merges later updates', () => {
    useColleagueStore.getState().apply(new Map([[BOB, { subscription: 'active' as const }]]));
    expect(useColleagueStore.getState().byUri[BOB]).toEqual({ state: null, subscription: 'active' });
    const known = { availability: 'available' } as unknown as ColleagueState;
    useColleagueStore.getState().apply(new Map([[BOB, { state: known }]]));
    expect(useColleagueStore.getState().byUri[BOB]).toEqual({ state: known, subscription: 'active' });
  });

  it('watches a colleague on the first toggle and stops on the second', () => {
    useColleagueStore.getState().toggleWatch(BOB);
    expect(useColleagueStore.getState().watching).toEqual({ [BOB]: true });
    useColleagueStore.getState().toggleWatch(BOB);
    expect(useColleagueStore.getState().watching).toEqual({});
  });

  it('forgets the colleagues on reset but keeps whom the user watches and the last news', () => {
    useColleagueStore.getState().apply(new Map([[BOB, {}]]));
    useColleagueStore.getState().toggleWatch(BOB);
    useColleagueStore.getState().announce('Bob är nu tillgänglig');
    useColleagueStore.getState().reset();
    expect(useColleagueStore.getState()).toMatchObject({ byUri: {}, watching: { [BOB]: true }, announcement: 'Bob är nu tillgänglig' });
  });
});

describe('FrameBatcher', () => {
  it('hands all updates of one frame over at once, the later update of a colleague merged into the earlier', async () => {
    const flushed: Map<string, Partial<ColleagueEntry>>[] = [];
    const batcher = new FrameBatcher((updates) => flushed.push(updates));
    batcher.add(BOB, { subscription: 'pending' });
    batcher.add(CAROL, { subscription: 'active' });
    batcher.add(BOB, { subscription: 'active' });
    expect(flushed).toEqual([]);
    await nextFrame();
    expect(flushed).toEqual([
      new Map([
        [BOB, { subscription: 'active' }],
        [CAROL, { subscription: 'active' }],
      ]),
    ]);
    batcher.add(CAROL, { subscription: 'terminated' });
    await nextFrame();
    expect(flushed).toHaveLength(2);
    expect(flushed[1]).toEqual(new Map([[CAROL, { subscription: 'terminated' }]]));
  });

  it('hands a lone update after a quiet frame over at once, without waiting for the next frame', async () => {
    const flushed: Map<string, Partial<ColleagueEntry>>[] = [];
    const batcher = new FrameBatcher((updates) => flushed.push(updates));
    await nextFrame();
    batcher.add(BOB, { subscription: 'active' });
    expect(flushed).toEqual([]);
    await Promise.resolve();
    expect(flushed).toEqual([new Map([[BOB, { subscription: 'active' }]])]);
  });

  it('holds what arrives in the frame of a hand-over for the next frame, and hands it over then in one', async () => {
    const flushed: Map<string, Partial<ColleagueEntry>>[] = [];
    const batcher = new FrameBatcher((updates) => flushed.push(updates));
    batcher.add(BOB, { subscription: 'pending' });
    await Promise.resolve();
    expect(flushed).toHaveLength(1);
    batcher.add(BOB, { subscription: 'active' });
    batcher.add(CAROL, { subscription: 'active' });
    await Promise.resolve();
    expect(flushed).toHaveLength(1);
    await nextFrame();
    await nextFrame();
    expect(flushed).toEqual([
      new Map([[BOB, { subscription: 'pending' }]]),
      new Map([
        [BOB, { subscription: 'active' }],
        [CAROL, { subscription: 'active' }],
      ]),
    ]);
  });
});
