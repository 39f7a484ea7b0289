import type { CalendarSource } from '../../src/core/calendar/settings';
import type { ParsedCalendar } from '../../src/core/calendar/types';
import type { CalendarCache } from './calendarCache';
import type { ReadOutcome } from './calendarFeed';
import type { SourceRuntime } from './calendarSourceRuntime';
import type { WriteResult } from './durableFile';

/** A read whose fresh text has been parsed; calendar is null when the text is the one already held. */
export type ParsedOutcome =
  | Exclude<ReadOutcome, { kind: 'fresh' }>
  | (Extract<ReadOutcome, { kind: 'fresh' }> & { textDigest: string; calendar: ParsedCalendar | null });

/** Takes a good read as the new copy; anything else is recorded as the source's error and changes nothing else. */
export function acceptOutcome(
  cache: CalendarCache,
  source: CalendarSource,
  runtime: SourceRuntime,
  outcome: ParsedOutcome,
  now: number,
  windowReadAt: number | null,
): void {
  if (outcome.kind === 'failed') {
    runtime.error = outcome.error;
    return;
  }
  if (outcome.kind === 'unchanged') {
    if (!runtime.calendar) {
      runtime.error = {
        code: 'feed-http-status',
        message: 'The server answered 304 Not Modified to a request for the whole calendar',
        httpStatus: 304,
      };
      return;
    }
    runtime.error = null;
    runtime.lastGoodSyncAt = now;
    const { etag, lastModified, caldavReadAt } = runtime;
    writeCache(() =>
      cache.writeMeta(source.id, { location: source.location, etag, lastModified, syncedAt: now, ...windowRead(caldavReadAt) }),
    );
    return;
  }
  if (outcome.calendar) {
    runtime.calendar = outcome.calendar;
    runtime.parseWarnings = outcome.calendar.warnings;
    runtime.textDigest = outcome.textDigest;
  }
  Object.assign(runtime, {
    etag: outcome.etag,
    lastModified: outcome.lastModified,
    lastGoodSyncAt: now,
    error: null,
    cacheWarnings: [],
    caldavReadAt: windowReadAt,
  });
  const { text, etag, lastModified } = outcome;
  writeCache(() =>
    cache.write(source.id, { location: source.location, text, etag, lastModified, syncedAt: now, ...windowRead(windowReadAt) }),
  );
}

/** A cache that cannot be written costs only the copy after a restart; this run goes on with the copy in memory. */
function writeCache(write: () => WriteResult): void {
  const written = write();
  // The next good sync tries again.
  if (!written.ok) console.warn(written.error.message);
}

/** Written only for CalDAV copies, so a feed's cache stays as it was. */
function windowRead(windowReadAt: number | null): { windowReadAt?: number } {
  return windowReadAt === null ? {} : { windowReadAt };
}
