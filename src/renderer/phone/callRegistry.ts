import type {
  EndEvent,
  IncomingDTMFEvent,
  IncomingInfoEvent,
  OutgoingDTMFEvent,
  OutgoingInfoEvent,
  ReferEvent,
} from 'jssip/lib/RTCSession';
import type { CallOptions, RTCSessionEvent, UA } from 'jssip/lib/UA';
import { fail, ok, type Result } from '../../core/errors';
import { callOutcome, historyEntry } from '../../core/phone/callRecord';
import type { ResolvedTarget } from '../../core/phone/dialTarget';
import type { OutgoingIdentity } from '../../core/phone/identity';
import { readIncomingBody } from '../../core/phone/message';
import { namedFromDirectory } from '../../core/phone/directorySearch';
import { partyLine } from '../../core/phone/partyDisplay';
import { partyForTarget, UNKNOWN_PARTY, type CallerIdentity, type RemoteParty } from '../../core/phone/remoteParty';
import { callFailure } from '../../core/phone/sipFailure';
import { newCallView, type CallStatus, type CallView } from '../../core/phone/callView';
import { answerWithAnnouncement } from './announcementPlayback';
import { followRemoteAudio, MICROPHONE, playToneFor, RecordingHook } from './callMedia';
import { startCallRecording } from './callRecorder';
import { tellOtherPartyRecorded } from './recordingNotice';
import { translate } from '../../core/i18n/messages';
import { blindTransfer } from './callTransfer';
import { calledLineOf, callerIdentitiesOf, callerOf, handleIncoming, type ReceivedRequest } from './incomingCall';
import type { ConnectedCall } from './listenInSessions';
import type { PhoneEnvironment } from './phoneEnvironment';
import { addCall, dispatchCall, endCall, showProblems } from './phoneStore';
import { referredCall } from './referredCall';
import type { TonePlayer } from './tones';
import { attempt, clearTimers, hangUpQuietly, later, redirect, type TrackedCall } from './trackedCall';

interface PendingOutgoing {
  target: ResolvedTarget;
  identity: OutgoingIdentity;
  dtmfAfterConnect: string;
  dialedAt: number;
}

