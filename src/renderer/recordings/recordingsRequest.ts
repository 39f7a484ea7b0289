import type { AppError, Result } from '../../core/errors';
import type { ChannelPayload, ChannelResponse } from '../../core/ipc/contract';
import type { AppState } from '../../core/state/appState';
import { contract } from '../contract/client';
import { useAppStore } from '../shared/appStore';

type RecordingsChannel = 'recording:delete' | 'recording:set-retention';

/** Asks main and takes the new state; a refusal is handed back for the view to word in place. */
export async function recordingsRequest<C extends RecordingsChannel>(channel: C, payload: ChannelPayload<C>): Promise<AppError | null> {
  const result = (await contract.invoke(channel, payload)) as Result<AppState>;
  if (!result.ok) return result.error;
  useAppStore.getState().receiveState(result.value);
  return null;
}

/** The whole recording, piece by piece, as a WAV blob for an `<audio>` element. */
export async function loadRecording(recordingId: string): Promise<Result<Blob>> {
  const pieces: Uint8Array<ArrayBuffer>[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const piece: Result<ChannelResponse<'recording:read'>> = await contract.invoke('recording:read', { recordingId, offset });
    if (!piece.ok) return piece;
    pieces.push(fromBase64(piece.value.dataBase64));
    offset = piece.value.nextOffset;
  }
  return { ok: true, value: new Blob(pieces, { type: 'audio/wav' }) };
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
