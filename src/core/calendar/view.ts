import type { CalendarWarningCode, ExpansionWarning, IcsErrorCode } from './types';
import type { CalendarSourceKind } from './settings';

/** Why a source could not be read this time. The last good copy goes on working meanwhile. */
export type CalendarSourceErrorCode =
  | IcsErrorCode
  | 'file-not-found'
  | 'file-not-a-file'
  | 'file-unreadable'
  | 'feed-unreachable'
  | 'feed-timeout'
  | 'feed-http-status'
  | 'feed-not-https'
  | 'feed-redirect-downgrade'
  | 'feed-redirect-credentials'
  | 'feed-redirect-invalid'
  | 'feed-redirect-loop'
  | 'feed-too-many-redirects'
  | 'feed-port-blocked'
  | 'feed-address-unspecified'
  | 'feed-address-mapped'
  | 'feed-address-loopback'
  | 'feed-address-private'
  | 'feed-address-link-local'
  | 'feed-address-reserved'
  /** The CalDAV server refused the user name and password (401 or 403). */
  | 'caldav-auth-failed'
  /** Nothing answered at the CalDAV server's address. */
  | 'caldav-unreachable'
  /** The server answered, but not as a CalDAV server (no principal or calendar home). */
  | 'caldav-not-caldav'
  /** A CalDAV server, but the user has no calendar there, or the one followed is gone. */
  | 'caldav-no-calendar'
  /** The password is not stored (kept for one session only, where the OS has no keychain). */
  | 'caldav-password-missing';

export interface CalendarSourceError {
  code: CalendarSourceErrorCode;
  /** English, for tests and logs; the UI words it from the code. */
  message: string;
  /** For `feed-http-status`. */
  httpStatus?: number;
  /** For `ics-too-large`. */
  maxBytes?: number;
  /** For `feed-timeout`. */
  timeoutMs?: number;
  /** For `feed-too-many-redirects`. */
  maxRedirects?: number;
}

/** `cache-unusable`: the copy saved by an earlier run could not be read, so the source waits for its next sync. */
export type SourceWarningCode = CalendarWarningCode | ExpansionWarning['code'] | 'cache-unusable';

/** Problems inside a calendar that was read, counted by kind. Carries no titles. */
export interface SourceWarningSummary {
  code: SourceWarningCode;
  count: number;
}

export interface CalendarSourceStatus {
  id: string;
  kind: CalendarSourceKind;
  location: string;
  syncing: boolean;
  /** When the copy in use was last read or confirmed unchanged; null before the first good read. */
  lastGoodSyncAt: number | null;
  lastAttemptAt: number | null;
  /** The last attempt's failure; null after a good one. */
  error: CalendarSourceError | null;
  /** Events in the copy in use; null when there is none yet. */
  eventCount: number | null;
  warnings: SourceWarningSummary[];
}

/**
 * - active: the calendar has this profile on now;
 * - planned: it will switch at the start;
 * - outranked: in force now, but the current profile or another event has a higher calendar priority;
 * - skipped: the user chose "Hoppa över";
 * - overridden: the user chose a profile by hand during it;
 * - unknown-profile: its marker names a profile number that does not exist.
 */
export type UpcomingState = 'active' | 'planned' | 'outranked' | 'skipped' | 'overridden' | 'unknown-profile';

/**
 * One line of "14:00–15:00 → Möte (#3)", with the meeting that causes it. The title is for the
 * user's own eyes in this list: it never reaches the tray, notifications, the log or presence.
 */
export interface UpcomingActivation {
  key: string;
  start: number;
  end: number;
  /** null for `unknown-profile`. */
  profileId: string | null;
  profileNumber: number;
  /** The meeting's title (SUMMARY), as the calendar has it; empty when it has none. */
  title: string;
  state: UpcomingState;
}

export interface CalendarState {
  sources: CalendarSourceStatus[];
  unmarkedBusyProfileNumber: number | null;
  shortFormMarkers: boolean;
  ignorePrivateEvents: boolean;
  upcoming: UpcomingActivation[];
}
