import { fail, ok, type Result } from '../../src/core/errors';
import { translate } from '../../src/core/i18n/messages';
import {
  activateProfile,
  activeProfile,
  expireIfDue,
  timeContextOf,
  type ActivationRequest,
} from '../../src/core/profiles/activation';
import { createProfile, deleteProfile, updateProfile } from '../../src/core/profiles/operations';
import type { Profile, ProfileDraft } from '../../src/core/profiles/model';
import type { Settings } from '../../src/core/settings/schema';
import { formatEndTime } from '../../src/core/time/format';
import type { Clock } from '../../src/core/time/clock';
import type { TimeContext } from '../../src/core/time/workingHours';
import type { NotificationCenter } from './notificationCenter';
import type { Scheduler } from './scheduler';
import type { SettingsStore } from './settingsStore';

/**
 * The longest the service sleeps while a timed profile is active. Timers follow monotonic time, so
 * a wall-clock change is noticed at the next wake-up even if nobody reports it.
 */
export const MAX_TIMER_MS = 60_000;

export interface ProfileServiceDeps {
  store: SettingsStore;
  clock: Clock;
  scheduler: Scheduler;
  systemTimeZone: string;
  notifications: NotificationCenter;
  newId: () => string;
}

export class ProfileService {
  readonly #listeners = new Set<() => void>();
  #cancelTimer: (() => void) | null = null;
  /** The activation (`profileId@since`) already reminded of its end, so it is reminded once. */
  #remindedActivation: string | null = null;

  constructor(private readonly deps: ProfileServiceDeps) {}

  get settings(): Settings {
    return this.deps.store.get();
  }

  get timeContext(): TimeContext {
    return timeContextOf(this.settings, this.deps.systemTimeZone);
  }

  get activeProfile(): Profile {
    return activeProfile(this.settings);
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Call on start, on resume from sleep and when the system clock changed. */
  recheck(): void {
    const now = this.deps.clock.now();
    const outcome = expireIfDue(this.settings, now);
    if (outcome.ended) {
      this.#commit(outcome.settings);
      this.#announceEnd(outcome.ended);
    } else if (this.#reminderDue(now)) {
      this.#remind();
    }
    this.#scheduleExpiry();
  }

  activate(request: ActivationRequest): Result<Settings> {
    return this.#apply(activateProfile(this.settings, request, this.deps.clock.now(), this.timeContext));
  }

  create(draft: ProfileDraft): Result<Settings> {
    return this.#apply(createProfile(this.settings, draft, this.deps.newId()));
  }

  update(profile: Profile): Result<Settings> {
    return this.#apply(updateProfile(this.settings, profile));
  }

  delete(profileId: string): Result<Settings> {
    return this.#apply(deleteProfile(this.settings, profileId));
  }

  updateUi(patch: Partial<Settings['ui']>): Result<Settings> {
    return this.#apply(ok({ ...this.settings, ui: { ...this.settings.ui, ...patch } }));
  }

  dispose(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    this.#listeners.clear();
  }

  /** Saves settings another service changed, through the same write and change notice. */
  apply(result: Result<Settings>): Result<Settings> {
    return this.#apply(result);
  }

  #apply(result: Result<Settings>): Result<Settings> {
    if (!result.ok) return result;
    try {
      this.#commit(result.value);
    } catch (error) {
      return fail('settings-write-failed', `The settings could not be saved: ${(error as Error).message}`);
    }
    this.#scheduleExpiry();
    return result;
  }

  #commit(settings: Settings): void {
    this.deps.store.set(settings);
    for (const listener of this.#listeners) listener();
  }

  #announceEnd(ended: Profile): void {
    const base = this.activeProfile;
    const language = this.settings.ui.language;
    this.deps.notifications.request(base, {
      kind: 'profileEnding',
      title: translate(language, 'notification.profileEnded.title', { profile: ended.name }),
      body: translate(language, 'notification.profileEnded.body', { base: base.name }),
    });
  }

  /** The moment to remind of the active profile's end, if the reminder is on and still to come for it. */
  #reminderAt(): number | null {
    const { until, since, profileId } = this.settings.active;
    const leadMs = this.settings.reminderBeforeEndMinutes * 60_000;
    if (until === null || leadMs === 0 || this.#remindedActivation === `${profileId}@${since}`) return null;
    const at = until - leadMs;
    return since < at ? at : null;
  }

  #reminderDue(now: number): boolean {
    const at = this.#reminderAt();
    return at !== null && now >= at;
  }

  #remind(): void {
    const { profileId, since, until } = this.settings.active;
    this.#remindedActivation = `${profileId}@${since}`;
    const profile = this.activeProfile;
    const language = this.settings.ui.language;
    const now = this.deps.clock.now();
    this.deps.notifications.request(profile, {
      kind: 'profileEnding',
      title: translate(language, 'notification.profileEnding.title', {
        profile: profile.name,
        time: formatEndTime(until ?? now, now, language, this.timeContext.timeZone),
      }),
      body: translate(language, 'notification.profileEnding.body', { minutes: this.settings.reminderBeforeEndMinutes }),
    });
  }

  #scheduleExpiry(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    const { until } = this.settings.active;
    if (until === null) return;
    const next = this.#reminderAt() ?? until;
    const delay = Math.min(Math.max(next - this.deps.clock.now(), 0), MAX_TIMER_MS);
    this.#cancelTimer = this.deps.scheduler.schedule(() => this.recheck(), delay);
  }
}
