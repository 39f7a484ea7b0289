import { create } from 'zustand';
import type { ColleagueState } from '../../core/presence/colleagueState';

export type SubscriptionState = 'pending' | 'active' | 'terminated';

export interface ColleagueEntry {
  /** null until the first NOTIFY: nothing is known yet. */
  state: ColleagueState | null;
  subscription: SubscriptionState;
}

interface ColleagueStore {
  byUri: Record<string, ColleagueEntry>;
  /** Colleagues the user asked to hear about when they become available. */
  watching: Record<string, true>;
  /** The latest "now available" news, shown until replaced. */
  announcement: string | null;
  apply(updates: Map<string, Partial<ColleagueEntry>>): void;
  toggleWatch(uri: string): void;
  announce(text: string): void;
  reset(): void;
}

export const useColleagueStore = create<ColleagueStore>((set) => ({
  byUri: {},
  watching: {},
  announcement: null,
  apply: (updates) =>
    set((store) => {
      const byUri = { ...store.byUri };
      for (const [uri, update] of updates) byUri[uri] = { state: null, subscription: 'pending', ...byUri[uri], ...update };
      return { byUri };
    }),
  toggleWatch: (uri) =>
    set((store) => {
      const watching = { ...store.watching };
      if (watching[uri]) delete watching[uri];
      else watching[uri] = true;
      return { watching };
    }),
  announce: (announcement) => set({ announcement }),
  reset: () => set({ byUri: {} }),
}));

/**
 * Collects updates and hands them to the store at most once per frame, so a thousand colleagues
 * changing at once cost one render, not a thousand. The first change after a quiet frame goes at
 * once (after the task that brought it, so updates of one message go together): waiting for the
 * next frame, then rendering, would show a lone switch a frame later than it could be.
 */
export class FrameBatcher {
  #pending = new Map<string, Partial<ColleagueEntry>>();
  /** 'idle': nothing handed over this frame; 'soon': a hand-over is queued; 'frame': one went this frame, later ones wait for the next. */
  #phase: 'idle' | 'soon' | 'frame' = 'idle';

  constructor(private readonly flush: (updates: Map<string, Partial<ColleagueEntry>>) => void) {}

  add(uri: string, update: Partial<ColleagueEntry>): void {
    this.#pending.set(uri, { ...this.#pending.get(uri), ...update });
    if (this.#phase !== 'idle') return;
    this.#phase = 'soon';
    queueMicrotask(() => {
      this.#phase = 'frame';
      requestAnimationFrame(() => this.#nextFrame());
      this.#handOver();
    });
  }

  #nextFrame(): void {
    if (this.#pending.size === 0) {
      this.#phase = 'idle';
      return;
    }
    requestAnimationFrame(() => this.#nextFrame());
    this.#handOver();
  }

  #handOver(): void {
    const updates = this.#pending;
    this.#pending = new Map();
    this.flush(updates);
  }
}
