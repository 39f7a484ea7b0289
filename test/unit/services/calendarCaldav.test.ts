import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { logFilePath } from '../../../electron/services/appLog';
import { AppServices } from '../../../electron/services/appServices';
import { createConfBackend } from '../../../electron/services/confBackend';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { icsCalendar, firstSource } from '../../helpers/calendarApp';
import { startIcsFeedServer } from '../../helpers/icsFeedServer';
import { ManualClock } from '../../helpers/manualClock';
import { startRadicale, type RadicaleServer } from '../../helpers/radicale';
import { openTestApp, STOCKHOLM, type TestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();
const at = (iso: string) => new Date(iso).getTime();
const START = '2026-11-23T09:00:00+01:00';
const TOMORROW_10 = at('2026-11-24T10:00:00+01:00');
const TOMORROW_14 = at('2026-11-24T14:00:00+01:00');
const HOUR = 3_600_000;

const board = (start: number) => icsCalendar([{ uid: 'styrelse', summary: '[3] Styrelsemöte', start, end: start + HOUR }]);

let radicale: RadicaleServer;
let calendar = 0;
beforeAll(async () => {
  radicale = await startRadicale({ anna: 'hemligt-lösen-1', bob: 'bobs-lösen', dora: 'doras-lösen' });
});
afterAll(() => radicale.stop());

const apps: TestApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.services.dispose();
});

function open(dir: string): TestApp {
  const app = openTestApp(dir, new ManualClock(START), { fetchTimeoutMs: 5_000 });
  apps.push(app);
  return app;
}

/** A calendar of its own per test, on the shared server, holding the board meeting tomorrow at 10:00. */
async function calendarWithBoardMeeting(user = 'anna'): Promise<string> {
  const name = `arbete-${++calendar}`;
  expect(await radicale.as(user).makeCalendar(name)).toBe(201);
  expect(await radicale.as(user).putEvent(name, 'styrelse', board(TOMORROW_10))).toBe(201);
  return name;
}

/** Anna has a calendar per test, so her tests name theirs in the address, as a user may. */
const annasCalendar = (name: string) => ({ serverUrl: radicale.calendarUrl('anna', name), username: 'anna', password: 'hemligt-lösen-1' });

async function addCaldav(app: TestApp, form: { serverUrl: string; username: string; password: string }) {
  const result = await app.services.request('calendar:add-caldav', form);
  await app.services.calendar.whenIdle();
  return result;
}

async function syncNow(app: TestApp): Promise<void> {
  expect(app.services.invoke('calendar:sync', { sourceId: null })).toMatchObject({ ok: true });
  await app.services.calendar.whenIdle();
}

const planned = (app: TestApp) => app.services.state.calendar.upcoming.map((row) => [row.start, row.end, row.profileNumber, row.state]);
const methodsSince = (count: number) => radicale.requests.slice(count).map((request) => request.method);

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('a calendar on a CalDAV server (Radicale)', () => {
  it('is found from the server address, plans Möte for [3] Styrelsemöte, and follows the event when it moves and goes', async () => {
    const name = await calendarWithBoardMeeting('dora');
    const dir = newDir();
    const app = open(dir);

    // Given the server's root, discovery finds the user's only calendar.
    const added = await addCaldav(app, { serverUrl: radicale.url, username: 'dora', password: 'doras-lösen' });
    expect(added.ok).toBe(true);
    const source = firstSource(app);
    expect(source).toMatchObject({ kind: 'caldav', error: null, eventCount: 1, lastGoodSyncAt: at(START) });
    expect(source.location).toBe(radicale.calendarUrl('dora', name));
    expect(planned(app)).toEqual([[TOMORROW_10, TOMORROW_10 + HOUR, 3, 'planned']]);

    // The password is kept beside the settings, in the data directory's secrets, never in settings.json.
    const settingsText = readFileSync(join(dir, 'settings.json'), 'utf8');
    expect(settingsText).not.toContain('doras-lösen');
    expect(JSON.parse(settingsText).calendar.sources).toEqual([
      { id: source.id, kind: 'caldav', location: radicale.calendarUrl('dora', name), serverUrl: radicale.url, username: 'dora' },
    ]);
    expect(statSync(join(dir, `caldav-password-${source.id}.bin`)).mode & 0o777).toBe(0o600);

    // Unchanged on the server: one PROPFIND for the sync token, and no REPORT.
    const beforeUnchanged = radicale.requests.length;
    await syncNow(app);
    expect(methodsSince(beforeUnchanged)).toEqual(['PROPFIND']);
    expect(firstSource(app)).toMatchObject({ error: null, eventCount: 1 });

    // Moved to 14:00 on the server: the next sync downloads the window again and moves the plan.
    expect(await radicale.as('dora').putEvent(name, 'styrelse', board(TOMORROW_14))).toBe(201);
    const beforeMoved = radicale.requests.length;
    await syncNow(app);
    expect(methodsSince(beforeMoved)).toEqual(['PROPFIND', 'REPORT']);
    expect(planned(app)).toEqual([[TOMORROW_14, TOMORROW_14 + HOUR, 3, 'planned']]);

    // Deleted on the server: the plan is empty after the next sync.
    expect(await radicale.as('dora').deleteEvent(name, 'styrelse')).toBe(200);
    await syncNow(app);
    expect(planned(app)).toEqual([]);
    expect(firstSource(app)).toMatchObject({ error: null, eventCount: 0 });
  });

  it('keeps the plan and the source when the password stops working, then when the server is gone, each with its own error', async () => {
    const lone = await startRadicale({ carl: 'carls-lösen' });
    try {
      expect(await lone.as('carl').makeCalendar('arbete')).toBe(201);
      expect(await lone.as('carl').putEvent('arbete', 'styrelse', board(TOMORROW_10))).toBe(201);
      const dir = newDir();
      const app = open(dir);
      expect((await addCaldav(app, { serverUrl: lone.url, username: 'carl', password: 'carls-lösen' })).ok).toBe(true);
      const goodSync = firstSource(app).lastGoodSyncAt;

      lone.setPassword('carl', 'nytt-lösen');
      app.clock.advance(60_000);
      await syncNow(app);
      expect(firstSource(app).error).toMatchObject({ code: 'caldav-auth-failed', httpStatus: 401 });
      expect(firstSource(app)).toMatchObject({ lastGoodSyncAt: goodSync, eventCount: 1 });
      expect(planned(app)).toEqual([[TOMORROW_10, TOMORROW_10 + HOUR, 3, 'planned']]);

      await lone.stop();
      await syncNow(app);
      expect(firstSource(app).error).toMatchObject({
        code: 'caldav-unreachable',
        message: 'The CalDAV server could not be reached (ECONNREFUSED)',
      });
      expect(app.services.state.calendar.sources).toHaveLength(1);
      expect(planned(app)).toEqual([[TOMORROW_10, TOMORROW_10 + HOUR, 3, 'planned']]);
    } finally {
      await lone.stop();
    }
  }, 20_000);
});

