import ICAL from 'ical.js';
import type { CalendarTime, JCalComponent, ParsedCalendar, WallClock } from './types';
import { DAY_MS, midnightOf, wallClockAsUtcMs } from './wallClock';
import { isKnownTimeZone, wallClockToEpochMs } from './zoneTime';

type IcalTimezone = InstanceType<typeof ICAL.Timezone>;

export type ToEpochMs = (time: CalendarTime) => number;

/**
 * A VTIMEZONE from the file with a cache of its offset per local date. ical.js's `utcOffset`
 * clones its transition records on every call, which made it the slowest step of an expansion.
 */
class FileTimezone {
  private readonly zone: IcalTimezone;
  /** Local date (days since epoch) → the offset in force all that day, or null on a transition day. */
  private readonly dailyOffsetMs = new Map<number, number | null>();

  constructor(definition: JCalComponent, tzid: string) {
    this.zone = new ICAL.Timezone({ component: new ICAL.Component(definition), tzid });
  }

  private offsetMs(wall: WallClock): number {
    return this.zone.utcOffset(ICAL.Time.fromData({ ...wall, isDate: false })) * 1000;
  }

  toEpochMs(wall: WallClock): number {
    const midnight = midnightOf(wall);
    const day = wallClockAsUtcMs(midnight) / DAY_MS;
    let offset = this.dailyOffsetMs.get(day);
    if (offset === undefined) {
      const atStart = this.offsetMs(midnight);
      const atEnd = this.offsetMs({ ...midnight, hour: 23, minute: 59, second: 59 });
      offset = atStart === atEnd ? atStart : null;
      this.dailyOffsetMs.set(day, offset);
    }
    return wallClockAsUtcMs(wall) - (offset ?? this.offsetMs(wall));
  }
}

const timezonesByCalendar = new WeakMap<Record<string, JCalComponent>, Map<string, FileTimezone>>();

function fileTimezone(vtimezones: Record<string, JCalComponent>, tzid: string): FileTimezone | null {
  let zones = timezonesByCalendar.get(vtimezones);
  if (!zones) {
    zones = new Map();
    timezonesByCalendar.set(vtimezones, zones);
  }
  let zone = zones.get(tzid);
  const definition = Object.hasOwn(vtimezones, tzid) ? vtimezones[tzid] : undefined;
  if (!zone && definition) {
    zone = new FileTimezone(definition, tzid);
    zones.set(tzid, zone);
  }
  return zone ?? null;
}

/**
 * Turns the file's times into instants. All-day dates and floating times are read in the user's
 * zone, so "all day" is midnight to midnight wherever the user is.
 */
export function createToEpochMs(calendar: ParsedCalendar, userTimeZone: string): ToEpochMs {
  if (!isKnownTimeZone(userTimeZone)) throw new RangeError(`Unknown time zone "${userTimeZone}"`);
  return ({ wall, zone }) => {
    switch (zone.kind) {
      case 'utc':
        return wallClockAsUtcMs(wall);
      case 'floating':
        return wallClockToEpochMs(wall, userTimeZone);
      case 'iana':
        return wallClockToEpochMs(wall, zone.name);
      case 'vtimezone': {
        const fileZone = fileTimezone(calendar.vtimezones, zone.tzid);
        return fileZone ? fileZone.toEpochMs(wall) : wallClockToEpochMs(wall, userTimeZone);
      }
    }
  };
}
