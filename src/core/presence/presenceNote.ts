import { endPhrase } from '../phone/announcement';
import type { Language } from '../i18n/language';

export interface PresenceNoteInput {
  profileName: string;
  /** When the profile ends (epoch ms), or null when it lasts until changed. */
  until: number | null;
  /** The status message in force; empty for none. */
  message: string;
  now: number;
  /** The words colleagues read, the same as callers hear in an announcement. */
  language: Language;
  timeZone: string;
}

/**
 * The line any presence client shows for us, since most read only `<note>`: the profile's name, its
 * end and the status message, e.g. "Möte till 14:30 – Chatta mig om det är viktigt".
 */
export function presenceNote(input: PresenceNoteInput): string {
  const name = input.profileName.replace(/\s+/g, ' ').trim();
  const end = input.until === null ? '' : ` ${endPhrase(input.until, input.now, input.language, input.timeZone)}`;
  const message = input.message.replace(/\s+/g, ' ').trim();
  return message === '' ? `${name}${end}` : `${name}${end} – ${message}`;
}
