import { describe, expect, it } from 'vitest';
import { CalendarDateTime, toZoned } from '@internationalized/date';
import { isKnownTimeZone, wallClockToEpochMs } from '../../../src/core/calendar/zoneTime';
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { ianaNameForWindowsZone } from '../../../src/core/calendar/windowsZones';
import type { WallClock } from '../../../src/core/calendar/types';
import { at } from './fixtures';

const wall = (year: number, month: number, day: number, hour: number, minute = 0): WallClock => ({
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
});

describe('wallClockToEpochMs', () => {
  it('follows RFC 5545 at the Stockholm DST changes', () => {
    expect(wallClockToEpochMs(wall(2026, 3, 29, 1, 59), 'Europe/Stockholm')).toBe(at('2026-03-29T00:59:00Z'));
    // 02:30 does not exist on 29 March: read with the offset before the gap, i.e. 03:30 summer time
    expect(wallClockToEpochMs(wall(2026, 3, 29, 2, 30), 'Europe/Stockholm')).toBe(at('2026-03-29T01:30:00Z'));
    expect(wallClockToEpochMs(wall(2026, 3, 29, 3, 0), 'Europe/Stockholm')).toBe(at('2026-03-29T01:00:00Z'));
    // 02:30 happens twice on 25 October: the first one counts
    expect(wallClockToEpochMs(wall(2026, 10, 25, 2, 30), 'Europe/Stockholm')).toBe(at('2026-10-25T00:30:00Z'));
    expect(wallClockToEpochMs(wall(2026, 10, 25, 3, 0), 'Europe/Stockholm')).toBe(at('2026-10-25T02:00:00Z'));
  });

  it('agrees with @internationalized/date toZoned across zones and DST edges', () => {
    const zones = [
      'Europe/Stockholm',
      'America/New_York',
      'America/St_Johns',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'Pacific/Chatham',
      'America/Santiago',
      'Etc/UTC',
    ];
    const mismatches: string[] = [];
    for (const zone of zones) {
      for (let month = 1; month <= 12; month += 1) {
        for (const day of [1, 5, 6, 7, 8, 14, 25, 26, 27, 28, 29, 30, 31]) {
          for (const [hour, minute] of [
            [0, 0],
            [0, 30],
            [1, 30],
            [2, 0],
            [2, 15],
            [2, 30],
            [3, 0],
            [9, 0],
            [23, 59],
          ] as const) {
            const date = new CalendarDateTime(2026, month, 1, hour, minute).add({ days: day - 1 });
            const expected = toZoned(date, zone, 'compatible').toDate().getTime();
            const actual = wallClockToEpochMs(wall(date.year, date.month, date.day, hour, minute), zone);
            if (actual !== expected) mismatches.push(`${zone} ${date.toString()}: ${actual} ≠ ${expected}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('Windows zone names', () => {
  it.each([
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['Central Europe Standard Time', 'Europe/Budapest'],
    ['Romance Standard Time', 'Europe/Paris'],
    ['GMT Standard Time', 'Europe/London'],
    // CLDR's main city for Helsinki, Kyiv, Riga, Sofia, Tallinn and Vilnius: the same offsets all year.
    ['FLE Standard Time', 'Europe/Kiev'],
    ['Eastern Standard Time', 'America/New_York'],
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['UTC', 'Etc/UTC'],
    // Beyond the short table the app once carried: CLDR's whole list.
    ['Yukon Standard Time', 'America/Whitehorse'],
    ['Aleutian Standard Time', 'America/Adak'],
    ['Sri Lanka Standard Time', 'Asia/Colombo'],
    ['Morocco Standard Time', 'Africa/Casablanca'],
    ['Volgograd Standard Time', 'Europe/Volgograd'],
    ['  W. Europe Standard Time ', 'Europe/Berlin'],
  ])('%s is %s', (windows, iana) => {
    expect(ianaNameForWindowsZone(windows)).toBe(iana);
  });

  it('maps every Windows name CLDR lists, each to a zone this runtime knows', () => {
    const names = [...new Set(WINDOWS_TO_IANA_MAP.map((entry) => entry.windowsName))];
    expect(names.length).toBeGreaterThan(130);
    const unmapped = names.filter((name) => {
      const iana = ianaNameForWindowsZone(name);
      return iana === null || !isKnownTimeZone(iana);
    });
    expect(unmapped).toEqual([]);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'knows nothing of "%s", a name every object answers to',
    (name) => {
      expect(ianaNameForWindowsZone(name)).toBeNull();
    },
  );

  it('knows no made-up names', () => {
    expect(ianaNameForWindowsZone('Atlantis Standard Time')).toBeNull();
    expect(isKnownTimeZone('Atlantis/Capital')).toBe(false);
  });
});
