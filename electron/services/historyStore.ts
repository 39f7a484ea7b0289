import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { CALL_HISTORY_LIMIT, CallHistoryEntrySchema, type CallHistoryEntry } from '../../src/core/phone/history';
import type { Notice } from '../../src/core/state/appState';
import { backupPathFor } from './settingsFile';

const HistoryFileSchema = z.object({ entries: z.array(CallHistoryEntrySchema) }).strict();

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
      if (parsed.success) this.#entries = parsed.data.entries;
      else reason = `schema violation at ${parsed.error.issues[0]?.path.join('.') || '(root)'}`;
    } catch (error) {
      reason = `not valid JSON (${(error as Error).message})`;
    }
    if (reason !== null) {
      const backupPath = backupPathFor(path, now);
      renameSync(path, backupPath);
      this.recovered = { id: `history-recovered-${now}`, kind: 'history-recovered', backupPath, reason };
    }
  }

  get entries(): readonly CallHistoryEntry[] {
    return this.#entries;
  }

  find(id: string): CallHistoryEntry | undefined {
    return this.#entries.find((entry) => entry.id === id);
  }

  /** Adds or replaces an entry by id, keeping the newest first and the file bounded. */
  record(entry: CallHistoryEntry): void {
    const others = this.#entries.filter((existing) => existing.id !== entry.id);
    const next = [entry, ...others].sort((a, b) => b.startedAt - a.startedAt).slice(0, CALL_HISTORY_LIMIT);
    const temporary = `${this.path}.tmp`;
    writeFileSync(temporary, JSON.stringify({ entries: next }));
    renameSync(temporary, this.path);
    this.#entries = next;
  }
}
