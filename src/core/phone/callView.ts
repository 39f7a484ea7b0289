import type { AppError } from '../errors';
import type { CallerId } from '../profiles/model';
import type { RemoteParty } from './remoteParty';

export type CallStatus =
  /** Incoming, waiting for the user. */
  | 'ringing'
  /** Outgoing, INVITE sent, nothing heard back yet. */
  | 'dialing'
  /** Outgoing, the other phone rings. */
  | 'alerting'
  | 'active'
  /** Incoming, answered by the profile's announcement instead of the user. */
  | 'announcing';

/** The user is on the phone: placing a call or talking (on hold too), not merely rung or announced for. */
export function userIsInCall(calls: readonly Pick<CallView, 'status'>[]): boolean {
  return calls.some((call) => call.status === 'dialing' || call.status === 'alerting' || call.status === 'active');
}

export interface CallView {
  id: string;
  direction: 'incoming' | 'outgoing';
  remote: RemoteParty;
  status: CallStatus;
  /** Rings while the user is in another call. */
  callWaiting: boolean;
  onHold: boolean;
  /** The other party holds the call. */
  remoteHold: boolean;
  muted: boolean;
  /** Epoch ms. */
  startedAt: number;
  answeredAt: number | null;
  /** Outgoing: the caller ID presented. */
  presented: { callerId: CallerId | null; number: string | null } | null;
  dtmfSent: string;
  dtmfReceived: string;
  /** The announcement our profile plays to this caller, or one the called party's phone sent us. */
  announcement: string | null;
  /** Outgoing: milliseconds from dialling, and from sending the INVITE, to the call being confirmed. */
  setup: { fromDialMs: number; fromInviteMs: number } | null;
  transfer: { state: 'pending' } | { state: 'failed'; error: AppError } | null;
  /** The call is being recorded. */
  recording: boolean;
}

/** Something that happened to a call, as the call list shows it. */
export type CallViewEvent =
  | { kind: 'added'; view: CallView }
  | { kind: 'status'; id: string; status: CallStatus; answeredAt?: number }
  | { kind: 'hold'; id: string; originator: 'local' | 'remote'; held: boolean }
  | { kind: 'mute'; id: string; muted: boolean }
  | { kind: 'dtmf'; id: string; originator: 'local' | 'remote'; tone: string }
  | { kind: 'announcement'; id: string; text: string }
  | { kind: 'setup'; id: string; setup: NonNullable<CallView['setup']> }
  | { kind: 'transfer'; id: string; transfer: CallView['transfer'] }
  | { kind: 'recording'; id: string; recording: boolean }
  | { kind: 'ended'; id: string };

const KEPT_DTMF = 64;
const MAX_ANNOUNCEMENT_SHOWN = 500;

/** A call as it first appears: nothing held, muted, sent or recorded yet. */
export function newCallView(
  call: Pick<CallView, 'id' | 'direction' | 'remote' | 'status' | 'startedAt' | 'presented'> & Partial<CallView>,
): CallView {
  return {
    callWaiting: false,
    onHold: false,
    remoteHold: false,
    muted: false,
    answeredAt: null,
    dtmfSent: '',
    dtmfReceived: '',
    announcement: null,
    setup: null,
    transfer: null,
    recording: false,
    ...call,
  };
}

/** The call list after `event`; an event for a call no longer listed changes nothing. */
export function reduceCalls(calls: readonly CallView[], event: CallViewEvent): CallView[] {
  if (event.kind === 'added') return [...calls.filter((call) => call.id !== event.view.id), event.view];
  if (event.kind === 'ended') return calls.filter((call) => call.id !== event.id);
  return calls.map((call) => (call.id === event.id ? applyToCall(call, event) : call));
}

function applyToCall(call: CallView, event: Exclude<CallViewEvent, { kind: 'added' | 'ended' }>): CallView {
  switch (event.kind) {
    case 'status':
      return { ...call, status: event.status, ...(event.answeredAt === undefined ? {} : { answeredAt: event.answeredAt }) };
    case 'hold':
      return event.originator === 'local' ? { ...call, onHold: event.held } : { ...call, remoteHold: event.held };
    case 'mute':
      return { ...call, muted: event.muted };
    case 'dtmf':
      return event.originator === 'local'
        ? { ...call, dtmfSent: (call.dtmfSent + event.tone).slice(-KEPT_DTMF) }
        : { ...call, dtmfReceived: (call.dtmfReceived + event.tone).slice(-KEPT_DTMF) };
    case 'announcement':
      return { ...call, announcement: event.text.slice(0, MAX_ANNOUNCEMENT_SHOWN) };
    case 'setup':
      return { ...call, setup: event.setup };
    case 'transfer':
      return { ...call, transfer: event.transfer };
    case 'recording':
      return { ...call, recording: event.recording };
  }
}
