import { MAX_IDLE_SECONDS, type ActivitySignal } from '../../src/core/automation/activity';

/** The part of Electron's `powerMonitor` the away rule needs. */
export interface PowerMonitorLike {
  getSystemIdleTime(): number;
  on(event: 'lock-screen' | 'unlock-screen' | 'suspend' | 'resume', listener: () => void): unknown;
}

/** Often enough that going away is noticed within a quarter minute of the setting, rarely enough to cost nothing. */
export const IDLE_POLL_MS = 15_000;

/**
 * Translates the OS's idle time, lock and sleep into the services' one call for them. The idle time
 * is polled, since the OS tells no event for it.
 */
export function watchUserActivity(monitor: PowerMonitorLike, report: (signal: ActivitySignal) => void, pollMs = IDLE_POLL_MS): () => void {
  const events = [
    ['lock-screen', 'locked'],
    ['unlock-screen', 'unlocked'],
    ['suspend', 'suspended'],
    ['resume', 'resumed'],
  ] as const;
  for (const [event, kind] of events) monitor.on(event, () => report({ kind }));
  const poll = setInterval(
    () => report({ kind: 'idle', idleSeconds: Math.min(Math.max(0, Math.floor(monitor.getSystemIdleTime())), MAX_IDLE_SECONDS) }),
    pollMs,
  );
  return () => clearInterval(poll);
}
