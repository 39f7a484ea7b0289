import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { globalAgent } from 'node:https';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed, type ReadOutcome } from '../../../electron/services/calendarFeed';
import { MAX_FEED_REDIRECTS } from '../../../src/core/calendar/feedPolicy';
import type { CalendarSourceError } from '../../../src/core/calendar/view';
import { errorText } from '../../../src/core/userErrors/errorText';
import { icsCalendar } from '../../helpers/calendarApp';
import { startIcsFeedServer, type FeedBehaviour, type FeedServerOptions, type IcsFeedServer } from '../../helpers/icsFeedServer';
import { ManualClock } from '../../helpers/manualClock';
import { openTestApp, type TestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();
const at = (iso: string) => new Date(iso).getTime();
const START = '2026-04-15T08:00:00+02:00';
const BOARD = icsCalendar([
  { uid: 'board@redirect.test', summary: '#3 Styrelsemöte', start: at('2026-04-15T09:00:00+02:00'), end: at('2026-04-15T10:00:00+02:00') },
]);
const CALENDAR: FeedBehaviour = { kind: 'ics', body: BOARD };

const servers: IcsFeedServer[] = [];
const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) app.services.dispose();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(behaviour: FeedBehaviour, options: FeedServerOptions = {}): Promise<IcsFeedServer> {
  const server = await startIcsFeedServer(behaviour, options);
  servers.push(server);
  return server;
}

/** A loopback feed whose /kalender.ics redirects to `location`. */
function redirecting(location: string, status = 302): Promise<IcsFeedServer> {
  return serve({ kind: 'redirect', status, locations: { '/kalender.ics': location }, otherwise: CALENDAR });
}

/** Never advanced: a request that reached for an address that does not answer would hang, not fail. */
function read(url: string): Promise<ReadOutcome> {
  return fetchFeed({ url, etag: null, lastModified: null, timeoutMs: 2_000, maxBytes: 100_000, scheduler: new ManualClock(START) });
}

function codeOf(outcome: ReadOutcome): string {
  return outcome.kind === 'failed' ? outcome.error.code : outcome.kind;
}

