import { chmodSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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
  const written = attemptWrite(kind, () => writeAtomically(path, data, mode === undefined ? {} : { mode }));
  if (!written.ok) removeTemporariesOf(path);
  return written;
}

/**
 * atomically removes the temporary file of a failed write later, asynchronously; a refused write
 * must leave the directory as it was at once. Only this process writes the data directory.
 */
export function removeTemporariesOf(path: string): void {
  const prefix = `${basename(path)}.tmp-`;
  try {
    for (const name of readdirSync(dirname(path))) if (name.startsWith(prefix)) rmSync(join(dirname(path), name), { force: true });
  } catch {
    // A directory that cannot be listed holds no temporary file of ours.
  }
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
