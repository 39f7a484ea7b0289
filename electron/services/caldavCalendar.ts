import { calendarQuery, createAccount, fetchCalendars, getBasicAuthHeaders, propfind, type DAVCalendar } from 'tsdav';
import type { CalendarSourceError } from '../../src/core/calendar/view';
import { TooLarge, networkReason, timeoutError, underDeadline, type Deadline, type ReadOutcome } from './calendarFeed';
import { PLAN_WINDOW } from './calendarPlanner';
import { checkedFetch, RequestRefused, type CheckedFetch } from './caldavFetch';

/** How long a downloaded window serves before it is asked for again, unchanged calendar or not: the plan's window rolls daily. */
export const CALDAV_REQUERY_AFTER_MS = 86_400_000;

export interface CaldavConnection extends Deadline {
  serverUrl: string;
  username: string;
  password: string;
  maxBytes: number;
}

export interface CaldavCalendarFound {
  calendarUrl: string;
  displayName: string | null;
}

export type CaldavOutcome<T> = { ok: true; value: T } | { ok: false; error: CalendarSourceError };

/** The copy in use: its sync token (or CTag) and when its window was read. */
export interface CaldavCopy {
  syncToken: string | null;
  readAt: number;
}

interface Exchange {
  transport: CheckedFetch;
  headers: Record<string, string>;
}

/**
 * Finds the user's calendar: principal, then calendar-home-set, then the calendars in it. The
 * address the user typed is taken when it names one of them; otherwise the first calendar that
 * holds events, in the server's order.
 */
export function discoverCaldavCalendar(connection: CaldavConnection): Promise<CaldavOutcome<CaldavCalendarFound>> {
  return exchange(connection, async ({ transport, headers }) => {
    const account = await createAccount({
      account: {
        serverUrl: connection.serverUrl,
        accountType: 'caldav',
        credentials: { username: connection.username, password: connection.password },
      },
      headers,
      fetch: transport.fetch,
    });
    const calendars = (await fetchCalendars({ account, headers, fetch: transport.fetch })).filter(holdsEvents);
    const typed = calendars.find((calendar) => sameCollection(calendar.url, connection.serverUrl));
    const chosen = typed ?? calendars[0];
    if (!chosen)
      return {
        ok: false,
        error: { code: 'caldav-no-calendar', message: `${connection.username} has no calendar on ${new URL(connection.serverUrl).host}` },
      };
    return { ok: true, value: { calendarUrl: chosen.url, displayName: displayNameOf(chosen) } };
  });
}

/**
 * Reads the calendar's events in the planning window with one calendar-query REPORT, unless its
 * sync token (or CTag) says nothing changed since the copy in use was read, and that copy's
 * window still covers the plan. Each object is a VCALENDAR; they are joined, in href order, into
 * one text for the ICS parser.
 */
export function readCaldavCalendar(
  connection: CaldavConnection,
  calendarUrl: string,
  copy: CaldavCopy | null,
  now: number,
): Promise<ReadOutcome> {
  return exchange<ReadOutcome>(connection, async ({ transport, headers }) => {
    const [state] = await propfind({
      url: calendarUrl,
      props: { 'd:sync-token': {}, 'cs:getctag': {} },
      depth: '0',
      headers,
      fetch: transport.fetch,
    });
    if (!state?.ok) return { ok: false, error: collectionError(state?.status ?? 0, calendarUrl) };
    const syncToken = tokenOf(state.props?.syncToken) ?? tokenOf(state.props?.getctag);
    if (copy && syncToken !== null && syncToken === copy.syncToken && now - copy.readAt < CALDAV_REQUERY_AFTER_MS)
      return { ok: true, value: { kind: 'unchanged' } };
    const objects = await calendarQuery({
      url: calendarUrl,
      props: { 'd:getetag': {}, 'c:calendar-data': {} },
      filters: {
        'comp-filter': {
          _attributes: { name: 'VCALENDAR' },
          'comp-filter': {
            _attributes: { name: 'VEVENT' },
            'time-range': {
              _attributes: {
                start: caldavTime(now - PLAN_WINDOW.beforeMs),
                end: caldavTime(now + PLAN_WINDOW.afterMs + CALDAV_REQUERY_AFTER_MS),
              },
            },
          },
        },
      },
      depth: '1',
      headers,
      fetch: transport.fetch,
    });
    const texts = objects
      .map((object) => ({ href: object.href ?? '', data: calendarDataOf(object.props?.calendarData) }))
      .filter((object): object is { href: string; data: string } => object.data !== null)
      .sort((a, b) => (a.href < b.href ? -1 : a.href > b.href ? 1 : 0))
      .map((object) => object.data.trimEnd());
    const text =
      texts.length === 0
        ? 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Profiltelefon//CalDAV//SV\r\nEND:VCALENDAR\r\n'
        : `${texts.join('\r\n')}\r\n`;
    return { ok: true, value: { kind: 'fresh', text, etag: syncToken, lastModified: null } };
  }).then((outcome): ReadOutcome => (outcome.ok ? outcome.value : { kind: 'failed', error: outcome.error }));
}

