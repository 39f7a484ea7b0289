import { fail, ok, type Result } from '../../core/errors';
import type { ResolvedTarget } from '../../core/phone/dialTarget';
import { blindTransfer } from './callTransfer';
import { dispatchCall } from './phoneStore';
import type { TonePlayer } from './tones';
import { attempt, type TrackedCall } from './trackedCall';

const DTMF = /^[0-9A-D#*]+$/;

/** The call by its id, when its session is established; the user's actions on a connected call need one. */
export function establishedCall(calls: ReadonlyMap<string, TrackedCall>, id: string): Result<TrackedCall> {
  const call = calls.get(id);
  if (!call || !call.session.isEstablished()) return fail('call-not-active', 'That call is not connected');
  return ok(call);
}

/** Holds every answered call, before the user answers or places another. */
export function holdAnswered(calls: Iterable<TrackedCall>): void {
  for (const call of calls) {
    if (call.status === 'active' && !call.session.isOnHold().local) call.session.hold();
  }
}

export function setHold(call: TrackedCall, hold: boolean): Result<null> {
  const done = hold ? call.session.hold() : call.session.unhold();
  return done
    ? ok(null)
    : fail('hold-not-possible', hold ? 'The call cannot be put on hold right now' : 'The call cannot be taken off hold right now');
}

export function setMuted(call: TrackedCall, muted: boolean): Result<null> {
  return attempt(() => (muted ? call.session.mute({ audio: true }) : call.session.unmute({ audio: true })));
}

/** Refuses anything a keypad cannot send, before any call is looked at. */
export function checkDtmf(tones: string): Result<null> {
  return DTMF.test(tones)
    ? ok(null)
    : fail('dtmf-invalid', `Only 0–9, *, # and A–D can be sent as tones, not ${JSON.stringify(tones.slice(0, 20))}`);
}

/** Sends checked tones into the call, and plays them here so the user hears what was pressed. */
export function sendDtmf(call: TrackedCall, tones: string, player: Pick<TonePlayer, 'dtmf'>): Result<null> {
  for (const tone of tones) player.dtmf(tone);
  return attempt(() => call.session.sendDTMF(tones, { duration: 100, interToneGap: 70 }));
}

export function transfer(call: TrackedCall, target: ResolvedTarget): Result<null> {
  dispatchCall({ kind: 'transfer', id: call.id, transfer: { state: 'pending' } });
  return blindTransfer(call.session, target, {
    transferred: () => {
      call.phoneAction = 'transferred';
    },
    refused: (error) => dispatchCall({ kind: 'transfer', id: call.id, transfer: { state: 'failed', error } }),
  });
}
