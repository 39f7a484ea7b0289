import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { fail, ok, type Result } from '../../src/core/errors';
import type { CallHistoryEntry } from '../../src/core/phone/history';
import { isBase64, recordingFileName, type RecordingMimeType } from '../../src/core/phone/recording';

export interface RecordingToSave {
  mimeType: RecordingMimeType;
  startedAt: number;
  dataBase64: string;
}

/** Call recordings, one file each, written atomically into `<dataDir>/recordings/` and nowhere else. */
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
    mkdirSync(this.directory, { recursive: true });
    const temporary = `${path}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
    return ok(name);
  }

  /** Two recordings with the same second and party get `-2`, `-3`, … rather than overwriting. */
  #freeName(name: string): string {
    const dot = name.lastIndexOf('.');
    let candidate = name;
    for (let n = 2; existsSync(join(this.directory, candidate)); n++) candidate = `${name.slice(0, dot)}-${n}${name.slice(dot)}`;
    return candidate;
  }
}
