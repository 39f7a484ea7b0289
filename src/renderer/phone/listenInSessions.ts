import type { EndEvent, RTCSession } from 'jssip/lib/RTCSession';
import type { RTCSessionEvent, UA } from 'jssip/lib/UA';
import { fail, ok, type Result } from '../../core/errors';
import { asksToListenIn, decideListenIn, listenInCallInfo, listenInFailureOf, listenInStillAllowed } from '../../core/phone/listenIn';
import { mixBothSides, type CallMix } from './callMix';
import type { ReceivedRequest } from './incomingCall';
import { addListener, endListening, removeListener, showListening } from './listenInStore';
import type { PhoneEnvironment } from './phoneEnvironment';
import { playRemoteAudio } from './remoteAudio';
import { attempt, hangUpQuietly } from './trackedCall';

/** The call this phone is connected in now, that a supervisor may listen to. */
export interface ConnectedCall {
  id: string;
  session: RTCSession;
  connection: RTCPeerConnection;
}

interface IncomingListenIn {
  session: RTCSession;
  callId: string;
  supervisorUri: string;
}

const LOOPBACK_ICE = { iceServers: [] };

/**
 * Listen-in on both sides. As the colleague: an INVITE with the listen-in marker is settled here,
 * never rung; when the core allows it, it is answered with both sides of the connected call mixed,
 * and nothing it sends is played. As the supervisor: an INVITE with the marker that receives only.
 */
export class ListenInSessions {
  readonly #incoming = new Map<string, IncomingListenIn>();
  #outgoing: RTCSession | null = null;
  #placing = false;

  constructor(
    private readonly env: Pick<PhoneEnvironment, 'context'>,
    private readonly connectedCall: () => ConnectedCall | null,
  ) {}

  /** Takes a new session that is a listen-in, ours or a supervisor's; others are ordinary calls. */
  claims(event: RTCSessionEvent): boolean {
    if (event.originator === 'local') return this.#placing;
    if (!asksToListenIn(headerValues(event.request, 'Call-Info'))) return false;
    this.#settle(event.session, event.request);
    return true;
  }

  /** As a supervisor: listens in on the colleague at `uri`. From is the user's own address, with no caller ID of a profile, so the PBX asserts who asks. */
  listen(ua: UA, uri: string, name: string): Result<string> {
    this.stopListening();
    let stopAudio: (() => void) | null = null;
    let session: RTCSession;
    this.#placing = true;
    try {
      session = ua.call(uri, {
        mediaConstraints: { audio: false, video: false },
        pcConfig: LOOPBACK_ICE,
        extraHeaders: [`Call-Info: ${listenInCallInfo(uri)}`],
        eventHandlers: {
          peerconnection: ({ peerconnection }) => {
            // Receive only: the supervisor is never heard in the call.
            peerconnection.addTransceiver('audio', { direction: 'recvonly' });
            stopAudio = playRemoteAudio(peerconnection);
          },
          icecandidate: (event) => event.ready(),
        },
      });
    } catch (error) {
      return fail('listen-in-failed', `Listen-in could not be started: ${(error as Error).message}`);
    } finally {
      this.#placing = false;
    }
    this.#outgoing = session;
    const id = session.id;
    showListening({ sessionId: id, uri, name, state: 'connecting' });
    session.on('accepted', () => showListening({ sessionId: id, uri, name, state: 'listening' }));
    const finish = (event: EndEvent, answered: boolean) => {
      stopAudio?.();
      if (this.#outgoing === session) this.#outgoing = null;
      if (answered || event.originator === 'local') {
        endListening(id, { kind: 'ended', name });
        return;
      }
      const response = event.originator === 'remote' && event.message && 'status_code' in event.message ? event.message : null;
      endListening(id, {
        kind: 'refused',
        name,
        reason: listenInFailureOf(response?.status_code ?? null, response?.reason_phrase ?? null),
      });
    };
    session.on('failed', (event) => finish(event, false));
    session.on('ended', (event) => finish(event, true));
    return ok(id);
  }

  stopListening(): void {
    if (this.#outgoing) hangUpQuietly(this.#outgoing);
  }

  /** The settings changed: a listen-in the active profile (or the directory) no longer allows ends at once. */
  settingsChanged(): void {
    const context = this.env.context();
    for (const listenIn of this.#incoming.values()) {
      if (!listenInStillAllowed(context?.account ?? null, context?.profile ?? null, listenIn.supervisorUri))
        hangUpQuietly(listenIn.session);
    }
  }

  endAll(): void {
    this.stopListening();
    for (const { session } of [...this.#incoming.values()]) hangUpQuietly(session);
  }

  #settle(session: RTCSession, invite: ReceivedRequest): void {
    const context = this.env.context();
    const call = this.connectedCall();
    const decision = decideListenIn({
      account: context?.account ?? null,
      profile: context?.profile ?? null,
      inCall: call !== null,
      listenedIn: call !== null && [...this.#incoming.values()].some((listenIn) => listenIn.callId === call.id),
      assertedIdentities: headerValues(invite, 'P-Asserted-Identity'),
    });
    if (decision.kind === 'refuse' || !call) {
      const refusal = decision.kind === 'refuse' ? decision : { statusCode: 480, reasonPhrase: 'Temporarily Unavailable' };
      void attempt(() => session.terminate({ status_code: refusal.statusCode, reason_phrase: refusal.reasonPhrase }));
      return;
    }
    let mix: CallMix;
    try {
      mix = mixBothSides(call.connection);
    } catch (error) {
      console.error(`Listen-in could not mix the call: ${(error as Error).message}`);
      void attempt(() => session.terminate({ status_code: 500, reason_phrase: 'Server Internal Error' }));
      return;
    }
    this.#incoming.set(session.id, { session, callId: call.id, supervisorUri: decision.supervisor.uri });
    const endWithCall = () => hangUpQuietly(session);
    call.session.on('ended', endWithCall);
    call.session.on('failed', endWithCall);
    const finish = () => {
      if (!this.#incoming.delete(session.id)) return;
      call.session.off('ended', endWithCall);
      call.session.off('failed', endWithCall);
      mix.close();
      removeListener(session.id);
    };
    session.on('ended', finish);
    session.on('failed', finish);
    session.on('icecandidate', (event) => event.ready());
    addListener({ sessionId: session.id, callId: call.id, name: decision.supervisor.name });
    // Answered with the mix alone: the supervisor's offer receives only, and nothing is played here.
    const answered = attempt(() => session.answer({ mediaStream: mix.stream, pcConfig: LOOPBACK_ICE }));
    if (!answered.ok) {
      console.error(`Listen-in could not be answered: ${answered.error.message}`);
      hangUpQuietly(session);
      finish();
    }
  }
}

function headerValues(request: ReceivedRequest, name: string): string[] {
  return request.hasHeader(name) ? request.getHeaders(name) : [];
}
