import type { Language } from '../i18n/language';

/**
 * The standard profiles' announcements in each language. A caller hears the English words when
 * the account announces in English and the user has not rewritten the Swedish ones.
 */
interface StandardAnnouncement {
  words: Record<Language, string>;
  sayEnd: boolean;
}

export const STANDARD_ANNOUNCEMENTS = {
  lunch: { words: { sv: 'Jag är på lunch', en: "I'm at lunch" }, sayEnd: true },
  meeting: { words: { sv: 'Jag sitter i möte', en: "I'm in a meeting" }, sayEnd: true },
  'left-for-the-day': { words: { sv: 'Jag har slutat för dagen och är borta', en: "I've left for the day and I'm away" }, sayEnd: true },
  vacation: { words: { sv: 'Jag har semester', en: "I'm on vacation" }, sayEnd: true },
  sick: { words: { sv: 'Jag är sjuk i dag.', en: "I'm off sick today." }, sayEnd: false },
  'care-of-child': { words: { sv: 'Jag är hemma för vård av barn.', en: "I'm at home caring for my child." }, sayEnd: false },
  training: { words: { sv: 'Jag är på utbildning', en: "I'm at a training course" }, sayEnd: true },
} satisfies Record<string, StandardAnnouncement>;
export type StandardAnnouncementId = keyof typeof STANDARD_ANNOUNCEMENTS;

/** The words the caller hears: the profile's own, or, for an unchanged standard profile, the standard words in `language`. */
export function spokenWords(profileId: string, words: string, language: Language): string {
  const standard = (STANDARD_ANNOUNCEMENTS as Record<string, StandardAnnouncement | undefined>)[profileId];
  return standard && standard.words.sv === words.trim() ? standard.words[language] : words;
}
