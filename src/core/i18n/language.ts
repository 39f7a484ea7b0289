import { z } from 'zod';

/** The languages of the UI, the notes colleagues read and the spoken announcements. */
export const LANGUAGES = ['sv', 'en'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;
