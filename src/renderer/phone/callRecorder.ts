import type { RecordingMimeType } from '../../core/phone/recording';

export interface FinishedRecording {
  mimeType: RecordingMimeType;
  startedAt: number;
  dataBase64: string;
}

/** A call being recorded; `stop` resolves with the bytes, or null when nothing was captured. */
export interface CallRecording {
  stop(): Promise<FinishedRecording | null>;
}

const CANDIDATES: { type: string; mimeType: RecordingMimeType }[] = [
  { type: 'audio/webm;codecs=opus', mimeType: 'audio/webm' },
  { type: 'audio/ogg;codecs=opus', mimeType: 'audio/ogg' },
  { type: 'audio/webm', mimeType: 'audio/webm' },
];

function audioTracks(tracks: (MediaStreamTrack | null)[]): MediaStreamTrack[] {
  return tracks.filter((track): track is MediaStreamTrack => track !== null && track.kind === 'audio');
}

/** Mixes the microphone and the other party with WebAudio and records the mix. null if this runtime cannot. */
export function startCallRecording(connection: RTCPeerConnection): CallRecording | null {
  if (typeof MediaRecorder === 'undefined' || typeof AudioContext === 'undefined') return null;
  const chosen = CANDIDATES.find((candidate) => MediaRecorder.isTypeSupported(candidate.type));
  if (!chosen) return null;
  const context = new AudioContext();
  const destination = context.createMediaStreamDestination();
  const connected = new Set<string>();
  const mix = (track: MediaStreamTrack) => {
    if (connected.has(track.id)) return;
    connected.add(track.id);
    context.createMediaStreamSource(new MediaStream([track])).connect(destination);
  };
  const local = audioTracks(connection.getSenders().map((sender) => sender.track));
  const remote = audioTracks(connection.getReceivers().map((receiver) => receiver.track));
  for (const track of [...local, ...remote]) mix(track);
  const onTrack = (event: RTCTrackEvent) => {
    if (event.track.kind === 'audio') mix(event.track);
  };
  connection.addEventListener('track', onTrack);

  const startedAt = Date.now();
  const chunks: Blob[] = [];
  const recorder = new MediaRecorder(destination.stream, { mimeType: chosen.type });
  recorder.addEventListener('dataavailable', (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  });
  recorder.start(1000);

  return {
    stop: () =>
      new Promise<FinishedRecording | null>((resolve) => {
        connection.removeEventListener('track', onTrack);
        const finish = () => {
          void context.close().catch(() => undefined);
          if (chunks.length === 0) return resolve(null);
          void new Blob(chunks, { type: chosen.mimeType })
            .arrayBuffer()
            .then((buffer) => resolve(buffer.byteLength === 0 ? null : { mimeType: chosen.mimeType, startedAt, dataBase64: toBase64(buffer) }))
            .catch(() => resolve(null));
        };
        if (recorder.state === 'inactive') return finish();
        recorder.addEventListener('stop', finish, { once: true });
        recorder.stop();
      }),
  };
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
