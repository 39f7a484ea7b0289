import { ambientClaimsAt, nextAmbientChange } from '../../src/core/automation/ambient';
import { PRESENT, type AwayState } from '../../src/core/automation/away';
import { nextCalendarChange, type CalendarActivation } from '../../src/core/calendar';
import { reconcileCalendar } from '../../src/core/calendar/reconcile';
import { markChosenByHand } from '../../src/core/calendar/suppression';
import { ok, type AppError, type Result } from '../../src/core/errors';
import { translate } from '../../src/core/i18n/messages';
import {
  activateProfile,
  activeProfile,
  setTemporaryMessage,
  timeContextOf,
  type ActivationRequest,
} from '../../src/core/profiles/activation';
import { createProfile, deleteProfile, updateProfile } from '../../src/core/profiles/operations';
import type { Profile, ProfileDraft } from '../../src/core/profiles/model';
import type { Settings } from '../../src/core/settings/schema';
import { formatEndTime } from '../../src/core/time/format';
import type { Clock, Scheduler } from '../../src/core/time/clock';
import type { TimeContext } from '../../src/core/time/workingHours';
import { ActivationAnnouncer } from './activationAnnouncer';
import { Listeners } from './listeners';
import type { NotificationCenter } from './notificationCenter';
import type { SettingsStore } from './settingsStore';

/** The calendar's planned activations around a moment; the calendar service gives them. */
export type CalendarActivationsAt = (now: number) => readonly CalendarActivation[];

/**
 * The longest the service sleeps while a timed profile is active or a calendar change is ahead.
 * Timers follow monotonic time, so a wall-clock change is noticed at the next wake-up even if
 * nobody reports it.
 */
export const MAX_TIMER_MS = 60_000;

/** After a change the timer could not save (a full or read-only disk), when to try again. */
export const WRITE_RETRY_MS = MAX_TIMER_MS;

export interface ProfileServiceDeps {
  store: SettingsStore;
  clock: Clock;
  scheduler: Scheduler;
  systemTimeZone: string;
  notifications: NotificationCenter;
  newId: () => string;
  calendarActivationsAt: CalendarActivationsAt;
  /** What the computer says of its user (idle, locked, in a call); present when not given. */
  awayState?: () => AwayState;
  /** A change the service made on its own (a profile that ran out, a meeting) could not be done; the user must be told. */
  reportFailure: (error: AppError) => void;
}

export class ProfileService {
  /** Where the shells hear, ahead of the save, what a profile chosen by hand shows colleagues. */
  readonly activations = new ActivationAnnouncer();
  readonly #listeners = new Listeners<void>('settings');
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
    return this.#listeners.add(listener);
  }

  /**
   * Puts the active profile right for now: ends a timed profile whose time is up, and lets the
   * calendar switch. Call on start, on resume from sleep, when the system clock changed and when
   * the calendar changed; the timer calls it too.
   */
  recheck(): void {
    const now = this.deps.clock.now();
    try {
      const ambient = ambientClaimsAt(this.settings, this.timeContext, this.#awayState(), now);
      const outcome = reconcileCalendar(this.settings, this.deps.calendarActivationsAt(now), now, ambient);
      if (outcome.settings !== this.settings) {
        const committed = this.#commit(outcome.settings);
        // The profile stays what the file says until the change can be saved.
        if (!committed.ok) return this.#retryLater(committed.error);
      }
      if (outcome.ended) this.#announceEnd(outcome.ended);
      else if (this.#reminderDue(now)) this.#remind();
      this.#scheduleWakeUp(now);
    } catch (error) {
      this.#retryLater({ code: 'profile-recheck-failed', message: `The active profile could not be checked: ${(error as Error).message}` });
    }
  }

  /** A profile chosen by hand (switcher, tray, a launch argument): it wins over the meeting under way. */
  activate(request: ActivationRequest): Result<Settings> {
    const now = this.deps.clock.now();
    const activated = activateProfile(this.settings, request, now, this.timeContext);
    if (!activated.ok) return activated;
    const decided = markChosenByHand(activated.value, this.deps.calendarActivationsAt(now), now);
    return this.activations.announceThenSave(
      decided,
      () => this.#apply(ok(decided)),
      () => this.settings,
    );
  }

  setMessage(temporaryMessage: string | null): Result<Settings> {
    return this.#apply(setTemporaryMessage(this.settings, temporaryMessage));
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
    this.activations.dispose();
  }

  /** Saves settings another service changed, through the same write and change notice. */
  apply(result: Result<Settings>): Result<Settings> {
    return this.#apply(result);
  }

  #apply(result: Result<Settings>): Result<Settings> {
    if (!result.ok) return result;
    const committed = this.#commit(result.value);
    if (!committed.ok) return committed;
    // Profiles, priorities and calendar settings all bear on what the calendar wants now.
    this.recheck();
    return ok(this.settings);
  }

  #commit(settings: Settings): Result<Settings> {
    const saved = this.deps.store.set(settings);
    if (saved.ok) this.#listeners.tell();
    return saved;
  }

  #awayState(): AwayState {
    return this.deps.awayState?.() ?? PRESENT;
  }

  #retryLater(error: AppError): void {
    this.deps.reportFailure(error);
    this.#cancelTimer?.();
    this.#cancelTimer = this.deps.scheduler.schedule(() => this.recheck(), WRITE_RETRY_MS);
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

  /**
   * The moment to remind of the active profile's end, if the reminder is on and still to come for
   * it. A calendar activation ends with its meeting, which the user knows, and gives back the
   * earlier profile rather than the base profile, so it is not reminded of.
   */
  #reminderAt(): number | null {
    const { until, since, profileId, source } = this.settings.active;
    if (source?.kind === 'calendar' || source?.kind === 'automatic') return null;
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

  /** Wakes at the reminder, the active profile's end, the calendar's next start or end, or the schedule's or away's next change, whichever is first. */
  #scheduleWakeUp(now: number): void {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    const { until } = this.settings.active;
    const moments = [
      this.#reminderAt() ?? until,
      nextCalendarChange(this.deps.calendarActivationsAt(now), now),
      nextAmbientChange(this.settings, this.timeContext, this.#awayState(), now),
    ];
    const due = moments.filter((moment): moment is number => moment !== null);
    if (due.length === 0) return;
    const delay = Math.min(Math.max(Math.min(...due) - now, 0), MAX_TIMER_MS);
    this.#cancelTimer = this.deps.scheduler.schedule(() => this.recheck(), delay);
  }
}
