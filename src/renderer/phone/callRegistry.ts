import type { ReferEvent } from 'jssip/lib/RTCSession';
import type { CallOptions, RTCSessionEvent, UA } from 'jssip/lib/UA';
import { fail, ok, type Result } from '../../core/errors';
import type { ResolvedTarget } from '../../core/phone/dialTarget';
import type { OutgoingIdentity } from '../../core/phone/identity';
import type { CallerIdentity } from '../../core/phone/remoteParty';
import type { CallStatus } from '../../core/phone/callView';
import { answerWithAnnouncement } from './announcementPlayback';
import { finishCall } from './callEnding';
import { MICROPHONE, playToneFor } from './callMedia';
import { partyText } from './callParty';
import { CallRecordings } from './callRecordings';
import { followSessionEvents } from './callSessionEvents';
import { checkDtmf, establishedCall, holdAnswered, sendDtmf, setHold, setMuted, transfer } from './connectedCallActions';
import { calledLineOf, callerIdentitiesOf, handleIncoming, type ReceivedRequest } from './incomingCall';
import type { ConnectedCall } from './listenInSessions';
import { newIncomingCall, newOutgoingCall, showCall, type PendingOutgoing } from './newTrackedCall';
import type { PhoneEnvironment } from './phoneEnvironment';
import { dispatchCall, showProblems } from './phoneStore';
import { referredCall } from './referredCall';
import type { TonePlayer } from './tones';
import { attempt, clearTimers, hangUpQuietly, later, redirect, type TrackedCall } from './trackedCall';

/**
 * Every call in progress: follows each JsSIP session, carries out the user's actions on it, and
 * mirrors it in the phone store and, when it ends, in the call history. What the profile does with
 * an incoming call, the call's media and transfers are parts of their own.
 */
export class CallRegistry {
  readonly #calls = new Map<string, TrackedCall>();
  readonly #recordings: CallRecordings;
  #pending: PendingOutgoing | null = null;

  constructor(
    private readonly env: PhoneEnvironment,
    private readonly tones: TonePlayer,
    private readonly callOptions: (identity: OutgoingIdentity) => CallOptions,
  ) {
    this.#recordings = new CallRecordings(env);
  }

