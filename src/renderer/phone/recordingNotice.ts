import type { Result } from '../../core/errors';

/** Media that has not connected by then never will; the notice is dropped. */
const CONNECT_WAIT_MS = 5_000;
/** In case the audio clock stalls and the end of the speech is never reported. */
const SPEECH_END_GRACE_MS = 2_000;

/**
 * Tells the other party the call is recorded, in the words the announcements' speech engine
 * rendered: they are sent in place of the microphone while they play, so the office does not talk
 * over them, and then the microphone is sent again.
 */
export async function tellOtherPartyRecorded(connection: RTCPeerConnection, speech: Promise<Result<ArrayBuffer>>): Promise<void> {
  const sender = connection.getSenders().find((candidate) => candidate.track?.kind === 'audio');
  if (!sender) return;
  const [rendered, connected] = await Promise.all([speech, mediaConnected(connection)]);
  if (!rendered.ok) return console.warn(`The other party was not told of the recording: ${rendered.error.message}`);
  if (!connected) return;
  const context = new AudioContext();
  try {
    const buffer = await context.decodeAudioData(rendered.value);
    const output = context.createMediaStreamDestination();
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(output);
    const microphone = sender.track;
    await sender.replaceTrack(output.stream.getAudioTracks()[0] ?? null);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, buffer.duration * 1000 + SPEECH_END_GRACE_MS);
      source.onended = () => {
        clearTimeout(timer);
        resolve();
      };
      source.start();
    });
    if (connection.connectionState !== 'closed') await sender.replaceTrack(microphone);
  } catch (error) {
    console.warn(`The other party was not told of the recording: ${(error as Error).message}`);
  } finally {
    void context.close().catch(() => undefined);
  }
}

function mediaConnected(connection: RTCPeerConnection): Promise<boolean> {
  if (connection.connectionState === 'connected') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => settle(false), CONNECT_WAIT_MS);
    const onChange = () => {
      if (connection.connectionState === 'connected') settle(true);
      else if (connection.connectionState === 'failed' || connection.connectionState === 'closed') settle(false);
    };
    const settle = (connected: boolean) => {
      clearTimeout(timer);
      connection.removeEventListener('connectionstatechange', onChange);
      resolve(connected);
    };
    connection.addEventListener('connectionstatechange', onChange);
  });
}
