import { join } from 'node:path';
import { ok } from '../../src/core/errors';
import { translate } from '../../src/core/i18n/messages';
import type { FilePurpose } from '../../src/core/ipc/contract';
import type { Clock, Scheduler } from '../../src/core/time/clock';
import { AccountService } from './accountService';
import { openAppLog, type AppLog } from './appLog';
import { CalendarService, type CalendarServiceOptions } from './calendarService';
import { HistoryStore } from './historyStore';
import { NoticeBoard } from './noticeBoard';
import { NotificationCenter, type NotificationSink } from './notificationCenter';
import { PresenceSignals } from './presenceSignals';
import { ProfileService } from './profileService';
import { RecordingService } from './recordingService';
import { RecordingStore } from './recordingStore';
import { RendererLink } from './rendererLink';
import { KeyedSecretStore, SecretStore, SessionSecretStore, type SecretCipher } from './secretStore';
import { loadSettingsFile } from './settingsFile';
import { SettingsStore, type SettingsBackend } from './settingsStore';
import { speechEngineFor } from './speechEngines';
import { SpeechService } from './speechService';

export interface AppServicesOptions {
  dataDir: string;
  /** Opens the settings file after it was checked: electron-store in Electron, conf elsewhere. */
  openBackend: (dataDir: string) => SettingsBackend;
  /** How the SIP password is kept: the OS keychain in Electron; 'session-only' where it offers no real encryption. */
  secretCipher: SecretCipher | 'session-only';
  clock: Clock;
  scheduler: Scheduler;
  systemTimeZone: string;
  notificationSink: NotificationSink;
  newId: () => string;
  /** Feed timeout, size limit and refresh interval; the defaults suit production. */
  calendar?: Partial<CalendarServiceOptions>;
  /** Secrets of the shell itself (the browser shell's token) that must never reach the log. */
  logSecrets?: readonly string[];
  /** The operating system whose speech engine announcements use; this computer's by default. */
  platform?: NodeJS.Platform;
  /** The OS file dialog (Electron): the path chosen, or null when the user cancelled. The browser shell has none. */
  chooseFile?: (purpose: FilePurpose) => Promise<string | null>;
}

/** The services both shells share, each built once and wired to the others. */
export interface Services {
  log: AppLog;
  profiles: ProfileService;
  calendar: CalendarService;
  presenceSignals: PresenceSignals;
  notifications: NotificationCenter;
  history: HistoryStore;
  recordings: RecordingService;
  account: AccountService;
  rendererLink: RendererLink;
  notices: NoticeBoard;
  speech: SpeechService;
}

/** As the notification request's own bound. */
const MAX_NOTIFICATION_BODY = 500;

/** Opens the data directory's files and builds the services on them; `changed` hears of every change the state shows. */
export function composeServices(options: AppServicesOptions, changed: () => void): Services {
  const { dataDir, clock, scheduler } = options;
  const now = clock.now();
  // The log can be written before the account and the calendar exist; their secrets join once they do.
  const secretHolders: Partial<Pick<Services, 'account' | 'calendar'>> = {};
  const log = openAppLog(dataDir, () => logSecrets(options, secretHolders));
  const loaded = loadSettingsFile(join(dataDir, 'settings.json'), now);
  const store = new SettingsStore(options.openBackend(dataDir), loaded.settings, loaded.needsWrite);
  const history = new HistoryStore(join(dataDir, 'history.json'), now);
  const recordingStore = new RecordingStore(dataDir);
  const passwordFile = join(dataDir, 'sip-password.bin');
  const password =
    options.secretCipher === 'session-only' ? new SessionSecretStore(passwordFile) : new SecretStore(passwordFile, options.secretCipher);
  const speech = new SpeechService({ directory: join(dataDir, 'speech'), engine: speechEngineFor(options.platform ?? process.platform) });
  const repaired = recordingStore.repaired;
  const recordingsRepaired =
    repaired > 0 ? { id: `recordings-repaired-${now}`, kind: 'recordings-repaired' as const, count: repaired } : null;
  // The reason names a parser's or the disk's own words, so it goes to the log and the notice points there.
  for (const recovered of [loaded.recovered, history.recovered]) {
    if (recovered?.kind === 'settings-recovered' || recovered?.kind === 'history-recovered')
      log.warn(`${recovered.kind}: ${recovered.reason}`);
  }
  const notices = new NoticeBoard([loaded.recovered, history.recovered, recordingsRepaired], clock, changed);
  if (!store.initialWrite.ok) notices.reportFailure(store.initialWrite.error);
  const notifications: NotificationCenter = new NotificationCenter(
    (record) => {
      options.notificationSink(record);
      changed();
    },
    () => clock.now(),
    {
      enabled: () => profiles.settings.ui.holdNotificationsInCall,
      summary: (kind, count, titles) => {
        const language = profiles.settings.ui.language;
        const title = translate(language, 'notification.heldDuringCall.title', {
          kind: translate(language, `editor.notification.${kind}`),
          count,
        });
        return { title, body: titles.join(', ').slice(0, MAX_NOTIFICATION_BODY) };
      },
    },
  );
  const presenceSignals = new PresenceSignals(clock, () => profiles.recheck());
  const profiles: ProfileService = new ProfileService({
    store,
    clock,
    scheduler,
    systemTimeZone: options.systemTimeZone,
    notifications,
    newId: options.newId,
    calendarActivationsAt: (at) => calendar.activationsAt(at),
    awayState: () => presenceSignals.state,
    reportFailure: (error) => notices.reportFailure(error),
  });
  const recordings = new RecordingService({
    store: recordingStore,
    history,
    profiles,
    clock,
    scheduler,
    reportFailure: (error) => notices.reportFailure(error),
    changed,
  });
  const calendar: CalendarService = new CalendarService({
    dataDir,
    clock,
    scheduler,
    settings: () => profiles.settings,
    save: (settings) => profiles.apply(ok(settings)),
    timeZone: () => profiles.timeContext.timeZone,
    newId: options.newId,
    secrets: new KeyedSecretStore(dataDir, 'caldav-password-', options.secretCipher),
    ...(options.calendar ? { options: options.calendar } : {}),
  });
  profiles.onChange(changed);
  calendar.onChange(() => {
    profiles.recheck();
    changed();
  });
  const account = new AccountService(profiles, password, changed);
  const rendererLink = new RendererLink(scheduler);

  Object.assign(secretHolders, { account, calendar });

  return { log, profiles, calendar, presenceSignals, notifications, history, recordings, account, rendererLink, notices, speech };
}

/** Read at each write, so a password or meeting that arrived a moment ago is hidden too. */
function logSecrets(options: AppServicesOptions, { account, calendar }: Partial<Pick<Services, 'account' | 'calendar'>>): string[] {
  let stored: string | null = null;
  try {
    stored = account?.storedPassword() ?? null;
  } catch {
    // A password that cannot be decrypted cannot be logged either.
  }
  return [
    ...(options.logSecrets ?? []),
    ...(stored === null ? [] : [stored]),
    ...(calendar?.eventTitles() ?? []),
    ...(calendar?.logSecrets() ?? []),
  ];
}
