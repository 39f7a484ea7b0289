import { existsSync, readFileSync, renameSync } from 'node:fs';
import { z } from 'zod';
import { nestedTooDeep } from '../../src/core/nesting';
import { CALL_HISTORY_LIMIT, CallHistoryEntrySchema, type CallHistoryEntry } from '../../src/core/phone/history';
import type { Notice } from '../../src/core/state/appState';
import { writeFileDurably, type WriteResult } from './durableFile';
import { backupPathFor } from './settingsFile';

/** Each entry is read on its own: one an older version let through with bad values is dropped, not the file. */
const HistoryFileSchema = z.object({ entries: z.array(z.unknown()).max(CALL_HISTORY_LIMIT * 2) }).strict();

/** The call history, newest first, in its own file so the settings stay small. */
export class HistoryStore {
  #entries: CallHistoryEntry[] = [];
  readonly recovered: Notice | null = null;

  constructor(
    private readonly path: string,
    now: number,
  ) {
    if (!existsSync(path)) return;
    let reason: string | null = null;
    try {
      const parsed = HistoryFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (parsed.success) {
        this.#entries = validEntries(parsed.data.entries);
        const dropped = parsed.data.entries.length - this.#entries.length;
        if (dropped > 0) {
          // Written back at once, so the bad entries do not come back at the next start; if the
          // disk refuses, they are left out in memory all the same.
          writeFileDurably('history', path, JSON.stringify({ entries: this.#entries }));
          this.recovered = { id: `history-repaired-${now}`, kind: 'history-repaired', dropped };
        }
      } else reason = `schema violation at ${parsed.error.issues[0]?.path.join('.') || '(root)'}`;
    } catch (error) {
      reason = `not valid JSON (${(error as Error).message})`;
    }
    if (reason !== null) {
      const backupPath = backupPathFor(path, now);
      try {
        renameSync(path, backupPath);
        this.recovered = { id: `history-recovered-${now}`, kind: 'history-recovered', backupPath, reason };
      } catch (error) {
        // The damaged file stays where it is; the next write replaces it whole.
        this.recovered = {
          id: `history-recovered-${now}`,
          kind: 'history-recovered',
          backupPath: path,
          reason: `${reason}; it could not be moved aside (${(error as Error).message})`,
        };
      }
    }
  }

  get entries(): readonly CallHistoryEntry[] {
    return this.#entries;
  }

  find(id: string): CallHistoryEntry | undefined {
    return this.#entries.find((entry) => entry.id === id);
  }

  /**
   * Adds or replaces an entry by id, keeping the newest first and the file bounded. On a refusal
   * the file and the entries in memory stay as they were.
   */
  record(entry: CallHistoryEntry): WriteResult {
    const others = this.#entries.filter((existing) => existing.id !== entry.id);
    const next = [entry, ...others].sort((a, b) => b.startedAt - a.startedAt).slice(0, CALL_HISTORY_LIMIT);
    const written = writeFileDurably('history', this.path, JSON.stringify({ entries: next }));
    if (written.ok) this.#entries = next;
    return written;
  }
}

function validEntries(stored: readonly unknown[]): CallHistoryEntry[] {
  return stored.flatMap((entry) => {
    // zod's checks recurse into a value nested thousands deep and overflow the stack, which would lose every call.
    if (nestedTooDeep(entry)) return [];
    const parsed = CallHistoryEntrySchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
