import type {
  EndEvent,
  IncomingDTMFEvent,
  IncomingInfoEvent,
  OutgoingDTMFEvent,
  OutgoingInfoEvent,
  ReferEvent,
} from 'jssip/lib/RTCSession';
import { readIncomingBody } from '../../core/phone/message';
import type { CallStatus } from '../../core/phone/callView';
import { followRemoteAudio } from './callMedia';
import { dispatchCall } from './phoneStore';
import type { TrackedCall } from './trackedCall';

/** What the registry does when the session reports a step the phone store alone cannot follow. */
export interface SessionSteps {
  /** False once the call has ended and left the registry. */
  isTracked(): boolean;
  setStatus(status: CallStatus, answeredAt?: number): void;
  /** The call is connected and the user is talking in it. */
  talking(): void;
  sendDtmf(tones: string): void;
  ended(event: EndEvent): void;
  /** The other party asks us to call someone else (a blind transfer, or an announcement's forward). */
  referred(event: ReferEvent): void;
}

/** Follows the call's JsSIP session: its audio, and each event into the call, its view or `steps`. */
export function followSessionEvents(call: TrackedCall, steps: SessionSteps): void {
  const { session } = call;
  followRemoteAudio(call);
  session.on('sending', () => {
    call.inviteSentAt = performance.now();
  });
  session.on('progress', () => {
    if (call.direction === 'outgoing' && call.status === 'dialing') steps.setStatus('alerting');
  });
  session.on('accepted', () => {
    const answeredAt = Date.now();
    call.answeredAt = answeredAt;
    // JsSIP emits this on a 200 before it writes the ACK; the microtask runs once the ACK is
    // written, so the view, the tones, the PUBLISHes and the recording never delay it.
    queueMicrotask(() => {
      if (!steps.isTracked()) return;
      steps.setStatus(call.announcement ? 'announcing' : 'active', answeredAt);
      if (call.status === 'active') steps.talking();
    });
  });
  session.on('confirmed', () => {
    if (call.dialedAt !== null && call.inviteSentAt !== null) {
      const now = performance.now();
      dispatchCall({ kind: 'setup', id: call.id, setup: { fromDialMs: now - call.dialedAt, fromInviteMs: now - call.inviteSentAt } });
    }
    if (call.dtmfAfterConnect !== '') steps.sendDtmf(call.dtmfAfterConnect);
  });
  session.on('ended', (event) => steps.ended(event));
  session.on('failed', (event) => steps.ended(event));
  session.on('hold', ({ originator }) =>
    dispatchCall({ kind: 'hold', id: call.id, originator: originator === 'local' ? 'local' : 'remote', held: true }),
  );
  session.on('unhold', ({ originator }) =>
    dispatchCall({ kind: 'hold', id: call.id, originator: originator === 'local' ? 'local' : 'remote', held: false }),
  );
  session.on('muted', () => dispatchCall({ kind: 'mute', id: call.id, muted: true }));
  session.on('unmuted', () => dispatchCall({ kind: 'mute', id: call.id, muted: false }));
  session.on('newDTMF', (event: IncomingDTMFEvent | OutgoingDTMFEvent) =>
    dispatchCall({ kind: 'dtmf', id: call.id, originator: event.originator === 'remote' ? 'remote' : 'local', tone: event.dtmf.tone }),
  );
  session.on('newInfo', (event: IncomingInfoEvent | OutgoingInfoEvent) => {
    if (event.originator !== 'remote') return;
    const text = readIncomingBody(event.info.contentType, event.info.body ?? '');
    if (text.ok) dispatchCall({ kind: 'announcement', id: call.id, text: text.value });
  });
  session.on('refer', (event: ReferEvent) => steps.referred(event));
}
