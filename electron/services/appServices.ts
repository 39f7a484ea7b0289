import { join } from 'node:path';
import { applyAccountPatch } from '../../src/core/account/patch';
import { applyProvisioning, parseProvisioning } from '../../src/core/account/provisioning';
import { parseAutomationArgs } from '../../src/core/automation/args';
import { applyAutomation } from '../../src/core/automation/update';
import { describeInput } from '../../src/core/describeInput';
import { translate } from '../../src/core/i18n/messages';
import { fail, ok, type AppError, type Result } from '../../src/core/errors';
import { notificationResponse, type NotificationGesture, type NotificationResponse } from '../../src/core/notifications/osNotification';
import {
  debugSchemas,
  invokeSchemas,
  isDebugChannel,
  isAsyncChannel,
  isInvokeChannel,
  isValueChannel,
  type AccountPatch,
  type CallAction,
  type AsyncChannel,
  type ChannelPayload,
  type ChannelResponse,
  type DebugChannel,
  type FilePurpose,
  type InvokeChannel,
} from '../../src/core/ipc/contract';
import { validatePayload } from '../../src/core/ipc/validatePayload';
import { findCallLinkInArgv, parseCallLink } from '../../src/core/links/callLink';
import type { DialTarget } from '../../src/core/numbers/phoneNumber';
import type { ActivationLength } from '../../src/core/profiles/activation';
import type { Settings } from '../../src/core/settings/schema';
import type { AppState, Notice } from '../../src/core/state/appState';
import { isWriteFailure } from '../../src/core/storage/writeFailure';
import type { Clock } from '../../src/core/time/clock';
import { buildTrayModel, findTrayItem, type PhoneStatus } from '../../src/core/tray/menuModel';
import { CalendarService, type CalendarServiceOptions } from './calendarService';
import { openAppLog, type AppLog } from './appLog';
import { HistoryStore } from './historyStore';
import { NotificationCenter, type NotificationSink } from './notificationCenter';
import { PresenceSignals } from './presenceSignals';
import { ProfileService } from './profileService';
import { RecordingStore } from './recordingStore';
import type { Scheduler } from './scheduler';
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
export type LaunchOutcome = { kind: 'nothing' } | { kind: 'activated' } | { kind: 'dialing'; target: DialTarget };

const QUIT_GRACE_MS = 3_000;
/** As the notification request's own bound. */
const MAX_NOTIFICATION_BODY = 500;

type SyncChannel = Exclude<InvokeChannel, AsyncChannel>;
type Handlers = { [C in SyncChannel]: (payload: ChannelPayload<C>) => Result<unknown> };
type AsyncHandlers = { [C in AsyncChannel]: (payload: ChannelPayload<C>) => Promise<Result<ChannelResponse<C>>> };

/** The services both shells share, and the one place IPC payloads are checked before any handler runs. */
export class AppServices {
  readonly profiles: ProfileService;
  readonly calendar: CalendarService;
  /** Where the shells report the user's idle time, lock and sleep, and the renderer its calls. */
  readonly presenceSignals: PresenceSignals;
  readonly log: AppLog;
  readonly #notifications: NotificationCenter;
  readonly #history: HistoryStore;
  readonly #recordings: RecordingStore;
  readonly #password: SecretStore | SessionSecretStore;
  readonly #stateListeners = new Set<(state: AppState) => void>();
  readonly #dialListeners = new Set<(target: DialTarget) => void>();
  readonly #quitListeners = new Set<() => void>();
  readonly #callActionListeners = new Set<(action: CallAction) => void>();
  #signedOff: (() => void) | null = null;
  #phoneStatus: PhoneStatus = 'not-configured';
  #notices: Notice[];
  readonly #handlers: Handlers;
  readonly #asyncHandlers: AsyncHandlers;
  readonly #speech: SpeechService;

