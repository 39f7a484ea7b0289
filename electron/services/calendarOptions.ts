import type { Result } from '../../src/core/errors';

export interface CalendarServiceOptions {
  /** How long a feed may take, body included. */
  fetchTimeoutMs: number;
  /** The largest feed or file read; a feed is abandoned as soon as it passes this. */
  maxBytes: number;
  refreshIntervalMs: number;
}

export const DEFAULT_CALENDAR_OPTIONS: CalendarServiceOptions = {
  fetchTimeoutMs: 10_000,
  maxBytes: 10 * 1024 * 1024,
  refreshIntervalMs: 5 * 60_000,
};

export interface CalendarSecrets {
  get(sourceId: string): string | null;
  set(sourceId: string, secret: string | null): Result<null>;
}
