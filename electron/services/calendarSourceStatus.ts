import type { CalendarSource } from '../../src/core/calendar/settings';
import type { CalendarSourceStatus, SourceWarningCode, SourceWarningSummary } from '../../src/core/calendar/view';
import type { ExpansionWarning } from '../../src/core/calendar/types';
import { emptyRuntime, type SourceRuntime } from './calendarSourceRuntime';

/** What the view says of one source: its last reads, its error, and its warnings counted by kind. */
export function sourceStatus(
  source: CalendarSource,
  runtime: SourceRuntime | undefined,
  syncing: boolean,
  expansionWarnings: readonly ExpansionWarning[],
): CalendarSourceStatus {
  const known = runtime ?? emptyRuntime();
  return {
    id: source.id,
    kind: source.kind,
    location: source.location,
    syncing,
    lastGoodSyncAt: known.lastGoodSyncAt,
    lastAttemptAt: known.lastAttemptAt,
    error: known.error,
    eventCount: known.calendar ? known.calendar.events.length : null,
    warnings: summarise([...known.cacheWarnings, ...known.parseWarnings, ...expansionWarnings]),
  };
}

function summarise(warnings: readonly { code: SourceWarningCode }[]): SourceWarningSummary[] {
  const counts = new Map<SourceWarningCode, number>();
  for (const { code } of warnings) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, count]) => ({ code, count }));
}
