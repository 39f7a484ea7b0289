/** Texts of the profile editor. Swedish first; English must carry every Swedish key. */
const sv = {
  'editor.heading': 'Redigera profil',
} as const;

const en: Record<keyof typeof sv, string> = {
  'editor.heading': 'Edit profile',
};

export const editorMessages = { sv, en };
