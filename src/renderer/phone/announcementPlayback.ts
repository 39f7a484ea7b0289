import type { Result } from '../../core/errors';
import type { PhoneEnvironment } from './phoneEnvironment';
import type { TonePlayer } from './tones';
import { passOnAfterAnnouncement } from './callTransfer';
import { attempt, later, type Announcement, type TrackedCall } from './trackedCall';

/** Speech not ready by then (an engine that hangs) gives way to the tone. */
const SPEECH_WAIT_MS = 5_000;
/** After the last word, so it reaches the caller before the transfer. */
const AFTER_SPEECH_MS = 600;
/** In case the audio clock stalls and the end of the speech is never reported. */
const SPEECH_END_GRACE_MS = 3_000;

/**
 * Answers with the profile's announcement. The call is answered with an output of the phone's
 * own, never the microphone, so the caller cannot hear the office. Once the call is confirmed the
 * caller hears the tone, then the text spoken by the computer's speech engine (also sent as SIP
 * INFO text), and then is passed on (REFER) or hung up. Without speech the tone fills the
 * announcement's time instead.
 */
export function answerWithAnnouncement(
  call: TrackedCall,
  announcement: Announcement,
  tones: TonePlayer,
  env: Pick<PhoneEnvironment, 'speak'>,
): void {
  const output = tones.callOutput();
  // Rendering starts while the call is being set up.
  const speech = output ? decodedSpeech(output, env.speak(announcement.text, announcement.language)) : Promise.resolve(null);
  const media = output ? { mediaStream: output.stream } : { mediaConstraints: { audio: false, video: false } };
  call.session.once('confirmed', () => {
    void attempt(() => call.session.sendInfo('text/plain;charset=utf-8', announcement.text));
    if (!output) {
      later(call, announcement.durationMs, () => passOn(call, announcement));
      return;
    }
    void playInto(call, announcement, tones, output, speech);
  });
  void attempt(() => call.session.answer({ ...media, pcConfig: { iceServers: [] } }));
}

async function decodedSpeech(output: MediaStreamAudioDestinationNode, wav: Promise<Result<ArrayBuffer>>): Promise<AudioBuffer | null> {
  const rendered = await wav;
  if (!rendered.ok) {
    console.warn(`The announcement is played as a tone: ${rendered.error.message}`);
    return null;
  }
  try {
    return await output.context.decodeAudioData(rendered.value);
  } catch (error) {
    console.warn(`The announcement is played as a tone: the speech could not be decoded (${(error as Error).message})`);
    return null;
  }
}

async function playInto(
  call: TrackedCall,
  announcement: Announcement,
  tones: TonePlayer,
  output: MediaStreamAudioDestinationNode,
  speech: Promise<AudioBuffer | null>,
): Promise<void> {
  // One special information tone before the words.
  const toneEndS = tones.specialInformation(output, 0);
  const buffer = await Promise.race([speech, new Promise<null>((resolve) => later(call, SPEECH_WAIT_MS, () => resolve(null)))]);
  if (call.session.isEnded()) return;
  if (!buffer) {
    tones.specialInformation(output, announcement.durationMs);
    later(call, announcement.durationMs, () => passOn(call, announcement));
    return;
  }
  const context = output.context;
  const source = context.createBufferSource();
  source.buffer = buffer;
  source.connect(output);
  const startS = Math.max(toneEndS, context.currentTime);
  let passed = false;
  const finish = () => {
    if (passed) return;
    passed = true;
    later(call, AFTER_SPEECH_MS, () => passOn(call, announcement));
  };
  source.onended = finish;
  call.session.once('ended', () => source.stop());
  call.session.once('failed', () => source.stop());
  source.start(startS);
  later(call, (startS - context.currentTime + buffer.duration) * 1000 + SPEECH_END_GRACE_MS, finish);
}

function passOn(call: TrackedCall, announcement: Announcement): void {
  passOnAfterAnnouncement(call.session, announcement.then, () => {
    call.phoneAction = 'announced-transferred';
  });
}
