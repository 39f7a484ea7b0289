import type { CallerId } from '../profiles/model';
import { CALL_OUTCOMES, type CallHistoryEntry } from './history';
import type { RemoteParty } from './remoteParty';
import type { SipFailure } from './sipFailure';

export type CallOutcome = (typeof CALL_OUTCOMES)[number];
/**
 * What the phone, rather than the user, did with a call:
 * - `rejected-busy`: 486 because of the profile or a call in progress;
 * - `forwarded`: 302 because the profile forwards calls;
 * - `forwarded-no-answer`: 302 after the profile's no-answer time;
 * - `announced`: answered with the profile's announcement, then hung up;
 * - `announced-transferred`: answered with the announcement, then passed on by REFER;
 * - `transferred`: the user passed an answered call on (blind transfer).
 */
export type PhoneAction = 'rejected-busy' | 'forwarded' | 'forwarded-no-answer' | 'announced' | 'announced-transferred' | 'transferred';

/** How a call ended, in the words JsSIP uses, plus what this phone did to it. */
export interface CallEnding {
  direction: 'incoming' | 'outgoing';
  answered: boolean;
  /** JsSIP's cause: "Terminated", "Canceled", "Busy", "Rejected", "Redirected", … */
  cause: string;
  /** Who ended it: "local", "remote" or "system". */
  originator: string;
  phoneAction: PhoneAction | null;
  /** The far end's final response, when it refused the call. */
  statusCode: number | null;
}

export function callOutcome(ending: CallEnding): CallOutcome {
  switch (ending.phoneAction) {
    case 'rejected-busy':
      return 'busy';
    case 'forwarded':
    case 'announced-transferred':
      return 'forwarded';
    // It rang and nobody answered: a call to return.
    case 'forwarded-no-answer':
      return 'missed';
    // The profile answered it on purpose; the caller heard when the user is back.
    case 'announced':
      return 'announcement';
    case 'transferred':
      return 'answered';
    case null:
      break;
  }
  if (ending.answered) return 'answered';
  if (ending.direction === 'incoming') {
    if (ending.originator === 'local' && ending.cause === 'Rejected') return 'declined';
    // The caller gave up, or the network lost the call before anyone answered.
    return 'missed';
  }
  switch (ending.cause) {
    case 'Canceled':
      return 'cancelled';
    case 'Busy':
      return 'busy';
    // JsSIP calls 403 "Rejected" too, but that is the PBX refusing, not the callee declining.
    case 'Rejected':
      return ending.statusCode === 403 ? 'failed' : 'declined';
    case 'Redirected':
      return 'forwarded';
    default:
      return 'failed';
  }
}

export interface CallFacts {
  id: string;
  direction: 'incoming' | 'outgoing';
  remote: RemoteParty;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number;
  outcome: CallOutcome;
  callerIdShown: CallerId | null;
  failure: SipFailure | null;
}

/** A history entry that fits the history schema, whatever the network sent. */
export function historyEntry(facts: CallFacts): CallHistoryEntry {
  return {
    id: facts.id.slice(0, 100),
    direction: facts.direction,
    remoteUri: facts.remote.uri.slice(0, 300),
    remoteName: [...facts.remote.name].slice(0, 100).join(''),
    remoteNumber: facts.remote.number,
    startedAt: facts.startedAt,
    answeredAt: facts.answeredAt,
    endedAt: Math.max(facts.endedAt, facts.startedAt),
    outcome: facts.outcome,
    callerIdShown: facts.direction === 'outgoing' ? facts.callerIdShown : null,
    ...(facts.failure ? { failure: facts.failure } : {}),
  };
}
