import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parseIcs, planOptionsOf, type CalendarActivation } from '../../src/core/calendar';
import { parseCaldavForm, type CaldavForm } from '../../src/core/calendar/caldavSource';
import { addCalendarSource, appendCalendarSource, removeCalendarSource, setUnmarkedBusyProfile } from '../../src/core/calendar/sources';
import type { CalendarSource } from '../../src/core/calendar/settings';
import { sourceErrorOfParse } from '../../src/core/calendar/sourceError';
import { activeSuppressions, skipActivation, unskipActivation } from '../../src/core/calendar/suppression';
import type { CalendarParseWarning, ParsedCalendar } from '../../src/core/calendar/types';
import { upcomingActivations } from '../../src/core/calendar/upcoming';
import type {
  CalendarSourceError,
  CalendarSourceStatus,
  CalendarState,
  SourceWarningCode,
  SourceWarningSummary,
} from '../../src/core/calendar/view';
import { fail, ok, type Result } from '../../src/core/errors';
import type { Settings } from '../../src/core/settings/schema';
import type { Clock, Scheduler } from '../../src/core/time/clock';
import { CalendarCache, type CachedCalendar } from './calendarCache';
import { discoverCaldavCalendar, readCaldavCalendar, type CaldavConnection } from './caldavCalendar';
import { fetchFeed, type ReadOutcome } from './calendarFeed';
import { checkCalendarFile, readCalendarFile } from './calendarFile';
import { ManagedCalendarFiles } from './managedCalendarFiles';
import { CalendarPlanner, type CalendarPlan } from './calendarPlanner';
import { CalendarParser } from './calendarWorker/calendarParser';
import type { WriteResult } from './durableFile';

export interface CalendarServiceOptions {
  /** How long a feed may take, body included. */
  fetchTimeoutMs: number;
  /** The largest feed or file read; a feed is abandoned as soon as it passes this. */
  maxBytes: number;
  refreshIntervalMs: number;
}

export const DEFAULT_CALENDAR_OPTIONS: CalendarServiceOptions = {
  fetchTimeoutMs: 10_000,
  maxBytes: 10 * 1024 * 1024,
  refreshIntervalMs: 5 * 60_000,
};

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

export interface CalendarSecrets {
  get(sourceId: string): string | null;
  set(sourceId: string, secret: string | null): Result<null>;
}

/** What is known of one source this run, beside its definition in the settings. */
interface SourceRuntime {
  calendar: ParsedCalendar | null;
  textDigest: string | null;
  etag: string | null;
  lastModified: string | null;
  lastGoodSyncAt: number | null;
  lastAttemptAt: number | null;
  error: CalendarSourceError | null;
  parseWarnings: CalendarParseWarning[];
  /** Why the copy saved by an earlier run was not used; cleared by the next good read. */
  cacheWarnings: { code: 'cache-unusable' }[];
  /** When a CalDAV source's window was last downloaded this run; null asks for it afresh. */
  caldavReadAt: number | null;
}

function emptyRuntime(): SourceRuntime {
  return {
    calendar: null,
    textDigest: null,
    etag: null,
    lastModified: null,
    lastGoodSyncAt: null,
    lastAttemptAt: null,
    error: null,
    parseWarnings: [],
    cacheWarnings: [],
    caldavReadAt: null,
  };
}

/**
 * Keeps the calendar sources read: each from its cache at start, then afresh on start, on an
 * interval, on resume and on request. A source that fails keeps its last good copy. Titles leave
 * only in the upcoming list of the view, which the UI shows to the user alone.
 */
export class CalendarService {
  readonly #options: CalendarServiceOptions;
  readonly #cache: CalendarCache;
  readonly #managedFiles: ManagedCalendarFiles;
  readonly #planner = new CalendarPlanner();
  readonly #parser = new CalendarParser();
  /** Each source's cached copy being parsed at start; its first sync waits for it. */
  readonly #cacheLoads = new Map<string, Promise<void>>();
  readonly #runtime = new Map<string, SourceRuntime>();
  readonly #inFlight = new Map<string, Promise<void>>();
  readonly #listeners = new Set<() => void>();
  readonly #shutdown = new AbortController();
  #cancelRefresh: (() => void) | null = null;

  constructor(private readonly deps: CalendarServiceDeps) {
    this.#options = { ...DEFAULT_CALENDAR_OPTIONS, ...deps.options };
    this.#cache = new CalendarCache(join(deps.dataDir, 'calendar-cache'));
    this.#managedFiles = new ManagedCalendarFiles(deps.dataDir);
  }

