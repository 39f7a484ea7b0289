import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../../electron/services/calendarFeed';
import { icsCalendar, firstSource } from '../../helpers/calendarApp';
import { startIcsFeedServer, type IcsFeedServer } from '../../helpers/icsFeedServer';
import { ManualClock } from '../../helpers/manualClock';
import { openTestApp, type TestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();
const at = (iso: string) => new Date(iso).getTime();
const START = '2026-04-15T08:00:00+02:00';
const MINUTE = 60_000;

/** A board meeting 09:00–10:00 that switches to Möte (#3). */
const BOARD = icsCalendar([
  { uid: 'board@feed.test', summary: '#3 Styrelsemöte', start: at('2026-04-15T09:00:00+02:00'), end: at('2026-04-15T10:00:00+02:00') },
]);
const BOARD_KEY = `board@feed.test|${at('2026-04-15T09:00:00+02:00')}`;

const servers: IcsFeedServer[] = [];
const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) app.services.dispose();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function feed(body = BOARD, etag: string | undefined = '"v1"'): Promise<IcsFeedServer> {
  const server = await startIcsFeedServer({ kind: 'ics', body, ...(etag ? { etag } : {}) });
  servers.push(server);
  return server;
}

function open(dir: string, clock = new ManualClock(START), options: Parameters<typeof openTestApp>[2] = {}): TestApp {
  const app = openTestApp(dir, clock, { fetchTimeoutMs: 2_000, ...options });
  apps.push(app);
  return app;
}

async function addFeed(app: TestApp, url: string): Promise<void> {
  const added = app.services.invoke('calendar:add-source', { location: url });
  expect(added.ok).toBe(true);
  await app.services.calendar.whenIdle();
}

async function syncNow(app: TestApp): Promise<void> {
  expect(app.services.invoke('calendar:sync', { sourceId: null })).toMatchObject({ ok: true });
  await app.services.calendar.whenIdle();
}

const upcomingKeys = (app: TestApp) => app.services.state.calendar.upcoming.map((row) => [row.key, row.profileNumber, row.state]);

