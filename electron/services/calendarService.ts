import { join } from 'node:path';
import { planOptionsOf, type CalendarActivation } from '../../src/core/calendar';
import type { CaldavForm } from '../../src/core/calendar/caldavSource';
import type { CalendarSource } from '../../src/core/calendar/settings';
import { setUnmarkedBusyProfile } from '../../src/core/calendar/sources';
import { activeSuppressions, skipActivation, unskipActivation } from '../../src/core/calendar/suppression';
import { upcomingActivations } from '../../src/core/calendar/upcoming';
import type { CalendarState } from '../../src/core/calendar/view';
import { fail, ok, type Result } from '../../src/core/errors';
import type { Settings } from '../../src/core/settings/schema';
import type { Clock, Scheduler } from '../../src/core/time/clock';
import { CalendarCache } from './calendarCache';
import { DEFAULT_CALENDAR_OPTIONS, type CalendarSecrets, type CalendarServiceOptions } from './calendarOptions';
import { CalendarPlanner, type CalendarPlan } from './calendarPlanner';
import { CalendarRefresh } from './calendarRefresh';
import { CalendarSourceChanges } from './calendarSourceChanges';
import type { SourceReadContext } from './calendarSourceReader';
import { SourceRuntimes } from './calendarSourceRuntime';
import { sourceStatus } from './calendarSourceStatus';
import { CalendarSync } from './calendarSync';
import { Listeners } from './listeners';
import { ManagedCalendarFiles } from './managedCalendarFiles';

export { DEFAULT_CALENDAR_OPTIONS, type CalendarSecrets, type CalendarServiceOptions } from './calendarOptions';

/** Enough for two busy weeks; the list is for glancing at what comes, not a calendar. */
const UPCOMING_LIMIT = 50;

export interface CalendarServiceDeps {
  dataDir: string;
  clock: Clock;
  scheduler: Scheduler;
  settings: () => Settings;
  /** Saves settings through the profile service, which then puts the active profile right. */
  save: (settings: Settings) => Result<Settings>;
  timeZone: () => string;
  newId: () => string;
  /** CalDAV passwords, keyed by source id, kept as the SIP password is. */
  secrets: CalendarSecrets;
  options?: Partial<CalendarServiceOptions>;
}

/**
 * Keeps the calendar sources read: each from its cache at start, then afresh on start, on an
 * interval, on resume and on request. A source that fails keeps its last good copy. Titles leave
 * only in the upcoming list of the view, which the UI shows to the user alone.
 */
export class CalendarService {
  readonly #planner = new CalendarPlanner();
  readonly #runtimes = new SourceRuntimes();
  readonly #listeners = new Listeners<void>('calendar');
  readonly #shutdown = new AbortController();
  readonly #sync: CalendarSync;
  readonly #refresh: CalendarRefresh;
  readonly #changes: CalendarSourceChanges;

