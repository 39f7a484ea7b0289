import { existsSync, rmSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { fail, ok, type Result } from '../../src/core/errors';
import type { CallHistoryEntry } from '../../src/core/phone/history';
import { isBase64, recordingFileName, type RecordingMimeType } from '../../src/core/phone/recording';
import { attemptWrite, ensureDirectory, OWNER_ONLY_DIRECTORY_MODE, OWNER_ONLY_FILE_MODE, writeFileDurably, type WriteResult } from './durableFile';

export interface RecordingToSave {
  mimeType: RecordingMimeType;
  startedAt: number;
  dataBase64: string;
}

/** Call recordings, one owner-only file each, written atomically into `<dataDir>/recordings/` and nowhere else. */
export class RecordingStore {
  readonly directory: string;

  constructor(dataDir: string) {
    this.directory = resolve(dataDir, 'recordings');
  }

  /** Checks the body, then writes it; answers with the file name (not a path). Nothing is written on a refusal. */
  save(entry: CallHistoryEntry, recording: RecordingToSave): Result<string> {
    if (recording.dataBase64.length === 0) return fail('recording-empty', 'The recording is empty.', 'dataBase64');
    if (!isBase64(recording.dataBase64)) return fail('recording-not-base64', 'The recording is not valid base64.', 'dataBase64');
    const bytes = Buffer.from(recording.dataBase64, 'base64');
    if (bytes.length === 0) return fail('recording-empty', 'The recording is empty.', 'dataBase64');
    const name = this.#freeName(recordingFileName(recording.startedAt, entry.remoteNumber ?? entry.remoteUri, recording.mimeType));
    const path = join(this.directory, name);
    // The name is built to be safe; this is the belt to those braces.
    if (basename(name) !== name || !resolve(path).startsWith(this.directory + sep)) {
      return fail('recording-path-refused', 'The recording file name is not allowed.');
    }
    const directory = ensureDirectory('recording', this.directory, OWNER_ONLY_DIRECTORY_MODE);
    if (!directory.ok) return directory;
    const written = writeFileDurably('recording', path, bytes, OWNER_ONLY_FILE_MODE);
    return written.ok ? ok(name) : written;
  }

  /** Takes back a recording whose history entry could not be written, so no file is left unlinked. */
  discard(name: string): WriteResult {
    return attemptWrite('recording', () => rmSync(join(this.directory, basename(name)), { force: true }));
  }

  /** Two recordings with the same second and party get `-2`, `-3`, … rather than overwriting. */
  #freeName(name: string): string {
    const dot = name.lastIndexOf('.');
    let candidate = name;
    for (let n = 2; existsSync(join(this.directory, candidate)); n++) candidate = `${name.slice(0, dot)}-${n}${name.slice(dot)}`;
    return candidate;
  }
}
