import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CalendarParser } from '../../../electron/services/calendarWorker/calendarParser';
import { firstSource } from '../../helpers/calendarApp';
import { ManualClock } from '../../helpers/manualClock';
import { openTestApp, type TestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();
const MAX_BYTES = 10 * 1024 * 1024;

/** Large enough that ical.js takes far longer than one turn of the event loop. */
function bigCalendar(events: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN'];
  for (let i = 0; i < events; i += 1) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      'BEGIN:VEVENT',
      `UID:event-${i}@test`,
      `DTSTART:202603${day}T090000Z`,
      `DTEND:202603${day}T100000Z`,
      `SUMMARY:[3] Möte ${i}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

const parsers: CalendarParser[] = [];
const apps: TestApp[] = [];
afterEach(() => {
  for (const parser of parsers.splice(0)) parser.dispose();
  for (const app of apps.splice(0)) app.services.dispose();
});

describe('the calendar parser runs beside the services, not on them', () => {
  it('answers an IPC request while a big calendar is still being parsed', async () => {
    const app = openTestApp(newDir(), new ManualClock('2026-03-10T08:00:00+01:00'));
    apps.push(app);
    const path = join(newDir(), 'big.ics');
    writeFileSync(path, bigCalendar(5_000));
    let parsed = false;
    const parser = new CalendarParser();
    parsers.push(parser);
    const parsing = parser.parse(bigCalendar(5_000), MAX_BYTES).then((result) => {
      parsed = true;
      return result;
    });
    await turn();
    expect(app.services.invoke('state:get', null).ok).toBe(true);
    expect(parsed).toBe(false);
    const result = await parsing;
    expect(result.ok && result.value.events.length).toBe(5_000);
  });

  it('reads a big file source through the worker, and the schedule plans from it', async () => {
    const app = openTestApp(newDir(), new ManualClock('2026-03-10T08:00:00+01:00'));
    apps.push(app);
    const path = join(newDir(), 'big.ics');
    writeFileSync(path, bigCalendar(5_000));
    expect(app.services.invoke('calendar:add-source', { location: path }).ok).toBe(true);
    await app.services.calendar.whenIdle();
    expect(firstSource(app)).toMatchObject({ error: null, eventCount: 5_000 });
  });

  it('gives bad input a clear error, and a reader that was closed is replaced by the next parse', async () => {
    const parser = new CalendarParser();
    parsers.push(parser);
    expect(await parser.parse('not a calendar', MAX_BYTES)).toMatchObject({ ok: false, error: { code: 'ics-not-calendar' } });
    const held = parser.parse(bigCalendar(2_000), MAX_BYTES);
    parser.dispose();
    expect(await held).toEqual({ ok: false, error: { code: 'ics-malformed', message: 'The calendar reader was closed' } });
    const again = await parser.parse(bigCalendar(3), MAX_BYTES);
    expect(again.ok && again.value.events.length).toBe(3);
  });
});