describe('a redirect to an address the feed may not reach is refused before that address is asked', () => {
  it.each([
    ['0.0.0.0, which reaches this computer', (port: number) => `http://0.0.0.0:${port}/kalender.ics`, 'feed-address-unspecified'],
    ['0.x.y.z, the rest of "this network"', (port: number) => `http://0.1.2.3:${port}/kalender.ics`, 'feed-address-unspecified'],
    [
      '::ffff:127.0.0.1, loopback written as IPv6',
      (port: number) => `http://[::ffff:127.0.0.1]:${port}/kalender.ics`,
      'feed-address-mapped',
    ],
    ['the decimal form of 127.0.0.1 on another port', (port: number) => `http://2130706433:${port}/kalender.ics`, 'feed-address-loopback'],
    ['127.0.0.1 on another port', (port: number) => `http://127.0.0.1:${port}/kalender.ics`, 'feed-address-loopback'],
    [
      'localhost on another port, checked once resolved',
      (port: number) => `http://localhost:${port}/kalender.ics`,
      'feed-address-loopback',
    ],
  ])('%s: %s', async (_what, target, code) => {
    const forbidden = await serve(CALENDAR);
    const feed = await redirecting(target(forbidden.port));
    expect(codeOf(await read(feed.url))).toBe(code);
    expect(feed.requests.map((request) => request.status)).toEqual([302]);
    expect(forbidden.requests).toEqual([]);
  });

  it('[::1], loopback over IPv6, on another port', async () => {
    const forbidden = await serve(CALENDAR, { host: '::1' });
    const feed = await redirecting(`http://[::1]:${forbidden.port}/kalender.ics`);
    expect(codeOf(await read(feed.url))).toBe('feed-address-loopback');
    expect(forbidden.requests).toEqual([]);
  });

  // Nothing listens at these; the answer comes at once, with the clock standing still, because no connection is tried.
  it.each([
    ['http://10.0.0.1/kalender.ics', 'feed-address-private'],
    ['https://10.0.0.1/kalender.ics', 'feed-address-private'],
    ['https://172.16.5.4/kalender.ics', 'feed-address-private'],
    ['https://192.168.1.10/kalender.ics', 'feed-address-private'],
    ['https://100.64.0.1/kalender.ics', 'feed-address-private'],
    ['https://[fd12:3456::1]/kalender.ics', 'feed-address-private'],
    ['http://169.254.169.254/latest/meta-data/', 'feed-address-link-local'],
    ['https://[fe80::1]/kalender.ics', 'feed-address-link-local'],
    ['https://224.0.0.1/kalender.ics', 'feed-address-reserved'],
    ['https://255.255.255.255/kalender.ics', 'feed-address-reserved'],
    ['https://[::]/kalender.ics', 'feed-address-unspecified'],
    ['https://[::ffff:10.0.0.1]/kalender.ics', 'feed-address-mapped'],
    ['https://[64:ff9b::a00:1]/kalender.ics', 'feed-address-mapped'],
    ['http://calendar.example.invalid/kalender.ics', 'feed-not-https'],
    ['ftp://calendar.example.invalid/kalender.ics', 'feed-not-https'],
    ['https://calendar.example.invalid:5060/kalender.ics', 'feed-port-blocked'],
    ['https://calendar.example.invalid:25/kalender.ics', 'feed-port-blocked'],
    ['https://anna:hemligt@calendar.example.invalid/kalender.ics', 'feed-redirect-credentials'],
  ])('%s is %s', async (target, code) => {
    const feed = await redirecting(target);
    expect(codeOf(await read(feed.url))).toBe(code);
    expect(feed.requests).toHaveLength(1);
  });

  it('a Location that is not an address is feed-redirect-invalid', async () => {
    const feed = await redirecting('http://[zz');
    expect(codeOf(await read(feed.url))).toBe('feed-redirect-invalid');
  });
});

describe('redirects that go round', () => {
  it('a loop is refused when it comes back, and nothing is asked twice', async () => {
    const feed = await serve({
      kind: 'redirect',
      status: 301,
      locations: { '/kalender.ics': '/a', '/a': '/b', '/b': '/kalender.ics' },
      otherwise: CALENDAR,
    });
    expect(codeOf(await read(feed.url))).toBe('feed-redirect-loop');
    expect(feed.requests.map((request) => request.path)).toEqual(['/kalender.ics', '/a', '/b']);
  });

  const chain = (redirects: number): Record<string, string> =>
    Object.fromEntries(Array.from({ length: redirects }, (_, hop) => [hop === 0 ? '/kalender.ics' : `/hop-${hop}`, `/hop-${hop + 1}`]));

  it(`follows ${MAX_FEED_REDIRECTS} redirects within the feed's own address, relative ones included`, async () => {
    const feed = await serve({ kind: 'redirect', status: 307, locations: chain(MAX_FEED_REDIRECTS), otherwise: CALENDAR });
    const outcome = await read(feed.url);
    expect(outcome).toMatchObject({ kind: 'fresh', text: BOARD });
    expect(feed.requests).toHaveLength(MAX_FEED_REDIRECTS + 1);
  });

  it(`refuses the redirect after the ${MAX_FEED_REDIRECTS}th, before asking for it`, async () => {
    const feed = await serve({ kind: 'redirect', status: 308, locations: chain(MAX_FEED_REDIRECTS + 1), otherwise: CALENDAR });
    const outcome = await read(feed.url);
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'feed-too-many-redirects', maxRedirects: MAX_FEED_REDIRECTS } });
    expect(feed.requests.map((request) => request.path)).not.toContain(`/hop-${MAX_FEED_REDIRECTS + 1}`);
    expect(feed.requests).toHaveLength(MAX_FEED_REDIRECTS + 1);
  });
});

