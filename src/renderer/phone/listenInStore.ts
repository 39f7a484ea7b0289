import { create } from 'zustand';
import type { ListenInFailure } from '../../core/phone/listenIn';

/** A supervisor listening in on one of this user's calls. */
export interface Listener {
  sessionId: string;
  /** The call listened to. */
  callId: string;
  name: string;
}

/** This user listening in on a colleague, as a supervisor. */
export interface Listening {
  sessionId: string;
  uri: string;
  name: string;
  state: 'connecting' | 'listening';
}

/** How the last listen-in of this user ended: refused with a reason, or ended after it ran. */
export type ListeningOutcome = { kind: 'refused'; name: string; reason: ListenInFailure } | { kind: 'ended'; name: string };

interface ListenInStore {
  listeners: Listener[];
  listening: Listening | null;
  outcome: ListeningOutcome | null;
}

export const useListenInStore = create<ListenInStore>(() => ({ listeners: [], listening: null, outcome: null }));

export function addListener(listener: Listener): void {
  useListenInStore.setState((store) => ({ listeners: [...store.listeners, listener] }));
}

export function removeListener(sessionId: string): void {
  useListenInStore.setState((store) => ({ listeners: store.listeners.filter((listener) => listener.sessionId !== sessionId) }));
}

export function showListening(listening: Listening): void {
  useListenInStore.setState({ listening, outcome: null });
}

/** The listen-in `sessionId` ended; a later one that replaced it stays. */
export function endListening(sessionId: string, outcome: ListeningOutcome): void {
  useListenInStore.setState((store) => (store.listening?.sessionId === sessionId ? { listening: null, outcome } : {}));
}
