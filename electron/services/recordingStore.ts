import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { fail, ok, type Result } from '../../src/core/errors';
import {
  durationMsOf,
  RECORDING_READ_BYTES,
  recordingBaseName,
  RecordingInfoSchema,
  WAV_HEADER_BYTES,
  wavDataBytes,
  wavHeader,
  type RecordingInfo,
  type RecordingSampleRate,
} from '../../src/core/phone/recording';
import { describeInput } from '../../src/core/describeInput';
import {
  attemptWrite,
  ensureDirectory,
  OWNER_ONLY_DIRECTORY_MODE,
  OWNER_ONLY_FILE_MODE,
  writeFileDurably,
  type WriteResult,
} from './durableFile';

export interface RecordingStart {
  party: string;
  direction: RecordingInfo['direction'];
  profile: string;
  sampleRate: RecordingSampleRate;
  startedAt: number;
}

export interface RecordingPiece {
  data: Buffer;
  totalBytes: number;
  /** Where the next piece starts; null after the last. */
  nextOffset: number | null;
}

/**
 * Call recordings in `<dataDir>/recordings/` and nowhere else: per recording a WAV file that grows
 * chunk by chunk while the call goes on (each chunk synced to disk), and a metadata file beside it.
 * A recording still marked as being written when the store opens was cut short by a crash: its
 * header is rewritten from the file's size and it is listed as repaired.
 */
export class RecordingStore {
  readonly directory: string;
  readonly #items = new Map<string, RecordingInfo>();
  /** Recordings this run is writing; any other still marked `recording` was left by a crash. */
  readonly #open = new Set<string>();
  /** How many recordings were repaired when the store opened. */
  readonly repaired: number = 0;

  constructor(dataDir: string) {
    this.directory = resolve(dataDir, 'recordings');
    for (const info of this.#readStored()) {
      const settled = info.state === 'recording' ? this.#repair(info) : info;
      if (settled.state === 'repaired' && info.state === 'recording') this.repaired++;
      this.#items.set(settled.id, settled);
    }
  }

