import { readFileSync } from 'node:fs';
import { parseIcs } from '../../../src/core/calendar/parse';
import type { ParsedCalendar } from '../../../src/core/calendar/types';

export function readFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/ics/${name}`, import.meta.url), 'utf8');
}

export function parsedFixture(name: string): ParsedCalendar {
  return parsedText(readFixture(name));
}

export function parsedText(text: string): ParsedCalendar {
  const result = parseIcs(text);
  if (!result.ok) throw new Error(`expected a calendar, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Wraps VEVENT lines in a minimal VCALENDAR. */
export function calendarText(...events: string[][]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Profiltelefon tests//EN'];
  for (const event of events) lines.push('BEGIN:VEVENT', 'DTSTAMP:20260101T000000Z', ...event, 'END:VEVENT');
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}

export const at = (iso: string): number => new Date(iso).getTime();
export const iso = (ms: number): string => new Date(ms).toISOString();
