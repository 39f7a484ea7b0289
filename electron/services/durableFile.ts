import { chmodSync, mkdirSync } from 'node:fs';
import { writeFileSync as writeAtomically } from 'atomically';
import { writeFailureOf, type WriteFailure, type WriteKind } from '../../src/core/storage/writeFailure';

/** Recordings and secrets: readable by their owner only. */
export const OWNER_ONLY_FILE_MODE = 0o600;
export const OWNER_ONLY_DIRECTORY_MODE = 0o700;

export type WriteResult = { ok: true; value: null } | { ok: false; error: WriteFailure };

export const WRITTEN: WriteResult = { ok: true, value: null };

/**
 * Writes a whole file through a temporary file that is synced and then renamed over the old one,
 * so a full or read-only disk leaves the old file as it was, and a crash never leaves half a file.
 */
export function writeFileDurably(kind: WriteKind, path: string, data: string | Uint8Array, mode?: number): WriteResult {
  return attemptWrite(kind, () => writeAtomically(path, data, mode === undefined ? {} : { mode }));
}

/** Creates a directory (and its parents); an existing one is brought to `mode` when one is given. */
export function ensureDirectory(kind: WriteKind, path: string, mode?: number): WriteResult {
  return attemptWrite(kind, () => {
    mkdirSync(path, { recursive: true, ...(mode === undefined ? {} : { mode }) });
    if (mode !== undefined) chmodSync(path, mode);
  });
}

export function writeFailed(kind: WriteKind, error: unknown): { ok: false; error: WriteFailure } {
  const errno = (error as NodeJS.ErrnoException | null)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, error: writeFailureOf(kind, typeof errno === 'string' ? errno : undefined, detail) };
}

/** Runs a file operation whose failure is a refusal of the write `kind`, not an exception. */
export function attemptWrite(kind: WriteKind, operation: () => void): WriteResult {
  try {
    operation();
    return WRITTEN;
  } catch (error) {
    return writeFailed(kind, error);
  }
}
