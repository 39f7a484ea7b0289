import type { RTCSession, IncomingDTMFEvent, OutgoingDTMFEvent, IncomingInfoEvent, OutgoingInfoEvent, ReferEvent } from 'jssip/lib/RTCSession';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import type { CallOptions, RTCSessionEvent, UA } from 'jssip/lib/UA';
import { fail, ok, type Result } from '../../core/errors';
import { callOutcome, historyEntry, type PhoneAction } from '../../core/phone/callRecord';
import { checkReferTarget, type ResolvedTarget } from '../../core/phone/dialTarget';
import { outgoingIdentity, type OutgoingIdentity } from '../../core/phone/identity';
import { decideIncoming, type IncomingDecision } from '../../core/phone/incomingDecision';
import { readIncomingBody } from '../../core/phone/message';
import { partyLine } from '../../core/phone/partyDisplay';
import { partyForTarget, remotePartyFrom, UNKNOWN_PARTY, type RemoteParty } from '../../core/phone/remoteParty';
import { parseAccountAddress } from '../../core/phone/accountAddress';
import type { PhoneEnvironment } from './phoneEnvironment';
import { updateCall, usePhoneStore, type CallStatus, type CallView } from './phoneStore';
import { playRemoteAudio } from './remoteAudio';
import type { TonePlayer } from './tones';

interface TrackedCall {
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
  announcement: Extract<IncomingDecision, { kind: 'announce' }> | null;
  timers: Set<ReturnType<typeof setTimeout>>;
  stopAudio: (() => void) | null;
}

interface PendingOutgoing {
  target: ResolvedTarget;
  identity: OutgoingIdentity;
  dtmfAfterConnect: string;
  dialedAt: number;
}

