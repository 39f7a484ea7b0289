import type { RTCSession } from 'jssip/lib/RTCSession';
import type { ResolvedTarget } from '../../core/phone/dialTarget';
import type { OutgoingIdentity } from '../../core/phone/identity';
import { partyForTarget, UNKNOWN_PARTY, type CallerIdentity } from '../../core/phone/remoteParty';
import { newCallView, type CallView } from '../../core/phone/callView';
import { namedParty } from './callParty';
import { callerOf, type ReceivedRequest } from './incomingCall';
import type { PhoneEnvironment } from './phoneEnvironment';
import { addCall } from './phoneStore';
import type { TrackedCall } from './trackedCall';

/** A call the user or a transfer is placing, waiting for JsSIP to report its session. */
export interface PendingOutgoing {
  target: ResolvedTarget;
  identity: OutgoingIdentity;
  dtmfAfterConnect: string;
  dialedAt: number;
}

type NewCall = Omit<TrackedCall, 'direction' | 'status' | 'remote' | 'identity' | 'dialedAt' | 'dtmfAfterConnect'>;

function newCall(session: RTCSession): NewCall {
  return {
    id: session.id,
    session,
    startedAt: Date.now(),
    answeredAt: null,
    phoneAction: null,
    announcement: null,
    timers: new Set<ReturnType<typeof setTimeout>>(),
    stopAudio: null,
    recording: null,
    inviteSentAt: null,
    connectionLost: false,
  };
}

/** A call this phone placed; without `pending` (JsSIP placed it on its own) the other party is unknown. */
export function newOutgoingCall(session: RTCSession, pending: PendingOutgoing | null, env: Pick<PhoneEnvironment, 'context'>): TrackedCall {
  return {
    ...newCall(session),
    direction: 'outgoing',
    status: 'dialing',
    remote: pending ? namedParty(env, partyForTarget(pending.target.uri, pending.target.number, pending.target.name)) : UNKNOWN_PARTY,
    identity: pending?.identity ?? null,
    dialedAt: pending?.dialedAt ?? null,
    dtmfAfterConnect: pending?.dtmfAfterConnect ?? '',
  };
}

/** A call that arrived, named from the directory by its caller or any identity the PBX vouches for. */
export function newIncomingCall(
  session: RTCSession,
  invite: ReceivedRequest,
  identities: readonly CallerIdentity[],
  env: Pick<PhoneEnvironment, 'context'>,
): TrackedCall {
  const vouchedAddresses = identities.flatMap((identity) => (identity.address === null ? [] : [`sip:${identity.address}`]));
  return {
    ...newCall(session),
    direction: 'incoming',
    status: 'ringing',
    remote: namedParty(env, callerOf(invite), vouchedAddresses),
    identity: null,
    dialedAt: null,
    dtmfAfterConnect: '',
  };
}

/** Puts the call in the phone store, as it is now with `change` on top. */
export function showCall(call: TrackedCall, change: Partial<CallView> = {}): void {
  addCall(
    newCallView({
      id: call.id,
      direction: call.direction,
      remote: call.remote,
      status: call.status,
      startedAt: call.startedAt,
      presented: call.identity ? { callerId: call.identity.callerId, number: call.identity.number } : null,
      ...change,
    }),
  );
}
