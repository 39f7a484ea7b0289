import { UA } from 'jssip';
import type { CallOptions, IncomingMessageEvent, OutgoingMessageEvent, RTCSessionEvent } from 'jssip/lib/UA';
import { fail, ok, type AppError, type Result } from '../../core/errors';
import type { DialTarget } from '../../core/phone/numbers/phoneNumber';
import { resolveDialTarget, resolveTypedTarget, type ResolvedTarget } from '../../core/phone/dialTarget';
import { outgoingIdentity, type OutgoingIdentity } from '../../core/phone/identity';
import { checkOutgoingBody, type MessageKind } from '../../core/phone/message';
import { parseAccountAddress } from '../../core/phone/accountAddress';
import { canListenIn } from '../../core/phone/listenIn';
import { presentedIdentity, sipFailure, type SipFailure } from '../../core/phone/sipFailure';
import { namedFromDirectory } from '../../core/phone/directorySearch';
import { partyForTarget } from '../../core/phone/remoteParty';
import { CONNECTION_RECOVERY, type UaSettings } from '../../core/phone/uaSettings';
import { uaConfiguration } from './uaConfiguration';
import { MICROPHONE } from './callMedia';
import { CallRegistry } from './callRegistry';
import { ListenInSessions } from './listenInSessions';
import { receiveMessage } from './incomingMessages';
import type { PhoneContext, PhoneEnvironment } from './phoneEnvironment';
import { addMessage, showPhoneError, showRegistration, updateMessage } from './phoneStore';
import { RegistrationWatcher } from './registrationWatcher';
import { applyIdentityHeaders, makeFromAnonymous } from './sipRequests';
import { TonePlayer } from './tones';

const NOT_READY: AppError = { code: 'phone-not-ready', message: 'The app has not loaded its settings yet' };

/**
 * The one owner of the JsSIP UA: registers, places and receives calls and messages. A new account
 * or password replaces the UA whole.
 */
export class PhoneController {
  readonly #tones = new TonePlayer();
  readonly #calls: CallRegistry;
  readonly #listenIn: ListenInSessions;
  #ua: UA | null = null;
  #watcher: RegistrationWatcher | null = null;
  #settings: UaSettings | null = null;
  #pendingMessageIdentity: OutgoingIdentity | null = null;
  #messageSequence = 0;

  constructor(private readonly env: PhoneEnvironment) {
    this.#calls = new CallRegistry(env, this.#tones, (identity) => this.#callOptions(identity));
    this.#listenIn = new ListenInSessions(env, () => this.#calls.connectedCall());
  }

