import { z } from 'zod';
import { identifier, timestamp } from '../bounds';

export const MAX_CALENDAR_SOURCES = 20;
export const MAX_SOURCE_LOCATION_LENGTH = 2048;
/** Far more activations than fit in the planning window; keeps a runaway list from bloating the settings file. */
export const MAX_SUPPRESSED_ACTIVATIONS = 2000;

export const CALENDAR_SOURCE_KINDS = ['file', 'url', 'caldav'] as const;
export type CalendarSourceKind = (typeof CALENDAR_SOURCE_KINDS)[number];
export const MAX_CALDAV_USERNAME_LENGTH = 256;

const FeedSourceSchema = z
  .object({
    id: identifier(64),
    kind: z.enum(['file', 'url']),
    /** An absolute file path, or an https (or loopback http) URL. */
    location: z.string().min(1).max(MAX_SOURCE_LOCATION_LENGTH),
  })
  .strict();

/** A calendar collection on a CalDAV server. Its password is kept with the secrets, keyed by the id, never here. */
const CaldavSourceSchema = z
  .object({
    id: identifier(64),
    kind: z.literal('caldav'),
    /** The calendar collection that is read, as discovery found it. */
    location: z.string().min(1).max(MAX_SOURCE_LOCATION_LENGTH),
    /** The address the user typed, where discovery started. */
    serverUrl: z.string().min(1).max(MAX_SOURCE_LOCATION_LENGTH),
    username: z.string().min(1).max(MAX_CALDAV_USERNAME_LENGTH),
  })
  .strict();

export const CalendarSourceSchema = z.discriminatedUnion('kind', [FeedSourceSchema, CaldavSourceSchema]);
export type CalendarSource = z.infer<typeof CalendarSourceSchema>;

/**
 * A calendar activation the calendar must leave alone until it ends: one the user skipped in the
 * list, or one that was in force when the user chose a profile by hand.
 */
export const SuppressedActivationSchema = z
  .object({
    key: z.string().min(1).max(MAX_SOURCE_LOCATION_LENGTH),
    /** The activation's end; the entry is pruned once it has passed. */
    end: timestamp(),
    reason: z.enum(['skipped', 'overridden']),
  })
  .strict();
export type SuppressedActivation = z.infer<typeof SuppressedActivationSchema>;

export const CalendarSettingsSchema = z
  .object({
    sources: z.array(CalendarSourceSchema).max(MAX_CALENDAR_SOURCES),
    /** Profile number that busy events without a marker activate; null (the default) leaves them alone. */
    unmarkedBusyProfileNumber: z.number().int().min(1).max(999).nullable(),
    suppressed: z.array(SuppressedActivationSchema).max(MAX_SUPPRESSED_ACTIVATIONS),
    /** The short markers other Nordic switchboards use (`3: Möte`, `[i]`); absent in older files: off. */
    shortFormMarkers: z.boolean().default(false),
    /** Private and confidential events switch nothing; absent in older files: off. */
    ignorePrivateEvents: z.boolean().default(false),
  })
  .strict();
export type CalendarSettings = z.infer<typeof CalendarSettingsSchema>;

export function defaultCalendarSettings(): CalendarSettings {
  return { sources: [], unmarkedBusyProfileNumber: null, suppressed: [], shortFormMarkers: false, ignorePrivateEvents: false };
}
