import type { EndEvent } from 'jssip/lib/RTCSession';
import { callOutcome, historyEntry } from '../../core/phone/callRecord';
import { callFailure } from '../../core/phone/sipFailure';
import { partyText } from './callParty';
import type { CallRecordings } from './callRecordings';
import type { PhoneEnvironment } from './phoneEnvironment';
import { endCall } from './phoneStore';
import type { TonePlayer } from './tones';
import { clearTimers, type TrackedCall } from './trackedCall';

export interface EndingParts {
  env: PhoneEnvironment;
  recordings: CallRecordings;
  tones: Pick<TonePlayer, 'busy'>;
  /** The tone the calls still in progress ask for. */
  updateTones(): void;
}

/** A call that has left the registry: its timers and audio stop, and its end reaches the history, the recording, the user and the view. */
export function finishCall(call: TrackedCall, { cause, originator, message }: EndEvent, parts: EndingParts): void {
  const { env } = parts;
  clearTimers(call);
  call.stopAudio?.();
  const statusCode = originator === 'remote' && message && 'status_code' in message ? message.status_code : null;
  const failure = callFailure(call, cause, statusCode);
  const outcome = callOutcome({
    direction: call.direction,
    answered: call.answeredAt !== null,
    cause,
    originator,
    phoneAction: call.phoneAction,
    statusCode,
  });
  env.recordHistory(
    historyEntry({
      id: call.id,
      direction: call.direction,
      remote: call.remote,
      startedAt: call.startedAt,
      answeredAt: call.phoneAction === 'announced' || call.phoneAction === 'announced-transferred' ? null : call.answeredAt,
      endedAt: Date.now(),
      outcome,
      callerIdShown: call.identity?.callerId ?? null,
      failure,
    }),
  );
  // After the history entry, so main has the entry to link the file from.
  parts.recordings.finish(call);
  if (call.direction === 'incoming' && outcome === 'missed') {
    env.notify('missedCall', env.text('phone.notify.missed.title'), partyText(env, call.remote));
  }
  endCall({ id: call.id, remote: call.remote, outcome, failure });
  parts.updateTones();
  if (call.direction === 'outgoing' && outcome === 'busy') parts.tones.busy();
}
