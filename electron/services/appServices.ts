import { join } from 'node:path';
import { describeInput } from '../../src/core/describeInput';
import { translate } from '../../src/core/i18n/messages';
import { fail, ok, type Result } from '../../src/core/errors';
import { notificationResponse, type NotificationGesture, type NotificationResponse } from '../../src/core/notifications/osNotification';
import type { CallAction, FilePurpose } from '../../src/core/ipc/contract';
import type { DialTarget } from '../../src/core/phone/numbers/phoneNumber';
import type { ActivationLength } from '../../src/core/profiles/activation';
import type { AppState } from '../../src/core/state/appState';
import type { Clock, Scheduler } from '../../src/core/time/clock';
import { buildTrayModel, findTrayItem, type PhoneStatus } from '../../src/core/tray/menuModel';
import { CalendarService, type CalendarServiceOptions } from './calendarService';
import { openAppLog, type AppLog } from './appLog';
import { followLaunchArguments, type LaunchOutcome } from './launchArguments';
import { NoticeBoard } from './noticeBoard';
import { RequestDispatcher } from './requestDispatcher';
import { requestHandlers } from './requestHandlers';
import { RendererLink } from './rendererLink';
import { AccountService } from './accountService';
import { HistoryStore } from './historyStore';
import { NotificationCenter, type NotificationSink } from './notificationCenter';
import { PresenceSignals } from './presenceSignals';
import { ProfileService } from './profileService';
import { RecordingService } from './recordingService';
import { RecordingStore } from './recordingStore';
import type { SecretCipher } from './secretStore';
import { KeyedSecretStore, SecretStore, SessionSecretStore } from './secretStore';
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

export type TrayAction = { kind: 'handled' } | { kind: 'open' } | { kind: 'quit' };

/** As the notification request's own bound. */
const MAX_NOTIFICATION_BODY = 500;

/** The services both shells share, put together: each request goes through the RequestDispatcher to the service that owns it. */
export class AppServices {
  readonly profiles: ProfileService;
  readonly calendar: CalendarService;
  /** Where the shells report the user's idle time, lock and sleep, and the renderer its calls. */
  readonly presenceSignals: PresenceSignals;
  readonly log: AppLog;
  readonly #notifications: NotificationCenter;
  readonly #history: HistoryStore;
  readonly #recordings: RecordingService;
  readonly #account: AccountService;
  readonly #rendererLink: RendererLink;
  readonly #stateListeners = new Set<(state: AppState) => void>();
  #phoneStatus: PhoneStatus = 'not-configured';
  readonly #notices: NoticeBoard;
  readonly #requests: RequestDispatcher;
  readonly #speech: SpeechService;

