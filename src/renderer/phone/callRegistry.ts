import type { EndEvent, IncomingDTMFEvent, IncomingInfoEvent, OutgoingDTMFEvent, OutgoingInfoEvent, ReferEvent } from 'jssip/lib/RTCSession';
import type { CallOptions, RTCSessionEvent, UA } from 'jssip/lib/UA';
import { fail, ok, type Result } from '../../core/errors';
import { callOutcome, historyEntry } from '../../core/phone/callRecord';
import type { ResolvedTarget } from '../../core/phone/dialTarget';
import type { OutgoingIdentity } from '../../core/phone/identity';
import { decideIncoming } from '../../core/phone/incomingDecision';
import { readIncomingBody } from '../../core/phone/message';
import { partyLine } from '../../core/phone/partyDisplay';
import { shouldRecord } from '../../core/phone/recording';
import { partyForTarget, remotePartyFrom, UNKNOWN_PARTY } from '../../core/phone/remoteParty';
import { callFailure } from '../../core/phone/sipFailure';
import { answerWithAnnouncement } from './announcementPlayback';
import { startCallRecording } from './callRecorder';
import type { PhoneEnvironment } from './phoneEnvironment';
import { newCallView, reduceCalls, type CallStatus, type CallView } from '../../core/phone/callView';
import { dispatchCall, usePhoneStore } from './phoneStore';
import { referredCall } from './referredCall';
import { playRemoteAudio } from './remoteAudio';
import type { TonePlayer } from './tones';
import {
  attempt,
  clearTimers,
  hangUpQuietly,
  headerOf,
  later,
  redirect,
  type InviteIdentityHeaders,
  type TrackedCall,
} from './trackedCall';

interface PendingOutgoing {
  target: ResolvedTarget;
  identity: OutgoingIdentity;
  dtmfAfterConnect: string;
  dialedAt: number;
}

