import type { Language } from '../i18n/language';

/** Longer than any announcement with its end phrase; a longer text is refused rather than cut. */
export const MAX_SPOKEN_CHARACTERS = 600;

/** What the computer's speech engine can do, for the editor to say plainly. */
export interface SpeechStatus {
  /** The engine found on this computer, e.g. "espeak-ng"; null when there is none. */
  engine: string | null;
}

export interface SpeechRequest {
  text: string;
  language: Language;
}
