import { describeInput } from '../../src/core/describeInput';
import { fail, ok, type Result } from '../../src/core/errors';
import { notificationResponse, type NotificationGesture, type NotificationResponse } from '../../src/core/notifications/osNotification';
import type { CallAction, FilePurpose } from '../../src/core/ipc/contract';
import type { DialTarget } from '../../src/core/phone/numbers/phoneNumber';
import type { ActivationLength } from '../../src/core/profiles/activation';
import type { AppState } from '../../src/core/state/appState';
import { buildTrayModel, findTrayItem, type PhoneStatus } from '../../src/core/tray/menuModel';
import type { AppLog } from './appLog';
import type { CalendarService } from './calendarService';
import { composeServices, type AppServicesOptions, type Services } from './composeServices';
import { followLaunchArguments, type LaunchOutcome } from './launchArguments';
import { Listeners } from './listeners';
import type { PresenceSignals } from './presenceSignals';
import type { ProfileService } from './profileService';
import { RequestDispatcher } from './requestDispatcher';
import { requestHandlers } from './requestHandlers';
export type TrayAction = { kind: 'handled' } | { kind: 'open' } | { kind: 'quit' };

/** The services both shells share, put together: each request goes through the RequestDispatcher to the service that owns it. */
export class AppServices {
  readonly profiles: ProfileService;
  readonly calendar: CalendarService;
  /** Where the shells report the user's idle time, lock and sleep, and the renderer its calls. */
  readonly presenceSignals: PresenceSignals;
  readonly log: AppLog;
  readonly #services: Services;
  readonly #stateListeners = new Listeners<AppState>('state');
  #phoneStatus: PhoneStatus = 'not-configured';
  readonly #requests: RequestDispatcher;

  constructor(private readonly options: AppServicesOptions) {
    this.#services = composeServices(options, () => this.#emit());
    ({ profiles: this.profiles, calendar: this.calendar, presenceSignals: this.presenceSignals, log: this.log } = this.#services);
    const { handlers, asyncHandlers } = requestHandlers({
      ...this.#services,
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
    this.#services.recordings.applyRetention();
  }

  /** After sleep: the same re-check, and the feeds are read again. */
  resume(): void {
    this.profiles.recheck();
    this.calendar.resume();
    this.#services.recordings.applyRetention();
  }

  /** The clock was moved (the browser shell's debug panel): what is due by the new time is done now. */
  clockMoved(): void {
    this.profiles.recheck();
    this.#services.recordings.applyRetention();
  }

  get state(): AppState {
    const settings = this.profiles.settings;
    const now = this.options.clock.now();
    const timeZone = this.profiles.timeContext.timeZone;
    return {
      profiles: settings.profiles,
      active: settings.active,
      account: settings.account,
      sipPasswordSet: this.#services.account.passwordSet,
      passwordSessionOnly: this.options.secretCipher === 'session-only',
      nativeFileDialog: this.options.chooseFile !== undefined,
      history: [...this.#services.history.entries],
      ui: settings.ui,
      timeZone,
      workingHours: settings.workingHours,
      automation: settings.automation,
      reminderBeforeEndMinutes: settings.reminderBeforeEndMinutes,
      notices: this.#services.notices.notices,
      tray: buildTrayModel(settings, now, timeZone, this.#phoneStatus),
      notifications: [...this.#services.notifications.records],
      calendar: this.calendar.view(now),
      recordings: this.#services.recordings.view(),
      now,
    };
  }

  onStateChanged(listener: (state: AppState) => void): () => void {
    return this.#stateListeners.add(listener);
  }

  onDialRequest(listener: (target: DialTarget) => void): () => void {
    return this.#services.rendererLink.onDialRequest(listener);
  }

  onCallAction(listener: (action: CallAction) => void): () => void {
    return this.#services.rendererLink.onCallAction(listener);
  }

  /**
   * What the OS reported for a notification (a click, or Svara or Avvisa on a ringing call's): the
   * renderer is asked to answer or decline, and the shell shows the window in any case.
   */
  respondToNotification(notificationId: string, gesture: NotificationGesture): Result<NotificationResponse> {
    const record = this.#services.notifications.records.find((candidate) => candidate.id === notificationId);
    if (!record) return fail('notification-unknown', `No notification ${JSON.stringify(notificationId.slice(0, 64))} is shown`);
    const response = notificationResponse(record, gesture);
    if (response.kind !== 'show-window') this.#services.rendererLink.callAction(response);
    return ok(response);
  }

  onQuitting(listener: () => void): () => void {
    return this.#services.rendererLink.onQuitting(listener);
  }

  /**
   * Asks the renderer to sign off (remove its presence, unregister) before the app quits, and
   * resolves when it has, or after a grace period if it cannot answer.
   */
  prepareToQuit(): Promise<void> {
    return this.#services.rendererLink.prepareToQuit();
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
    const outcome = followLaunchArguments(argv, this.profiles, this.options.clock.now(), (target) =>
      this.#services.rendererLink.dial(target),
    );
    if (!outcome.ok) {
      this.log.warn(`Launch arguments refused: ${outcome.error.code}`);
      this.#services.notices.launchRefused(outcome.error);
    }
    return outcome;
  }

  /** Applies a provisioning file whole, or not at all. */
  importProvisioning(text: string): Result<null> {
    return this.#services.account.importProvisioning(text);
  }

  /** A provisioning file named by its path (`--provision`, the file dialog), applied whole or not at all. */
  importProvisioningFile(path: string): Result<null> {
    return this.#services.account.importProvisioningFile(path);
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
    this.#services.recordings.dispose();
    this.calendar.dispose();
    this.profiles.dispose();
    this.#stateListeners.clear();
    this.#services.rendererLink.dispose();
  }

  #emit(): void {
    if (this.#stateListeners.size === 0) return;
    try {
      this.#stateListeners.tell(this.state);
    } catch (error) {
      console.error('The state could not be built:', error);
    }
  }
}