  /** Newest first. */
  list(): RecordingInfo[] {
    return [...this.#items.values()].sort((a, b) => b.startedAt - a.startedAt || a.id.localeCompare(b.id));
  }

  /** Creates the WAV file with its header and the metadata marking it as being written. */
  begin(start: RecordingStart): Result<RecordingInfo> {
    const directory = ensureDirectory('recording', this.directory, OWNER_ONLY_DIRECTORY_MODE);
    if (!directory.ok) return directory;
    const id = this.#freeName(recordingBaseName(start.startedAt, start.party));
    const info: RecordingInfo = {
      id,
      file: `${id}.wav`,
      party: start.party,
      direction: start.direction,
      profile: start.profile,
      startedAt: start.startedAt,
      durationMs: 0,
      sampleRate: start.sampleRate,
      state: 'recording',
    };
    const created = writeFileDurably('recording', this.#audioPath(info), wavHeader(0, info.sampleRate), OWNER_ONLY_FILE_MODE);
    if (!created.ok) return created;
    const described = this.#writeInfo(info);
    if (!described.ok) {
      rmSync(this.#audioPath(info), { force: true });
      return described;
    }
    this.#items.set(id, info);
    this.#open.add(id);
    return ok(info);
  }

  /** Appends whole 16-bit samples and syncs them to disk; answers with the recording's length so far. */
  append(id: string, data: Buffer): Result<RecordingInfo> {
    const info = this.#writable(id);
    if (!info.ok) return info;
    if (data.length % 2 !== 0) return fail('recording-chunk-odd', 'A chunk must hold whole 16-bit samples.', 'dataBase64');
    const path = this.#audioPath(info.value);
    const written = attemptWrite('recording', () => {
      const fd = openSync(path, 'r+');
      const before = statSync(path).size;
      try {
        // A write may take only part of the chunk (the disk's last free page); the rest is written on, or refused.
        for (let done = 0; done < data.length;) done += writeSync(fd, data, done, data.length - done, before + done);
        fsyncSync(fd);
      } catch (error) {
        // A chunk the disk took only part of is taken back whole, so the file stays as it was.
        try {
          ftruncateSync(fd, before);
        } catch {
          // Then the next start repairs the file from its size.
        }
        throw error;
      } finally {
        closeSync(fd);
      }
    });
    if (!written.ok) return written;
    const next = { ...info.value, durationMs: durationMsOf(wavDataBytes(statSync(path).size), info.value.sampleRate) };
    this.#items.set(id, next);
    return ok(next);
  }

  /** Writes the final header and marks the recording finished. */
  finish(id: string): Result<RecordingInfo> {
    const info = this.#writable(id);
    if (!info.ok) return info;
    const closed = this.#close(info.value, 'finished');
    if (!closed.ok) return closed;
    this.#open.delete(id);
    return closed;
  }

  /** Deletes a recording's audio and metadata. One still being written cannot be deleted. */
  delete(id: string): Result<RecordingInfo> {
    const info = this.#items.get(id);
    if (!info) return unknownRecording(id);
    if (this.#open.has(id))
      return fail('recording-in-progress', 'The recording is still being made; it can be deleted when the call has ended.', 'recordingId');
    const removed = attemptWrite('recording', () => {
      rmSync(this.#infoPath(info), { force: true });
      rmSync(this.#audioPath(info), { force: true });
    });
    if (!removed.ok) return removed;
    this.#items.delete(id);
    return ok(info);
  }

  /** Bytes on disk: every recording's audio and metadata. */
  diskBytes(): number {
    let total = 0;
    for (const info of this.#items.values()) {
      for (const path of [this.#audioPath(info), this.#infoPath(info)]) {
        try {
          total += statSync(path).size;
        } catch {
          // A file removed behind our back takes no room.
        }
      }
    }
    return total;
  }

  /** A piece of the audio file, for playback. */
  read(id: string, offset: number): Result<RecordingPiece> {
    const info = this.#items.get(id);
    if (!info) return unknownRecording(id);
    try {
      const fd = openSync(this.#audioPath(info), 'r');
      try {
        const totalBytes = statSync(this.#audioPath(info)).size;
        if (offset > totalBytes)
          return fail('recording-offset-invalid', `The recording has ${totalBytes} bytes; nothing starts at ${offset}.`, 'offset');
        const data = Buffer.alloc(Math.min(RECORDING_READ_BYTES, totalBytes - offset));
        const read = readSync(fd, data, 0, data.length, offset);
        const end = offset + read;
        return ok({ data: data.subarray(0, read), totalBytes, nextOffset: end < totalBytes ? end : null });
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      return fail('recording-unreadable', `The recording could not be read: ${(error as Error).message}`);
    }
  }

  #writable(id: string): Result<RecordingInfo> {
    const info = this.#items.get(id);
    if (!info) return unknownRecording(id);
    if (!this.#open.has(id))
      return fail('recording-not-open', `The recording ${describeInput(id)} is finished; nothing more can be added to it.`, 'recordingId');
    return ok(info);
  }

  /** Sets the header's sizes from what is on disk, dropping a half sample, and writes the metadata. */
  #close(info: RecordingInfo, state: 'finished' | 'repaired'): Result<RecordingInfo> {
    const path = this.#audioPath(info);
    let dataBytes = 0;
    const headed = attemptWrite('recording', () => {
      const fd = openSync(path, 'r+');
      try {
        dataBytes = wavDataBytes(statSync(path).size);
        ftruncateSync(fd, WAV_HEADER_BYTES + dataBytes);
        writeSync(fd, wavHeader(dataBytes, info.sampleRate), 0, WAV_HEADER_BYTES, 0);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    });
    if (!headed.ok) return headed;
    const closed: RecordingInfo = { ...info, durationMs: durationMsOf(dataBytes, info.sampleRate), state };
    const described = this.#writeInfo(closed);
    if (!described.ok) return described;
    this.#items.set(info.id, closed);
    return ok(closed);
  }

  /** A recording a crash left open; if even that fails it stays listed as it was, and is tried again next start. */
  #repair(info: RecordingInfo): RecordingInfo {
    const repaired = this.#close(info, 'repaired');
    return repaired.ok ? repaired.value : info;
  }

  #readStored(): RecordingInfo[] {
    let names: string[];
    try {
      names = readdirSync(this.directory);
    } catch {
      return [];
    }
    return names.flatMap((name) => {
      if (!name.endsWith('.json')) return [];
      try {
        const parsed = RecordingInfoSchema.safeParse(JSON.parse(readFileSync(join(this.directory, name), 'utf8')));
        // Metadata must name its own files, so an edited file can never point outside the directory.
        if (!parsed.success || `${parsed.data.id}.json` !== name || parsed.data.file !== `${parsed.data.id}.wav`) return [];
        return existsSync(join(this.directory, parsed.data.file)) ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
  }

  #writeInfo(info: RecordingInfo): WriteResult {
    return writeFileDurably('recording', this.#infoPath(info), JSON.stringify(info), OWNER_ONLY_FILE_MODE);
  }

  #audioPath(info: RecordingInfo): string {
    return join(this.directory, info.file);
  }

  #infoPath(info: RecordingInfo): string {
    return join(this.directory, `${info.id}.json`);
  }

  /** Two recordings with the same second and party get `-2`, `-3`, … rather than overwriting. */
  #freeName(base: string): string {
    let candidate = base;
    for (let n = 2; this.#items.has(candidate) || existsSync(join(this.directory, `${candidate}.wav`)); n++) candidate = `${base}-${n}`;
    return candidate;
  }
}

function unknownRecording<T>(id: string): Result<T> {
  return fail('recording-unknown', `There is no recording ${describeInput(id)}.`, 'recordingId');
}
