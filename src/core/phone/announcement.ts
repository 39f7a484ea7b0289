import type { Language } from '../i18n/language';
import { dateTimeFormat } from '../time/dateFormat';

export interface AnnouncementContext {
  /** When the active profile ends; null when it lasts until changed. */
  until: number | null;
  now: number;
  /** The language the caller hears. */
  language: Language;
  timeZone: string;
}

const MIN_DURATION_MS = 4_000;
const MAX_DURATION_MS = 12_000;
const MS_PER_CHARACTER = 70;
const MS_PER_DAY = 86_400_000;

const WEEKDAYS: Record<Language, readonly string[]> = {
  sv: ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const MONTHS: Record<Language, readonly string[]> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClock(epochMs: number, timeZone: string): WallClock {
  const parts = dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

const civilDay = (clock: WallClock) => Date.UTC(clock.year, clock.month - 1, clock.day);

function spokenTime(clock: WallClock, language: Language): string {
  const minute = String(clock.minute).padStart(2, '0');
  if (language === 'sv') return `${String(clock.hour).padStart(2, '0')}:${minute}`;
  const hour = clock.hour % 12 === 0 ? 12 : clock.hour % 12;
  const half = clock.hour < 12 ? 'am' : 'pm';
  return clock.minute === 0 ? `${hour} ${half}` : `${hour}:${minute} ${half}`;
}

/**
 * "till 14:30", "till i morgon 08:00", "till måndag 8 december"; in English "until 2:30 pm",
 * "until tomorrow at 8 am", "until Monday 8 December". Written the way the speech engines read
 * them well, in the profile's time zone.
 */
export function endPhrase(until: number, now: number, language: Language, timeZone: string): string {
  const end = wallClock(until, timeZone);
  const days = Math.round((civilDay(end) - civilDay(wallClock(now, timeZone))) / MS_PER_DAY);
  const time = spokenTime(end, language);
  if (days <= 0) return language === 'sv' ? `till ${time}` : `until ${time}`;
  if (days === 1) return language === 'sv' ? `till i morgon ${time}` : `until tomorrow at ${time}`;
  const weekday = WEEKDAYS[language][new Date(civilDay(end)).getUTCDay()];
  const month = MONTHS[language][end.month - 1];
  const year = end.year === wallClock(now, timeZone).year ? '' : ` ${end.year}`;
  return language === 'sv' ? `till ${weekday} ${end.day} ${month}${year}` : `until ${weekday} ${end.day} ${month}${year}`;
}

/** What the caller hears: the profile's words, and when the profile ends if it says so and has an end. */
export function announcementText(words: string, sayEnd: boolean, context: AnnouncementContext): string {
  const trimmed = words.replace(/\s+/g, ' ').trim();
  if (!sayEnd || context.until === null) return trimmed;
  return `${trimmed.replace(/[\s.!,;:]+$/, '')} ${endPhrase(context.until, context.now, context.language, context.timeZone)}.`;
}

/** How long the caller hears the tone when no speech can be made: long enough to read the text in the call view. */
export function announcementDurationMs(text: string): number {
  return Math.min(MAX_DURATION_MS, Math.max(MIN_DURATION_MS, text.length * MS_PER_CHARACTER));
}