const DTMF = /^[0-9A-D#*]+$/;
const ANSWER_MEDIA = { mediaConstraints: { audio: true, video: false }, pcConfig: { iceServers: [] } };

/** Every call in progress: follows each JsSIP session, mirrors it in the phone store, and records it when it ends. */
export class CallRegistry {
  /** Only the browser shell's test hook sets this. */
  autoAnswer = false;
  lastIncomingInvite: InviteIdentityHeaders | null = null;
  readonly #calls = new Map<string, TrackedCall>();
  #pending: PendingOutgoing | null = null;

  constructor(
    private readonly env: PhoneEnvironment,
    private readonly tones: TonePlayer,
    private readonly callOptions: (identity: OutgoingIdentity) => CallOptions,
  ) {}

  place(ua: UA, target: ResolvedTarget, identity: OutgoingIdentity, dtmfAfterConnect: string): Result<string> {
    this.#holdAll();
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
    const { session } = event;
    const base = {
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
    if (event.originator === 'local') {
      const pending = this.#pending;
      const call: TrackedCall = {
        ...base,
        direction: 'outgoing',
        status: 'dialing',
        remote: pending ? partyForTarget(pending.target.uri, pending.target.number) : UNKNOWN_PARTY,
        identity: pending?.identity ?? null,
        dialedAt: pending?.dialedAt ?? null,
        dtmfAfterConnect: pending?.dtmfAfterConnect ?? '',
      };
      this.#add(call);
      this.#show(call);
      return;
    }
    const headers: InviteIdentityHeaders = {
      from: headerOf(event.request, 'From'),
      pAssertedIdentity: headerOf(event.request, 'P-Asserted-Identity'),
      pPreferredIdentity: headerOf(event.request, 'P-Preferred-Identity'),
      privacy: headerOf(event.request, 'Privacy'),
    };
    this.lastIncomingInvite = headers;
    const remote = remotePartyFrom(headers);
    if (!remote.ok) console.warn(`Incoming call with an unreadable caller: ${remote.error.message}`);
    const call: TrackedCall = {
      ...base,
      direction: 'incoming',
      status: 'ringing',
      remote: remote.ok ? remote.value : UNKNOWN_PARTY,
      identity: null,
      dialedAt: null,
      dtmfAfterConnect: '',
    };
    this.#add(call);
    // Shown only once the profile has decided: a call it turns away never appears.
    this.#handleIncoming(call);
  }

  answer(id: string): Result<null> {
    const call = this.#calls.get(id);
    if (!call || call.status !== 'ringing') return fail('call-not-ringing', 'That call is no longer ringing');
    clearTimers(call);
    this.#holdAll();
    return attempt(() => call.session.answer(ANSWER_MEDIA));
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
    const call = this.#established(id);
    if (!call.ok) return call;
    const done = hold ? call.value.session.hold() : call.value.session.unhold();
    return done ? ok(null) : fail('hold-not-possible', hold ? 'The call cannot be put on hold right now' : 'The call cannot be taken off hold right now');
  }

  setMuted(id: string, muted: boolean): Result<null> {
    const call = this.#established(id);
    if (!call.ok) return call;
    return attempt(() => (muted ? call.value.session.mute({ audio: true }) : call.value.session.unmute({ audio: true })));
  }

  sendDtmf(id: string, tones: string): Result<null> {
    if (!DTMF.test(tones)) return fail('dtmf-invalid', `Only 0–9, *, # and A–D can be sent as tones, not ${JSON.stringify(tones.slice(0, 20))}`);
    const call = this.#established(id);
    if (!call.ok) return call;
    for (const tone of tones) this.tones.dtmf(tone);
    return attempt(() => call.value.session.sendDTMF(tones, { duration: 100, interToneGap: 70 }));
  }

  transfer(id: string, target: ResolvedTarget): Result<null> {
    const call = this.#established(id);
    if (!call.ok) return call;
    const { session } = call.value;
    dispatchCall({ kind: 'transfer', id, transfer: { state: 'pending' } });
    return attempt(() =>
      session.refer(target.uri, {
        eventHandlers: {
          requestSucceeded: () => {
            call.value.phoneAction = 'transferred';
            hangUpQuietly(session);
          },
          requestFailed: ({ response }: { response?: { status_code: number } }) =>
            dispatchCall({
              kind: 'transfer',
              id,
              transfer: { state: 'failed', error: { code: 'transfer-refused', message: `The transfer was refused${response ? ` (${response.status_code})` : ''}` } },
            }),
        },
      }),
    );
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

  #add(call: TrackedCall): void {
    this.#calls.set(call.id, call);
    this.#listen(call);
  }

  #show(call: TrackedCall, change: Partial<CallView> = {}): void {
    const view = newCallView({
      id: call.id,
      direction: call.direction,
      remote: call.remote,
      status: call.status,
      startedAt: call.startedAt,
      presented: call.identity ? { callerId: call.identity.callerId, number: call.identity.number } : null,
      ...change,
    });
    usePhoneStore.setState((store) => ({ calls: reduceCalls(store.calls, { kind: 'added', view }), lastEnded: null }));
  }

  #listen(call: TrackedCall): void {
    const { session } = call;
    // Without this JsSIP waits for ICE gathering to finish. With no ICE servers every candidate is a
    // host candidate, known at once, so the first one is enough to send the SDP.
    session.on('icecandidate', (event) => event.ready());
    const connection: RTCPeerConnection | null = session.connection ?? null;
    if (connection) call.stopAudio = playRemoteAudio(connection);
    session.on('peerconnection', ({ peerconnection }) => {
      call.stopAudio?.();
      call.stopAudio = playRemoteAudio(peerconnection);
    });
    session.on('sending', () => {
      call.inviteSentAt = performance.now();
    });
    session.on('progress', () => {
      if (call.direction === 'outgoing' && call.status === 'dialing') this.#setStatus(call, 'alerting');
    });
    session.on('accepted', () => {
      call.answeredAt = Date.now();
      this.#setStatus(call, call.announcement ? 'announcing' : 'active', call.answeredAt);
      if (call.status === 'active') this.#startRecording(call);
    });
    session.on('confirmed', () => {
      if (call.dialedAt !== null && call.inviteSentAt !== null) {
        const now = performance.now();
        dispatchCall({ kind: 'setup', id: call.id, setup: { fromDialMs: now - call.dialedAt, fromInviteMs: now - call.inviteSentAt } });
      }
      if (call.dtmfAfterConnect !== '') this.sendDtmf(call.id, call.dtmfAfterConnect);
    });
    session.on('ended', (event) => this.#finish(call, event));
    session.on('failed', (event) => this.#finish(call, event));
    session.on('hold', ({ originator }) => dispatchCall({ kind: 'hold', id: call.id, originator: originator === 'local' ? 'local' : 'remote', held: true }));
    session.on('unhold', ({ originator }) => dispatchCall({ kind: 'hold', id: call.id, originator: originator === 'local' ? 'local' : 'remote', held: false }));
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
    session.on('refer', (event: ReferEvent) => this.#onRefer(event));
  }

  #handleIncoming(call: TrackedCall): void {
    const context = this.env.context();
    if (!context) {
      hangUpQuietly(call.session, 480);
      return;
    }
    const busy = [...this.#calls.values()].some((other) => other !== call);
    const { decision, problems } = decideIncoming({ ...context, busy });
    if (problems.length > 0 || usePhoneStore.getState().problems.length > 0) usePhoneStore.setState({ problems });
    switch (decision.kind) {
      case 'reject-busy':
        call.phoneAction = 'rejected-busy';
        hangUpQuietly(call.session, 486);
        return;
      case 'forward':
        call.phoneAction = 'forwarded';
        redirect(call.session, decision.target);
        return;
      case 'announce': {
        call.phoneAction = 'announced';
        call.announcement = decision;
        call.status = 'announcing';
        this.#show(call, { announcement: decision.text });
        answerWithAnnouncement(call, decision, this.tones, this.env);
        return;
      }
      case 'ring': {
        if (this.autoAnswer) {
          // An auto-answered call never rings: no ringtone, no incoming-call notification.
          this.answer(call.id);
          this.#show(call);
          return;
        }
        this.#show(call, { callWaiting: decision.callWaiting });
        this.#updateTones();
        const caller = partyLine(call.remote, this.#labels());
        this.env.notify('incomingCall', this.env.text('phone.notify.incoming.title'), caller);
        if (decision.noAnswer) {
          const target = decision.noAnswer.target;
          later(call, decision.noAnswer.afterMs, () => {
            if (call.status !== 'ringing') return;
            call.phoneAction = 'forwarded-no-answer';
            redirect(call.session, target);
          });
        }
        return;
      }
    }
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

  #finish(call: TrackedCall, { cause, originator, message }: EndEvent): void {
    if (!this.#calls.delete(call.id)) return;
    clearTimers(call);
    call.stopAudio?.();
    const statusCode = originator === 'remote' && message && 'status_code' in message ? message.status_code : null;
    const failure = callFailure(call, cause, statusCode);
    const outcome = callOutcome({ direction: call.direction, answered: call.answeredAt !== null, cause, originator, phoneAction: call.phoneAction, statusCode });
    this.env.recordHistory(
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
    const recording = call.recording;
    call.recording = null;
    if (recording) {
      void recording.stop().then((finished) => {
        if (finished) this.env.saveRecording(call.id, finished);
      });
    }
    if (call.direction === 'incoming' && outcome === 'missed') {
      this.env.notify('missedCall', this.env.text('phone.notify.missed.title'), partyLine(call.remote, this.#labels()));
    }
    usePhoneStore.setState((store) => ({
      calls: reduceCalls(store.calls, { kind: 'ended', id: call.id }),
      lastEnded: { id: call.id, remote: call.remote, outcome, failure },
    }));
    this.#updateTones();
    if (call.direction === 'outgoing' && outcome === 'busy') this.tones.busy();
  }

  /** Records a connected call when the profile active now asks for it and the account has the add-on. */
  #startRecording(call: TrackedCall): void {
    const context = this.env.context();
    const connection: RTCPeerConnection | null = call.session.connection ?? null;
    if (!context || !connection || call.recording || !shouldRecord(context.profile, context.account)) return;
    try {
      call.recording = startCallRecording(connection);
    } catch (error) {
      console.error(`The call could not be recorded: ${(error as Error).message}`);
    }
    if (call.recording) dispatchCall({ kind: 'recording', id: call.id });
  }

  #setStatus(call: TrackedCall, status: CallStatus, answeredAt?: number): void {
    call.status = status;
    dispatchCall(answeredAt === undefined ? { kind: 'status', id: call.id, status } : { kind: 'status', id: call.id, status, answeredAt });
    this.#updateTones();
  }

  /** One tone at a time: the ringtone (softer while in a call), else ringback, else silence. */
  #updateTones(): void {
    const calls = [...this.#calls.values()];
    const inCall = calls.some((call) => call.status === 'active');
    if (calls.some((call) => call.status === 'ringing')) this.tones.play(inCall ? 'callWaiting' : 'ringtone');
    else if (calls.some((call) => call.status === 'alerting')) this.tones.play('ringback');
    else this.tones.stop();
  }

  /** Holds every answered call, before the user answers or places another. */
  #holdAll(): void {
    for (const call of this.#calls.values()) {
      if (call.status === 'active' && !call.session.isOnHold().local) call.session.hold();
    }
  }

  #established(id: string): Result<TrackedCall> {
    const call = this.#calls.get(id);
    if (!call || !call.session.isEstablished()) return fail('call-not-active', 'That call is not connected');
    return ok(call);
  }

  #labels() {
    return { hidden: this.env.text('phone.party.hidden'), unknown: this.env.text('phone.party.unknown') };
  }
}
