/** Texts for lengths of time: how long is left of a profile. Swedish first. */
const sv = {
  'time.left.minutes': '{minutes} min',
  'time.left.hoursMinutes': '{hours} tim {minutes} min',
  'time.left.days': '{days, plural, one {# dag} other {# dagar}}',
} as const;

const en: Record<keyof typeof sv, string> = {
  'time.left.minutes': '{minutes} min',
  'time.left.hoursMinutes': '{hours} h {minutes} min',
  'time.left.days': '{days, plural, one {# day} other {# days}}',
};

export const timeMessages = { sv, en };
