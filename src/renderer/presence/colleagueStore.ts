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
 * Collects updates and hands them to the store once per frame, so a thousand colleagues
 * changing at once cost one render, not a thousand.
 */
export class FrameBatcher {
  #pending = new Map<string, Partial<ColleagueEntry>>();
  #scheduled = false;

  constructor(private readonly flush: (updates: Map<string, Partial<ColleagueEntry>>) => void) {}

  add(uri: string, update: Partial<ColleagueEntry>): void {
    this.#pending.set(uri, { ...this.#pending.get(uri), ...update });
    if (this.#scheduled) return;
    this.#scheduled = true;
    requestAnimationFrame(() => {
      this.#scheduled = false;
      const updates = this.#pending;
      this.#pending = new Map();
      this.flush(updates);
    });
  }
}
