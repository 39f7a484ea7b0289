import { create } from 'zustand';
import type { AppError } from '../../core/errors';
import type { CallOutcome } from '../../core/phone/callRecord';
import { reduceCalls, type CallStatus, type CallView, type CallViewEvent } from '../../core/phone/callView';
import type { MessageKind } from '../../core/phone/message';
import type { RegistrationState } from '../../core/phone/registration';
import type { RemoteParty } from '../../core/phone/remoteParty';
import type { SipFailure } from '../../core/phone/sipFailure';

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

export type { CallStatus, CallView };

/**
 * The calls a view shows, each call the same object until its own state changes, so a view that
 * selects them with `useShallow` re-renders only when one of its calls does.
 */
export const selectRingingCalls = (store: PhoneStore): CallView[] => store.calls.filter((call) => call.status === 'ringing');
export const selectCallsInProgress = (store: PhoneStore): CallView[] => store.calls.filter((call) => call.status !== 'ringing');

export function dispatchCall(event: CallViewEvent): void {
  usePhoneStore.setState((store) => ({ calls: reduceCalls(store.calls, event) }));
}

/** A call appears in the list; the note about the last ended call gives way to it. */
export function addCall(view: CallView): void {
  usePhoneStore.setState((store) => ({ calls: reduceCalls(store.calls, { kind: 'added', view }), lastEnded: null }));
}

export function endCall(ended: EndedCall): void {
  usePhoneStore.setState((store) => ({ calls: reduceCalls(store.calls, { kind: 'ended', id: ended.id }), lastEnded: ended }));
}

/** The profile settings the last incoming call could not follow; the store is left alone while there were none and are none. */
export function showProblems(problems: AppError[]): void {
  if (problems.length > 0 || usePhoneStore.getState().problems.length > 0) usePhoneStore.setState({ problems });
}

export function showRegistration(registration: RegistrationState): void {
  usePhoneStore.setState({ registration });
}

/** The PBX accepted a registration: counted, so a re-registration after a PBX restart shows. */
export function countRegistration(aor: string): void {
  usePhoneStore.setState((store) => ({ registration: { kind: 'registered', aor }, registrations: store.registrations + 1 }));
}

/** The last refused action, or null once an action succeeds. */
export function showPhoneError(error: AppError | null): void {
  usePhoneStore.setState({ error });
}

export function addMessage(message: MessageView): void {
  usePhoneStore.setState((store) => ({ messages: [message, ...store.messages].slice(0, MESSAGES_KEPT) }));
}

export function updateMessage(id: string, change: Partial<MessageView>): void {
  usePhoneStore.setState((store) => ({
    messages: store.messages.map((message) => (message.id === id ? { ...message, ...change } : message)),
  }));
}