  place(ua: UA, target: ResolvedTarget, identity: OutgoingIdentity, dtmfAfterConnect: string): Result<string> {
    holdAnswered(this.#calls.values());
    this.#pending = { target, identity, dtmfAfterConnect, dialedAt: performance.now() };
    try {
      return ok(ua.call(target.uri, this.callOptions(identity)).id);
    } catch (error) {
      return fail('call-failed', `The call could not be placed: ${(error as Error).message}`);
    } finally {
      this.#pending = null;
    }
  }

  /** A new JsSIP session, ours or the network's. */
  track(event: RTCSessionEvent): void {
    if (event.originator === 'local') {
      const call = newOutgoingCall(event.session, this.#pending, this.env);
      this.#add(call);
      // Shown once its INVITE is written: JsSIP emits `sending` just before it writes it, so the
      // store update, and the renders and subscribers it wakes, never hold up the microphone, the
      // offer or the INVITE. A call that fails before its INVITE (no microphone) is not shown;
      // its ending is.
      call.session.once('sending', () =>
        queueMicrotask(() => {
          if (this.#calls.has(call.id)) showCall(call);
        }),
      );
      return;
    }
    const identities = callerIdentitiesOf(event.request);
    const call = newIncomingCall(event.session, event.request, identities, this.env);
    this.#add(call);
    // Shown only once the profile has decided: a call it turns away never appears.
    this.#settleIncoming(call, event.request, identities);
  }

  answer(id: string): Result<null> {
    const call = this.#calls.get(id);
    if (!call || call.status !== 'ringing') return fail('call-not-ringing', 'That call is no longer ringing');
    clearTimers(call);
    holdAnswered(this.#calls.values());
    return attempt(() => call.session.answer(MICROPHONE));
  }

  decline(id: string): Result<null> {
    const call = this.#calls.get(id);
    if (!call || call.status !== 'ringing') return fail('call-not-ringing', 'That call is no longer ringing');
    return attempt(() => call.session.terminate({ status_code: 603, reason_phrase: 'Decline' }));
  }

  hangUp(id: string): Result<null> {
    const call = this.#calls.get(id);
    if (!call) return fail('call-gone', 'That call has already ended');
    return attempt(() => call.session.terminate());
  }

  setHold(id: string, hold: boolean): Result<null> {
    const call = establishedCall(this.#calls, id);
    return call.ok ? setHold(call.value, hold) : call;
  }

  setMuted(id: string, muted: boolean): Result<null> {
    const call = establishedCall(this.#calls, id);
    return call.ok ? setMuted(call.value, muted) : call;
  }

  sendDtmf(id: string, tones: string): Result<null> {
    const checked = checkDtmf(tones);
    if (!checked.ok) return checked;
    const call = establishedCall(this.#calls, id);
    return call.ok ? sendDtmf(call.value, tones, this.tones) : call;
  }

  transfer(id: string, target: ResolvedTarget): Result<null> {
    const call = establishedCall(this.#calls, id);
    return call.ok ? transfer(call.value, target) : call;
  }

  /** The call the user is talking in now (connected, not on hold here), for a supervisor to listen to. */
  connectedCall(): ConnectedCall | null {
    for (const call of this.#calls.values()) {
      const connection: RTCPeerConnection | null = call.session.connection ?? null;
      if (call.status === 'active' && connection && call.session.isEstablished() && !call.session.isOnHold().local) {
        return { id: call.id, session: call.session, connection };
      }
    }
    return null;
  }

  endAll(): void {
    for (const call of [...this.#calls.values()]) hangUpQuietly(call.session);
  }

  /**
   * The connection to the PBX is gone: the PBX routes the calls' requests over that connection, so
   * none can reach this phone any more, and after a PBX restart the calls are gone there too.
   */
  endAllLost(): void {
    for (const call of [...this.#calls.values()]) {
      call.connectionLost = true;
      hangUpQuietly(call.session);
    }
  }

  /** The active profile may have changed: each connected call starts or stops recording from now. */
  followProfile(): void {
    this.#recordings.follow(this.#calls.values());
  }

  #add(call: TrackedCall): void {
    this.#calls.set(call.id, call);
    followSessionEvents(call, {
      isTracked: () => this.#calls.has(call.id),
      setStatus: (status, answeredAt) => this.#setStatus(call, status, answeredAt),
      talking: () => this.#recordings.start(call),
      sendDtmf: (tones) => this.sendDtmf(call.id, tones),
      ended: (event) => {
        if (!this.#calls.delete(call.id)) return;
        finishCall(call, event, { env: this.env, recordings: this.#recordings, tones: this.tones, updateTones: () => this.#updateTones() });
      },
      referred: (event) => this.#onRefer(event),
    });
  }

  #settleIncoming(call: TrackedCall, invite: ReceivedRequest, caller: readonly CallerIdentity[]): void {
    const busy = [...this.#calls.values()].some((other) => other !== call);
    const context = this.env.context();
    const line = context ? calledLineOf(invite, context.account.numbers) : 'own';
    handleIncoming(
      context,
      { busy, caller, line },
      {
        call,
        refuse: (statusCode) => hangUpQuietly(call.session, statusCode),
        redirect: (target) => redirect(call.session, target),
        announce: (announcement) => {
          call.announcement = announcement;
          call.status = 'announcing';
          showCall(call, { announcement: announcement.text });
          answerWithAnnouncement(call, announcement, this.tones, this.env);
        },
        ring: (callWaiting) => {
          showCall(call, { callWaiting });
          this.#updateTones();
          this.env.notify('incomingCall', this.env.text('phone.notify.incoming.title'), partyText(this.env, call.remote), call.id);
        },
        later: (ms, action) => later(call, ms, action),
        problems: showProblems,
      },
    );
  }

  /** The other party asks us to call someone else (a blind transfer, or an announcement's forward). */
  #onRefer(event: ReferEvent): void {
    const referred = referredCall(event, this.env);
    if (!referred.ok) {
      console.warn(`A transfer was not followed: ${referred.error.message}`);
      event.reject();
      return;
    }
    const { target, identity } = referred.value;
    this.#pending = { target, identity, dtmfAfterConnect: '', dialedAt: performance.now() };
    try {
      event.accept(undefined, this.callOptions(identity));
    } finally {
      this.#pending = null;
    }
  }

  #setStatus(call: TrackedCall, status: CallStatus, answeredAt?: number): void {
    call.status = status;
    dispatchCall(answeredAt === undefined ? { kind: 'status', id: call.id, status } : { kind: 'status', id: call.id, status, answeredAt });
    this.#updateTones();
  }

  #updateTones(): void {
    playToneFor(
      this.tones,
      [...this.#calls.values()].map((call) => call.status),
    );
  }
}
