import { join } from 'node:path';
import { applyAccountPatch, type AccountPatch } from '../../src/core/account/patch';
import { applyProvisioning, parseProvisioning } from '../../src/core/account/provisioning';
import { applyAutomation } from '../../src/core/automation/update';
import { describeInput } from '../../src/core/describeInput';
import { translate } from '../../src/core/i18n/messages';
import { fail, ok, type Result } from '../../src/core/errors';
import { notificationResponse, type NotificationGesture, type NotificationResponse } from '../../src/core/notifications/osNotification';
import type { CallAction, ChannelPayload, FilePurpose } from '../../src/core/ipc/contract';
import type { DialTarget } from '../../src/core/numbers/phoneNumber';
import type { ActivationLength } from '../../src/core/profiles/activation';
import type { Settings } from '../../src/core/settings/schema';
import type { AppState } from '../../src/core/state/appState';
import type { Clock, Scheduler } from '../../src/core/time/clock';
import { buildTrayModel, findTrayItem, type PhoneStatus } from '../../src/core/tray/menuModel';
import { CalendarService, type CalendarServiceOptions } from './calendarService';
import { openAppLog, type AppLog } from './appLog';
import { followLaunchArguments, type LaunchOutcome } from './launchArguments';
import { NoticeBoard } from './noticeBoard';
import { RequestDispatcher, type AsyncRequestHandlers, type RequestHandlers } from './requestDispatcher';
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
import { readProvisioningFile } from './provisioningFile';
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

