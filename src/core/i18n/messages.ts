import type { Language } from './language';
import { formatMessage, type MessageParams } from './icu';
import { accountMessages } from './accountMessages';
import { automationMessages } from './automationMessages';
import { boundsMessages } from './boundsMessages';
import { calendarMessages } from './calendarMessages';
import { caldavMessages } from './caldavMessages';
import { contractMessages } from './contractMessages';
import { editorMessages } from './editorMessages';
import { listenInMessages } from './listenInMessages';
import { errorMessages } from './errorMessages';
import { presenceMessages } from './presenceMessages';
import { recordingMessages } from './recordingMessages';
import { phoneMessages } from './phoneMessages';
import { shellMessages } from './shellMessages';
import { switcherMessages } from './switcherMessages';
import { storageMessages } from './storageMessages';
import { timeMessages } from './timeMessages';

const svCommon = {
  'app.title': 'Profiltelefon',
  'profiles.heading': 'Profiler',
  'profiles.active': 'Aktiv',
  'profiles.until': 'till {time}',
  'profiles.untilChanged': 'tills vidare',
  'profiles.showNumbers': 'Visa profilnummer',
  'status.available': 'Tillgänglig',
  'status.unavailable': 'Ej tillgänglig',
  'notice.settingsRecovered':
    'Inställningsfilen var skadad och har ersatts med standardinställningar. Den gamla filen sparades som {backup}, och orsaken står i loggen.',
  'notice.historyRecovered':
    'Samtalshistoriken var skadad och har börjat om. Den gamla filen sparades som {backup}, och orsaken står i loggen.',
  'notice.launchRefused': 'Kommandot kunde inte utföras: {message}',
  'notice.dismiss': 'Stäng',
  'tray.open': 'Öppna Profiltelefon',
  'tray.quit': 'Avsluta',
  'tray.for': 'Aktivera en viss tid',
  'tray.phone.connecting': 'telefonen ansluter',
  'tray.phone.registered': 'telefonen är registrerad',
  'tray.phone.failed': 'telefonen är inte ansluten',
  'quick.30min': '30 min',
  'quick.1h': '1 timme',
  'quick.2h': '2 timmar',
  'quick.endOfWorkingDay': 'Till arbetsdagens slut',
  'quick.tomorrow0800': 'Till i morgon 08:00',
  'tray.tooltip': 'Profiltelefon – {profile}',
  'tray.tooltipUntil': 'Profiltelefon – {profile} till {time}',
  'notification.profileEnded.title': 'Profilen {profile} har avslutats',
  'notification.profileEnded.body': 'Du är nu {base}.',
  'notification.profileEnding.title': 'Profilen {profile} tar slut {time}',
  'notification.profileEnding.body': 'Om {minutes, plural, one {# minut} other {# minuter}} återgår du till din grundprofil.',
  'notification.colleagueAvailable.title': '{name} är nu tillgänglig',
  'notification.heldDuringCall.title': '{kind}: {count} under samtalet',
  'debug.heading': 'Felsökning (webbskal)',
  'debug.tray': 'Systemfältets meny',
  'debug.notifications': 'Skrivbordsnotiser',
  'debug.noNotifications': 'Inga notiser ännu',
  'debug.advance': 'Flytta klockan {minutes} min framåt',
  'language.label': 'Språk',
  'nav.label': 'Vyer',
  'nav.switcher': 'Profiler',
  'nav.editor': 'Redigera profiler',
  'nav.account': 'Konto',
  'nav.colleagues': 'Kollegor',
  'nav.loading': 'Läser in vyn…',
  'error.generic': 'Något gick fel: {message}',
  'crash.title': 'Telefonfönstret kraschade',
  'crash.body':
    'Fönstret har kraschat {count, plural, one {# gång} other {# gånger}} på {minutes, plural, one {# minut} other {# minuter}} och startas inte om av sig självt. Tills det startas om kan telefonen inte ringa eller ta emot samtal.',
  'crash.retry': 'Försök igen',
  'crash.quit': 'Avsluta',
  'debug.link': 'Länk från ett annat program',
  'debug.openLink': 'Öppna länken',
} as const;

type CommonKey = keyof typeof svCommon;