  constructor(private readonly options: AppServicesOptions) {
    const now = options.clock.now();
    this.log = openAppLog(options.dataDir, () => this.#logSecrets());
    const loaded = loadSettingsFile(join(options.dataDir, 'settings.json'), now);
    const store = new SettingsStore(options.openBackend(options.dataDir), loaded.settings, loaded.needsWrite);
    this.#history = new HistoryStore(join(options.dataDir, 'history.json'), now);
    const recordingStore = new RecordingStore(options.dataDir);
    const passwordFile = join(options.dataDir, 'sip-password.bin');
    const password =
      options.secretCipher === 'session-only' ? new SessionSecretStore(passwordFile) : new SecretStore(passwordFile, options.secretCipher);
    this.#speech = new SpeechService({
      directory: join(options.dataDir, 'speech'),
      engine: speechEngineFor(options.platform ?? process.platform),
    });
    const repaired = recordingStore.repaired;
    const recordingsRepaired =
      repaired > 0 ? { id: `recordings-repaired-${now}`, kind: 'recordings-repaired' as const, count: repaired } : null;
    // The reason names a parser's or the disk's own words, so it goes to the log and the notice points there.
    for (const recovered of [loaded.recovered, this.#history.recovered]) {
      if (recovered?.kind === 'settings-recovered' || recovered?.kind === 'history-recovered')
        this.log.warn(`${recovered.kind}: ${recovered.reason}`);
    }
    this.#notices = new NoticeBoard([loaded.recovered, this.#history.recovered, recordingsRepaired], options.clock, () => this.#emit());
    if (!store.initialWrite.ok) this.#notices.reportFailure(store.initialWrite.error);
    this.#notifications = new NotificationCenter(
      (record) => {
        options.notificationSink(record);
        this.#emit();
      },
      () => options.clock.now(),
      {
        enabled: () => this.profiles.settings.ui.holdNotificationsInCall,
        summary: (kind, count, titles) => {
          const language = this.profiles.settings.ui.language;
          const title = translate(language, 'notification.heldDuringCall.title', {
            kind: translate(language, `editor.notification.${kind}`),
            count,
          });
          return { title, body: titles.join(', ').slice(0, MAX_NOTIFICATION_BODY) };
        },
      },
    );
    this.presenceSignals = new PresenceSignals(options.clock, () => this.profiles.recheck());
    this.profiles = new ProfileService({
      store,
      clock: options.clock,
      scheduler: options.scheduler,
      systemTimeZone: options.systemTimeZone,
      notifications: this.#notifications,
      newId: options.newId,
      calendarActivationsAt: (now) => this.calendar.activationsAt(now),
      awayState: () => this.presenceSignals.state,
      reportFailure: (error) => this.#notices.reportFailure(error),
    });
    this.#recordings = new RecordingService({
      store: recordingStore,
      history: this.#history,
      profiles: this.profiles,
      clock: options.clock,
      scheduler: options.scheduler,
      reportFailure: (error) => this.#notices.reportFailure(error),
      changed: () => this.#emit(),
    });
    this.calendar = new CalendarService({
      dataDir: options.dataDir,
      clock: options.clock,
      scheduler: options.scheduler,
      settings: () => this.profiles.settings,
      save: (settings) => this.profiles.apply(ok(settings)),
      timeZone: () => this.profiles.timeContext.timeZone,
      newId: options.newId,
      secrets: new KeyedSecretStore(options.dataDir, 'caldav-password-', options.secretCipher),
      ...(options.calendar ? { options: options.calendar } : {}),
    });
    this.profiles.onChange(() => this.#emit());
    this.calendar.onChange(() => {
      this.profiles.recheck();
      this.#emit();
    });
    this.#account = new AccountService(this.profiles, password, () => this.#emit());
    this.#rendererLink = new RendererLink(options.scheduler);
    const { handlers, asyncHandlers } = requestHandlers({
      profiles: this.profiles,
      calendar: this.calendar,
      account: this.#account,
      history: this.#history,
      recordings: this.#recordings,
      notifications: this.#notifications,
      notices: this.#notices,
      presenceSignals: this.presenceSignals,
      speech: this.#speech,
      rendererLink: this.#rendererLink,
      log: this.log,
      setPhoneStatus: (status) => {
        this.#phoneStatus = status;
        this.#emit();
      },
      openChosenFile: (purpose) => this.#openChosenFile(purpose),
      state: () => this.state,
      changed: () => this.#emit(),
    });
    this.#requests = new RequestDispatcher(handlers, asyncHandlers, () => this.state);
  }

  /**
   * Puts right what happened while the app was closed (a profile that ran out, a meeting that began
   * or ended) from the cached calendars, starts the timers, and syncs the calendars.
   */
  start(): void {
    this.log.info(`Profiltelefon starts; data in ${this.options.dataDir}`);
    this.calendar.start();
    this.profiles.recheck();
    this.#recordings.applyRetention();
  }

  /** After sleep: the same re-check, and the feeds are read again. */
  resume(): void {
    this.profiles.recheck();
    this.calendar.resume();
    this.#recordings.applyRetention();
  }

  /** The clock was moved (the browser shell's debug panel): what is due by the new time is done now. */
  clockMoved(): void {
    this.profiles.recheck();
    this.#recordings.applyRetention();
  }

  get state(): AppState {
    const settings = this.profiles.settings;
    const now = this.options.clock.now();
    const timeZone = this.profiles.timeContext.timeZone;
    return {
      profiles: settings.profiles,
      active: settings.active,
      account: settings.account,
      sipPasswordSet: this.#account.passwordSet,
      passwordSessionOnly: this.options.secretCipher === 'session-only',
      nativeFileDialog: this.options.chooseFile !== undefined,
      history: [...this.#history.entries],
      ui: settings.ui,
      timeZone,
      workingHours: settings.workingHours,
      automation: settings.automation,
      reminderBeforeEndMinutes: settings.reminderBeforeEndMinutes,
      notices: this.#notices.notices,
      tray: buildTrayModel(settings, now, timeZone, this.#phoneStatus),
      notifications: [...this.#notifications.records],
      calendar: this.calendar.view(now),
      recordings: this.#recordings.view(),
      now,
    };
  }

  onStateChanged(listener: (state: AppState) => void): () => void {
    this.#stateListeners.add(listener);
    return () => this.#stateListeners.delete(listener);
  }

  onDialRequest(listener: (target: DialTarget) => void): () => void {
    return this.#rendererLink.onDialRequest(listener);
  }

  onCallAction(listener: (action: CallAction) => void): () => void {
    return this.#rendererLink.onCallAction(listener);
  }

  /**
   * What the OS reported for a notification (a click, or Svara or Avvisa on a ringing call's): the
   * renderer is asked to answer or decline, and the shell shows the window in any case.
   */
  respondToNotification(notificationId: string, gesture: NotificationGesture): Result<NotificationResponse> {
    const record = this.#notifications.records.find((candidate) => candidate.id === notificationId);
    if (!record) return fail('notification-unknown', `No notification ${JSON.stringify(notificationId.slice(0, 64))} is shown`);
    const response = notificationResponse(record, gesture);
    if (response.kind !== 'show-window') this.#rendererLink.callAction(response);
    return ok(response);
  }

  onQuitting(listener: () => void): () => void {
    return this.#rendererLink.onQuitting(listener);
  }

  /**
   * Asks the renderer to sign off (remove its presence, unregister) before the app quits, and
   * resolves when it has, or after a grace period if it cannot answer.
   */
  prepareToQuit(): Promise<void> {
    return this.#rendererLink.prepareToQuit();
  }

  /** A request from the renderer, checked before its handler runs (see RequestDispatcher). */
  invoke(channel: unknown, payload: unknown): Result<unknown> {
    return this.#requests.invoke(channel, payload);
  }

  /** What the shells call: every channel, the ones that run a program included. */
  request(channel: unknown, payload: unknown): Promise<Result<unknown>> {
    return this.#requests.request(channel, payload);
  }

  /** The tray's menu items, from Electron's Tray or the browser shell's debug panel, both come here. */
  clickTrayItem(itemId: string): Result<TrayAction> {
    const item = findTrayItem(this.state.tray.items, itemId);
    if (!item || item.kind === 'separator' || item.kind === 'submenu') {
      return fail('tray-item-unknown', `The tray menu has no item ${describeInput(itemId)}.`);
    }
    if (item.kind === 'action') return ok({ kind: item.id });
    const length: ActivationLength = item.kind === 'activate-for' ? { kind: 'quick', quick: item.quick } : { kind: 'default' };
    const activated = this.profiles.activate({ profileId: item.profileId, length, temporaryMessage: null });
    return activated.ok ? ok({ kind: 'handled' }) : activated;
  }

  /**
   * The arguments of a launch: `--profile …` switches the profile, a tel:/sip:/callto: link is
   * handed to the phone. A refusal is shown to the user, and changes nothing.
   */
  handleLaunch(argv: readonly string[]): Result<LaunchOutcome> {
    const outcome = followLaunchArguments(argv, this.profiles, this.options.clock.now(), (target) => this.#rendererLink.dial(target));
    if (!outcome.ok) {
      this.log.warn(`Launch arguments refused: ${outcome.error.code}`);
      this.#notices.launchRefused(outcome.error);
    }
    return outcome;
  }

  /** Applies a provisioning file whole, or not at all. */
  importProvisioning(text: string): Result<null> {
    return this.#account.importProvisioning(text);
  }

  /** A provisioning file named by its path (`--provision`, the file dialog), applied whole or not at all. */
  importProvisioningFile(path: string): Result<null> {
    return this.#account.importProvisioningFile(path);
  }

  /** The OS file dialog, then the chosen file is used for what it was chosen for. */
  async #openChosenFile(purpose: FilePurpose): Promise<Result<{ chosen: boolean }>> {
    if (!this.options.chooseFile)
      return fail('file-dialog-unavailable', 'This shell has no file dialog; the page chooses the file itself.');
    const path = await this.options.chooseFile(purpose);
    if (path === null) return ok({ chosen: false });
    const used = purpose === 'provisioning' ? this.importProvisioningFile(path) : this.calendar.addSource(path);
    return used.ok ? ok({ chosen: true }) : used;
  }

  dispose(): void {
    this.#recordings.dispose();
    this.calendar.dispose();
    this.profiles.dispose();
    this.#stateListeners.clear();
    this.#rendererLink.dispose();
  }

  /** Read at each write, so a password or meeting that arrived a moment ago is hidden too. */
  #logSecrets(): string[] {
    let password: string | null = null;
    try {
      password = this.#account?.storedPassword() ?? null;
    } catch {
      // A password that cannot be decrypted cannot be logged either.
    }
    return [
      ...(this.options.logSecrets ?? []),
      ...(password === null ? [] : [password]),
      ...(this.calendar?.eventTitles() ?? []),
      ...(this.calendar?.logSecrets() ?? []),
    ];
  }

  /** A listener that throws (a closed window, a socket gone) is logged; the others still hear of the change. */
  #emit(): void {
    if (this.#stateListeners.size === 0) return;
    try {
      const state = this.state;
      for (const listener of this.#stateListeners) {
        try {
          listener(state);
        } catch (error) {
          console.error('A state listener failed:', error);
        }
      }
    } catch (error) {
      console.error('The state could not be built:', error);
    }
  }
}