const QUIT_GRACE_MS = 3_000;
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
  readonly #password: SecretStore | SessionSecretStore;
  readonly #stateListeners = new Set<(state: AppState) => void>();
  readonly #dialListeners = new Set<(target: DialTarget) => void>();
  readonly #quitListeners = new Set<() => void>();
  readonly #callActionListeners = new Set<(action: CallAction) => void>();
  #signedOff: (() => void) | null = null;
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
    this.#password =
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
    const handlers: RequestHandlers = {
      'state:get': () => ok(null),
      'profile:activate': (payload) => this.profiles.activate(payload),
      'profile:set-message': (payload) => this.profiles.setMessage(payload.temporaryMessage),
      'profile:create': (payload) => this.profiles.create(payload),
      'profile:update': (payload) => this.profiles.update(payload),
      'profile:delete': (payload) => this.profiles.delete(payload.profileId),
      'ui:update': (payload) => this.profiles.updateUi(dropUndefined(payload)),
      'notice:dismiss': (payload) => this.#notices.dismiss(payload.noticeId),
      'account:update': (payload) => this.#updateAccount(payload),
      'account:set-password': (payload) => this.#setPassword(payload.password),
      'account:sip-credentials': () => ok({ password: this.#password.get() }),
      'provision:import': (payload) => this.importProvisioning(payload.json),
      'history:record': (payload) => this.#recordHistory(payload),
      'recording:finish': (payload) => this.#recordings.finish(payload),
      'recording:delete': (payload) => this.#recordings.delete(payload.recordingId),
      'recording:set-retention': (payload) => this.#recordings.setRetention(payload.days),
      'recording:begin': (payload) => this.#recordings.begin(payload),
      'recording:append': (payload) => this.#recordings.append(payload),
      'recording:read': (payload) => this.#recordings.read(payload),
      'notification:request': (payload) => ok({ shown: this.#notifications.request(this.profiles.activeProfile, payload) !== null }),
      'calendar:add-source': (payload) => this.calendar.addSource(payload.location),
      'calendar:add-file': (payload) => this.calendar.addFileContent(payload.text),
      'calendar:remove-source': (payload) => this.calendar.removeSource(payload.sourceId),
      'calendar:sync': (payload) => this.calendar.requestSync(payload.sourceId),
      'calendar:skip': (payload) => this.calendar.setSkipped(payload.key, payload.skipped),
      'calendar:set-unmarked-rule': (payload) => this.calendar.setUnmarkedBusyProfile(payload.profileNumber),
      'calendar:set-marker-rules': (payload) => {
        const settings = this.profiles.settings;
        return this.profiles.apply(ok({ ...settings, calendar: { ...settings.calendar, ...dropUndefined(payload) } }));
      },
      'phone:in-call': (payload) => {
        this.#notifications.setInCall(payload.inCall);
        this.presenceSignals.callActive(payload.inCall);
        return ok(null);
      },
      'phone:status': (payload) => {
        this.#phoneStatus = payload.status;
        this.#emit();
        return ok(null);
      },
      'automation:update': (payload) => this.profiles.apply(applyAutomation(this.profiles.settings, payload)),
      'app:ready-to-quit': () => {
        this.#signedOff?.();
        return ok(null);
      },
      'log:sip-trace': (payload) => this.#traceSip(payload.lines),
    };
    const asyncHandlers: AsyncRequestHandlers = {
      'speech:status': async () => ok(await this.#speech.status()),
      'calendar:add-caldav': async (payload) => {
        const added = await this.calendar.addCaldavSource(payload);
        return added.ok ? ok(this.state) : added;
      },
      'file:open': (payload) => this.#openChosenFile(payload.purpose),
      'speech:render': async (payload) => {
        const wav = await this.#speech.render(payload);
        return wav.ok ? ok({ wavBase64: wav.value.toString('base64') }) : wav;
      },
    };
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
      sipPasswordSet: this.#password.isSet,
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
    this.#dialListeners.add(listener);
    return () => this.#dialListeners.delete(listener);
  }

  onCallAction(listener: (action: CallAction) => void): () => void {
    this.#callActionListeners.add(listener);
    return () => this.#callActionListeners.delete(listener);
  }

  /**
   * What the OS reported for a notification (a click, or Svara or Avvisa on a ringing call's): the
   * renderer is asked to answer or decline, and the shell shows the window in any case.
   */
  respondToNotification(notificationId: string, gesture: NotificationGesture): Result<NotificationResponse> {
    const record = this.#notifications.records.find((candidate) => candidate.id === notificationId);
    if (!record) return fail('notification-unknown', `No notification ${JSON.stringify(notificationId.slice(0, 64))} is shown`);
    const response = notificationResponse(record, gesture);
    if (response.kind !== 'show-window') for (const listener of this.#callActionListeners) listener(response);
    return ok(response);
  }

  onQuitting(listener: () => void): () => void {
    this.#quitListeners.add(listener);
    return () => this.#quitListeners.delete(listener);
  }

  /**
   * Asks the renderer to sign off (remove its presence, unregister) before the app quits, and
   * resolves when it has, or after a grace period if it cannot answer.
   */
  prepareToQuit(): Promise<void> {
    return new Promise((resolve) => {
      let cancelGrace = () => {};
      const finish = () => {
        cancelGrace();
        this.#signedOff = null;
        resolve();
      };
      if (this.#quitListeners.size === 0) return finish();
      this.#signedOff = finish;
      cancelGrace = this.options.scheduler.schedule(finish, QUIT_GRACE_MS);
      for (const listener of this.#quitListeners) listener();
    });
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
    const dial = (target: DialTarget) => {
      for (const listener of this.#dialListeners) listener(target);
    };
    const outcome = followLaunchArguments(argv, this.profiles, this.options.clock.now(), dial);
    if (!outcome.ok) {
      this.log.warn(`Launch arguments refused: ${outcome.error.code}`);
      this.#notices.launchRefused(outcome.error);
    }
    return outcome;
  }

  /** Applies a provisioning file whole, or not at all. */
  importProvisioning(text: string): Result<null> {
    const parsed = parseProvisioning(text);
    if (!parsed.ok) return parsed;
    const before = this.profiles.settings;
    const provisioned = applyProvisioning(before, parsed.value);
    if (!provisioned.ok) return provisioned;
    const saved = this.profiles.apply(ok(provisioned.value.settings));
    if (!saved.ok) return saved;
    if (provisioned.value.password !== undefined) {
      const stored = this.#password.set(provisioned.value.password);
      if (!stored.ok) {
        // Whole or not at all: the settings go back to what they were, if the disk lets them.
        this.profiles.apply(ok(before));
        return stored;
      }
    }
    this.#emit();
    return ok(null);
  }

  /** A provisioning file named by its path (`--provision`, the file dialog), applied whole or not at all. */
  importProvisioningFile(path: string): Result<null> {
    const text = readProvisioningFile(path);
    return text.ok ? this.importProvisioning(text.value) : text;
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
    this.#dialListeners.clear();
    this.#callActionListeners.clear();
    this.#quitListeners.clear();
  }

  #updateAccount(patch: AccountPatch): Result<Settings> {
    const settings = this.profiles.settings;
    const account = applyAccountPatch(settings.account, patch);
    return account.ok ? this.profiles.apply(ok({ ...settings, account: account.value })) : account;
  }

  #recordHistory(entry: ChannelPayload<'history:record'>): Result<null> {
    const recorded = this.#history.record(entry);
    if (!recorded.ok) return this.#notices.reportFailure(recorded.error);
    this.#emit();
    return ok(null);
  }

  #setPassword(password: string): Result<null> {
    const stored = this.#password.set(password);
    if (!stored.ok) return stored;
    this.#emit();
    return ok(null);
  }

  #traceSip(lines: readonly string[]): Result<{ written: number }> {
    if (this.profiles.settings.ui.sipTrace !== true) return fail('sip-trace-off', 'The SIP trace is turned off.');
    this.log.sipTrace(lines);
    return ok({ written: lines.length });
  }

  /** Read at each write, so a password or meeting that arrived a moment ago is hidden too. */
  #logSecrets(): string[] {
    let password: string | null = null;
    try {
      password = this.#password?.get() ?? null;
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

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