describe('a feed added by its name', () => {
  it('on localhost is resolved, checked and read', async () => {
    const feed = await serve(CALENDAR);
    expect(await read(`http://localhost:${feed.port}/kalender.ics`)).toMatchObject({ kind: 'fresh', text: BOARD });
    expect(feed.requests).toHaveLength(1);
  });
});

describe('an https feed that redirects to plain http', () => {
  let tls: { key: string; cert: string };
  let trusted: typeof globalAgent.options.ca;

  beforeAll(() => {
    const dir = newDir();
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    tls = { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
    // The test's own certificate authority, trusted the way an installed one would be.
    trusted = globalAgent.options.ca;
    globalAgent.options.ca = tls.cert;
  });
  afterAll(() => {
    globalAgent.options.ca = trusted;
  });

  it('is read over https on this computer', async () => {
    const feed = await serve(CALENDAR, { tls });
    expect(await read(feed.url)).toMatchObject({ kind: 'fresh', text: BOARD });
  });

  it('is refused at the downgrade, and the http address receives nothing, even on the same host and port', async () => {
    const plain = await serve(CALENDAR);
    const feed = await serve({ kind: 'redirect', status: 302, locations: { '/kalender.ics': plain.url }, otherwise: CALENDAR }, { tls });
    expect(codeOf(await read(feed.url))).toBe('feed-redirect-downgrade');
    expect(feed.requests).toHaveLength(1);
    expect(plain.requests).toEqual([]);
  });
});

describe('a refused redirect in the app', () => {
  it('is the source’s error, in Swedish and English, and the schedule from the last good copy stays', async () => {
    const forbidden = await serve(CALENDAR);
    const feed = await serve(CALENDAR);
    const app = openTestApp(newDir(), new ManualClock(START), { fetchTimeoutMs: 2_000 });
    apps.push(app);
    expect(app.services.invoke('calendar:add-source', { location: feed.url }).ok).toBe(true);
    await app.services.calendar.whenIdle();

    feed.serve({
      kind: 'redirect',
      status: 302,
      locations: { '/kalender.ics': `http://0.0.0.0:${forbidden.port}/kalender.ics` },
      otherwise: CALENDAR,
    });
    expect(app.services.invoke('calendar:sync', { sourceId: null }).ok).toBe(true);
    await app.services.calendar.whenIdle();
    const status = app.services.state.calendar.sources[0];
    expect(status).toMatchObject({ eventCount: 1, error: { code: 'feed-address-unspecified' } });
    const error = status?.error as CalendarSourceError;
    expect(errorText('sv', error)).toBe('Flödet pekar på adressen 0.0.0.0 eller ::, som betyder den här datorn, och följdes inte.');
    expect(errorText('en', error)).toBe('The feed points at the address 0.0.0.0 or ::, which means this computer, and was not followed.');
    expect(app.services.state.calendar.upcoming.map((row) => row.profileNumber)).toEqual([3]);
    expect(forbidden.requests).toEqual([]);
  });
});

describe('every refusal', () => {
  it.each([
    'feed-redirect-downgrade',
    'feed-redirect-credentials',
    'feed-redirect-invalid',
    'feed-redirect-loop',
    'feed-too-many-redirects',
    'feed-port-blocked',
    'feed-address-unspecified',
    'feed-address-mapped',
    'feed-address-loopback',
    'feed-address-private',
    'feed-address-link-local',
    'feed-address-reserved',
  ] as const)('%s has its own Swedish and English text', (code) => {
    const error: CalendarSourceError = { code, message: 'English for the log', maxRedirects: MAX_FEED_REDIRECTS };
    const swedish = errorText('sv', error);
    const english = errorText('en', error);
    expect(swedish).toMatch(/följdes|slinga|giltig/);
    expect(english).not.toBe(swedish);
    expect(english).not.toContain('{');
    expect(swedish).not.toContain('calendar.error');
  });
});
