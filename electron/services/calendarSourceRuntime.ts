import { createHash } from 'node:crypto';
import type { CalendarParseWarning, ParsedCalendar } from '../../src/core/calendar/types';
import type { CalendarSourceError } from '../../src/core/calendar/view';
import type { CachedCalendar } from './calendarCache';

/** What is known of one source this run, beside its definition in the settings. */
export interface SourceRuntime {
  calendar: ParsedCalendar | null;
  textDigest: string | null;
  etag: string | null;
  lastModified: string | null;
  lastGoodSyncAt: number | null;
  lastAttemptAt: number | null;
  error: CalendarSourceError | null;
  parseWarnings: CalendarParseWarning[];
  /** Why the copy saved by an earlier run was not used; cleared by the next good read. */
  cacheWarnings: { code: 'cache-unusable' }[];
  /** When a CalDAV source's window was last downloaded this run; null asks for it afresh. */
  caldavReadAt: number | null;
}

export function emptyRuntime(): SourceRuntime {
  return {
    calendar: null,
    textDigest: null,
    etag: null,
    lastModified: null,
    lastGoodSyncAt: null,
    lastAttemptAt: null,
    error: null,
    parseWarnings: [],
    cacheWarnings: [],
    caldavReadAt: null,
  };
}

/** Each source's runtime, by source id. A source removed and read again starts from an empty one. */
export class SourceRuntimes {
  readonly #runtimes = new Map<string, SourceRuntime>();

  get(sourceId: string): SourceRuntime | undefined {
    return this.#runtimes.get(sourceId);
  }

  /** The source's runtime, made empty the first time it is asked for. */
  of(sourceId: string): SourceRuntime {
    let runtime = this.#runtimes.get(sourceId);
    if (!runtime) this.#runtimes.set(sourceId, (runtime = emptyRuntime()));
    return runtime;
  }

  /** A source just added starts with nothing known of it. */
  reset(sourceId: string): void {
    this.#runtimes.set(sourceId, emptyRuntime());
  }

  delete(sourceId: string): void {
    this.#runtimes.delete(sourceId);
  }

  /** The titles of every cached event, so the log can hide them. */
  eventTitles(): string[] {
    return [...this.#runtimes.values()].flatMap((runtime) => runtime.calendar?.events.map((event) => event.title) ?? []);
  }
}

export function takeCachedCopy(runtime: SourceRuntime, entry: CachedCalendar, calendar: ParsedCalendar): void {
  Object.assign(runtime, {
    calendar,
    textDigest: digest(entry.text),
    etag: entry.etag,
    lastModified: entry.lastModified,
    lastGoodSyncAt: entry.syncedAt,
    parseWarnings: calendar.warnings,
    caldavReadAt: entry.windowReadAt ?? null,
  });
}

export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
