import { z } from 'zod';
import { identifier, timestamp } from '../bounds';
import { CallerIdSchema } from '../profiles/model';
import { SipFailureSchema } from './sipFailure';

export const CALL_OUTCOMES = ['answered', 'missed', 'declined', 'busy', 'failed', 'cancelled', 'forwarded', 'announcement'] as const;

/** Why a call ended when neither party chose to end it. */
export const CallHistoryEntrySchema = z
  .object({
    id: identifier(),
    direction: z.enum(['incoming', 'outgoing']),
    /** The other party as shown: a number in E.164 when known, else the SIP URI. */
    remoteUri: z.string().max(300),
    remoteName: z.string().max(100),
    remoteNumber: z.string().max(30).nullable(),
    startedAt: timestamp(),
    answeredAt: timestamp().nullable(),
    endedAt: timestamp(),
    outcome: z.enum(CALL_OUTCOMES),
    /** Outgoing calls: which of the user's numbers was presented. */
    callerIdShown: CallerIdSchema.nullable(),
    /** The recording's file name under `<dataDir>/recordings/`; absent or null when not recorded. */
    recordingFile: z.string().min(1).max(200).nullable().optional(),
    /** Why the call failed or broke off; absent when it simply ended, and in entries written before it was kept. */
    failure: SipFailureSchema.optional(),
  })
  .strict();
export type CallHistoryEntry = z.infer<typeof CallHistoryEntrySchema>;

export const CALL_HISTORY_LIMIT = 500;

/**
 * Whether two entries say the same: every state from main carries the history anew, so an entry
 * that did not change arrives as an equal object, not the same one.
 */
export function sameHistoryEntry(a: CallHistoryEntry, b: CallHistoryEntry): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof CallHistoryEntry)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => (key === 'failure' ? sameFailure(a.failure, b.failure) : a[key] === b[key]));
}

function sameFailure(a: CallHistoryEntry['failure'], b: CallHistoryEntry['failure']): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.context === b.context && a.reason === b.reason && a.statusCode === b.statusCode;
}
