import type { Language } from '../settings/schema';

const sv = {
  'app.title': 'Profiltelefon',
  'profiles.heading': 'Profiler',
  'profiles.active': 'Aktiv',
  'profiles.until': 'till {time}',
  'profiles.untilChanged': 'tills vidare',
  'profiles.showNumbers': 'Visa profilnummer',
  'profiles.activateHint': 'Aktivera {name}',
  'status.available': 'Tillgänglig',
  'status.unavailable': 'Ej tillgänglig',
  'notice.settingsRecovered': 'Inställningsfilen var skadad och har ersatts med standardinställningar. Den gamla filen sparades som {backup}. Orsak: {reason}',
  'notice.dismiss': 'Stäng',
  'tray.open': 'Öppna Profiltelefon',
  'tray.quit': 'Avsluta',
  'tray.tooltip': 'Profiltelefon – {profile}',
  'tray.tooltipUntil': 'Profiltelefon – {profile} till {time}',
  'notification.profileEnded.title': 'Profilen {profile} har avslutats',
  'notification.profileEnded.body': 'Du är nu {base}.',
  'debug.heading': 'Felsökning (webbskal)',
  'debug.tray': 'Systemfältets meny',
  'debug.notifications': 'Skrivbordsnotiser',
  'debug.noNotifications': 'Inga notiser ännu',
  'debug.advance': 'Flytta klockan {minutes} min framåt',
  'language.label': 'Språk',
  'error.generic': 'Något gick fel: {message}',
} as const;

export type MessageKey = keyof typeof sv;

const en: Record<MessageKey, string> = {
  'app.title': 'Profile Phone',
  'profiles.heading': 'Profiles',
  'profiles.active': 'Active',
  'profiles.until': 'until {time}',
  'profiles.untilChanged': 'until changed',
  'profiles.showNumbers': 'Show profile numbers',
  'profiles.activateHint': 'Activate {name}',
  'status.available': 'Available',
  'status.unavailable': 'Not available',
  'notice.settingsRecovered': 'The settings file was damaged and has been replaced by defaults. The old file was kept as {backup}. Reason: {reason}',
  'notice.dismiss': 'Dismiss',
  'tray.open': 'Open Profile Phone',
  'tray.quit': 'Quit',
  'tray.tooltip': 'Profile Phone – {profile}',
  'tray.tooltipUntil': 'Profile Phone – {profile} until {time}',
  'notification.profileEnded.title': 'The profile {profile} has ended',
  'notification.profileEnded.body': 'You are now {base}.',
  'debug.heading': 'Debug (browser shell)',
  'debug.tray': 'Tray menu',
  'debug.notifications': 'Desktop notifications',
  'debug.noNotifications': 'No notifications yet',
  'debug.advance': 'Move the clock {minutes} min forward',
  'language.label': 'Language',
  'error.generic': 'Something went wrong: {message}',
};

const catalogues: Record<Language, Record<MessageKey, string>> = { sv, en };

export function translate(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogues[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
