import type { Language } from '../settings/schema';
import { formatEndTime } from '../time/format';

export interface AnnouncementContext {
  /** When the active profile ends; null when it lasts until changed. */
  until: number | null;
  now: number;
  language: Language;
  timeZone: string;
}

const MIN_DURATION_MS = 4_000;
const MAX_DURATION_MS = 12_000;
const MS_PER_CHARACTER = 70;
// "till {end}" / "until {end}" / "tills {end}" reads wrong when there is no end, so the whole phrase goes.
const END_PHRASE = /\s*(?:\b(?:till|tills|until)\s+)?\{end\}/gi;

/** The announcement's text with `{end}` filled in from the profile's end time. */
export function announcementText(template: string, context: AnnouncementContext): string {
  const text =
    context.until === null
      ? template.replace(END_PHRASE, '')
      : template.replaceAll('{end}', formatEndTime(context.until, context.now, context.language, context.timeZone));
  return text.replace(/\s+([.,!?])/g, '$1').replace(/\s+/g, ' ').trim();
}

/** How long the caller stays with the announcement: long enough to read it in the call view. */
export function announcementDurationMs(text: string): number {
  return Math.min(MAX_DURATION_MS, Math.max(MIN_DURATION_MS, text.length * MS_PER_CHARACTER));
}