const DTMF = /^[0-9A-D#*]+$/;

/**
 * Every call in progress: follows each JsSIP session, carries out the user's actions on it, and
 * mirrors it in the phone store and, when it ends, in the call history. What the profile does with
 * an incoming call, the call's media and transfers are parts of their own.
 */
export class CallRegistry {
  readonly #calls = new Map<string, TrackedCall>();
  readonly #recording: RecordingHook;
  #pending: PendingOutgoing | null = null;

  constructor(
    private readonly env: PhoneEnvironment,
    private readonly tones: TonePlayer,
    private readonly callOptions: (identity: OutgoingIdentity) => CallOptions,
  ) {
    this.#recording = new RecordingHook((connection, call) =>
      startCallRecording(
        connection,
        { party: partyLine(call.remote, this.#labels()).slice(0, 200), direction: call.direction },
        env.recordings,
      ),
    );
  }

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
        remote: pending ? this.#named(partyForTarget(pending.target.uri, pending.target.number, pending.target.name)) : UNKNOWN_PARTY,
        identity: pending?.identity ?? null,
        dialedAt: pending?.dialedAt ?? null,
        dtmfAfterConnect: pending?.dtmfAfterConnect ?? '',
      };
      this.#add(call);
      // JsSIP emits newRTCSession before it asks for the microphone; shown in a microtask, the call's
      // store update, and the renders and subscribers it wakes, run while the microphone opens.
      queueMicrotask(() => {
        if (this.#calls.has(call.id)) this.#show(call, { onTheWire: false });
      });
      return;
    }
    const identities = callerIdentitiesOf(event.request);
    const vouchedAddresses = identities.flatMap((identity) => (identity.address === null ? [] : [`sip:${identity.address}`]));
    const call: TrackedCall = {
      ...base,
      direction: 'incoming',
      status: 'ringing',
      remote: this.#named(callerOf(event.request), vouchedAddresses),
      identity: null,
      dialedAt: null,
      dtmfAfterConnect: '',
    };
    this.#add(call);
    // Shown only once the profile has decided: a call it turns away never appears.
    this.#settleIncoming(call, event.request, identities);
  }

  answer(id: string): Result<null> {
    const call = this.#calls.get(id);
    if (!call || call.status !== 'ringing') return fail('call-not-ringing', 'That call is no longer ringing');
    clearTimers(call);
    this.#holdAll();
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
    const call = this.#established(id);
    if (!call.ok) return call;
    const done = hold ? call.value.session.hold() : call.value.session.unhold();
    return done
      ? ok(null)
      : fail('hold-not-possible', hold ? 'The call cannot be put on hold right now' : 'The call cannot be taken off hold right now');
  }

  setMuted(id: string, muted: boolean): Result<null> {
    const call = this.#established(id);
    if (!call.ok) return call;
    return attempt(() => (muted ? call.value.session.mute({ audio: true }) : call.value.session.unmute({ audio: true })));
  }

  sendDtmf(id: string, tones: string): Result<null> {
    if (!DTMF.test(tones))
      return fail('dtmf-invalid', `Only 0–9, *, # and A–D can be sent as tones, not ${JSON.stringify(tones.slice(0, 20))}`);
    const call = this.#established(id);
    if (!call.ok) return call;
    for (const tone of tones) this.tones.dtmf(tone);
    return attempt(() => call.value.session.sendDTMF(tones, { duration: 100, interToneGap: 70 }));
  }

  transfer(id: string, target: ResolvedTarget): Result<null> {
    const call = this.#established(id);
    if (!call.ok) return call;
    dispatchCall({ kind: 'transfer', id, transfer: { state: 'pending' } });
    return blindTransfer(call.value.session, target, {
      transferred: () => {
        call.value.phoneAction = 'transferred';
      },
      refused: (error) => dispatchCall({ kind: 'transfer', id, transfer: { state: 'failed', error } }),
    });
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

  #add(call: TrackedCall): void {
    this.#calls.set(call.id, call);
    this.#listen(call);
  }

  #show(call: TrackedCall, change: Partial<CallView> = {}): void {
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

  #listen(call: TrackedCall): void {
    const { session } = call;
    followRemoteAudio(call);
    session.on('sending', () => {
      call.inviteSentAt = performance.now();
      // JsSIP emits this just before it writes the INVITE; the microtask runs once it is written, so
      // the presence and dialog PUBLISHes the call causes never delay it.
      queueMicrotask(() => dispatchCall({ kind: 'on-the-wire', id: call.id }));
    });
    session.on('progress', () => {
      if (call.direction === 'outgoing' && call.status === 'dialing') this.#setStatus(call, 'alerting');
    });
    session.on('accepted', () => {
      const answeredAt = Date.now();
      call.answeredAt = answeredAt;
      // JsSIP emits this on a 200 before it writes the ACK; the microtask runs once the ACK is
      // written, so the view, the tones, the PUBLISHes and the recording never delay it.
      queueMicrotask(() => {
        if (!this.#calls.has(call.id)) return;
        this.#setStatus(call, call.announcement ? 'announcing' : 'active', answeredAt);
        if (call.status === 'active') this.#startRecording(call);
      });
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
    session.on('refer', (event: ReferEvent) => this.#onRefer(event));
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
          this.#show(call, { announcement: announcement.text });
          answerWithAnnouncement(call, announcement, this.tones, this.env);
        },
        ring: (callWaiting) => {
          this.#show(call, { callWaiting });
          this.#updateTones();
          this.env.notify('incomingCall', this.env.text('phone.notify.incoming.title'), partyLine(call.remote, this.#labels()), call.id);
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

  #finish(call: TrackedCall, { cause, originator, message }: EndEvent): void {
    if (!this.#calls.delete(call.id)) return;
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
    void this.#recording.finish(call, call.id);
    if (call.direction === 'incoming' && outcome === 'missed') {
      this.env.notify('missedCall', this.env.text('phone.notify.missed.title'), partyLine(call.remote, this.#labels()));
    }
    endCall({ id: call.id, remote: call.remote, outcome, failure });
    this.#updateTones();
    if (call.direction === 'outgoing' && outcome === 'busy') this.tones.busy();
  }

  /** The active profile may have changed: each connected call starts or stops recording from now. */
  followProfile(): void {
    const context = this.env.context();
    for (const call of this.#calls.values()) {
      if (call.status !== 'active') continue;
      const change = this.#recording.follow(call, call.session.connection ?? null, context);
      if (change) dispatchCall({ kind: 'recording', id: call.id, recording: change === 'started' });
      if (change === 'started') this.#tellRecorded(call);
    }
  }

  #startRecording(call: TrackedCall): void {
    if (!this.#recording.begin(call, call.session.connection ?? null, this.env.context())) return;
    dispatchCall({ kind: 'recording', id: call.id, recording: true });
    this.#tellRecorded(call);
  }

  /** Where the profile says so, the other party hears that the call is recorded, in the announcements' language. */
  #tellRecorded(call: TrackedCall): void {
    const context = this.env.context();
    const connection = call.session.connection ?? null;
    if (!context?.profile.announceRecording || !connection) return;
    const language = context.account.announcementLanguage;
    void tellOtherPartyRecorded(connection, this.env.speak(translate(language, 'phone.recordingNotice'), language));
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

  #named(party: RemoteParty, alsoAt: readonly string[] = []): RemoteParty {
    return namedFromDirectory(party, this.env.context()?.account.directory ?? [], alsoAt);
  }

  #labels() {
    return { hidden: this.env.text('phone.party.hidden'), unknown: this.env.text('phone.party.unknown') };
  }
}
