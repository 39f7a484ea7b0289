/** Texts of the profile switcher and its end-time picker. Swedish first; English must carry every Swedish key. */
const sv = {
  'switcher.heading': 'Profilbytaren',
} as const;

const en: Record<keyof typeof sv, string> = {
  'switcher.heading': 'Profile switcher',
};

export const switcherMessages = { sv, en };