describe('a calendar feed over HTTP', () => {
  it('is read, listed, cached on disk, and asked again with its ETag; a 304 keeps the copy and moves the sync time', async () => {
    const dir = newDir();
    const server = await feed();
    const app = open(dir);
    await addFeed(app, server.url);

    expect(firstSource(app)).toEqual({
      id: 'custom-1',
      kind: 'url',
      location: server.url,
      syncing: false,
      lastGoodSyncAt: at(START),
      lastAttemptAt: at(START),
      error: null,
      eventCount: 1,
      warnings: [],
    });
    expect(upcomingKeys(app)).toEqual([[BOARD_KEY, 3, 'planned']]);
    expect(readFileSync(join(dir, 'calendar-cache', 'custom-1.ics'), 'utf8')).toBe(BOARD);
    expect(JSON.parse(readFileSync(join(dir, 'calendar-cache', 'custom-1.meta.json'), 'utf8'))).toEqual({
      location: server.url,
      etag: '"v1"',
      lastModified: null,
      syncedAt: at(START),
    });

    app.clock.advance(MINUTE);
    await syncNow(app);
    expect(server.requests.map((request) => [request.ifNoneMatch, request.status])).toEqual([
      [null, 200],
      ['"v1"', 304],
    ]);
    expect(firstSource(app)).toMatchObject({ lastGoodSyncAt: at(START) + MINUTE, error: null, eventCount: 1 });
    expect(upcomingKeys(app)).toEqual([[BOARD_KEY, 3, 'planned']]);
  });

  it('tells listeners when a sync starts and again once it has ended', async () => {
    const server = await feed();
    const app = open(newDir());
    const syncing: boolean[] = [];
    app.services.onStateChanged((state) => {
      const [first] = state.calendar.sources;
      if (first && syncing.at(-1) !== first.syncing) syncing.push(first.syncing);
    });
    await addFeed(app, server.url);
    expect(syncing).toEqual([false, true, false]);
  });

  it('sends If-Modified-Since when the server gives Last-Modified and no ETag', async () => {
    const lastModified = 'Wed, 15 Apr 2026 05:00:00 GMT';
    const server = await startIcsFeedServer({ kind: 'ics', body: BOARD, lastModified });
    servers.push(server);
    const app = open(newDir());
    await addFeed(app, server.url);
    await syncNow(app);
    expect(server.requests.map((request) => [request.ifModifiedSince, request.status])).toEqual([
      [null, 200],
      [lastModified, 304],
    ]);
  });

  it('is refreshed every five minutes through the injected scheduler, and on resume', async () => {
    const server = await feed();
    const app = open(newDir());
    await addFeed(app, server.url);
    app.clock.advance(5 * MINUTE - 1);
    await app.services.calendar.whenIdle();
    expect(server.requests).toHaveLength(1);
    app.clock.advance(1);
    await app.services.calendar.whenIdle();
    expect(server.requests).toHaveLength(2);
    app.services.resume();
    await app.services.calendar.whenIdle();
    expect(server.requests).toHaveLength(3);
  });

  it('times out a server that never answers, shows why, and keeps the last good copy', async () => {
    const server = await feed();
    const app = open(newDir());
    await addFeed(app, server.url);
    server.serve({ kind: 'hang' });
    app.clock.advance(MINUTE);

    expect(app.services.invoke('calendar:sync', { sourceId: 'custom-1' }).ok).toBe(true);
    expect(firstSource(app).syncing).toBe(true);
    app.clock.advance(1_999);
    expect(firstSource(app).syncing).toBe(true);
    app.clock.advance(1);
    await app.services.calendar.whenIdle();

    expect(firstSource(app)).toMatchObject({
      syncing: false,
      lastGoodSyncAt: at(START),
      lastAttemptAt: at(START) + MINUTE + 2_000,
      error: { code: 'feed-timeout', message: 'The server did not answer within 2000 ms', timeoutMs: 2_000 },
      eventCount: 1,
    });
    expect(upcomingKeys(app)).toEqual([[BOARD_KEY, 3, 'planned']]);
  });

  it('abandons a feed larger than the limit while streaming it, and refuses one that announces its size up front', async () => {
    const server = await feed();
    const app = open(newDir(), new ManualClock(START), { maxBytes: 64 * 1024 });
    await addFeed(app, server.url);

    server.serve({ kind: 'stream', bytes: 50 * 1024 * 1024, declareLength: false });
    await syncNow(app);
    expect(firstSource(app).error).toEqual({ code: 'ics-too-large', message: 'The feed is larger than 65536 bytes', maxBytes: 65_536 });
    expect(server.streamedBytes).toBeLessThan(50 * 1024 * 1024);

    server.serve({ kind: 'stream', bytes: 1024 * 1024, declareLength: true });
    await syncNow(app);
    expect(firstSource(app).error?.code).toBe('ics-too-large');
    expect(firstSource(app)).toMatchObject({ lastGoodSyncAt: at(START), eventCount: 1 });
    expect(upcomingKeys(app)).toEqual([[BOARD_KEY, 3, 'planned']]);
  });

  const brokenAnswers: [string, Parameters<IcsFeedServer['serve']>[0], object][] = [
    ['a 404', { kind: 'status', status: 404 }, { code: 'feed-http-status', message: 'The server answered 404 Not Found', httpStatus: 404 }],
    [
      'a 500',
      { kind: 'status', status: 500 },
      { code: 'feed-http-status', message: 'The server answered 500 Internal Server Error', httpStatus: 500 },
    ],
    [
      'a login page',
      { kind: 'body', body: '<!doctype html><title>Logga in</title>', contentType: 'text/html' },
      { code: 'ics-not-calendar', message: 'This is not an iCalendar file (no BEGIN:VCALENDAR), perhaps a web page' },
    ],
    [
      'a truncated calendar',
      { kind: 'body', body: BOARD.slice(0, BOARD.indexOf('SUMMARY') + 5), contentType: 'text/calendar' },
      { code: 'ics-malformed' },
    ],
    [
      'an empty body',
      { kind: 'body', body: '', contentType: 'text/calendar' },
      { code: 'ics-empty', message: 'The calendar file is empty' },
    ],
  ];

  for (const [what, answer, error] of brokenAnswers) {
    it(`answering ${what} shows that error, keeps the cached schedule, and still switches from it`, async () => {
      const server = await feed();
      const app = open(newDir());
      await addFeed(app, server.url);
      server.serve(answer);
      await syncNow(app);
      expect(firstSource(app)).toMatchObject({ lastGoodSyncAt: at(START), error, eventCount: 1 });
      expect(app.services.state.active.profileId).toBe('available');
      expect(upcomingKeys(app)).toEqual([[BOARD_KEY, 3, 'planned']]);

      app.clock.advance(60 * MINUTE);
      await app.services.calendar.whenIdle();
      expect(app.services.state.active).toMatchObject({
        profileId: 'meeting',
        since: at('2026-04-15T09:00:00+02:00'),
        source: { kind: 'calendar' },
      });
    });
  }

  it('words a malformed feed without quoting the broken line, which may hold a title', async () => {
    const server = await feed();
    const app = open(newDir());
    await addFeed(app, server.url);
    const cut = BOARD.replace('SUMMARY:#3 Styrelsemöte', 'SUMMARY;LANGUAGE="sv:#3 Hemligt uppköp').replace(/END:VEVENT\r\n/, '');
    server.serve({ kind: 'body', body: cut, contentType: 'text/calendar' });
    await syncNow(app);
    expect(firstSource(app).error).toEqual({
      code: 'ics-malformed',
      message: 'The calendar could not be read: invalid line (no matching double quote)',
    });
    expect(JSON.stringify(app.services.state)).not.toContain('Hemligt');
  });

  it('skips an event with a line ical.js cannot read, keeps the rest, and quotes nothing of it', async () => {
    const server = await feed();
    const app = open(newDir());
    await addFeed(app, server.url);
    const broken = BOARD.replace('SUMMARY:#3 Styrelsemöte', 'SUMMARY;LANGUAGE="sv:#3 Hemligt uppköp');
    server.serve({ kind: 'body', body: broken, contentType: 'text/calendar' });
    await syncNow(app);
    expect(firstSource(app)).toMatchObject({ error: null, eventCount: 0, warnings: [{ code: 'event-invalid', count: 1 }] });
    expect(JSON.stringify(app.services.state)).not.toContain('Hemligt');
  });

  it('shows an unreachable server as feed-unreachable and plans nothing', async () => {
    const port = await freePort();
    const app = open(newDir());
    await addFeed(app, `http://127.0.0.1:${port}/kalender.ics`);
    expect(firstSource(app)).toMatchObject({
      lastGoodSyncAt: null,
      eventCount: null,
      error: { code: 'feed-unreachable', message: 'The server could not be reached (ECONNREFUSED)' },
    });
    expect(app.services.state.calendar.upcoming).toEqual([]);
  });
});

