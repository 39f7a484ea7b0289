import type { CalendarSource } from '../../src/core/calendar/settings';
import { sourceErrorOfParse } from '../../src/core/calendar/sourceError';
import type { Clock } from '../../src/core/time/clock';
import type { CalendarCache } from './calendarCache';
import type { ReadOutcome } from './calendarFeed';
import { acceptOutcome, type ParsedOutcome } from './calendarReadOutcome';
import { readSource, type SourceReadContext } from './calendarSourceReader';
import { digest, takeCachedCopy, type SourceRuntime, type SourceRuntimes } from './calendarSourceRuntime';
import { CalendarParser } from './calendarWorker/calendarParser';

export interface CalendarSyncDeps {
  clock: Clock;
  sources: () => CalendarSource[];
  runtimes: SourceRuntimes;
  cache: CalendarCache;
  read: SourceReadContext;
  /** Told whenever a read starts or ends. */
  changed: () => void;
}

/**
 * Reads the sources into their runtimes: each from its cache at start, then afresh on request,
 * one read per source at a time, parsed in the worker. A source that fails keeps its last good copy.
 */
export class CalendarSync {
  readonly #parser = new CalendarParser();
  /** Each source's cached copy being parsed at start; its first sync waits for it. */
  readonly #cacheLoads = new Map<string, Promise<void>>();
  readonly #inFlight = new Map<string, Promise<void>>();

  constructor(private readonly deps: CalendarSyncDeps) {}

  /** Starts reading every source's cached copy, so the schedule works before the first sync ends. */
  loadCaches(): void {
    for (const source of this.deps.sources()) {
      const loading = this.#loadCache(source).finally(() => {
        this.#cacheLoads.delete(source.id);
        this.deps.changed();
      });
      this.#cacheLoads.set(source.id, loading);
    }
  }

  syncAll(): Promise<void> {
    return Promise.all(this.deps.sources().map((source) => this.sync(source.id))).then(() => undefined);
  }

  sync(sourceId: string): Promise<void> {
    const running = this.#inFlight.get(sourceId);
    if (running) return running;
    const source = this.deps.sources().find((candidate) => candidate.id === sourceId);
    if (!source) return Promise.resolve();
    const syncing = this.#syncSource(source).finally(() => {
      this.#inFlight.delete(sourceId);
      this.deps.changed();
    });
    this.#inFlight.set(sourceId, syncing);
    this.deps.changed();
    return syncing;
  }

  isSyncing(sourceId: string): boolean {
    return this.#inFlight.has(sourceId);
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

  dispose(): void {
    this.#parser.dispose();
  }

  /** A copy that cannot be read or parsed is a warning on its source: the app starts, and the next sync reads afresh. */
  async #loadCache(source: CalendarSource): Promise<void> {
    const { runtimes, cache, clock, read } = this.deps;
    const runtime = runtimes.of(source.id);
    try {
      const reading = cache.read(source.id, source.location, clock.now());
      if (reading.kind === 'unusable') runtime.cacheWarnings = [{ code: 'cache-unusable' }];
      if (reading.kind !== 'found') return;
      const parsed = await this.#parser.parse(reading.entry.text, read.options.maxBytes);
      // The source was removed meanwhile.
      if (runtimes.get(source.id) !== runtime) return;
      if (!parsed.ok) {
        runtime.cacheWarnings = [{ code: 'cache-unusable' }];
        return;
      }
      takeCachedCopy(runtime, reading.entry, parsed.value);
    } catch {
      runtime.cacheWarnings = [{ code: 'cache-unusable' }];
    }
  }

  async #syncSource(source: CalendarSource): Promise<void> {
    const { runtimes, cache, clock, read } = this.deps;
    // Awaited only when there is one, so a read starts in the same turn as its request.
    const loadingCache = this.#cacheLoads.get(source.id);
    if (loadingCache) await loadingCache;
    const runtime = runtimes.of(source.id);
    const startedAt = clock.now();
    const fetched = await readSource(source, runtime, startedAt, read);
    const outcome = await this.#parsed(fetched, runtime);
    if (read.signal.aborted || !this.deps.sources().some((current) => current.id === source.id && current.location === source.location))
      return;
    const now = clock.now();
    runtime.lastAttemptAt = now;
    acceptOutcome(cache, source, runtime, outcome, now, source.kind === 'caldav' ? startedAt : null);
  }

  /** A fresh text is parsed in the worker unless it is the text already parsed. */
  async #parsed(read: ReadOutcome, runtime: SourceRuntime): Promise<ParsedOutcome> {
    if (read.kind !== 'fresh') return read;
    const textDigest = digest(read.text);
    if (textDigest === runtime.textDigest) return { ...read, textDigest, calendar: null };
    const parsed = await this.#parser.parse(read.text, this.deps.read.options.maxBytes);
    return parsed.ok ? { ...read, textDigest, calendar: parsed.value } : { kind: 'failed', error: sourceErrorOfParse(parsed.error) };
  }
}
