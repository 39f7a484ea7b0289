import type { CalendarSource } from '../../src/core/calendar/settings';
import type { Scheduler } from '../../src/core/time/clock';
import { readCaldavCalendar, type CaldavConnection } from './caldavCalendar';
import { fetchFeed, type ReadOutcome } from './calendarFeed';
import { readCalendarFile } from './calendarFile';
import type { CalendarSecrets, CalendarServiceOptions } from './calendarOptions';
import type { SourceRuntime } from './calendarSourceRuntime';

/** What every read of a source needs: the limits, the timer, the CalDAV passwords and the shutdown. */
export interface SourceReadContext {
  options: CalendarServiceOptions;
  scheduler: Scheduler;
  secrets: CalendarSecrets;
  /** Aborted when the service is disposed, so no read outlives it. */
  signal: AbortSignal;
}

export function caldavConnection(
  login: { serverUrl: string; username: string; password: string },
  context: SourceReadContext,
): CaldavConnection {
  return {
    ...login,
    timeoutMs: context.options.fetchTimeoutMs,
    maxBytes: context.options.maxBytes,
    scheduler: context.scheduler,
    signal: context.signal,
  };
}

/** Reads one source as its kind says: a file, a CalDAV calendar, or a feed asked only for what changed. */
export function readSource(source: CalendarSource, runtime: SourceRuntime, now: number, context: SourceReadContext): Promise<ReadOutcome> {
  const { maxBytes, fetchTimeoutMs } = context.options;
  if (source.kind === 'file') return readCalendarFile(source.location, maxBytes);
  if (source.kind === 'caldav') {
    const password = context.secrets.get(source.id);
    if (password === null) {
      return Promise.resolve({
        kind: 'failed',
        error: { code: 'caldav-password-missing', message: 'The password for this calendar is not stored; add the calendar again' },
      });
    }
    const copy = runtime.calendar && runtime.caldavReadAt !== null ? { syncToken: runtime.etag, readAt: runtime.caldavReadAt } : null;
    return readCaldavCalendar(
      caldavConnection({ serverUrl: source.serverUrl, username: source.username, password }, context),
      source.location,
      copy,
      now,
    );
  }
  return fetchFeed({
    url: source.location,
    etag: runtime.calendar ? runtime.etag : null,
    lastModified: runtime.calendar ? runtime.lastModified : null,
    timeoutMs: fetchTimeoutMs,
    maxBytes,
    scheduler: context.scheduler,
    signal: context.signal,
  });
}
