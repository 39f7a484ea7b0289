import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startIcsFeedServer, type IcsFeedServer } from '../../helpers/icsFeedServer';
import { ManualClock } from '../../helpers/manualClock';
import { openTestApp, type TestApp } from '../../helpers/services';
import { firstSource } from '../../helpers/calendarApp';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();
const at = (iso: string) => new Date(iso).getTime();
const START = '2026-04-15T08:00:00+02:00';
const BOARD_START = at('2026-04-15T09:00:00+02:00');

/** A good board meeting (#3) beside a lunch (#4) whose TZID is a name every JavaScript object answers to. */
function calendarWithZone(tzid: string): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Profiltelefon tests//Hostile zone//SV',
    'BEGIN:VEVENT',
    'UID:board@zone.test',
    'DTSTAMP:20260101T000000Z',
    'DTSTART:20260415T070000Z',
    'DTEND:20260415T080000Z',
    'SUMMARY:#3 Styrelsemöte',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:lunch@zone.test',
    'DTSTAMP:20260101T000000Z',
    `DTSTART;TZID=${tzid}:20260415T120000`,
    `DTEND;TZID=${tzid}:20260415T130000`,
    'SUMMARY:#4 Lunch',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

const apps: TestApp[] = [];
const servers: IcsFeedServer[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) app.services.dispose();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function open(dir: string): TestApp {
  const app = openTestApp(dir, new ManualClock(START), { fetchTimeoutMs: 2_000 });
  apps.push(app);
  return app;
}

/** A data directory whose feed was read once, cached, and has since gone offline. */
async function cachedThenOffline(body: string): Promise<string> {
  const dir = newDir();
  const server = await startIcsFeedServer({ kind: 'ics', body, etag: '"v1"' });
  servers.push(server);
  const first = open(dir);
  expect(first.services.invoke('calendar:add-source', { location: server.url }).ok).toBe(true);
  await first.services.calendar.whenIdle();
  first.services.dispose();
  await server.close();
  return dir;
}

const upcoming = (app: TestApp) => app.services.state.calendar.upcoming.map((row) => [row.profileNumber, row.start]);

describe.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('an event in the time zone "%s"', (tzid) => {
  it('is read in the user’s zone with a warning on its source, and the other event still switches', async () => {
    const dir = newDir();
    const path = join(dir, 'kalender.ics');
    writeFileSync(path, calendarWithZone(tzid));
    const app = open(dir);
    expect(app.services.invoke('calendar:add-source', { location: path }).ok).toBe(true);
    await app.services.calendar.whenIdle();

    expect(firstSource(app)).toMatchObject({ error: null, eventCount: 2, warnings: [{ code: 'event-unknown-timezone', count: 1 }] });
    expect(upcoming(app)).toEqual([
      [3, BOARD_START],
      [4, at('2026-04-15T12:00:00+02:00')],
    ]);
    app.clock.advance(BOARD_START - app.clock.now());
    await app.services.calendar.whenIdle();
    expect(app.services.state.active).toMatchObject({ profileId: 'meeting', since: BOARD_START });
  });

  it('cached from a feed, does not stop a restart on the same data directory', async () => {
    const dir = await cachedThenOffline(calendarWithZone(tzid));
    expect(existsSync(join(dir, 'calendar-cache', 'custom-1.ics'))).toBe(true);

    const restarted = open(dir);
    await restarted.services.calendar.whenIdle();
    expect(firstSource(restarted)).toMatchObject({ eventCount: 2, error: { code: 'feed-unreachable' } });
    expect(upcoming(restarted)).toEqual([
      [3, BOARD_START],
      [4, at('2026-04-15T12:00:00+02:00')],
    ]);
  });
});

describe('a cached copy that cannot be used', () => {
  it.each<[string, (textPath: string) => void]>([
    ['is cut off mid-line', (textPath) => writeFileSync(textPath, 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=Europe/Sto')],
    ['is not a calendar', (textPath) => writeFileSync(textPath, '<html>login</html>')],
    [
      'cannot be read at all',
      (textPath) => {
        rmSync(textPath);
        mkdirSync(textPath);
      },
    ],
  ])('(it %s) is a warning on its source, and the app starts', async (_what, spoil) => {
    const dir = await cachedThenOffline(calendarWithZone('Europe/Stockholm'));
    spoil(join(dir, 'calendar-cache', 'custom-1.ics'));

    const restarted = open(dir);
    await restarted.services.calendar.whenIdle();
    expect(firstSource(restarted)).toMatchObject({
      eventCount: null,
      error: { code: 'feed-unreachable' },
      warnings: [{ code: 'cache-unusable', count: 1 }],
    });
    expect(restarted.services.state.calendar.upcoming).toEqual([]);
    expect(restarted.services.state.active.profileId).toBe('available');
  });
});
