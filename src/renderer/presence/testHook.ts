/** What the browser shell's end-to-end tests read: the raw presence bodies this page received. */
export interface PresenceTestHook {
  receivedBodies(uri: string): string[];
}

declare global {
  interface Window {
    presenceTestHook?: PresenceTestHook;
  }
}

const KEPT_PER_COLLEAGUE = 200;

/** Returns the recorder to hand the presence controller; it records only in the browser shell. */
export function installPresenceTestHook(): { record(uri: string, body: string): void; remove(): void } {
  if (!window.softphoneDebug) return { record: () => {}, remove: () => {} };
  const bodies = new Map<string, string[]>();
  window.presenceTestHook = { receivedBodies: (uri) => [...(bodies.get(uri) ?? [])] };
  return {
    record(uri, body) {
      const list = bodies.get(uri) ?? [];
      list.push(body);
      if (list.length > KEPT_PER_COLLEAGUE) list.shift();
      bodies.set(uri, list);
    },
    remove: () => delete window.presenceTestHook,
  };
}
