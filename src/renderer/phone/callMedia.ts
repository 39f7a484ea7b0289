import type { CallStatus } from '../../core/phone/callView';
import { shouldRecord } from '../../core/phone/recording';
import type { CallRecording } from './callRecorder';
import type { PhoneContext } from './phoneEnvironment';
import { playRemoteAudio } from './remoteAudio';
import type { LoopingTone, TonePlayer } from './tones';
import type { TrackedCall } from './trackedCall';

/** The microphone, for a call the user places or answers; on loopback no ICE server is needed. */
export const MICROPHONE = { mediaConstraints: { audio: true, video: false }, pcConfig: { iceServers: [] } };

/** Plays the other party's audio, from the connection the session has now or makes later. */
export function followRemoteAudio(call: Pick<TrackedCall, 'session' | 'stopAudio'>): void {
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
}

/** One tone at a time: the ringtone (softer while in a call), else ringback, else silence. */
export function toneFor(statuses: readonly CallStatus[]): LoopingTone | null {
  if (statuses.includes('ringing')) return statuses.includes('active') ? 'callWaiting' : 'ringtone';
  return statuses.includes('alerting') ? 'ringback' : null;
}

export function playToneFor(tones: Pick<TonePlayer, 'play' | 'stop'>, statuses: readonly CallStatus[]): void {
  const tone = toneFor(statuses);
  if (tone) tones.play(tone);
  else tones.stop();
}

/** Records connected calls while the profile in force asks for it and the account has the add-on. */
export class RecordingHook {
  constructor(
    private readonly startRecording: (
      connection: RTCPeerConnection,
      call: Pick<TrackedCall, 'remote' | 'direction'>,
    ) => CallRecording | null,
  ) {}

  /** True when the call is being recorded from now on. */
  begin(
    call: Pick<TrackedCall, 'recording' | 'remote' | 'direction'>,
    connection: RTCPeerConnection | null,
    context: PhoneContext | null,
  ): boolean {
    if (!context || !connection || call.recording || !shouldRecord(context.profile, context.account)) return false;
    try {
      call.recording = this.startRecording(connection, call);
    } catch (error) {
      console.error(`The call could not be recorded: ${(error as Error).message}`);
    }
    return call.recording !== null;
  }

  /**
   * The profile changed during the call: recording starts or stops from this moment. Answers what
   * changed, or null when nothing did.
   */
  follow(
    call: Pick<TrackedCall, 'recording' | 'remote' | 'direction'>,
    connection: RTCPeerConnection | null,
    context: PhoneContext | null,
  ): 'started' | 'stopped' | null {
    const wanted = context !== null && shouldRecord(context.profile, context.account);
    if (wanted) return this.begin(call, connection, context) ? 'started' : null;
    if (!call.recording) return null;
    void this.finish(call, null);
    return 'stopped';
  }

  /** Stops the recording once its last chunk is written; `callId` links it from the call's history entry. */
  async finish(call: Pick<TrackedCall, 'recording'>, callId: string | null): Promise<void> {
    const recording = call.recording;
    call.recording = null;
    await recording?.stop(callId);
  }
}
