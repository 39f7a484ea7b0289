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

/** A DATE or DATE-TIME value: its wall clock, and whether it is a date or in UTC. */
export interface PlainTime {
  wall: WallClock;
  isDate: boolean;
  utc: boolean;
}

export function plainTimeOf(time: IcalTime): PlainTime {
  return { wall: wallClockOf(time), isDate: time.isDate, utc: time.zone === ICAL.Timezone.utcTimezone };
}

const JCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z?)$/;
const JCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

function plainJcalValue(value: unknown, isDate: boolean): PlainTime | null {
  if (typeof value !== 'string') return null;
  const match = (isDate ? JCAL_DATE : JCAL_DATE_TIME).exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = isDate ? 0 : Number(match[4]);
  const minute = isDate ? 0 : Number(match[5]);
  const second = isDate ? 0 : Number(match[6]);
  const inRange = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
  return inRange ? { wall: { year, month, day, hour, minute, second }, isDate, utc: match[7] === 'Z' } : null;
}

/**
 * The DATE or DATE-TIME values of `property` read straight from its jCal, the form ical.js's parser
 * writes them in: making an ICAL.Time of each is most of the cost of reading a large calendar.
 * Null when ical.js must read them: another value type, or a field out of its range, which ical.js
 * handles in its own way.
 */
export function plainTimesOf(property: IcalProperty): PlainTime[] | null {
  const [, , type, ...values] = property.jCal as unknown[];
  if (type !== 'date-time' && type !== 'date') return null;
  const times: PlainTime[] = [];
  for (const value of values) {
    const time = plainJcalValue(value, type === 'date');
    if (time === null) return null;
    times.push(time);
  }
  return times;
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

export function calendarTimeOf(
  { wall, isDate, utc }: PlainTime,
  tzid: string | null,
  resolveTzid: (tzid: string) => TimeZoneRef | null,
): TimeReading {
  if (isDate) return { time: { wall, allDay: true, zone: { kind: 'floating' } }, unknownTzid: null };
  if (utc) return { time: { wall, allDay: false, zone: { kind: 'utc' } }, unknownTzid: null };
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