/** One exchange under one deadline; whatever fails is named by what the server last said. */
function exchange<T>(connection: CaldavConnection, run: (exchange: Exchange) => Promise<CaldavOutcome<T>>): Promise<CaldavOutcome<T>> {
  return underDeadline(connection, async (signal, timedOut) => {
    const transport = checkedFetch(new URL(connection.serverUrl), signal, connection.maxBytes);
    try {
      return await run({ transport, headers: getBasicAuthHeaders({ username: connection.username, password: connection.password }) });
    } catch (error) {
      return { ok: false, error: failureOf(error, transport, timedOut(), connection) };
    }
  });
}

function failureOf(error: unknown, transport: CheckedFetch, timedOut: boolean, connection: CaldavConnection): CalendarSourceError {
  if (error instanceof RequestRefused) return error.sourceError;
  // A refused hop explains more than whatever the library tried after it.
  const refused = transport.refusal();
  if (refused) return refused;
  if (error instanceof TooLarge)
    return {
      code: 'ics-too-large',
      message: `The server's answer is larger than ${connection.maxBytes} bytes`,
      maxBytes: connection.maxBytes,
    };
  if (timedOut) return timeoutError(connection.timeoutMs);
  const status = transport.lastStatus();
  if (status === 401 || status === 403) return authFailure(status);
  if (status === null) return { code: 'caldav-unreachable', message: `The CalDAV server could not be reached (${networkReason(error)})` };
  return {
    code: 'caldav-not-caldav',
    message: `The server at ${new URL(connection.serverUrl).host} did not answer as a CalDAV server (${status})`,
    httpStatus: status,
  };
}

function authFailure(status: number): CalendarSourceError {
  return { code: 'caldav-auth-failed', message: `The CalDAV server refused the user name or password (${status})`, httpStatus: status };
}

function collectionError(status: number, calendarUrl: string): CalendarSourceError {
  if (status === 401 || status === 403) return authFailure(status);
  if (status === 404 || status === 410)
    return {
      code: 'caldav-no-calendar',
      message: `The calendar ${new URL(calendarUrl).pathname} is no longer on the server (${status})`,
      httpStatus: status,
    };
  return { code: 'caldav-not-caldav', message: `The calendar could not be read (${status})`, httpStatus: status };
}

function holdsEvents(calendar: DAVCalendar): boolean {
  return !calendar.components || calendar.components.length === 0 || calendar.components.includes('VEVENT');
}

function sameCollection(a: string, b: string): boolean {
  const withSlash = (text: string) => (text.endsWith('/') ? text : `${text}/`);
  return withSlash(a) === withSlash(b);
}

function displayNameOf(calendar: DAVCalendar): string | null {
  return typeof calendar.displayName === 'string' && calendar.displayName !== '' ? calendar.displayName : null;
}

function tokenOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** 20261124T090000Z, the form CalDAV's time-range takes. */
function caldavTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function calendarDataOf(value: unknown): string | null {
  const text = value && typeof value === 'object' && '_cdata' in value ? value._cdata : value;
  return typeof text === 'string' && text.trim() !== '' ? text : null;
}
