import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { icsCalendar, firstSource } from '../../helpers/calendarApp';
import { ManualClock } from '../../helpers/manualClock';
import { openTestApp, type TestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();
const at = (iso: string) => new Date(iso).getTime();
const START = '2026-03-10T08:00:00+01:00';
const fixture = (name: string) => new URL(`../../fixtures/ics/${name}`, import.meta.url).pathname;

const apps: TestApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.services.dispose();
});

function open(dir: string, options: Parameters<typeof openTestApp>[2] = {}): TestApp {
  const app = openTestApp(dir, new ManualClock(START), options);
  apps.push(app);
  return app;
}

describe('adding a calendar refuses what cannot be a source, with its own error, and changes nothing', () => {
  const refused: [string, string, string, string][] = [
    ['an empty field', '   ', 'source-empty', 'Enter the path of an ICS file or the address of an ICS feed.'],
    [
      'plain http to another host',
      'http://calendar.example.com/anna.ics',
      'url-not-https',
      'Only https:// feeds are allowed (http:// only on this computer, 127.0.0.1 or localhost), not http://calendar.example.com.',
    ],
    [
      'ftp',
      'ftp://files.example.com/anna.ics',
      'url-not-https',
      'Only https:// feeds are allowed (http:// only on this computer, 127.0.0.1 or localhost), not ftp://files.example.com.',
    ],
    ['a URL that does not parse', 'https://exa mple.com/x.ics', 'url-invalid', '"https://exa mple.com/x.ics" is not a valid web address.'],
    [
      'a URL with a password',
      'https://anna:hemligt@example.com/x.ics',
      'url-credentials',
      'Addresses with a user name or password are not supported; use the secret address the calendar publishes.',
    ],
    [
      'a relative path',
      'kalender.ics',
      'path-not-absolute',
      '"kalender.ics" is not a full path; give the whole path from the root, e.g. /home/anna/kalender.ics.',
    ],
    [
      'a home-relative path',
      '~/kalender.ics',
      'path-not-absolute',
      '"~/kalender.ics" is not a full path; give the whole path from the root, e.g. /home/anna/kalender.ics.',
    ],
  ];

  for (const [what, location, code, message] of refused) {
    it(`refuses ${what}`, () => {
      const dir = newDir();
      const app = open(dir);
      const before = readFileSync(join(dir, 'settings.json'), 'utf8');
      expect(app.services.invoke('calendar:add-source', { location })).toEqual({ ok: false, error: { code, message, field: 'location' } });
      expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(before);
      expect(app.services.state.calendar.sources).toEqual([]);
      expect(app.clock.pendingTimers).toBe(0);
    });
  }

  it('refuses the same calendar twice', () => {
    const app = open(newDir());
    expect(app.services.invoke('calendar:add-source', { location: fixture('workday.ics') }).ok).toBe(true);
    expect(app.services.invoke('calendar:add-source', { location: ` ${fixture('workday.ics')} ` })).toEqual({
      ok: false,
      error: { code: 'source-duplicate', field: 'location', message: 'This calendar has already been added.' },
    });
    expect(app.services.state.calendar.sources).toHaveLength(1);
  });

  it('refuses a payload of the wrong shape before any handler runs', () => {
    const app = open(newDir());
    expect(app.services.invoke('calendar:add-source', { location: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', field: 'location' },
    });
    expect(app.services.invoke('calendar:sync', {})).toMatchObject({ ok: false, error: { code: 'invalid-payload', field: 'sourceId' } });
    expect(app.services.invoke('calendar:set-unmarked-rule', { profileNumber: 0 })).toMatchObject({
      ok: false,
      error: { code: 'out-of-bounds' },
    });
  });

  it('takes webcal:// as https://, and a loopback http:// feed as it is', () => {
    const app = open(newDir());
    expect(app.services.invoke('calendar:add-source', { location: 'webcal://p12-caldav.icloud.com/published/2/abc' }).ok).toBe(true);
    expect(app.services.invoke('calendar:add-source', { location: 'http://localhost:8080/team.ics' }).ok).toBe(true);
    expect(app.services.state.calendar.sources.map((s) => [s.kind, s.location])).toEqual([
      ['url', 'https://p12-caldav.icloud.com/published/2/abc'],
      ['url', 'http://localhost:8080/team.ics'],
    ]);
  });
});

describe('a file source', () => {
  async function addFile(app: TestApp, path: string) {
    expect(app.services.invoke('calendar:add-source', { location: path }).ok).toBe(true);
    await app.services.calendar.whenIdle();
  }

  const broken: [string, (dir: string) => string, object][] = [
    [
      'JSON',
      () => fixture('not-ics.json'),
      { code: 'ics-not-calendar', message: 'This is not an iCalendar file (no BEGIN:VCALENDAR), perhaps a web page' },
    ],
    ['a web page', () => fixture('login-page.html'), { code: 'ics-not-calendar' }],
    ['a truncated calendar', () => fixture('truncated.ics'), { code: 'ics-malformed' }],
    ['an empty file', () => fixture('empty.ics'), { code: 'ics-empty', message: 'The calendar file is empty' }],
  ];

  for (const [what, pathIn, error] of broken) {
    it(`shows ${what} as its own error and plans nothing`, async () => {
      const dir = newDir();
      const app = open(dir);
      const path = pathIn(dir);
      await addFile(app, path);
      expect(firstSource(app)).toMatchObject({ kind: 'file', location: path, lastGoodSyncAt: null, eventCount: null, error });
      expect(app.services.state.calendar.upcoming).toEqual([]);
      expect(app.services.state.active.profileId).toBe('available');
    });
  }

  const refused: [string, (dir: string) => string, { maxBytes?: number }, (path: string) => object][] = [
    [
      'a path that does not exist',
      (dir) => join(dir, 'saknas.ics'),
      {},
      (path) => ({ code: 'file-not-found', message: `There is no file at ${path}` }),
    ],
    ['a directory', (dir) => dir, {}, (path) => ({ code: 'file-not-a-file', message: `${path} is not a file` })],
    [
      'a file over the size limit',
      () => fixture('google.ics'),
      { maxBytes: 1_000 },
      () => ({ code: 'ics-too-large', message: 'The file is larger than 1000 bytes', maxBytes: 1_000 }),
    ],
  ];
  for (const [what, pathIn, options, error] of refused) {
    it(`refuses ${what} before adding it, with its reason at the field, and changes nothing`, () => {
      const dir = newDir();
      const app = open(dir, options);
      const path = pathIn(dir);
      const before = readFileSync(join(dir, 'settings.json'), 'utf8');
      expect(app.services.invoke('calendar:add-source', { location: path })).toEqual({
        ok: false,
        error: { ...error(path), field: 'location' },
      });
      expect(app.services.state.calendar.sources).toEqual([]);
      expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(before);
    });
  }

  it('reads a calendar with bad events, lists the good ones, and counts each kind of problem', async () => {
    const app = open(newDir());
    await addFile(app, fixture('event-no-end.ics'));
    expect(firstSource(app)).toMatchObject({ error: null, eventCount: 2 });
    expect(firstSource(app).warnings).toEqual([
      { code: 'event-no-end', count: 1 },
      { code: 'event-end-before-start', count: 1 },
      { code: 'event-invalid', count: 1 },
    ]);
    expect(app.services.state.calendar.upcoming.map((row) => [row.profileNumber, row.start, row.end])).toEqual([
      [4, at('2026-03-11T00:00:00+01:00'), at('2026-03-12T00:00:00+01:00')],
      [3, at('2026-03-13T09:00:00+01:00'), at('2026-03-13T10:00:00+01:00')],
    ]);
  });

  it('is read afresh on each sync; a broken rewrite keeps the earlier good schedule, which still switches', async () => {
    const dir = newDir();
    const path = join(dir, 'kalender.ics');
    const nine = at('2026-03-10T09:00:00+01:00');
    writeFileSync(path, icsCalendar([{ uid: 'm@file.test', summary: '#3 Planering', start: nine, end: nine + 3_600_000 }]));
    const app = open(dir);
    await addFile(app, path);
    expect(app.services.state.calendar.upcoming.map((row) => row.profileNumber)).toEqual([3]);

    copyFileSync(fixture('truncated.ics'), path);
    expect(app.services.invoke('calendar:sync', { sourceId: 'custom-1' }).ok).toBe(true);
    await app.services.calendar.whenIdle();
    expect(firstSource(app)).toMatchObject({ error: { code: 'ics-malformed' }, lastGoodSyncAt: at(START), eventCount: 1 });
    expect(app.services.state.calendar.upcoming.map((row) => row.profileNumber)).toEqual([3]);

    app.clock.advance(3_600_000);
    await app.services.calendar.whenIdle();
    expect(app.services.state.active).toMatchObject({ profileId: 'meeting', since: nine });

    writeFileSync(path, icsCalendar([]));
    expect(app.services.invoke('calendar:sync', { sourceId: null }).ok).toBe(true);
    await app.services.calendar.whenIdle();
    expect(firstSource(app)).toMatchObject({ error: null, eventCount: 0 });
    expect(app.services.state.active.profileId).toBe('available');
  });

  it('refuses to sync a source that does not exist', () => {
    const app = open(newDir());
    expect(app.services.invoke('calendar:sync', { sourceId: 'nope' })).toEqual({
      ok: false,
      error: { code: 'source-unknown', field: 'sourceId', message: 'There is no calendar "nope".' },
    });
  });

  it('leaves nothing on disk and no timer while no calendar is added', () => {
    const dir = newDir();
    mkdirSync(join(dir, 'other'));
    const app = open(dir);
    expect(app.clock.pendingTimers).toBe(0);
    expect(app.services.state.calendar).toEqual({
      sources: [],
      unmarkedBusyProfileNumber: null,
      shortFormMarkers: false,
      ignorePrivateEvents: false,
      upcoming: [],
    });
  });
});
