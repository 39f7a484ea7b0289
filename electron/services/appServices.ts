import { join } from 'node:path';
import { fail, ok, type Result } from '../../src/core/errors';
import {
  debugSchemas,
  invokeSchemas,
  isDebugChannel,
  isInvokeChannel,
  type ChannelPayload,
  type DebugChannel,
  type InvokeChannel,
} from '../../src/core/ipc/contract';
import { validatePayload } from '../../src/core/ipc/validatePayload';
import type { AppState, Notice } from '../../src/core/state/appState';
import type { Clock } from '../../src/core/time/clock';
import type { ActivationLength } from '../../src/core/profiles/activation';
import { buildTrayModel, findTrayItem } from '../../src/core/tray/menuModel';
import { NotificationCenter, type NotificationSink } from './notificationCenter';
import { ProfileService } from './profileService';
import type { Scheduler } from './scheduler';
import { loadSettingsFile } from './settingsFile';
import { SettingsStore, type SettingsBackend } from './settingsStore';

export interface AppServicesOptions {
  dataDir: string;
  /** Opens the settings file after it was checked: electron-store in Electron, conf elsewhere. */
  openBackend: (dataDir: string) => SettingsBackend;
  clock: Clock;
  scheduler: Scheduler;
  systemTimeZone: string;
  notificationSink: NotificationSink;
  newId: () => string;
}

export type TrayAction = { kind: 'handled' } | { kind: 'open' } | { kind: 'quit' };

type Handlers = { [C in InvokeChannel]: (payload: ChannelPayload<C>) => Result<unknown> };

/** The services both shells share, and the one place IPC payloads are checked before any handler runs. */
export class AppServices {
  readonly profiles: ProfileService;
  readonly #notifications: NotificationCenter;
  readonly #listeners = new Set<(state: AppState) => void>();
  #notices: Notice[];
  readonly #handlers: Handlers;

  constructor(private readonly options: AppServicesOptions) {
    const settingsPath = join(options.dataDir, 'settings.json');
    const loaded = loadSettingsFile(settingsPath, options.clock.now());
    const store = new SettingsStore(options.openBackend(options.dataDir), loaded.settings, loaded.needsWrite);
    this.#notices = loaded.recovered ? [loaded.recovered] : [];
    this.#notifications = new NotificationCenter((record) => {
      options.notificationSink(record);
      this.#emit();
    }, () => options.clock.now());
    this.profiles = new ProfileService({
      store,
      clock: options.clock,
      scheduler: options.scheduler,
      systemTimeZone: options.systemTimeZone,
      notifications: this.#notifications,
      newId: options.newId,
    });
    this.profiles.onChange(() => this.#emit());
    this.#handlers = {
      'state:get': () => ok(null),
      'profile:activate': (payload) => this.profiles.activate(payload),
      'profile:create': (payload) => this.profiles.create(payload),
      'profile:update': (payload) => this.profiles.update(payload),
      'profile:delete': (payload) => this.profiles.delete(payload.profileId),
      'ui:update': (payload) => this.profiles.updateUi(dropUndefined(payload)),
      'notice:dismiss': (payload) => this.#dismissNotice(payload.noticeId),
    };
  }

  /** Ends a profile that ran out while the app was closed, and starts the expiry timer. */
  start(): void {
    this.profiles.recheck();
  }

  get state(): AppState {
    const settings = this.profiles.settings;
    const now = this.options.clock.now();
    const timeZone = this.profiles.timeContext.timeZone;
    return {
      profiles: settings.profiles,
      active: settings.active,
      account: settings.account,
      ui: settings.ui,
      timeZone,
      workingHours: settings.workingHours,
      reminderBeforeEndMinutes: settings.reminderBeforeEndMinutes,
      notices: this.#notices,
      tray: buildTrayModel(settings, now, timeZone),
      notifications: [...this.#notifications.records],
      now,
    };
  }

  onStateChanged(listener: (state: AppState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Validates an untrusted request from the renderer and runs its handler. Nothing changes on a bad payload. */
  invoke(channel: unknown, payload: unknown): Result<AppState> {
    if (!isInvokeChannel(channel)) return fail('unknown-channel', `Unknown channel "${String(channel)}".`);
    return this.#run(channel, payload);
  }

  #run<C extends InvokeChannel>(channel: C, payload: unknown): Result<AppState> {
    const checked = validatePayload(channel, invokeSchemas[channel] as never, payload) as Result<ChannelPayload<C>>;
    if (!checked.ok) return checked;
    const result = this.#handlers[channel](checked.value);
    return result.ok ? ok(this.state) : result;
  }

  /** The tray's menu items, from Electron's Tray or the browser shell's debug panel, both come here. */
  clickTrayItem(itemId: string): Result<TrayAction> {
    const item = findTrayItem(this.state.tray.items, itemId);
    if (!item || item.kind === 'separator' || item.kind === 'submenu') {
      return fail('tray-item-unknown', `The tray menu has no item "${itemId}".`);
    }
    if (item.kind === 'action') return ok({ kind: item.id });
    const length: ActivationLength = item.kind === 'activate-for' ? { kind: 'quick', quick: item.quick } : { kind: 'default' };
    const activated = this.profiles.activate({ profileId: item.profileId, length, temporaryMessage: null });
    return activated.ok ? ok({ kind: 'handled' }) : activated;
  }

  dispose(): void {
    this.profiles.dispose();
    this.#listeners.clear();
  }

  #dismissNotice(noticeId: string): Result<null> {
    if (!this.#notices.some((notice) => notice.id === noticeId)) {
      return fail('notice-unknown', `There is no notice "${noticeId}".`, 'noticeId');
    }
    this.#notices = this.#notices.filter((notice) => notice.id !== noticeId);
    this.#emit();
    return ok(null);
  }

  #emit(): void {
    const state = this.state;
    for (const listener of this.#listeners) listener(state);
  }
}

export function validateDebugRequest<C extends DebugChannel>(channel: unknown, payload: unknown): Result<{ channel: C; payload: ChannelPayload<C> }> {
  if (!isDebugChannel(channel)) return fail('unknown-channel', `Unknown channel "${String(channel)}".`);
  const checked = validatePayload(channel, debugSchemas[channel] as never, payload);
  return checked.ok ? ok({ channel: channel as C, payload: checked.value as ChannelPayload<C> }) : checked;
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

