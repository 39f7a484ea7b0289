/** Texts of the profile switcher and its end-time picker. Swedish first; English must carry every Swedish key. */
const sv = {
  'switcher.heading': 'Profilbytaren',
  'switcher.temporaryMessage': 'Tillfälligt statusmeddelande',
  'switcher.temporaryMessageHint': 'Gäller nästa profil du väljer, tills profilen byts.',
  'switcher.chooseEnd': 'Välj sluttid för {name}',
  'switcher.dialogTitle': 'Aktivera {name} till …',
  'switcher.quickChoices': 'Snabbval',
  'switcher.endLabel': 'Sluttid',
  'switcher.openCalendar': 'Öppna kalendern',
  'switcher.calendar': 'Kalender',
  'switcher.previousMonth': 'Föregående månad',
  'switcher.nextMonth': 'Nästa månad',
  'switcher.cancel': 'Avbryt',
  'switcher.activateUntil': 'Aktivera',
  'switcher.endMissing': 'Välj en sluttid.',
  'switcher.endInPast': 'Sluttiden måste ligga i framtiden.',
  'switcher.remaining': '{time} kvar',
  'switcher.message': 'Meddelande: {message}',
  'switcher.fromCalendar': 'från kalendern',
} as const;

const en: Record<keyof typeof sv, string> = {
  'switcher.heading': 'Profile switcher',
  'switcher.temporaryMessage': 'Temporary status message',
  'switcher.temporaryMessageHint': 'Applies to the next profile you choose, until the profile changes.',
  'switcher.chooseEnd': 'Choose an end time for {name}',
  'switcher.dialogTitle': 'Activate {name} until …',
  'switcher.quickChoices': 'Quick choices',
  'switcher.endLabel': 'End time',
  'switcher.openCalendar': 'Open the calendar',
  'switcher.calendar': 'Calendar',
  'switcher.previousMonth': 'Previous month',
  'switcher.nextMonth': 'Next month',
  'switcher.cancel': 'Cancel',
  'switcher.activateUntil': 'Activate',
  'switcher.endMissing': 'Choose an end time.',
  'switcher.endInPast': 'The end time must be in the future.',
  'switcher.remaining': '{time} left',
  'switcher.message': 'Message: {message}',
  'switcher.fromCalendar': 'from the calendar',
};

export const switcherMessages = { sv, en };