  constructor(private readonly deps: CalendarServiceDeps) {
    const options = { ...DEFAULT_CALENDAR_OPTIONS, ...deps.options };
    const cache = new CalendarCache(join(deps.dataDir, 'calendar-cache'));
    const read: SourceReadContext = { options, scheduler: deps.scheduler, secrets: deps.secrets, signal: this.#shutdown.signal };
    const sources = (): CalendarSource[] => this.deps.settings().calendar.sources;
    this.#sync = new CalendarSync({ clock: deps.clock, sources, runtimes: this.#runtimes, cache, read, changed: () => this.#emit() });
    this.#refresh = new CalendarRefresh({
      scheduler: deps.scheduler,
      intervalMs: options.refreshIntervalMs,
      hasSources: () => sources().length > 0,
      stopped: this.#shutdown.signal,
      syncAll: () => this.syncAll(),
    });
    this.#changes = new CalendarSourceChanges({
      settings: deps.settings,
      save: deps.save,
      newId: deps.newId,
      runtimes: this.#runtimes,
      cache,
      managedFiles: new ManagedCalendarFiles(deps.dataDir),
      read,
      added: (sourceId) => {
        this.#refresh.reschedule();
        void this.sync(sourceId);
      },
      removed: () => this.#refresh.reschedule(),
    });
  }

  /** Reads every source's cached copy, so the schedule works before the first sync ends, then syncs. */
  start(): void {
    this.#sync.loadCaches();
    this.#refresh.reschedule();
    void this.syncAll();
  }

  /** On resume from sleep: the feeds may have changed while the machine slept. */
  resume(): void {
    this.#refresh.reschedule();
    void this.syncAll();
  }

  onChange(listener: () => void): () => void {
    return this.#listeners.add(listener);
  }

  activationsAt(now: number): readonly CalendarActivation[] {
    return this.#plan(now).activations;
  }

  view(now: number): CalendarState {
    const settings = this.deps.settings();
    const plan = this.#plan(now);
    const { active } = settings;
    return {
      sources: settings.calendar.sources.map((source) =>
        sourceStatus(source, this.#runtimes.get(source.id), this.#sync.isSyncing(source.id), this.#planner.expansionWarnings(source.id)),
      ),
      unmarkedBusyProfileNumber: settings.calendar.unmarkedBusyProfileNumber,
      shortFormMarkers: settings.calendar.shortFormMarkers,
      ignorePrivateEvents: settings.calendar.ignorePrivateEvents,
      upcoming: upcomingActivations({
        activations: plan.activations,
        unknownMarkers: plan.unknownMarkers,
        suppressed: activeSuppressions(settings.calendar.suppressed, now),
        activeKey: active.source?.kind === 'calendar' ? active.source.key : null,
        titles: plan.titles,
        now,
        limit: UPCOMING_LIMIT,
      }),
    };
  }

  /** A feed address or a file path; a file that is not there or cannot be read is refused with its reason, and nothing is added. */
  addSource(location: string): Result<Settings> {
    return this.#changes.addSource(location);
  }

  /**
   * A calendar file handed over by its content (the browser shell's file input): it must be a
   * calendar, and is kept as a copy in the data directory, which the source then reads.
   */
  addFileContent(text: string): Result<Settings> {
    return this.#changes.addFileContent(text);
  }

  /**
   * Adds a calendar on a CalDAV server: the form is checked, then the server is asked which
   * calendar the user has, and only a login that worked is kept. Any refusal changes nothing.
   */
  addCaldavSource(form: CaldavForm): Promise<Result<Settings>> {
    return this.#changes.addCaldavSource(form);
  }

  removeSource(sourceId: string): Result<Settings> {
    return this.#changes.removeSource(sourceId);
  }

  /** "Synka nu": starts the sync and answers at once; the outcome arrives as a change. */
  requestSync(sourceId: string | null): Result<null> {
    if (sourceId !== null && !this.#sources().some((source) => source.id === sourceId)) {
      return fail('source-unknown', `There is no calendar "${sourceId}".`, 'sourceId');
    }
    if (sourceId === null) void this.syncAll();
    else void this.sync(sourceId);
    return ok(null);
  }

  setSkipped(key: string, skipped: boolean): Result<Settings> {
    const now = this.deps.clock.now();
    const settings = this.deps.settings();
    const next = skipped ? skipActivation(settings, this.activationsAt(now), key, now) : unskipActivation(settings, key, now);
    return next.ok ? this.deps.save(next.value) : next;
  }

  setUnmarkedBusyProfile(profileNumber: number | null): Result<Settings> {
    const next = setUnmarkedBusyProfile(this.deps.settings(), profileNumber);
    return next.ok ? this.deps.save(next.value) : next;
  }

  syncAll(): Promise<void> {
    return this.#sync.syncAll();
  }

  sync(sourceId: string): Promise<void> {
    return this.#sync.sync(sourceId);
  }

  /** Resolves once every cached copy read at start has been parsed, so the schedule holds what was saved. */
  whenCacheLoaded(): Promise<void> {
    return this.#sync.whenCacheLoaded();
  }

  /** Resolves once no source is being read, including reads started meanwhile. */
  whenIdle(): Promise<void> {
    return this.#sync.whenIdle();
  }

  /** The titles of every cached event, so the log can hide them. */
  eventTitles(): string[] {
    return this.#runtimes.eventTitles();
  }

  /** The CalDAV passwords, as typed and as the Basic credentials that carry them, so the log can hide them. */
  logSecrets(): string[] {
    return this.#sources().flatMap((source) => {
      const password = source.kind === 'caldav' ? this.deps.secrets.get(source.id) : null;
      return password === null || source.kind !== 'caldav'
        ? []
        : [password, Buffer.from(`${source.username}:${password}`).toString('base64')];
    });
  }

  dispose(): void {
    this.#refresh.cancel();
    this.#shutdown.abort();
    this.#listeners.clear();
    this.#sync.dispose();
  }

  #sources(): CalendarSource[] {
    return this.deps.settings().calendar.sources;
  }

  #plan(now: number): CalendarPlan {
    const settings = this.deps.settings();
    const sources = settings.calendar.sources.flatMap((source) => {
      const calendar = this.#runtimes.get(source.id)?.calendar;
      return calendar ? [{ sourceId: source.id, calendar }] : [];
    });
    return this.#planner.plan(sources, settings.profiles, planOptionsOf(settings.calendar), this.deps.timeZone(), now);
  }

  #emit(): void {
    this.#listeners.tell();
  }
}