  /** Starts (or restarts) the phone for these settings; an error leaves it stopped and says why. */
  configure(settings: Result<UaSettings>): void {
    this.stop();
    if (!settings.ok) {
      showRegistration({ kind: 'not-configured', problem: settings.error });
      return;
    }
    this.#settings = settings.value;
    let ua: UA;
    try {
      ua = new UA(
        uaConfiguration(settings.value, {
          register: true,
          register_expires: 300,
          connection_recovery_min_interval: CONNECTION_RECOVERY.minIntervalS,
          connection_recovery_max_interval: CONNECTION_RECOVERY.maxIntervalS,
        }),
      );
    } catch (error) {
      const problem: AppError = { code: 'phone-config-rejected', message: `The SIP settings were refused: ${(error as Error).message}` };
      showRegistration({ kind: 'not-configured', problem });
      return;
    }
    this.#watcher = new RegistrationWatcher(ua, settings.value.uri);
    ua.on('newRTCSession', (event: RTCSessionEvent) => {
      if (!this.#listenIn.claims(event)) this.#calls.track(event);
    });
    ua.on('disconnected', () => this.#calls.endAllLost());
    ua.on('newMessage', (event: IncomingMessageEvent | OutgoingMessageEvent) => {
      if (event.originator === 'remote') {
        receiveMessage(event as IncomingMessageEvent, this.env, `in-${++this.#messageSequence}`);
        return;
      }
      // The request is built but not yet sent: the last moment its identity can be set.
      const identity = this.#pendingMessageIdentity;
      if (!identity) return;
      const request = (event as OutgoingMessageEvent).request;
      if (identity.anonymousFrom) makeFromAnonymous(request);
      applyIdentityHeaders(request, identity);
    });
    this.#ua = ua;
    showRegistration({ kind: 'connecting' });
    ua.start();
  }

  /** The UA while the phone runs, for presence to publish and subscribe over the same connection. */
  get ua(): UA | null {
    return this.#ua;
  }

  stop(): void {
    this.#listenIn.endAll();
    this.#calls.endAll();
    this.#watcher?.stop();
    this.#watcher = null;
    this.#ua?.stop();
    this.#ua = null;
    this.#settings = null;
    showRegistration({ kind: 'stopped' });
  }

  dispose(): void {
    this.stop();
    this.#tones.close();
  }

  /** Calls a number, an extension or a SIP address; a refusal is shown in the phone view. */
  dial(text: string): Result<string> {
    const placed = this.tryDial(text);
    return placed.ok ? placed : this.#refuse(placed.error);
  }

  /** Like `dial`, for the dialer, which shows a refusal beside what the user typed. */
  tryDial(text: string): Result<string> {
    const context = this.env.context();
    if (!context) return fail(NOT_READY.code, NOT_READY.message);
    const target = resolveTypedTarget(text, context.account);
    if (!target.ok) return target;
    return this.#place(target.value, context, '');
  }

  /** Calls a tel:/sip:/callto: link the OS handed over; a `;ext=` is dialled as DTMF once connected. */
  dialTarget(target: DialTarget): Result<string> {
    const context = this.env.context();
    if (!context) return this.#refuse(NOT_READY);
    const address = parseAccountAddress(context.account.sip.uri);
    if (!address.ok) return this.#refuse(address.error);
    const extension = target.kind === 'number' ? (target.extension ?? '') : '';
    const placed = this.#place(resolveDialTarget(target, address.value.domain), context, extension);
    return placed.ok ? placed : this.#refuse(placed.error);
  }

  answer(callId: string): Result<null> {
    return this.#settle(this.#calls.answer(callId));
  }

  decline(callId: string): Result<null> {
    return this.#settle(this.#calls.decline(callId));
  }

  hangUp(callId: string): Result<null> {
    return this.#settle(this.#calls.hangUp(callId));
  }

  setHold(callId: string, hold: boolean): Result<null> {
    return this.#settle(this.#calls.setHold(callId, hold));
  }

  setMuted(callId: string, muted: boolean): Result<null> {
    return this.#settle(this.#calls.setMuted(callId, muted));
  }

  sendDtmf(callId: string, tones: string): Result<null> {
    return this.#settle(this.#calls.sendDtmf(callId, tones));
  }

  /** As a supervisor, listens in on a colleague's call; the colleague's phone decides, and a refusal is shown in Kollegor. */
  listenIn(uri: string, name: string): Result<string> {
    const context = this.env.context();
    if (!context) return fail(NOT_READY.code, NOT_READY.message);
    if (!canListenIn(context.account)) return fail('listen-in-not-supervisor', 'Only a supervisor with the listen-in add-on can listen in');
    const ua = this.#connectedUa();
    if (!ua.ok) return ua;
    return this.#listenIn.listen(ua.value, uri, name);
  }

  stopListening(): void {
    this.#listenIn.stopListening();
  }

  /**
   * The app's settings changed: connected calls start or stop recording as the active profile now
   * says, and a listen-in that the profile no longer allows ends at once.
   */
  settingsChanged(): void {
    this.#calls.followProfile();
    this.#listenIn.settingsChanged();
  }

  /** Blind transfer: the other party is asked (REFER) to call `text`, and this phone leaves the call. The form shows a refusal. */
  transfer(callId: string, text: string): Result<null> {
    const context = this.env.context();
    if (!context) return fail(NOT_READY.code, NOT_READY.message);
    const target = resolveTypedTarget(text, context.account);
    if (!target.ok) return target;
    return this.#calls.transfer(callId, target.value);
  }

  /** Sends a chat (under the user's SIP address) or an SMS (under the profile's SMS caller ID); the composer shows a refusal. */
  sendMessage(kind: MessageKind, to: string, text: string): Result<string> {
    const context = this.env.context();
    if (!context) return fail(NOT_READY.code, NOT_READY.message);
    const target = resolveTypedTarget(to, context.account);
    if (!target.ok) return target;
    if (kind === 'sms' && target.value.number === null) {
      return fail('sms-needs-number', 'An SMS can only go to a phone number');
    }
    const body = checkOutgoingBody(text);
    if (!body.ok) return body;
    const identity = outgoingIdentity(kind, context.profile, context.account);
    if (!identity.ok) return identity;
    const ua = this.#connectedUa();
    if (!ua.ok) return ua;

    const id = `out-${++this.#messageSequence}`;
    addMessage({
      id,
      direction: 'outgoing',
      kind,
      remote: namedFromDirectory(partyForTarget(target.value.uri, target.value.number, target.value.name), context.account.directory),
      body: body.value,
      at: Date.now(),
      status: 'sending',
      presentedNumber: identity.value.number,
      failure: null,
    });
    this.#pendingMessageIdentity = identity.value;
    try {
      ua.value.sendMessage(target.value.uri, body.value, {
        contentType: 'text/plain;charset=utf-8',
        // An anonymous From is set while the request is built (see configure); JsSIP has no option for it.
        ...fromOptions(identity.value),
        eventHandlers: {
          succeeded: () => updateMessage(id, { status: 'sent' }),
          failed: ({ response, cause }) =>
            updateMessage(id, {
              status: 'failed',
              failure: messageFailure(String(cause ?? ''), response?.status_code ?? null, identity.value),
            }),
        },
      });
    } finally {
      this.#pendingMessageIdentity = null;
    }
    return ok(id);
  }

  #place(target: ResolvedTarget, context: PhoneContext, dtmfAfterConnect: string): Result<string> {
    const ua = this.#connectedUa();
    if (!ua.ok) return ua;
    const identity = outgoingIdentity('call', context.profile, context.account);
    if (!identity.ok) return identity;
    const placed = this.#calls.place(ua.value, target, identity.value, dtmfAfterConnect);
    if (placed.ok) showPhoneError(null);
    return placed;
  }

  #callOptions(identity: OutgoingIdentity): CallOptions {
    return {
      ...MICROPHONE,
      anonymous: identity.anonymousFrom,
      ...fromOptions(identity),
      eventHandlers: { sending: ({ request }) => applyIdentityHeaders(request, identity) },
    };
  }

