import type { WallClock } from './types';

export const DAY_MS = 86_400_000;

/** The wall clock read as if it were UTC. `Date.UTC` would map years 0–99 to 1900–1999. */
export function wallClockAsUtcMs(wall: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return date.getTime();
}

function wallClockFromUtcMs(ms: number): WallClock {
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

/** Calendar days, not 24-hour periods: 09:00 plus one day is 09:00 the next day in any zone. */
export function addDays(wall: WallClock, days: number): WallClock {
  return days === 0 ? wall : wallClockFromUtcMs(wallClockAsUtcMs(wall) + days * DAY_MS);
}

export function midnightOf(wall: WallClock): WallClock {
  return { year: wall.year, month: wall.month, day: wall.day, hour: 0, minute: 0, second: 0 };
}

/** Whole calendar days from `from`'s date to `to`'s date. */
export function daysBetween(from: WallClock, to: WallClock): number {
  return Math.round((wallClockAsUtcMs(midnightOf(to)) - wallClockAsUtcMs(midnightOf(from))) / DAY_MS);
}

export function dateKey(wall: WallClock): string {
  return `${wall.year}-${wall.month}-${wall.day}`;
}