  /** Reads every source's cached copy, so the schedule works before the first sync ends, then syncs. */
  start(): void {
    for (const source of this.#sources()) {
      const loading = this.#loadCache(source).finally(() => {
        this.#cacheLoads.delete(source.id);
        this.#emit();
      });
      this.#cacheLoads.set(source.id, loading);
    }
    this.#scheduleRefresh();
    void this.syncAll();
  }

  /** On resume from sleep: the feeds may have changed while the machine slept. */
  resume(): void {
    this.#scheduleRefresh();
    void this.syncAll();
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  activationsAt(now: number): readonly CalendarActivation[] {
    return this.#plan(now).activations;
  }

  view(now: number): CalendarState {
    const settings = this.deps.settings();
    const plan = this.#plan(now);
    const { active } = settings;
    return {
      sources: settings.calendar.sources.map((source) => this.#statusOf(source)),
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
    const added = addCalendarSource(this.deps.settings(), location, this.deps.newId());
    if (!added.ok) return added;
    if (added.value.source.kind === 'file') {
      const unusable = checkCalendarFile(added.value.source.location, this.#options.maxBytes);
      if (unusable) return { ok: false, error: { ...unusable, field: 'location' } };
    }
    return this.#keepAdded(added.value);
  }

  /**
   * A calendar file handed over by its content (the browser shell's file input): it must be a
   * calendar, and is kept as a copy in the data directory, which the source then reads.
   */
  addFileContent(text: string): Result<Settings> {
    const parsed = parseIcs(text, { maxBytes: this.#options.maxBytes });
    if (!parsed.ok) return { ok: false, error: { ...sourceErrorOfParse(parsed.error), field: 'file' } };
    const path = this.#managedFiles.pathFor(text);
    const added = addCalendarSource(this.deps.settings(), path, this.deps.newId());
    if (!added.ok) return { ok: false, error: { ...added.error, field: 'file' } };
    const stored = this.#managedFiles.store(path, text);
    if (!stored.ok) return stored;
    const kept = this.#keepAdded(added.value);
    if (!kept.ok) this.#managedFiles.removeIfManaged(path);
    return kept;
  }

  #keepAdded(added: { settings: Settings; source: CalendarSource }): Result<Settings> {
    const saved = this.deps.save(added.settings);
    if (!saved.ok) return saved;
    this.#runtime.set(added.source.id, emptyRuntime());
    this.#scheduleRefresh();
    void this.sync(added.source.id);
    return saved;
  }

  /**
   * Adds a calendar on a CalDAV server: the form is checked, then the server is asked which
   * calendar the user has, and only a login that worked is kept. Any refusal changes nothing.
   */
  async addCaldavSource(form: CaldavForm): Promise<Result<Settings>> {
    const login = parseCaldavForm(form);
    if (!login.ok) return login;
    const found = await discoverCaldavCalendar(this.#connection(login.value));
    if (!found.ok)
      return { ok: false, error: { ...found.error, field: found.error.code === 'caldav-auth-failed' ? 'password' : 'serverUrl' } };
    const { serverUrl, username, password } = login.value;
    const source: CalendarSource = { id: this.deps.newId(), kind: 'caldav', location: found.value.calendarUrl, serverUrl, username };
    const added = appendCalendarSource(this.deps.settings(), source, 'serverUrl');
    if (!added.ok) return added;
    const stored = this.deps.secrets.set(source.id, password);
    if (!stored.ok) return stored;
    const saved = this.deps.save(added.value.settings);
    if (!saved.ok) {
      this.deps.secrets.set(source.id, null);
      return saved;
    }
    this.#runtime.set(source.id, emptyRuntime());
    this.#scheduleRefresh();
    void this.sync(source.id);
    return saved;
  }

  removeSource(sourceId: string): Result<Settings> {
    const source = this.#sources().find((candidate) => candidate.id === sourceId);
    const removed = removeCalendarSource(this.deps.settings(), sourceId);
    if (!removed.ok) return removed;
    const saved = this.deps.save(removed.value);
    if (!saved.ok) return saved;
    if (source?.kind === 'file') this.#managedFiles.removeIfManaged(source.location);
    this.#runtime.delete(sourceId);
    this.#cache.remove(sourceId);
    const forgotten = this.deps.secrets.set(sourceId, null);
    // The source is gone either way; a password file left behind is only reported.
    if (!forgotten.ok) console.warn(forgotten.error.message);
    this.#scheduleRefresh();
    return saved;
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
    return Promise.all(this.#sources().map((source) => this.sync(source.id))).then(() => undefined);
  }

  sync(sourceId: string): Promise<void> {
    const running = this.#inFlight.get(sourceId);
    if (running) return running;
    const source = this.#sources().find((candidate) => candidate.id === sourceId);
    if (!source) return Promise.resolve();
    const syncing = this.#syncSource(source).finally(() => {
      this.#inFlight.delete(sourceId);
      this.#emit();
    });
    this.#inFlight.set(sourceId, syncing);
    this.#emit();
    return syncing;
  }

  /** Resolves once every cached copy read at start has been parsed, so the schedule holds what was saved. */
  async whenCacheLoaded(): Promise<void> {
    await Promise.all(this.#cacheLoads.values());
  }

  /** Resolves once no source is being read, including reads started meanwhile. */
  async whenIdle(): Promise<void> {
    while (this.#inFlight.size > 0 || this.#cacheLoads.size > 0)
      await Promise.all([...this.#inFlight.values(), ...this.#cacheLoads.values()]);
  }

  /** The titles of every cached event, so the log can hide them. */
  eventTitles(): string[] {
    return [...this.#runtime.values()].flatMap((runtime) => runtime.calendar?.events.map((event) => event.title) ?? []);
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
    this.#cancelRefresh?.();
    this.#cancelRefresh = null;
    this.#shutdown.abort();
    this.#listeners.clear();
    this.#parser.dispose();
  }

  #connection(login: { serverUrl: string; username: string; password: string }): CaldavConnection {
    return {
      ...login,
      timeoutMs: this.#options.fetchTimeoutMs,
      maxBytes: this.#options.maxBytes,
      scheduler: this.deps.scheduler,
      signal: this.#shutdown.signal,
    };
  }

  #sources(): CalendarSource[] {
    return this.deps.settings().calendar.sources;
  }

  #runtimeOf(sourceId: string): SourceRuntime {
    let runtime = this.#runtime.get(sourceId);
    if (!runtime) this.#runtime.set(sourceId, (runtime = emptyRuntime()));
    return runtime;
  }

  /** A copy that cannot be read or parsed is a warning on its source: the app starts, and the next sync reads afresh. */
  async #loadCache(source: CalendarSource): Promise<void> {
    const runtime = this.#runtimeOf(source.id);
    try {
      const reading = this.#cache.read(source.id, source.location, this.deps.clock.now());
      if (reading.kind === 'unusable') runtime.cacheWarnings = [{ code: 'cache-unusable' }];
      if (reading.kind !== 'found') return;
      const parsed = await this.#parser.parse(reading.entry.text, this.#options.maxBytes);
      // The source was removed meanwhile.
      if (this.#runtime.get(source.id) !== runtime) return;
      if (!parsed.ok) {
        runtime.cacheWarnings = [{ code: 'cache-unusable' }];
        return;
      }
      this.#takeCachedCopy(runtime, reading.entry, parsed.value);
    } catch {
      runtime.cacheWarnings = [{ code: 'cache-unusable' }];
    }
  }

  #takeCachedCopy(runtime: SourceRuntime, entry: CachedCalendar, calendar: ParsedCalendar): void {
    Object.assign(runtime, {
      calendar,
      textDigest: digest(entry.text),
      etag: entry.etag,
      lastModified: entry.lastModified,
      lastGoodSyncAt: entry.syncedAt,
      parseWarnings: calendar.warnings,
      caldavReadAt: entry.windowReadAt ?? null,
    });
  }

  async #syncSource(source: CalendarSource): Promise<void> {
    // Awaited only when there is one, so a read starts in the same turn as its request.
    const loadingCache = this.#cacheLoads.get(source.id);
    if (loadingCache) await loadingCache;
    const runtime = this.#runtimeOf(source.id);
    const startedAt = this.deps.clock.now();
    const read = await this.#read(source, runtime, startedAt);
    const outcome = await this.#parsed(read, runtime);
    if (
      this.#shutdown.signal.aborted ||
      !this.#sources().some((current) => current.id === source.id && current.location === source.location)
    )
      return;
    const now = this.deps.clock.now();
    runtime.lastAttemptAt = now;
    this.#accept(source, runtime, outcome, now, source.kind === 'caldav' ? startedAt : null);
  }

  /** A fresh text is parsed in the worker unless it is the text already parsed. */
  async #parsed(read: ReadOutcome, runtime: SourceRuntime): Promise<ParsedOutcome> {
    if (read.kind !== 'fresh') return read;
    const textDigest = digest(read.text);
    if (textDigest === runtime.textDigest) return { ...read, textDigest, calendar: null };
    const parsed = await this.#parser.parse(read.text, this.#options.maxBytes);
    return parsed.ok ? { ...read, textDigest, calendar: parsed.value } : { kind: 'failed', error: sourceErrorOfParse(parsed.error) };
  }

  #read(source: CalendarSource, runtime: SourceRuntime, now: number): Promise<ReadOutcome> {
    const { maxBytes, fetchTimeoutMs } = this.#options;
    if (source.kind === 'file') return readCalendarFile(source.location, maxBytes);
    if (source.kind === 'caldav') {
      const password = this.deps.secrets.get(source.id);
      if (password === null) {
        return Promise.resolve({
          kind: 'failed',
          error: { code: 'caldav-password-missing', message: 'The password for this calendar is not stored; add the calendar again' },
        });
      }
      const copy = runtime.calendar && runtime.caldavReadAt !== null ? { syncToken: runtime.etag, readAt: runtime.caldavReadAt } : null;
      return readCaldavCalendar(
        this.#connection({ serverUrl: source.serverUrl, username: source.username, password }),
        source.location,
        copy,
        now,
      );
    }
    return fetchFeed({
      url: source.location,
      etag: runtime.calendar ? runtime.etag : null,
      lastModified: runtime.calendar ? runtime.lastModified : null,
      timeoutMs: fetchTimeoutMs,
      maxBytes,
      scheduler: this.deps.scheduler,
      signal: this.#shutdown.signal,
    });
  }

  /** Takes a good read as the new copy; anything else is recorded as the source's error and changes nothing else. */
  #accept(source: CalendarSource, runtime: SourceRuntime, outcome: ParsedOutcome, now: number, windowReadAt: number | null): void {
    if (outcome.kind === 'failed') {
      runtime.error = outcome.error;
      return;
    }
    if (outcome.kind === 'unchanged') {
      if (!runtime.calendar) {
        runtime.error = {
          code: 'feed-http-status',
          message: 'The server answered 304 Not Modified to a request for the whole calendar',
          httpStatus: 304,
        };
        return;
      }
      runtime.error = null;
      runtime.lastGoodSyncAt = now;
      const { etag, lastModified, caldavReadAt } = runtime;
      this.#writeCache(() =>
        this.#cache.writeMeta(source.id, { location: source.location, etag, lastModified, syncedAt: now, ...windowRead(caldavReadAt) }),
      );
      return;
    }
    if (outcome.calendar) {
      runtime.calendar = outcome.calendar;
      runtime.parseWarnings = outcome.calendar.warnings;
      runtime.textDigest = outcome.textDigest;
    }
    Object.assign(runtime, {
      etag: outcome.etag,
      lastModified: outcome.lastModified,
      lastGoodSyncAt: now,
      error: null,
      cacheWarnings: [],
      caldavReadAt: windowReadAt,
    });
    const { text, etag, lastModified } = outcome;
    this.#writeCache(() =>
      this.#cache.write(source.id, { location: source.location, text, etag, lastModified, syncedAt: now, ...windowRead(windowReadAt) }),
    );
  }

  /** A cache that cannot be written costs only the copy after a restart; this run goes on with the copy in memory. */
  #writeCache(write: () => WriteResult): void {
    const written = write();
    // The next good sync tries again.
    if (!written.ok) console.warn(written.error.message);
  }

  #plan(now: number): CalendarPlan {
    const settings = this.deps.settings();
    const sources = settings.calendar.sources.flatMap((source) => {
      const calendar = this.#runtime.get(source.id)?.calendar;
      return calendar ? [{ sourceId: source.id, calendar }] : [];
    });
    return this.#planner.plan(sources, settings.profiles, planOptionsOf(settings.calendar), this.deps.timeZone(), now);
  }

  #statusOf(source: CalendarSource): CalendarSourceStatus {
    const runtime = this.#runtime.get(source.id) ?? emptyRuntime();
    return {
      id: source.id,
      kind: source.kind,
      location: source.location,
      syncing: this.#inFlight.has(source.id),
      lastGoodSyncAt: runtime.lastGoodSyncAt,
      lastAttemptAt: runtime.lastAttemptAt,
      error: runtime.error,
      eventCount: runtime.calendar ? runtime.calendar.events.length : null,
      warnings: summarise([...runtime.cacheWarnings, ...runtime.parseWarnings, ...this.#planner.expansionWarnings(source.id)]),
    };
  }

  #scheduleRefresh(): void {
    this.#cancelRefresh?.();
    this.#cancelRefresh = null;
    if (this.#sources().length === 0 || this.#shutdown.signal.aborted) return;
    this.#cancelRefresh = this.deps.scheduler.schedule(() => {
      this.#scheduleRefresh();
      void this.syncAll();
    }, this.#options.refreshIntervalMs);
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}

/** A read whose fresh text has been parsed; calendar is null when the text is the one already held. */
type ParsedOutcome =
  | Exclude<ReadOutcome, { kind: 'fresh' }>
  | (Extract<ReadOutcome, { kind: 'fresh' }> & { textDigest: string; calendar: ParsedCalendar | null });

/** Written only for CalDAV copies, so a feed's cache stays as it was. */
function windowRead(windowReadAt: number | null): { windowReadAt?: number } {
  return windowReadAt === null ? {} : { windowReadAt };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function summarise(warnings: readonly { code: SourceWarningCode }[]): SourceWarningSummary[] {
  const counts = new Map<SourceWarningCode, number>();
  for (const { code } of warnings) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, count]) => ({ code, count }));
}
