import { z } from 'zod';

/**
 * What the domain allows for every number and string that comes in from outside (IPC payloads,
 * the settings and history files, provisioning). One place, so that every schema agrees and a
 * value none of them would take can never reach the formatting of dates or the disk.
 */

const DAY_MS = 24 * 60 * 60_000;

/** How far ahead a length or an end may reach: two years. */
export const HORIZON_DAYS = 2 * 366;
export const HORIZON_MS = HORIZON_DAYS * DAY_MS;
export const HORIZON_MINUTES = HORIZON_MS / 60_000;

/** A moment the app can meet: from the epoch to 2100 (UTC), well inside what dates can format. */
export const EARLIEST_MS = 0;
export const LATEST_MS = Date.UTC(2100, 0, 1);

/** Far beyond any count or setting (profile numbers, seconds, priorities), still exact in arithmetic. */
export const COUNT_GUARD = 1_000_000;

/** Ids made by the app or by a feed: profiles, notices, calls, sources. */
export const ID_MAX_LENGTH = 100;

/** The codes of a value outside the bounds; each has its text in i18n/boundsMessages. */
export const BOUNDS_CODES = ['out-of-bounds', 'control-characters'] as const;
export type BoundsCode = (typeof BOUNDS_CODES)[number];

/** C0 and C1 controls, DEL and the Unicode line and paragraph separators: no one-line text has them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

function hasControlCharacters(text: string): boolean {
  CONTROL_CHARACTERS.lastIndex = 0;
  return CONTROL_CHARACTERS.test(text);
}

export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/** One line of text of at most `max` characters, free of control characters. */
export function plainText(max: number) {
  // A too-long text is refused by its length alone; it is never scanned.
  return z
    .string()
    .max(max)
    .refine((text) => text.length > max || !hasControlCharacters(text), {
      message: 'control characters are not allowed',
      params: { bound: 'control-characters' satisfies BoundsCode },
    });
}

/** An id: non-empty, bounded, one line. */
export function identifier(max: number = ID_MAX_LENGTH) {
  return plainText(max).min(1);
}

/** A whole number within `min` … `max`. */
export function boundedInteger(min: number = -COUNT_GUARD, max: number = COUNT_GUARD) {
  return z.number().int().min(min).max(max);
}

/** Epoch milliseconds in the plausible range. */
export function timestamp() {
  return z.number().min(EARLIEST_MS).max(LATEST_MS);
}

/** The bounds code a schema issue stands for, or null when the value was wrong in another way. */
export function boundsCodeOf(issue: z.core.$ZodIssue): BoundsCode | null {
  // An empty text or list is missing rather than out of bounds; a number below its minimum is out.
  if (issue.code === 'too_big') return 'out-of-bounds';
  if (issue.code === 'too_small' && (issue.origin === 'number' || issue.origin === 'int')) return 'out-of-bounds';
  if (issue.code === 'custom') {
    const bound = (issue.params as { bound?: unknown } | undefined)?.bound;
    if ((BOUNDS_CODES as readonly unknown[]).includes(bound)) return bound as BoundsCode;
  }
  return null;
}
