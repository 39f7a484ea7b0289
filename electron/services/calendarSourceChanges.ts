import { parseIcs } from '../../src/core/calendar';
import { parseCaldavForm, type CaldavForm } from '../../src/core/calendar/caldavSource';
import type { CalendarSource } from '../../src/core/calendar/settings';
import { sourceErrorOfParse } from '../../src/core/calendar/sourceError';
import { addCalendarSource, appendCalendarSource, removeCalendarSource } from '../../src/core/calendar/sources';
import type { Result } from '../../src/core/errors';
import type { Settings } from '../../src/core/settings/schema';
import { discoverCaldavCalendar } from './caldavCalendar';
import type { CalendarCache } from './calendarCache';
import { checkCalendarFile } from './calendarFile';
import { caldavConnection, type SourceReadContext } from './calendarSourceReader';
import type { SourceRuntimes } from './calendarSourceRuntime';
import type { ManagedCalendarFiles } from './managedCalendarFiles';

export interface CalendarSourceChangesDeps {
  settings: () => Settings;
  save: (settings: Settings) => Result<Settings>;
  newId: () => string;
  runtimes: SourceRuntimes;
  cache: CalendarCache;
  managedFiles: ManagedCalendarFiles;
  read: SourceReadContext;
  /** Told once a new source is saved, so it is read at once. */
  added: (sourceId: string) => void;
  /** Told once a source is gone. */
  removed: () => void;
}

/** Adds and removes calendar sources: each change is checked, saved, and only then takes effect. */
export class CalendarSourceChanges {
  constructor(private readonly deps: CalendarSourceChangesDeps) {}

  /** A feed address or a file path; a file that is not there or cannot be read is refused with its reason, and nothing is added. */
  addSource(location: string): Result<Settings> {
    const added = addCalendarSource(this.deps.settings(), location, this.deps.newId());
    if (!added.ok) return added;
    if (added.value.source.kind === 'file') {
      const unusable = checkCalendarFile(added.value.source.location, this.deps.read.options.maxBytes);
      if (unusable) return { ok: false, error: { ...unusable, field: 'location' } };
    }
    return this.#keepAdded(added.value);
  }

  /**
   * A calendar file handed over by its content (the browser shell's file input): it must be a
   * calendar, and is kept as a copy in the data directory, which the source then reads.
   */
  addFileContent(text: string): Result<Settings> {
    const { managedFiles } = this.deps;
    const parsed = parseIcs(text, { maxBytes: this.deps.read.options.maxBytes });
    if (!parsed.ok) return { ok: false, error: { ...sourceErrorOfParse(parsed.error), field: 'file' } };
    const path = managedFiles.pathFor(text);
    const added = addCalendarSource(this.deps.settings(), path, this.deps.newId());
    if (!added.ok) return { ok: false, error: { ...added.error, field: 'file' } };
    const stored = managedFiles.store(path, text);
    if (!stored.ok) return stored;
    const kept = this.#keepAdded(added.value);
    if (!kept.ok) managedFiles.removeIfManaged(path);
    return kept;
  }

  /**
   * Adds a calendar on a CalDAV server: the form is checked, then the server is asked which
   * calendar the user has, and only a login that worked is kept. Any refusal changes nothing.
   */
  async addCaldavSource(form: CaldavForm): Promise<Result<Settings>> {
    const { secrets } = this.deps.read;
    const login = parseCaldavForm(form);
    if (!login.ok) return login;
    const found = await discoverCaldavCalendar(caldavConnection(login.value, this.deps.read));
    if (!found.ok)
      return { ok: false, error: { ...found.error, field: found.error.code === 'caldav-auth-failed' ? 'password' : 'serverUrl' } };
    const { serverUrl, username, password } = login.value;
    const source: CalendarSource = { id: this.deps.newId(), kind: 'caldav', location: found.value.calendarUrl, serverUrl, username };
    const added = appendCalendarSource(this.deps.settings(), source, 'serverUrl');
    if (!added.ok) return added;
    const stored = secrets.set(source.id, password);
    if (!stored.ok) return stored;
    const saved = this.deps.save(added.value.settings);
    if (!saved.ok) {
      secrets.set(source.id, null);
      return saved;
    }
    this.#started(source.id);
    return saved;
  }

  removeSource(sourceId: string): Result<Settings> {
    const source = this.deps.settings().calendar.sources.find((candidate) => candidate.id === sourceId);
    const removed = removeCalendarSource(this.deps.settings(), sourceId);
    if (!removed.ok) return removed;
    const saved = this.deps.save(removed.value);
    if (!saved.ok) return saved;
    if (source?.kind === 'file') this.deps.managedFiles.removeIfManaged(source.location);
    this.deps.runtimes.delete(sourceId);
    this.deps.cache.remove(sourceId);
    const forgotten = this.deps.read.secrets.set(sourceId, null);
    // The source is gone either way; a password file left behind is only reported.
    if (!forgotten.ok) console.warn(forgotten.error.message);
    this.deps.removed();
    return saved;
  }

  #keepAdded(added: { settings: Settings; source: CalendarSource }): Result<Settings> {
    const saved = this.deps.save(added.settings);
    if (!saved.ok) return saved;
    this.#started(added.source.id);
    return saved;
  }

  #started(sourceId: string): void {
    this.deps.runtimes.reset(sourceId);
    this.deps.added(sourceId);
  }
}
