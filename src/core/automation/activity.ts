import { z } from 'zod';
import { boundedInteger } from '../bounds';
import type { AwayState } from './away';

/** A day: past any idle setting, and as far as an OS's idle counter is believed. */
export const MAX_IDLE_SECONDS = 86_400;
/** Idle readings this close together are the same stretch without input. */
const SAME_STRETCH_MS = 5_000;

/** What the computer reports of its user: seconds without input (0: input just now), and the screen and sleep. */
export const ActivitySignalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('idle'), idleSeconds: boundedInteger(0, MAX_IDLE_SECONDS) }).strict(),
  z.object({ kind: z.enum(['locked', 'unlocked', 'suspended', 'resumed']) }).strict(),
]);
export type ActivitySignal = z.infer<typeof ActivitySignalSchema>;

/** The user's state after a report; the same object when the report changes nothing. */
export function afterActivity(state: AwayState, signal: ActivitySignal, now: number): AwayState {
  switch (signal.kind) {
    case 'idle': {
      if (signal.idleSeconds === 0) return state.idleSince === null ? state : { ...state, idleSince: null };
      const since = now - signal.idleSeconds * 1000;
      if (state.idleSince !== null && Math.abs(since - state.idleSince) < SAME_STRETCH_MS) return state;
      return { ...state, idleSince: since };
    }
    case 'locked':
      return state.lockedSince === null ? { ...state, lockedSince: now } : state;
    case 'unlocked':
      // Unlocking is input: the user is back.
      return { ...state, lockedSince: null, idleSince: null };
    case 'suspended':
      return state.suspendedSince === null ? { ...state, suspendedSince: now } : state;
    case 'resumed':
      return state.suspendedSince === null ? state : { ...state, suspendedSince: null };
  }
}