describe('adding a CalDAV calendar refuses a login or server that does not work, with its own error, and changes nothing', () => {
  async function expectRefused(
    form: { serverUrl: string; username: string; password: string },
    code: string,
    field: string,
    message?: string,
  ) {
    const dir = newDir();
    const app = open(dir);
    const before = readFileSync(join(dir, 'settings.json'), 'utf8');
    const result = await addCaldav(app, form);
    expect(result).toMatchObject({ ok: false, error: { code, field, ...(message ? { message } : {}) } });
    expect(app.services.state.calendar.sources).toEqual([]);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((file) => file.startsWith('caldav-password-'))).toEqual([]);
    expect(existsSync(join(dir, 'calendar-cache'))).toBe(false);
  }

  it('refuses a wrong password at the password field', async () => {
    await calendarWithBoardMeeting();
    await expectRefused({ serverUrl: radicale.url, username: 'anna', password: 'fel-lösen' }, 'caldav-auth-failed', 'password');
  });

  it('refuses a server that does not answer', async () => {
    const port = await closedPort();
    await expectRefused(
      { serverUrl: `http://127.0.0.1:${port}/`, username: 'anna', password: 'x' },
      'caldav-unreachable',
      'serverUrl',
      'The CalDAV server could not be reached (ECONNREFUSED)',
    );
  });

  it('refuses a web server that is not a CalDAV server', async () => {
    const feed = await startIcsFeedServer({ kind: 'body', body: '<html><body>Välkommen</body></html>', contentType: 'text/html' });
    try {
      await expectRefused({ serverUrl: feed.url, username: 'anna', password: 'x' }, 'caldav-not-caldav', 'serverUrl');
    } finally {
      await feed.close();
    }
  });

  it('refuses a user who has no calendar on the server', async () => {
    await expectRefused({ serverUrl: radicale.url, username: 'bob', password: 'bobs-lösen' }, 'caldav-no-calendar', 'serverUrl');
  });

  const badForms: [string, { serverUrl: string; username: string; password: string }, string, string, string][] = [
    [
      'an empty address',
      { serverUrl: ' ', username: 'anna', password: 'x' },
      'caldav-server-empty',
      'serverUrl',
      'Enter the address of the CalDAV server.',
    ],
    [
      'an address that does not parse',
      { serverUrl: 'kalender', username: 'anna', password: 'x' },
      'url-invalid',
      'serverUrl',
      '"kalender" is not a valid web address.',
    ],
    [
      'plain http to another host',
      { serverUrl: 'http://kalender.example.com/', username: 'anna', password: 'x' },
      'url-not-https',
      'serverUrl',
      'Only https:// feeds are allowed (http:// only on this computer, 127.0.0.1 or localhost), not http://kalender.example.com.',
    ],
    [
      'an empty user name',
      { serverUrl: 'https://kalender.example.com/', username: '  ', password: 'x' },
      'caldav-username-empty',
      'username',
      'Enter the user name for the CalDAV server.',
    ],
    [
      'an empty password',
      { serverUrl: 'https://kalender.example.com/', username: 'anna', password: '' },
      'caldav-password-empty',
      'password',
      'Enter the password for the CalDAV server.',
    ],
  ];
  for (const [what, form, code, field, message] of badForms) {
    it(`refuses ${what} before asking any server`, async () => {
      const count = radicale.requests.length;
      await expectRefused(form, code, field, message);
      expect(radicale.requests.length).toBe(count);
    });
  }
});

