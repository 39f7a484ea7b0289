import type { Result } from '../../core/errors';
import type { RecordingInfo, RecordingSampleRate } from '../../core/phone/recording';
import { mixCallInto } from './callMix';
import pcmCaptureUrl from './pcmCapture.worklet.ts?worker&url';

export interface RecordingDetails {
  party: string;
  direction: RecordingInfo['direction'];
  sampleRate: RecordingSampleRate;
}

/** Where a recording goes while it is made: main, over the contract, chunk by chunk. */
export interface RecordingSink {
  begin(details: RecordingDetails): Promise<Result<{ recordingId: string }>>;
  append(recordingId: string, dataBase64: string): Promise<Result<unknown>>;
  finish(recordingId: string, callId: string | null): Promise<Result<unknown>>;
}

/** A call being recorded; `stop` resolves once the last chunk is written and the recording closed. */
export interface CallRecording {
  stop(callId: string | null): Promise<void>;
}

/** Telephone speech needs no more; a tenth of 48 kHz stereo on disk. */
export const RECORDING_SAMPLE_RATE: RecordingSampleRate = 16000;
/** A crash loses at most this much of the call. */
const CHUNK_BYTES = RECORDING_SAMPLE_RATE * 2;
/** If the audio thread has stopped, the page stops waiting for its last batch. */
const FLUSH_WAIT_MS = 1_000;

/**
 * Mixes the microphone and the other party with WebAudio and streams the mix to main as 16-bit PCM,
 * a second at a time, while the call goes on. null if this runtime cannot.
 */
export function startCallRecording(
  connection: RTCPeerConnection,
  details: Omit<RecordingDetails, 'sampleRate'>,
  sink: RecordingSink,
): CallRecording | null {
  if (typeof AudioContext === 'undefined' || typeof AudioWorkletNode === 'undefined') return null;
  const context = new AudioContext({ sampleRate: RECORDING_SAMPLE_RATE });
  const begun = sink.begin({ ...details, sampleRate: RECORDING_SAMPLE_RATE }).then((result) => {
    if (!result.ok) console.error(`The call could not be recorded: ${result.error.message}`);
    return result.ok ? result.value.recordingId : null;
  });
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let written: Promise<unknown> = begun;
  const send = () => {
    if (pendingBytes === 0) return;
    const chunk = joined(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    written = written.then(async () => {
      const id = await begun;
      if (id === null) return;
      const appended = await sink.append(id, toBase64(chunk));
      if (!appended.ok) console.error(`A part of the recording was not written: ${appended.error.message}`);
    });
  };

  let stopMixing: () => void = () => undefined;
  const ready = context.audioWorklet.addModule(pcmCaptureUrl).then(() => {
    const capture = new AudioWorkletNode(context, 'pcm-capture', {
      numberOfInputs: 1,
      numberOfOutputs: 0,
      channelCount: 1,
      channelCountMode: 'explicit',
    });
    capture.port.onmessage = (event: MessageEvent<Int16Array | 'flushed'>) => {
      if (typeof event.data === 'string') return;
      const bytes = new Uint8Array(event.data.buffer, event.data.byteOffset, event.data.byteLength);
      pending.push(bytes);
      pendingBytes += bytes.byteLength;
      if (pendingBytes >= CHUNK_BYTES) send();
    };
    stopMixing = mixCallInto(connection, context, capture);
    return capture;
  });

  return {
    async stop(callId) {
      const node = await ready.catch((error: unknown) => {
        console.error(`The call could not be recorded: ${(error as Error).message}`);
        return null;
      });
      stopMixing();
      if (node) await lastBatch(node);
      void context.close().catch(() => undefined);
      send();
      await written;
      const id = await begun;
      if (id === null) return;
      const finished = await sink.finish(id, callId);
      if (!finished.ok) console.error(`The recording could not be closed: ${finished.error.message}`);
    },
  };
}

/** Asks the audio thread for what it still holds; its batches arrive before its answer. */
function lastBatch(node: AudioWorkletNode): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FLUSH_WAIT_MS);
    node.port.addEventListener('message', (event: MessageEvent) => {
      if (event.data !== 'flushed') return;
      clearTimeout(timer);
      resolve();
    });
    node.port.postMessage('stop');
  });
}

function joined(parts: readonly Uint8Array[], length: number): Uint8Array {
  const whole = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.byteLength;
  }
  return whole;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
