/** Texts of the CalDAV form and a CalDAV source's errors. Swedish first; English must carry every Swedish key. */
const sv = {
  'calendar.source.kind.caldav': 'CalDAV',
  'calendar.caldav.heading': 'Kalender på en CalDAV-server',
  'calendar.caldav.server': 'Serveradress',
  'calendar.caldav.username': 'Användarnamn',
  'calendar.caldav.password': 'Lösenord',
  'calendar.caldav.submit': 'Anslut kalendern',
  'calendar.caldav.connecting': 'Ansluter …',
  'calendar.caldav.hint':
    'Till exempel https://kalender.foretaget.se/. Appen letar själv upp din kalender och använder den första som har händelser, om inte adressen pekar på en viss kalender. Lösenordet sparas som SIP-lösenordet, aldrig i inställningsfilen.',
  'calendar.error.caldav-auth-failed': 'Servern godtog inte användarnamnet eller lösenordet.',
  'calendar.error.caldav-unreachable': 'CalDAV-servern gick inte att nå ({detail}).',
  'calendar.error.caldav-not-caldav': 'Adressen svarar inte som en CalDAV-server.',
  'calendar.error.caldav-no-calendar': 'Det finns ingen kalender för användaren på servern.',
  'calendar.error.caldav-password-missing': 'Lösenordet till kalendern är inte sparat. Ta bort kalendern och lägg till den igen.',
  'calendar.caldavError.caldav-server-empty': 'Skriv CalDAV-serverns adress.',
  'calendar.caldavError.url-not-https':
    'Bara https:// är tillåtet. http:// går bara för adresser på den här datorn (127.0.0.1 eller localhost).',
  'calendar.caldavError.url-credentials': 'Skriv användarnamn och lösenord i sina egna fält, inte i adressen.',
  'calendar.caldavError.caldav-username-empty': 'Skriv användarnamnet.',
  'calendar.caldavError.caldav-username-too-long': 'Användarnamnet är för långt.',
  'calendar.caldavError.caldav-password-empty': 'Skriv lösenordet.',
  'calendar.caldavError.caldav-password-too-long': 'Lösenordet är för långt.',
} as const;

const en: Record<keyof typeof sv, string> = {
  'calendar.source.kind.caldav': 'CalDAV',
  'calendar.caldav.heading': 'Calendar on a CalDAV server',
  'calendar.caldav.server': 'Server address',
  'calendar.caldav.username': 'User name',
  'calendar.caldav.password': 'Password',
  'calendar.caldav.submit': 'Connect calendar',
  'calendar.caldav.connecting': 'Connecting …',
  'calendar.caldav.hint':
    'For example https://calendar.company.com/. The app finds your calendar itself and uses the first one that holds events, unless the address names a particular calendar. The password is kept like the SIP password, never in the settings file.',
  'calendar.error.caldav-auth-failed': 'The server did not accept the user name or password.',
  'calendar.error.caldav-unreachable': 'The CalDAV server could not be reached ({detail}).',
  'calendar.error.caldav-not-caldav': 'The address does not answer as a CalDAV server.',
  'calendar.error.caldav-no-calendar': 'The user has no calendar on the server.',
  'calendar.error.caldav-password-missing': 'The password for this calendar is not stored. Remove the calendar and add it again.',
  'calendar.caldavError.caldav-server-empty': 'Enter the address of the CalDAV server.',
  'calendar.caldavError.url-not-https':
    'Only https:// is allowed. http:// works only for addresses on this computer (127.0.0.1 or localhost).',
  'calendar.caldavError.url-credentials': 'Enter the user name and password in their own fields, not in the address.',
  'calendar.caldavError.caldav-username-empty': 'Enter the user name.',
  'calendar.caldavError.caldav-username-too-long': 'The user name is too long.',
  'calendar.caldavError.caldav-password-empty': 'Enter the password.',
  'calendar.caldavError.caldav-password-too-long': 'The password is too long.',
};

export const caldavMessages = { sv, en };
