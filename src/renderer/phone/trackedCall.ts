import type { RTCSession } from 'jssip/lib/RTCSession';
import { fail, ok, type Result } from '../../core/errors';
import type { PhoneAction } from '../../core/phone/callRecord';
import type { ResolvedTarget } from '../../core/phone/dialTarget';
import type { OutgoingIdentity } from '../../core/phone/identity';
import type { IncomingDecision } from '../../core/phone/incomingDecision';
import type { RemoteParty } from '../../core/phone/remoteParty';
import type { CallRecording } from './callRecorder';
import type { CallStatus } from './phoneStore';

export type Announcement = Extract<IncomingDecision, { kind: 'announce' }>;

/** A JsSIP session with what the phone knows and did about it. */
export interface TrackedCall {
  id: string;
  session: RTCSession;
  direction: 'incoming' | 'outgoing';
  status: CallStatus;
  remote: RemoteParty;
  identity: OutgoingIdentity | null;
  /** performance.now() when the user dialled, for the setup time. */
  dialedAt: number | null;
  /** performance.now() when the INVITE left. */
  inviteSentAt: number | null;
  dtmfAfterConnect: string;
  startedAt: number;
  answeredAt: number | null;
  phoneAction: PhoneAction | null;
  /** An announcement to play once the call is confirmed. */
  announcement: Announcement | null;
  timers: Set<ReturnType<typeof setTimeout>>;
  stopAudio: (() => void) | null;
  /** Set while the call is recorded. */
  recording: CallRecording | null;
  /** The phone ended the call because the connection to the PBX was lost. */
  connectionLost: boolean;
}

/** What ending a call needs of its session; a JsSIP RTCSession is one. */
export interface EndableSession {
  isEnded(): boolean;
  terminate(options?: { status_code?: number; reason_phrase?: string; extraHeaders?: string[] }): void;
}

/** 302 with one Contact: the PBX follows it to the target. */
export function redirect(session: EndableSession, target: ResolvedTarget): void {
  void attempt(() =>
    session.terminate({ status_code: 302, reason_phrase: 'Moved Temporarily', extraHeaders: [`Contact: <${target.uri}>`] }),
  );
}

export function hangUpQuietly(session: EndableSession, statusCode?: number): void {
  if (session.isEnded()) return;
  void attempt(() => session.terminate(statusCode === undefined ? {} : { status_code: statusCode }));
}

/** JsSIP throws when a session is in the wrong state for an action (e.g. it ended a moment ago). */
export function attempt(action: () => unknown): Result<null> {
  try {
    action();
    return ok(null);
  } catch (error) {
    return fail('call-action-failed', (error as Error).message);
  }
}

/** Runs `action` after `ms`, unless the call ends first. */
export function later(call: Pick<TrackedCall, 'timers'>, ms: number, action: () => void): void {
  const timer = setTimeout(() => {
    call.timers.delete(timer);
    action();
  }, ms);
  call.timers.add(timer);
}

export function clearTimers(call: Pick<TrackedCall, 'timers'>): void {
  for (const timer of call.timers) clearTimeout(timer);
  call.timers.clear();
}
