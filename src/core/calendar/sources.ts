import { describeInput } from '../describeInput';
import { fail, ok, type Result } from '../errors';
import {
  MAX_CALENDAR_SOURCES,
  MAX_SOURCE_LOCATION_LENGTH,
  type CalendarSettings,
  type CalendarSource,
  type CalendarSourceKind,
} from './settings';

export interface SourceLocation {
  kind: Exclude<CalendarSourceKind, 'caldav'>;
  location: string;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const WINDOWS_ABSOLUTE = /^(?:[a-z]:[\\/]|\\\\)/i;

/** http:// is refused except on this computer, where tests and local tools serve feeds. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * What the user typed into the one field: an ICS feed URL or the absolute path of an ICS file.
 * `webcal://` (what Outlook, Google and Apple publish) means https, and a `file://` URL means its path.
 */
export function parseSourceLocation(input: string): Result<SourceLocation> {
  const text = input.trim();
  if (text === '') return fail('source-empty', 'Enter the path of an ICS file or the address of an ICS feed.', 'location');
  if (text.length > MAX_SOURCE_LOCATION_LENGTH) {
    return fail('source-too-long', `The path or address may be at most ${MAX_SOURCE_LOCATION_LENGTH} characters.`, 'location');
  }
  return SCHEME.test(text) ? parseFeedUrl(text) : parseFilePath(text);
}

function parseFeedUrl(text: string): Result<SourceLocation> {
  const url = parseWebAddress(text, 'location', true);
  if (!url.ok) return url;
  if (url.value.protocol === 'file:') return parseFilePath(fileUrlPath(url.value));
  return ok({ kind: 'url', location: url.value.href });
}

/**
 * An https address, or http on this computer, without a user name or password in it: the rule for
 * ICS feeds and CalDAV servers alike. A feed may also be written `webcal://` (meaning https) or
 * `file://`, which the caller reads as a path.
 */
export function parseWebAddress(text: string, field: string, feed = false): Result<URL> {
  let url: URL;
  try {
    url = new URL(feed ? text.replace(/^webcals?:\/\//i, 'https://') : text);
  } catch {
    return fail('url-invalid', `"${text}" is not a valid web address.`, field);
  }
  if (feed && url.protocol === 'file:') return ok(url);
  if (url.username !== '' || url.password !== '') {
    return fail(
      'url-credentials',
      'Addresses with a user name or password are not supported; use the secret address the calendar publishes.',
      field,
    );
  }
  const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!allowed) {
    return fail(
      'url-not-https',
      `Only https:// feeds are allowed (http:// only on this computer, 127.0.0.1 or localhost), not ${url.protocol}//${url.host}.`,
      field,
    );
  }
  return ok(url);
}

function fileUrlPath(url: URL): string {
  const path = decodeURIComponent(url.pathname);
  return /^\/[a-z]:\//i.test(path) ? path.slice(1) : path;
}

function parseFilePath(text: string): Result<SourceLocation> {
  if (!text.startsWith('/') && !WINDOWS_ABSOLUTE.test(text)) {
    return fail(
      'path-not-absolute',
      `${describeInput(text)} is not a full path; give the whole path from the root, e.g. /home/anna/kalender.ics.`,
      'location',
    );
  }
  return ok({ kind: 'file', location: text });
}

/** The part of the settings that holds the calendars, and the profiles a rule may name. */
interface CalendarSlice {
  profiles: readonly { number: number }[];
  calendar: CalendarSettings;
}

export function addCalendarSource<S extends CalendarSlice>(
  settings: S,
  input: string,
  id: string,
): Result<{ settings: S; source: CalendarSource }> {
  const parsed = parseSourceLocation(input);
  if (!parsed.ok) return parsed;
  const source: CalendarSource = { id, ...parsed.value } as CalendarSource;
  return appendCalendarSource(settings, source, 'location');
}

/** Adds a source that passed its own checks, unless the same calendar is already there or the list is full. */
export function appendCalendarSource<S extends CalendarSlice>(
  settings: S,
  source: CalendarSource,
  field: string,
): Result<{ settings: S; source: CalendarSource }> {
  const { sources } = settings.calendar;
  if (sources.some((existing) => existing.location === source.location)) {
    return fail('source-duplicate', 'This calendar has already been added.', field);
  }
  if (sources.length >= MAX_CALENDAR_SOURCES) {
    return fail('source-limit', `At most ${MAX_CALENDAR_SOURCES} calendars can be added.`, field);
  }
  return ok({ settings: { ...settings, calendar: { ...settings.calendar, sources: [...sources, source] } }, source });
}

export function removeCalendarSource<S extends CalendarSlice>(settings: S, sourceId: string): Result<S> {
  const { sources } = settings.calendar;
  if (!sources.some((source) => source.id === sourceId)) return fail('source-unknown', `There is no calendar "${sourceId}".`, 'sourceId');
  return ok({ ...settings, calendar: { ...settings.calendar, sources: sources.filter((source) => source.id !== sourceId) } });
}

/** The rule for busy events without a marker; the profile number must exist, or null turns the rule off. */
export function setUnmarkedBusyProfile<S extends CalendarSlice>(settings: S, profileNumber: number | null): Result<S> {
  if (profileNumber !== null && !settings.profiles.some((profile) => profile.number === profileNumber)) {
    return fail('profile-number-unknown', `No profile has the number ${profileNumber}.`, 'profileNumber');
  }
  return ok({ ...settings, calendar: { ...settings.calendar, unmarkedBusyProfileNumber: profileNumber } });
}