const DTMF = /^[0-9A-D#*]+$/;
const KEPT_DTMF = 64;
const MAX_ANNOUNCEMENT_SHOWN = 500;
const ANSWER_MEDIA = { mediaConstraints: { audio: true, video: false }, pcConfig: { iceServers: [] } };

/** The identity headers of an INVITE as it reached this phone, for diagnostics. */
export interface InviteIdentityHeaders {
  from: string | null;
  pAssertedIdentity: string | null;
  pPreferredIdentity: string | null;
  privacy: string | null;
}

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
      inviteSentAt: null,
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
    this.#handleIncoming(call);
  }

  answer(id: string): Result<null> {
    const call = this.#calls.get(id);
    if (!call || call.status !== 'ringing') return fail('call-not-ringing', 'That call is no longer ringing');
    this.#clearTimers(call);
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
    updateCall(id, { transfer: { state: 'pending' } });
    return attempt(() =>
      session.refer(target.uri, {
        eventHandlers: {
          requestSucceeded: () => {
            call.value.phoneAction = 'transferred';
            hangUpQuietly(session);
          },
          requestFailed: ({ response }: { response?: { status_code: number } }) =>
            updateCall(id, {
              transfer: { state: 'failed', error: { code: 'transfer-refused', message: `The transfer was refused${response ? ` (${response.status_code})` : ''}` } },
            }),
        },
      }),
    );
  }

  endAll(): void {
    for (const call of [...this.#calls.values()]) hangUpQuietly(call.session);
  }

  #add(call: TrackedCall): void {
    this.#calls.set(call.id, call);
    this.#listen(call);
    const view: CallView = {
      id: call.id,
      direction: call.direction,
      remote: call.remote,
      status: call.status,
      callWaiting: false,
      onHold: false,
      remoteHold: false,
      muted: false,
      startedAt: call.startedAt,
      answeredAt: null,
      presented: call.identity ? { callerId: call.identity.callerId, number: call.identity.number } : null,
      dtmfSent: '',
      dtmfReceived: '',
      announcement: null,
      setup: null,
      transfer: null,
    };
    usePhoneStore.setState((store) => ({ calls: [...store.calls, view], lastEnded: null }));
  }

  #listen(call: TrackedCall): void {
    const { session } = call;
    // Without this JsSIP waits for ICE gathering to finish; on loopback the first candidate is enough.
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
      this.#setStatus(call, call.announcement ? 'announcing' : 'active', { answeredAt: call.answeredAt });
    });
    session.on('confirmed', () => {
      if (call.dialedAt !== null && call.inviteSentAt !== null) {
        const now = performance.now();
        updateCall(call.id, { setup: { fromDialMs: now - call.dialedAt, fromInviteMs: now - call.inviteSentAt } });
      }
      if (call.dtmfAfterConnect !== '') this.sendDtmf(call.id, call.dtmfAfterConnect);
      if (call.announcement) this.#playAnnouncement(call, call.announcement);
    });
    session.on('ended', ({ cause, originator }) => this.#finish(call, cause, originator));
    session.on('failed', ({ cause, originator }) => this.#finish(call, cause, originator));
    session.on('hold', ({ originator }) => updateCall(call.id, originator === 'local' ? { onHold: true } : { remoteHold: true }));
    session.on('unhold', ({ originator }) => updateCall(call.id, originator === 'local' ? { onHold: false } : { remoteHold: false }));
    session.on('muted', () => updateCall(call.id, { muted: true }));
    session.on('unmuted', () => updateCall(call.id, { muted: false }));
    session.on('newDTMF', (event: IncomingDTMFEvent | OutgoingDTMFEvent) => {
      const key = event.originator === 'remote' ? 'dtmfReceived' : 'dtmfSent';
      const current = usePhoneStore.getState().calls.find((view) => view.id === call.id)?.[key] ?? '';
      updateCall(call.id, { [key]: (current + event.dtmf.tone).slice(-KEPT_DTMF) });
    });
    session.on('newInfo', (event: IncomingInfoEvent | OutgoingInfoEvent) => {
      if (event.originator !== 'remote') return;
      const text = readIncomingBody(event.info.contentType, event.info.body ?? '');
      if (text.ok) updateCall(call.id, { announcement: text.value.slice(0, MAX_ANNOUNCEMENT_SHOWN) });
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
    usePhoneStore.setState({ problems });
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
        updateCall(call.id, { status: 'announcing', announcement: decision.text });
        call.status = 'announcing';
        const stream = this.tones.announcementStream(decision.durationMs);
        // Never the microphone: the caller must not hear the office while the user is away.
        const media = stream ? { mediaStream: stream } : { mediaConstraints: { audio: false, video: false } };
        void attempt(() => call.session.answer({ ...media, pcConfig: { iceServers: [] } }));
        return;
      }
      case 'ring': {
        updateCall(call.id, { callWaiting: decision.callWaiting });
        this.#updateTones();
        const caller = partyLine(call.remote, this.#labels());
        this.env.notify('incomingCall', this.env.text('phone.notify.incoming.title'), caller);
        if (decision.noAnswer) {
          const target = decision.noAnswer.target;
          this.#later(call, decision.noAnswer.afterMs, () => {
            if (call.status !== 'ringing') return;
            call.phoneAction = 'forwarded-no-answer';
            redirect(call.session, target);
          });
        }
        if (this.autoAnswer) this.answer(call.id);
        return;
      }
    }
  }

  #playAnnouncement(call: TrackedCall, announcement: Extract<IncomingDecision, { kind: 'announce' }>): void {
    // The caller's phone shows the text, if it can: speech cannot be synthesised into the call.
    void attempt(() => call.session.sendInfo('text/plain;charset=utf-8', announcement.text));
    this.#later(call, announcement.durationMs, () => {
      const then = announcement.then;
      if (then.kind === 'hangup') {
        hangUpQuietly(call.session);
        return;
      }
      const referred = attempt(() =>
        call.session.refer(then.target.uri, {
          eventHandlers: {
            requestSucceeded: () => {
              call.phoneAction = 'announced-transferred';
              hangUpQuietly(call.session);
            },
            requestFailed: () => hangUpQuietly(call.session),
          },
        }),
      );
      if (!referred.ok) hangUpQuietly(call.session);
    });
  }

  /** The other party asks us to call someone else (a blind transfer, or an announcement's forward). */
  #onRefer(event: ReferEvent): void {
    const context = this.env.context();
    const address = context ? parseAccountAddress(context.account.sip.uri) : null;
    const referTo = event.request.parseHeader<{ uri: { scheme: string; host: string; user: string | null; toString(): string } }>('refer-to');
    const allowed = address?.ok && referTo ? checkReferTarget(referTo.uri, address.value.host) : null;
    if (!context || !allowed?.ok || !referTo) {
      if (allowed && !allowed.ok) console.warn(allowed.error.message);
      event.reject();
      return;
    }
    const identity = outgoingIdentity('call', context.profile, context.account);
    if (!identity.ok) {
      event.reject();
      return;
    }
    const uri = `sip:${referTo.uri.user ?? ''}@${referTo.uri.host}`;
    const number = /^\+[1-9][0-9]{6,14}$/.test(referTo.uri.user ?? '') ? referTo.uri.user : null;
    this.#pending = { target: { uri, number }, identity: identity.value, dtmfAfterConnect: '', dialedAt: performance.now() };
    try {
      event.accept(undefined, this.callOptions(identity.value));
    } finally {
      this.#pending = null;
    }
  }

  #finish(call: TrackedCall, cause: string, originator: string): void {
    if (!this.#calls.delete(call.id)) return;
    this.#clearTimers(call);
    call.stopAudio?.();
    const outcome = callOutcome({ direction: call.direction, answered: call.answeredAt !== null, cause, originator, phoneAction: call.phoneAction });
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
      }),
    );
    if (call.direction === 'incoming' && outcome === 'missed') {
      this.env.notify('missedCall', this.env.text('phone.notify.missed.title'), partyLine(call.remote, this.#labels()));
    }
    usePhoneStore.setState((store) => ({
      calls: store.calls.filter((view) => view.id !== call.id),
      lastEnded: { id: call.id, remote: call.remote, outcome },
    }));
    this.#updateTones();
    if (call.direction === 'outgoing' && outcome === 'busy') this.tones.busy();
  }

  #setStatus(call: TrackedCall, status: CallStatus, change: Partial<CallView> = {}): void {
    call.status = status;
    updateCall(call.id, { ...change, status });
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

  #later(call: TrackedCall, ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      call.timers.delete(timer);
      action();
    }, ms);
    call.timers.add(timer);
  }

  #clearTimers(call: TrackedCall): void {
    for (const timer of call.timers) clearTimeout(timer);
    call.timers.clear();
  }

  #labels() {
    return { hidden: this.env.text('phone.party.hidden'), unknown: this.env.text('phone.party.unknown') };
  }
}

function headerOf(request: IncomingRequest, name: string): string | null {
  return request.hasHeader(name) ? request.getHeader(name) : null;
}

/** 302 with one Contact: the PBX follows it to the target. */
function redirect(session: RTCSession, target: ResolvedTarget): void {
  void attempt(() => session.terminate({ status_code: 302, reason_phrase: 'Moved Temporarily', extraHeaders: [`Contact: <${target.uri}>`] }));
}

function hangUpQuietly(session: RTCSession, statusCode?: number): void {
  if (session.isEnded()) return;
  void attempt(() => session.terminate(statusCode === undefined ? {} : { status_code: statusCode }));
}

/** JsSIP throws when a session is in the wrong state for an action (e.g. it ended a moment ago). */
function attempt(action: () => unknown): Result<null> {
  try {
    action();
    return ok(null);
  } catch (error) {
    return fail('call-action-failed', (error as Error).message);
  }
}
