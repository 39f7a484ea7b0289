import type { CalendarSourceStatus } from '../../src/core/calendar/view';
import type { TestApp } from './services';

/** A VCALENDAR around the given VEVENT lines, with UTC stamps as a feed would write them. */
export function icsCalendar(
  events: { uid: string; summary: string; start: number; end: number; transparent?: boolean; classification?: string }[],
): string {
  const stamp = (ms: number) =>
    new Date(ms)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Profiltelefon tests//Feed//SV'];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      'DTSTAMP:20260101T000000Z',
      `DTSTART:${stamp(event.start)}`,
      `DTEND:${stamp(event.end)}`,
      `SUMMARY:${event.summary}`,
      ...(event.transparent ? ['TRANSP:TRANSPARENT'] : []),
      ...(event.classification ? [`CLASS:${event.classification}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}

/** The first calendar source of the app, which the test added. */
export function firstSource(app: TestApp): CalendarSourceStatus {
  const [first] = app.services.state.calendar.sources;
  if (!first) throw new Error('no calendar source');
  return first;
}