  #connectedUa(): Result<UA> {
    if (!this.#ua || !this.#settings) return fail('phone-not-configured', 'The phone is not set up');
    if (!this.#ua.isConnected()) return fail('phone-offline', 'The phone has no connection to the PBX right now');
    return ok(this.#ua);
  }

  #settle(result: Result<null>): Result<null> {
    return result.ok ? result : this.#refuse(result.error);
  }

  #refuse(error: AppError): Result<never> {
    showPhoneError(error);
    return { ok: false, error };
  }
}

/** The From a call or message is sent with; an anonymous From is made separately (JsSIP's `anonymous`, or while a MESSAGE is built). */
function fromOptions(identity: OutgoingIdentity): { fromUserName?: string; fromDisplayName?: string } {
  return {
    ...(identity.fromUser === null || identity.anonymousFrom ? {} : { fromUserName: identity.fromUser }),
    ...(identity.fromDisplayName === '' ? {} : { fromDisplayName: identity.fromDisplayName }),
  };
}

function messageFailure(cause: string, statusCode: number | null, identity: OutgoingIdentity): SipFailure {
  const failure = sipFailure({
    context: 'message',
    cause,
    statusCode,
    presented: presentedIdentity(identity),
    outgoing: true,
    reachedServer: true,
  });
  // A failed MESSAGE always has a reason; "Terminated" or "Canceled" cannot end one.
  return failure ?? { context: 'message', reason: 'call-broken', statusCode };
}
