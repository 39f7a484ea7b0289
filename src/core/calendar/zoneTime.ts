import type { WallClock } from './types';
import { dateTimeFormat } from '../time/dateFormat';
import { wallClockAsUtcMs } from './wallClock';

/**
 * Wall-clock time in an IANA zone → epoch ms, with the same rules as RFC 5545 and
 * @internationalized/date's 'compatible' disambiguation: a time skipped by a DST gap moves
 * forward by the gap, a time that happens twice takes the first.
 *
 * Not done with @internationalized/date `toZoned` because that costs ~60 µs a call here (three
 * Intl formatToParts each) and a year of a large calendar needs hundreds of thousands of
 * conversions. Offsets are cached per UTC day instead; the tests check this against `toZoned`.
 */

const DAY_MS = 86_400_000;
const MAX_CACHED_DAYS_PER_ZONE = 20_000;

/** Per zone: UTC day index → the offset valid all that day, or null when it changes that day. */
const dailyOffsets = new Map<string, Map<number, number | null>>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  return dateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
}

export function isKnownTimeZone(name: string): boolean {
  try {
    offsetFormatter(name);
    return true;
  } catch {
    return false;
  }
}

/** Formatted as "1/1/2026, GMT+01:00", or "…, GMT" when the offset is zero. */
function exactOffsetMs(timeZone: string, epochMs: number): number {
  const text = offsetFormatter(timeZone).format(epochMs);
  const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?$/.exec(text);
  if (!match) return 0;
  const [, sign, hours, minutes, seconds] = match;
  const magnitude = ((Number(hours) * 60 + Number(minutes ?? 0)) * 60 + Number(seconds ?? 0)) * 1000;
  return sign === '-' ? -magnitude : magnitude;
}

export function offsetAt(timeZone: string, epochMs: number): number {
  let days = dailyOffsets.get(timeZone);
  if (!days) {
    days = new Map();
    dailyOffsets.set(timeZone, days);
  }
  const day = Math.floor(epochMs / DAY_MS);
  let cached = days.get(day);
  if (cached === undefined) {
    const atStart = exactOffsetMs(timeZone, day * DAY_MS);
    const atEnd = exactOffsetMs(timeZone, (day + 1) * DAY_MS - 1);
    cached = atStart === atEnd ? atStart : null;
    if (days.size >= MAX_CACHED_DAYS_PER_ZONE) days.clear();
    days.set(day, cached);
  }
  return cached ?? exactOffsetMs(timeZone, epochMs);
}

export function wallClockToEpochMs(wall: WallClock, timeZone: string): number {
  const local = wallClockAsUtcMs(wall);
  const offsetBefore = offsetAt(timeZone, local - DAY_MS);
  const offsetAfter = offsetAt(timeZone, local + DAY_MS);
  if (offsetBefore === offsetAfter) return local - offsetBefore;

  const withOffsetBefore = local - offsetBefore;
  const withOffsetAfter = local - offsetAfter;
  const beforeIsReal = offsetAt(timeZone, withOffsetBefore) === offsetBefore;
  const afterIsReal = offsetAt(timeZone, withOffsetAfter) === offsetAfter;
  if (beforeIsReal && afterIsReal) return Math.min(withOffsetBefore, withOffsetAfter);
  if (afterIsReal) return withOffsetAfter;
  // Either the pre-transition reading is real, or the time falls in a gap, where RFC 5545
  // reads it with the offset from before the transition.
  return withOffsetBefore;
}
