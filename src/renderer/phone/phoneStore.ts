import { create } from 'zustand';
import type { AppError } from '../../core/errors';
import type { CallOutcome } from '../../core/phone/callRecord';
import type { MessageKind } from '../../core/phone/message';
import type { RegistrationState } from '../../core/phone/registration';
import type { RemoteParty } from '../../core/phone/remoteParty';
import type { SipFailure } from '../../core/phone/sipFailure';
import type { CallerId } from '../../core/profiles/model';

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

export interface MessageView {
  id: string;
  direction: 'incoming' | 'outgoing';
  kind: MessageKind;
  remote: RemoteParty;
  body: string;
  at: number;
  status: 'sending' | 'sent' | 'failed' | 'received';
  /** Outgoing SMS: the number presented; null for hidden or the SIP address. */
  presentedNumber: string | null;
  /** Why a message that could not be sent was refused. */
  failure: SipFailure | null;
}

export interface EndedCall {
  id: string;
  remote: RemoteParty;
  outcome: CallOutcome;
  failure: SipFailure | null;
}

export interface PhoneStore {
  registration: RegistrationState;
  /** Successful registrations since the app started; a re-registration after a PBX restart counts. */
  registrations: number;
  calls: CallView[];
  messages: MessageView[];
  lastEnded: EndedCall | null;
  /** The last refused action (a bad number, an unreachable PBX), shown until the next action. */
  error: AppError | null;
  /** Profile settings the last incoming call could not follow. */
  problems: AppError[];
}

const MESSAGES_KEPT = 100;

export const usePhoneStore = create<PhoneStore>(() => ({
  registration: { kind: 'stopped' },
  registrations: 0,
  calls: [],
  messages: [],
  lastEnded: null,
  error: null,
  problems: [],
}));

export function updateCall(id: string, change: Partial<CallView>): void {
  usePhoneStore.setState((store) => ({ calls: store.calls.map((call) => (call.id === id ? { ...call, ...change } : call)) }));
}

export function addMessage(message: MessageView): void {
  usePhoneStore.setState((store) => ({ messages: [message, ...store.messages].slice(0, MESSAGES_KEPT) }));
}

export function updateMessage(id: string, change: Partial<MessageView>): void {
  usePhoneStore.setState((store) => ({ messages: store.messages.map((message) => (message.id === id ? { ...message, ...change } : message)) }));
}