  constructor(private readonly options: AppServicesOptions) {
    const now = options.clock.now();
    this.log = openAppLog(options.dataDir, () => this.#logSecrets());
    const loaded = loadSettingsFile(join(options.dataDir, 'settings.json'), now);
    const store = new SettingsStore(options.openBackend(options.dataDir), loaded.settings, loaded.needsWrite);
    this.#history = new HistoryStore(join(options.dataDir, 'history.json'), now);
    this.#recordings = new RecordingStore(options.dataDir);
    const passwordFile = join(options.dataDir, 'sip-password.bin');
    this.#password =
      options.secretCipher === 'session-only' ? new SessionSecretStore(passwordFile) : new SecretStore(passwordFile, options.secretCipher);
    this.#speech = new SpeechService({ directory: join(options.dataDir, 'speech'), engine: speechEngineFor(options.platform ?? process.platform) });
    this.#notices = [loaded.recovered, this.#history.recovered].filter((notice): notice is Notice => notice !== null);
    if (!store.initialWrite.ok) this.#notices.push(this.#failureNotice(store.initialWrite.error));
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
          const title = translate(language, 'notification.heldDuringCall.title', { kind: translate(language, `editor.notification.${kind}`), count });
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
      reportFailure: (error) => this.#reportFailure(error),
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
    this.#handlers = {
      'state:get': () => ok(null),
      'profile:activate': (payload) => this.profiles.activate(payload),
      'profile:create': (payload) => this.profiles.create(payload),
      'profile:update': (payload) => this.profiles.update(payload),
      'profile:delete': (payload) => this.profiles.delete(payload.profileId),
      'ui:update': (payload) => this.profiles.updateUi(dropUndefined(payload)),
      'notice:dismiss': (payload) => this.#dismissNotice(payload.noticeId),
      'account:update': (payload) => this.#updateAccount(payload),
      'account:set-password': (payload) => this.#setPassword(payload.password),
      'account:sip-credentials': () => ok({ password: this.#password.get() }),
      'provision:import': (payload) => this.importProvisioning(payload.json),
      'history:record': (payload) => this.#recordHistory(payload),
      'recording:save': (payload) => this.#saveRecording(payload),
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
    this.#asyncHandlers = {
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
  }

  /**
   * Puts right what happened while the app was closed (a profile that ran out, a meeting that began
   * or ended) from the cached calendars, starts the timers, and syncs the calendars.
   */
  start(): void {
    this.log.info(`Profiltelefon starts; data in ${this.options.dataDir}`);
    this.calendar.start();
    this.profiles.recheck();
  }

  /** After sleep: the same re-check, and the feeds are read again. */
  resume(): void {
    this.profiles.recheck();
    this.calendar.resume();
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
      notices: this.#notices,
      tray: buildTrayModel(settings, now, timeZone, this.#phoneStatus),
      notifications: [...this.#notifications.records],
      calendar: this.calendar.view(now),
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

  /**
   * Validates an untrusted request from the renderer and runs its handler. Nothing changes on a bad
   * payload, and whatever a handler throws comes back as an error result, never as an exception.
   */
  invoke(channel: unknown, payload: unknown): Result<unknown> {
    try {
      if (!isInvokeChannel(channel)) return fail('unknown-channel', `Unknown channel ${describeChannel(channel)}.`);
      if (isAsyncChannel(channel)) return fail('channel-answers-later', `Channel "${channel}" answers asynchronously.`);
      return this.#run(channel, payload);
    } catch (error) {
      console.error(`The request ${describeChannel(channel)} failed:`, error);
      return fail('request-failed', describeError(error), describeChannel(channel));
    }
  }

  /** What the shells call: every channel, the ones that run a program included. */
  async request(channel: unknown, payload: unknown): Promise<Result<unknown>> {
    if (!isInvokeChannel(channel) || !isAsyncChannel(channel)) return this.invoke(channel, payload);
    try {
      return await this.#runAsync(channel, payload);
    } catch (error) {
      console.error(`The request ${channel} failed:`, error);
      return fail('request-failed', describeError(error), channel);
    }
  }

  async #runAsync<C extends AsyncChannel>(channel: C, payload: unknown): Promise<Result<ChannelResponse<C>>> {
    const checked = validatePayload(channel, invokeSchemas[channel] as never, payload) as Result<ChannelPayload<C>>;
    if (!checked.ok) return checked;
    return this.#asyncHandlers[channel](checked.value);
  }

  #run<C extends SyncChannel>(channel: C, payload: unknown): Result<ChannelResponse<C>> {
    const checked = validatePayload(channel, invokeSchemas[channel] as never, payload) as Result<ChannelPayload<C>>;
    if (!checked.ok) return checked;
    const result = this.#handlers[channel](checked.value);
    if (!result.ok) return result;
    return ok((isValueChannel(channel) ? result.value : this.state) as ChannelResponse<C>);
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
    const outcome = this.#interpretLaunch(argv);
    if (!outcome.ok) {
      this.log.warn(`Launch arguments refused: ${outcome.error.code}`);
      this.#notices = [...this.#notices, { id: `launch-${this.options.clock.now()}`, kind: 'launch-refused', error: outcome.error }];
      this.#emit();
    }
    return outcome;
  }

  #interpretLaunch(argv: readonly string[]): Result<LaunchOutcome> {
    const command = parseAutomationArgs(argv, this.profiles.settings.profiles, this.options.clock.now());
    if (!command.ok) return command;
    if (command.value) {
      const activated = this.profiles.activate(command.value);
      return activated.ok ? ok({ kind: 'activated' }) : activated;
    }
    const link = findCallLinkInArgv(argv);
    if (link === null) return ok({ kind: 'nothing' });
    const target = parseCallLink(link);
    if (!target.ok) return target;
    for (const listener of this.#dialListeners) listener(target.value);
    return ok({ kind: 'dialing', target: target.value });
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
    if (!this.options.chooseFile) return fail('file-dialog-unavailable', 'This shell has no file dialog; the page chooses the file itself.');
    const path = await this.options.chooseFile(purpose);
    if (path === null) return ok({ chosen: false });
    const used = purpose === 'provisioning' ? this.importProvisioningFile(path) : this.calendar.addSource(path);
    return used.ok ? ok({ chosen: true }) : used;
  }

  dispose(): void {
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

  /** Writes a finished call's recording and links it from the call's history entry. */
  #saveRecording(payload: ChannelPayload<'recording:save'>): Result<null> {
    const entry = this.#history.find(payload.callId);
    if (!entry) return fail('recording-call-unknown', `There is no call ${describeInput(payload.callId)} in the history.`, 'callId');
    const saved = this.#recordings.save(entry, payload);
    // A body that is no recording is the caller's fault and its answer enough; only the disk's refusal is news for the user.
    if (!saved.ok) return isWriteFailure(saved.error) ? this.#reportFailure(saved.error) : saved;
    const linked = this.#history.record({ ...entry, recordingFile: saved.value });
    if (!linked.ok) {
      this.#recordings.discard(saved.value);
      return this.#reportFailure(linked.error);
    }
    this.#emit();
    return ok(null);
  }

  #recordHistory(entry: ChannelPayload<'history:record'>): Result<null> {
    const recorded = this.#history.record(entry);
    if (!recorded.ok) return this.#reportFailure(recorded.error);
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
    return [...(this.options.logSecrets ?? []), ...(password === null ? [] : [password]), ...(this.calendar?.eventTitles() ?? []), ...(this.calendar?.logSecrets() ?? [])];
  }

  /**
   * A failure in the background (a call's history, a recording, the expiry timer) is shown as a
   * notice, since the user did not ask for it where an answer could be shown; one per kind.
   */
  #reportFailure(error: AppError): { ok: false; error: AppError } {
    console.error(error.message);
    if (!this.#notices.some((notice) => notice.kind === 'failure' && notice.error.code === error.code)) {
      this.#notices = [...this.#notices, this.#failureNotice(error)];
      this.#emit();
    }
    return { ok: false, error };
  }

  #failureNotice(error: AppError): Notice {
    return { id: `failure-${error.code}-${this.options.clock.now()}`, kind: 'failure', error };
  }

  #dismissNotice(noticeId: string): Result<null> {
    if (!this.#notices.some((notice) => notice.id === noticeId)) {
      return fail('notice-unknown', `There is no notice ${describeInput(noticeId)}.`, 'noticeId');
    }
    this.#notices = this.#notices.filter((notice) => notice.id !== noticeId);
    this.#emit();
    return ok(null);
  }

  /** A listener that throws (a closed window, a socket gone) is logged; the others still hear of the change. */
  #emit(): void {
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

export function validateDebugRequest<C extends DebugChannel>(channel: unknown, payload: unknown): Result<{ channel: C; payload: ChannelPayload<C> }> {
  if (!isDebugChannel(channel)) return fail('unknown-channel', `Unknown channel ${describeChannel(channel)}.`);
  const checked = validatePayload(channel, debugSchemas[channel] as never, payload);
  return checked.ok ? ok({ channel: channel as C, payload: checked.value as ChannelPayload<C> }) : checked;
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

/** A channel name fit for a message: a known name as it is, anything else cut and described. */
function describeChannel(channel: unknown): string {
  return isInvokeChannel(channel) || isDebugChannel(channel) ? channel : describeInput(channel);
}

function describeError(error: unknown): string {
  return (error instanceof Error ? error.message : typeof error).slice(0, 300);
}
