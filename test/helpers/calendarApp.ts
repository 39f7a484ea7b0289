import { AppServices } from '../../electron/services/appServices';
import type { CalendarServiceOptions } from '../../electron/services/calendarService';
import { createConfBackend } from '../../electron/services/confBackend';
import { developmentOnlyPlainCipher } from '../../electron/services/secretStore';
import type { NotificationRecord } from '../../src/core/state/appState';
import { ManualClock } from './manualClock';
import { STOCKHOLM, type TestApp } from './services';

/** `openTestApp` with the calendar's feed timeout, size limit and refresh interval chosen by the test. */
export function openCalendarTestApp(dataDir: string, clock: ManualClock, calendar: Partial<CalendarServiceOptions> = {}): TestApp {
  const shown: NotificationRecord[] = [];
  let ids = 0;
  const services = new AppServices({
    dataDir,
    openBackend: createConfBackend,
    secretCipher: developmentOnlyPlainCipher,
    clock,
    scheduler: clock,
    systemTimeZone: STOCKHOLM,
    notificationSink: (record) => shown.push(record),
    newId: () => `custom-${++ids}`,
    calendar,
  });
  services.start();
  return { services, clock, shown };
}

/** A VCALENDAR around the given VEVENT lines, with UTC stamps as a feed would write them. */
export function icsCalendar(events: { uid: string; summary: string; start: number; end: number; transparent?: boolean }[]): string {
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
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
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}
