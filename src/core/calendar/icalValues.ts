import ICAL from 'ical.js';
import type { CalendarTime, EventEnd, TimeZoneRef, WallClock } from './types';
import { ianaNameForWindowsZone } from './windowsZones';
import { isKnownTimeZone } from './zoneTime';

export type IcalComponent = InstanceType<typeof ICAL.Component>;
export type IcalProperty = InstanceType<typeof ICAL.Property>;
export type IcalTime = InstanceType<typeof ICAL.Time>;
export type IcalDuration = InstanceType<typeof ICAL.Duration>;
export type IcalPeriod = InstanceType<typeof ICAL.Period>;

export function wallClockOf(time: IcalTime): WallClock {
  return {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.isDate ? 0 : time.hour,
    minute: time.isDate ? 0 : time.minute,
    second: time.isDate ? 0 : time.second,
  };
}

/**
 * Decides what a TZID means, once per name: the file's own VTIMEZONE first (RFC 5545 makes it
 * authoritative), then an IANA name, then a Windows name. `null` means unknown.
 */
export function createTzidResolver(vtimezoneIds: ReadonlySet<string>): (tzid: string) => TimeZoneRef | null {
  const resolved = new Map<string, TimeZoneRef | null>();
  return (tzid) => {
    let zone = resolved.get(tzid);
    if (zone === undefined) {
      const windowsMapped = ianaNameForWindowsZone(tzid);
      if (vtimezoneIds.has(tzid)) zone = { kind: 'vtimezone', tzid };
      else if (isKnownTimeZone(tzid)) zone = { kind: 'iana', name: tzid };
      else if (windowsMapped) zone = { kind: 'iana', name: windowsMapped };
      else zone = null;
      resolved.set(tzid, zone);
    }
    return zone;
  };
}

export interface TimeReading {
  time: CalendarTime;
  /** Set when the TZID was not understood and the time was read as floating instead. */
  unknownTzid: string | null;
}

export function calendarTimeOf(time: IcalTime, tzid: string | null, resolveTzid: (tzid: string) => TimeZoneRef | null): TimeReading {
  const wall = wallClockOf(time);
  if (time.isDate) return { time: { wall, allDay: true, zone: { kind: 'floating' } }, unknownTzid: null };
  if (time.zone === ICAL.Timezone.utcTimezone) return { time: { wall, allDay: false, zone: { kind: 'utc' } }, unknownTzid: null };
  if (!tzid) return { time: { wall, allDay: false, zone: { kind: 'floating' } }, unknownTzid: null };
  const zone = resolveTzid(tzid);
  return { time: { wall, allDay: false, zone: zone ?? { kind: 'floating' } }, unknownTzid: zone ? null : tzid };
}

export interface DurationParts {
  days: number;
  ms: number;
  negative: boolean;
}

export function durationParts(duration: IcalDuration): DurationParts {
  return {
    days: duration.weeks * 7 + duration.days,
    ms: ((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000,
    negative: duration.isNegative && duration.toSeconds() !== 0,
  };
}

export function endFromDuration(parts: DurationParts): EventEnd {
  return { kind: 'duration', days: parts.days, ms: parts.ms };
}

export function isIcalTime(value: unknown): value is IcalTime {
  return value instanceof ICAL.Time;
}

export function isIcalPeriod(value: unknown): value is IcalPeriod {
  return value instanceof ICAL.Period;
}