describe('fetchFeed on its own', () => {
  it('decodes the body in the charset the server names, and in UTF-8 otherwise', async () => {
    const latin1 = Buffer.from('BEGIN:VCALENDAR\r\nSUMMARY:Möte på kontoret\r\nEND:VCALENDAR\r\n', 'latin1');
    const server = await startIcsFeedServer({ kind: 'body', body: latin1, contentType: 'text/calendar; charset=windows-1252' });
    servers.push(server);
    const request = {
      url: server.url,
      etag: null,
      lastModified: null,
      timeoutMs: 2_000,
      maxBytes: 10_000,
      scheduler: new ManualClock(START),
    };
    const named = await fetchFeed(request);
    expect(named.kind === 'fresh' && named.text).toContain('SUMMARY:Möte på kontoret');
    server.serve({ kind: 'body', body: Buffer.from('SUMMARY:Möte', 'utf8'), contentType: 'text/calendar' });
    const unnamed = await fetchFeed(request);
    expect(unnamed.kind === 'fresh' && unnamed.text).toBe('SUMMARY:Möte');
  });

  it('reports a 304 that comes without a cached copy as an error', async () => {
    const server = await startIcsFeedServer({ kind: 'status', status: 304 });
    servers.push(server);
    const app = open(newDir());
    await addFeed(app, server.url);
    expect(firstSource(app)).toMatchObject({
      lastGoodSyncAt: null,
      error: {
        code: 'feed-http-status',
        message: 'The server answered 304 Not Modified to a request for the whole calendar',
        httpStatus: 304,
      },
    });
  });
});

