import type { ProfileStatus } from '../profiles/model';

/** The local phone's call state, as the softphone reports it. */
export type CallState = { kind: 'idle' } | { kind: 'ringing'; direction: 'incoming' | 'outgoing' } | { kind: 'busy' };

/** A call state a colleague may see (Ej i samtal · Inkommande/utgående ringning · Upptagen i samtal). */
export type VisibleCallState = 'idle' | 'ringing-in' | 'ringing-out' | 'busy';

/** What the colleague list shows; `hidden` is "Ej synlig samtalsstatus". */
export type ColleagueCallState = VisibleCallState | 'hidden';

export const VISIBLE_CALL_STATES: readonly VisibleCallState[] = ['idle', 'ringing-in', 'ringing-out', 'busy'];

/**
 * The call state that may be published. Under an `unavailable` (Ej tillgänglig) profile colleagues
 * must see no call state at all, so nothing is returned and nothing call-related may be published.
 */
export function callStateFor(status: ProfileStatus, call: CallState): CallState | null {
  return status === 'available' ? call : null;
}

export function visibleCallState(call: CallState): VisibleCallState {
  switch (call.kind) {
    case 'idle':
      return 'idle';
    case 'busy':
      return 'busy';
    case 'ringing':
      return call.direction === 'incoming' ? 'ringing-in' : 'ringing-out';
  }
}

export type PhoneCallPhase = 'ringing' | 'dialing' | 'alerting' | 'active' | 'announcing';

/**
 * The one call state a phone with several calls shows: in a call beats ringing, an incoming ring
 * beats an outgoing one. A call the profile's announcement answers keeps the user free.
 */
export function summariseCalls(calls: readonly { direction: 'incoming' | 'outgoing'; status: PhoneCallPhase }[]): CallState {
  if (calls.some((call) => call.status === 'active')) return { kind: 'busy' };
  if (calls.some((call) => call.direction === 'incoming' && call.status === 'ringing')) return { kind: 'ringing', direction: 'incoming' };
  if (calls.some((call) => call.status === 'dialing' || call.status === 'alerting')) return { kind: 'ringing', direction: 'outgoing' };
  return { kind: 'idle' };
}
