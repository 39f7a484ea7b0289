import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ensureDirectory, writeFileDurably, type WriteResult } from './durableFile';

/** The last good copy of a source: its text, with what is needed to ask the server whether it changed. */
export interface CachedCalendar {
  location: string;
  text: string;
  etag: string | null;
  lastModified: string | null;
  /** When this copy was last read or confirmed unchanged. */
  syncedAt: number;
  /** A CalDAV copy: when its window was downloaded, so an unchanged calendar is not fetched again after a restart. */
  windowReadAt?: number | null;
}

const MetaSchema = z
  .object({
    location: z.string(),
    etag: z.string().nullable(),
    lastModified: z.string().nullable(),
    syncedAt: z.number(),
    windowReadAt: z.number().nullable().optional(),
  })
  .strict();
type Meta = z.infer<typeof MetaSchema>;

export type CacheReading = { kind: 'missing' } | { kind: 'found'; entry: CachedCalendar } | { kind: 'unusable'; reason: string };

/**
 * One `<id>.ics` and one `<id>.meta.json` per source in `calendar-cache/` in the data directory.
 * Each is written durably (temporary file, sync, rename), text first, so a crash or a full disk
 * leaves at worst an old meta beside a newer text, which only costs a full download next time.
 */
export class CalendarCache {
  constructor(private readonly dir: string) {}

  /** A copy that cannot be read is moved aside with `now` in its name, never deleted. */
  read(sourceId: string, location: string, now: number): CacheReading {
    const metaPath = this.#metaPath(sourceId);
    const textPath = this.#textPath(sourceId);
    if (!existsSync(metaPath) || !existsSync(textPath)) return { kind: 'missing' };
    let meta: Meta;
    try {
      meta = MetaSchema.parse(JSON.parse(readFileSync(metaPath, 'utf8')));
    } catch (error) {
      this.#moveAside(sourceId, now);
      return { kind: 'unusable', reason: (error as Error).message };
    }
    if (meta.location !== location) return { kind: 'missing' };
    return { kind: 'found', entry: { ...meta, text: readFileSync(textPath, 'utf8') } };
  }

  write(sourceId: string, entry: CachedCalendar): WriteResult {
    const { text, ...meta } = entry;
    const directory = ensureDirectory('calendar-cache', this.dir);
    if (!directory.ok) return directory;
    const written = writeFileDurably('calendar-cache', this.#textPath(sourceId), text);
    return written.ok ? this.writeMeta(sourceId, meta) : written;
  }

  /** A 304: the text stays, only the time of the last good sync moves. */
  writeMeta(sourceId: string, meta: Meta): WriteResult {
    const directory = ensureDirectory('calendar-cache', this.dir);
    return directory.ok ? writeFileDurably('calendar-cache', this.#metaPath(sourceId), JSON.stringify(meta)) : directory;
  }

  remove(sourceId: string): void {
    rmSync(this.#textPath(sourceId), { force: true });
    rmSync(this.#metaPath(sourceId), { force: true });
  }

  #moveAside(sourceId: string, now: number): void {
    const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
    for (const path of [this.#metaPath(sourceId), this.#textPath(sourceId)]) {
      if (existsSync(path)) renameSync(path, `${path}.corrupt-${stamp}`);
    }
  }

  #textPath(sourceId: string): string {
    return join(this.dir, `${fileNameOf(sourceId)}.ics`);
  }

  #metaPath(sourceId: string): string {
    return join(this.dir, `${fileNameOf(sourceId)}.meta.json`);
  }
}

/** Source ids come from the settings file, which a person can edit: never let one name a path. */
export function fileNameOf(sourceId: string): string {
  return /^[A-Za-z0-9_-]{1,64}$/.test(sourceId) ? sourceId : createHash('sha256').update(sourceId).digest('hex').slice(0, 32);
}