describe('the cache across restarts', () => {
  it('plans from the cached copy at start, before and without any successful sync', async () => {
    const dir = newDir();
    const server = await feed();
    const first = open(dir);
    await addFeed(first, server.url);
    first.services.dispose();
    server.serve({ kind: 'status', status: 503 });

    const second = open(dir, new ManualClock('2026-04-15T09:30:00+02:00'));
    await second.services.calendar.whenCacheLoaded();
    expect(second.services.state.active).toMatchObject({
      profileId: 'meeting',
      since: at('2026-04-15T09:00:00+02:00'),
      until: at('2026-04-15T10:00:00+02:00'),
    });
    expect(firstSource(second)).toMatchObject({ syncing: true, lastGoodSyncAt: at(START), eventCount: 1 });
    await second.services.calendar.whenIdle();
    expect(firstSource(second)).toMatchObject({
      syncing: false,
      lastGoodSyncAt: at(START),
      error: { code: 'feed-http-status', httpStatus: 503 },
    });
    expect(server.requests.at(-1)?.ifNoneMatch).toBe('"v1"');
  });

  it('moves an unreadable cache aside and reads the feed afresh', async () => {
    const dir = newDir();
    const server = await feed();
    const first = open(dir);
    await addFeed(first, server.url);
    first.services.dispose();
    writeFileSync(join(dir, 'calendar-cache', 'custom-1.meta.json'), '{"location":');

    const second = open(dir);
    expect(firstSource(second).eventCount).toBeNull();
    expect(
      readdirSync(join(dir, 'calendar-cache'))
        .filter((name) => name.includes('.corrupt-'))
        .sort(),
    ).toEqual(['custom-1.ics.corrupt-2026-04-15T06-00-00-000Z', 'custom-1.meta.json.corrupt-2026-04-15T06-00-00-000Z']);
    await second.services.calendar.whenIdle();
    expect(server.requests.at(-1)?.ifNoneMatch).toBeNull();
    expect(firstSource(second)).toMatchObject({ eventCount: 1, error: null });
  });

  it('removing a source deletes its cache and its activations', async () => {
    const dir = newDir();
    const server = await feed();
    const app = open(dir);
    await addFeed(app, server.url);
    expect(app.services.invoke('calendar:remove-source', { sourceId: 'custom-1' }).ok).toBe(true);
    expect(app.services.state.calendar).toEqual({
      sources: [],
      unmarkedBusyProfileNumber: null,
      shortFormMarkers: false,
      ignorePrivateEvents: false,
      upcoming: [],
    });
    expect(existsSync(join(dir, 'calendar-cache', 'custom-1.ics'))).toBe(false);
    expect(app.services.invoke('calendar:remove-source', { sourceId: 'custom-1' })).toEqual({
      ok: false,
      error: { code: 'source-unknown', field: 'sourceId', message: 'There is no calendar "custom-1".' },
    });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