const enCommon: Record<CommonKey, string> = {
  'app.title': 'Profile Phone',
  'profiles.heading': 'Profiles',
  'profiles.active': 'Active',
  'profiles.until': 'until {time}',
  'profiles.untilChanged': 'until changed',
  'profiles.showNumbers': 'Show profile numbers',
  'status.available': 'Available',
  'status.unavailable': 'Not available',
  'notice.settingsRecovered':
    'The settings file was damaged and has been replaced by defaults. The old file was kept as {backup}, and the reason is in the log.',
  'notice.historyRecovered':
    'The call history was damaged and has started over. The old file was kept as {backup}, and the reason is in the log.',
  'notice.launchRefused': 'The command could not be carried out: {message}',
  'notice.dismiss': 'Dismiss',
  'tray.open': 'Open Profile Phone',
  'tray.quit': 'Quit',
  'tray.for': 'Activate for a while',
  'tray.phone.connecting': 'phone connecting',
  'tray.phone.registered': 'phone registered',
  'tray.phone.failed': 'phone not connected',
  'quick.30min': '30 min',
  'quick.1h': '1 hour',
  'quick.2h': '2 hours',
  'quick.endOfWorkingDay': 'Until the end of the working day',
  'quick.tomorrow0800': 'Until tomorrow 08:00',
  'tray.tooltip': 'Profile Phone – {profile}',
  'tray.tooltipUntil': 'Profile Phone – {profile} until {time}',
  'notification.profileEnded.title': 'The profile {profile} has ended',
  'notification.profileEnded.body': 'You are now {base}.',
  'notification.profileEnding.title': 'The profile {profile} ends at {time}',
  'notification.profileEnding.body': 'In {minutes, plural, one {# minute} other {# minutes}} you return to your base profile.',
  'notification.colleagueAvailable.title': '{name} is now available',
  'notification.heldDuringCall.title': '{kind}: {count} during the call',
  'debug.heading': 'Debug (browser shell)',
  'debug.tray': 'Tray menu',
  'debug.notifications': 'Desktop notifications',
  'debug.noNotifications': 'No notifications yet',
  'debug.advance': 'Move the clock {minutes} min forward',
  'language.label': 'Language',
  'nav.label': 'Views',
  'nav.switcher': 'Profiles',
  'nav.editor': 'Edit profiles',
  'nav.account': 'Account',
  'nav.colleagues': 'Colleagues',
  'nav.loading': 'Loading the view…',
  'error.generic': 'Something went wrong: {message}',
  'crash.title': 'The phone window crashed',
  'crash.body':
    'The window has crashed {count, plural, one {# time} other {# times}} in {minutes, plural, one {# minute} other {# minutes}} and is not restarted on its own. Until it restarts, the phone can neither make nor take calls.',
  'crash.retry': 'Try again',
  'crash.quit': 'Quit',
  'debug.link': 'Link from another program',
  'debug.openLink': 'Open the link',
};

const sv = {
  ...svCommon,
  ...editorMessages.sv,
  ...switcherMessages.sv,
  ...presenceMessages.sv,
  ...phoneMessages.sv,
  ...accountMessages.sv,
  ...calendarMessages.sv,
  ...caldavMessages.sv,
  ...storageMessages.sv,
  ...boundsMessages.sv,
  ...automationMessages.sv,
  ...contractMessages.sv,
  ...timeMessages.sv,
  ...recordingMessages.sv,
  ...listenInMessages.sv,
  ...shellMessages.sv,
  ...errorMessages.sv,
};
export type MessageKey = keyof typeof sv;
const en: Record<MessageKey, string> = {
  ...enCommon,
  ...editorMessages.en,
  ...switcherMessages.en,
  ...presenceMessages.en,
  ...phoneMessages.en,
  ...accountMessages.en,
  ...calendarMessages.en,
  ...caldavMessages.en,
  ...storageMessages.en,
  ...boundsMessages.en,
  ...automationMessages.en,
  ...contractMessages.en,
  ...timeMessages.en,
  ...recordingMessages.en,
  ...listenInMessages.en,
  ...shellMessages.en,
  ...errorMessages.en,
};

const catalogues: Record<Language, Record<MessageKey, string>> = { sv, en };

export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return formatMessage(language, key, catalogues[language][key], params);
}

/** Both catalogues, for the checks that they carry the same keys and arguments. */
export function catalogue(language: Language): Readonly<Record<MessageKey, string>> {
  return catalogues[language];
}
