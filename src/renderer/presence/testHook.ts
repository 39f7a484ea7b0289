import { contract } from '../contract/client';
import type { PresenceObserver } from './presenceController';

/** What the browser shell's end-to-end tests read: what this page's subscriptions heard. */
export interface PresenceTestHook {
  /** The raw presence bodies received from the colleague, oldest first. */
  receivedBodies(uri: string): string[];
  /** How often a subscription to the colleague became active: once, and once more per renewal. */
  activations(uri: string): number;
}

declare global {
  interface Window {
    presenceTestHook?: PresenceTestHook;
  }
}

const KEPT_PER_COLLEAGUE = 200;
const NOTHING_OBSERVED: PresenceObserver = { notified: () => {}, activated: () => {} };

/** Returns the observer to hand the presence controller; it records only in the browser shell. */
export function installPresenceTestHook(): { observer: PresenceObserver; remove(): void } {
  if (!contract.debug) return { observer: NOTHING_OBSERVED, remove: () => {} };
  const bodies = new Map<string, string[]>();
  const activations = new Map<string, number>();
  window.presenceTestHook = {
    receivedBodies: (uri) => [...(bodies.get(uri) ?? [])],
    activations: (uri) => activations.get(uri) ?? 0,
  };
  return {
    observer: {
      notified(uri, body) {
        const list = bodies.get(uri) ?? [];
        list.push(body);
        if (list.length > KEPT_PER_COLLEAGUE) list.shift();
        bodies.set(uri, list);
      },
      activated: (uri) => activations.set(uri, (activations.get(uri) ?? 0) + 1),
    },
    remove: () => delete window.presenceTestHook,
  };
}