describe('a CalDAV source across a restart and in the log', () => {
  it('plans from its cached copy before the first sync, and the password and its Basic form never reach the log', async () => {
    const name = await calendarWithBoardMeeting();
    const dir = newDir();
    const first = open(dir);
    expect((await addCaldav(first, annasCalendar(name))).ok).toBe(true);
    first.services.log.warn(`tried hemligt-lösen-1 as ${Buffer.from('anna:hemligt-lösen-1').toString('base64')}`);
    first.services.dispose();

    const beforeRestart = radicale.requests.length;
    const again = open(dir);
    // start() parses the cache and begins a sync; the plan is there before the sync ends.
    await again.services.calendar.whenCacheLoaded();
    expect(planned(again)).toEqual([[TOMORROW_10, TOMORROW_10 + HOUR, 3, 'planned']]);
    await again.services.calendar.whenIdle();
    // The calendar did not change while the app was closed: its sync token says so, and nothing is downloaded.
    expect(methodsSince(beforeRestart)).toEqual(['PROPFIND']);
    expect(firstSource(again)).toMatchObject({ error: null, eventCount: 1, location: radicale.calendarUrl('anna', name) });

    const log = readFileSync(logFilePath(dir), 'utf8');
    expect(log).toContain('tried [redacted] as [redacted]');
    expect(log).not.toContain('hemligt-lösen-1');
    expect(log).not.toContain('Styrelsemöte');
  });

  it('where the OS keychain does not encrypt, keeps the password for the session only and asks for it after a restart', async () => {
    const name = await calendarWithBoardMeeting();
    const dir = newDir();
    const openSessionOnly = () => {
      const services = new AppServices({
        dataDir: dir,
        openBackend: createConfBackend,
        secretCipher: 'session-only',
        clock: new ManualClock(START),
        scheduler: new ManualClock(START),
        systemTimeZone: STOCKHOLM,
        notificationSink: () => {},
        newId: () => 'caldav-1',
      });
      services.start();
      return services;
    };
    const first = openSessionOnly();
    expect((await first.request('calendar:add-caldav', annasCalendar(name))).ok).toBe(true);
    await first.calendar.whenIdle();
    expect(first.state.calendar.sources[0]).toMatchObject({ error: null, eventCount: 1 });
    expect(readdirSync(dir).filter((file) => file.startsWith('caldav-password-'))).toEqual([]);
    first.dispose();

    const again = openSessionOnly();
    await again.calendar.whenIdle();
    expect(again.state.calendar.sources[0]?.error).toMatchObject({ code: 'caldav-password-missing' });
    // The cached copy still plans.
    expect(again.state.calendar.upcoming.map((row) => row.start)).toEqual([TOMORROW_10]);
    again.dispose();
  });

  it('forgets the password when the source is removed', async () => {
    const name = await calendarWithBoardMeeting();
    const dir = newDir();
    const app = open(dir);
    expect((await addCaldav(app, annasCalendar(name))).ok).toBe(true);
    const { id } = firstSource(app);
    expect(app.services.invoke('calendar:remove-source', { sourceId: id }).ok).toBe(true);
    expect(readdirSync(dir).filter((file) => file.startsWith('caldav-password-'))).toEqual([]);
    expect(app.services.calendar.logSecrets()).toEqual([]);
  });
});

describe('a CalDAV server is asked under the feed rules', () => {
  it('gives up on a server that does not answer once the timeout passes on the clock', async () => {
    const feed = await startIcsFeedServer({ kind: 'hang' });
    try {
      const dir = newDir();
      const app = open(dir);
      const answer = app.services.request('calendar:add-caldav', { serverUrl: feed.url, username: 'anna', password: 'x' });
      app.clock.advance(5_000);
      expect(await answer).toMatchObject({ ok: false, error: { code: 'feed-timeout', field: 'serverUrl', timeoutMs: 5_000 } });
      expect(app.services.state.calendar.sources).toEqual([]);
    } finally {
      await feed.close();
    }
  });

  it('does not follow a server that sends discovery to another service on this computer', async () => {
    const feed = await startIcsFeedServer({
      kind: 'redirect',
      status: 301,
      locations: { '/.well-known/caldav': `${radicale.url}` },
      otherwise: { kind: 'status', status: 404 },
    });
    try {
      const count = radicale.requests.length;
      const dir = newDir();
      const app = open(dir);
      const result = await addCaldav(app, { serverUrl: `http://127.0.0.1:${feed.port}/`, username: 'anna', password: 'hemligt-lösen-1' });
      expect(result).toMatchObject({ ok: false, error: { code: 'feed-address-loopback', field: 'serverUrl' } });
      expect(radicale.requests.length).toBe(count);
      expect(app.services.state.calendar.sources).toEqual([]);
    } finally {
      await feed.close();
    }
  });
});
