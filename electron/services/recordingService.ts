import { describeInput } from '../../src/core/describeInput';
import { fail, ok, type AppError, type Result } from '../../src/core/errors';
import type { ChannelPayload } from '../../src/core/ipc/contract';
import { expiredRecordings, isBase64, isRetentionDays, nextExpiry, shouldRecord } from '../../src/core/phone/recording';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, type Settings } from '../../src/core/settings/schema';
import { isWriteFailure } from '../../src/core/storage/writeFailure';
import type { Clock, Scheduler } from '../../src/core/time/clock';
import type { HistoryStore } from './historyStore';
import type { ProfileService } from './profileService';
import type { RecordingStore } from './recordingStore';

const RETENTION_CHECK_MS = 60 * 60_000;

export interface RecordingServiceDeps {
  store: RecordingStore;
  history: HistoryStore;
  profiles: ProfileService;
  clock: Clock;
  scheduler: Scheduler;
  reportFailure: (error: AppError) => { ok: false; error: AppError };
  changed: () => void;
}

/** The recordings the renderer streams in, their links from the call history, and their retention. */
export class RecordingService {
  readonly #store: RecordingStore;
  #stopRetention: () => void = () => {};

  constructor(private readonly deps: RecordingServiceDeps) {
    this.#store = deps.store;
  }

  /** What the Inspelningar view shows. */
  view(): { items: ReturnType<RecordingStore['list']>; diskBytes: number; retentionDays: number | null } {
    return {
      items: this.#store.list(),
      diskBytes: this.#store.diskBytes(),
      retentionDays: this.deps.profiles.settings.recordings.retentionDays,
    };
  }

  read(payload: ChannelPayload<'recording:read'>): Result<{ dataBase64: string; totalBytes: number; nextOffset: number | null }> {
    const piece = this.#store.read(payload.recordingId, payload.offset);
    return piece.ok
      ? ok({ dataBase64: piece.value.data.toString('base64'), totalBytes: piece.value.totalBytes, nextOffset: piece.value.nextOffset })
      : piece;
  }

  /** A recording starts under the active profile, stamped with the services' clock. */
  begin(payload: ChannelPayload<'recording:begin'>): Result<{ recordingId: string }> {
    const { account } = this.deps.profiles.settings;
    const profile = this.deps.profiles.activeProfile;
    if (!shouldRecord(profile, account))
      return fail('recording-not-allowed', 'The active profile does not record calls, or the account has no recording add-on.');
    const begun = this.#store.begin({ ...payload, profile: profile.name, startedAt: this.deps.clock.now() });
    if (!begun.ok) return this.deps.reportFailure(begun.error);
    this.deps.changed();
    return ok({ recordingId: begun.value.id });
  }

  append(payload: ChannelPayload<'recording:append'>): Result<{ durationMs: number }> {
    if (!isBase64(payload.dataBase64)) return fail('recording-not-base64', 'The chunk is not valid base64.', 'dataBase64');
    const appended = this.#store.append(payload.recordingId, Buffer.from(payload.dataBase64, 'base64'));
    // A chunk that is no audio is the caller's fault and its answer enough; only the disk's refusal is news for the user.
    if (!appended.ok) return isWriteFailure(appended.error) ? this.deps.reportFailure(appended.error) : appended;
    return ok({ durationMs: appended.value.durationMs });
  }

  /** Closes the recording and links it from its call's history entry, when the call has one that links none yet. */
  finish(payload: ChannelPayload<'recording:finish'>): Result<null> {
    const finished = this.#store.finish(payload.recordingId);
    if (!finished.ok) return isWriteFailure(finished.error) ? this.deps.reportFailure(finished.error) : finished;
    const entry = payload.callId === null ? undefined : this.deps.history.find(payload.callId);
    if (entry && !entry.recordingFile) {
      const linked = this.deps.history.record({ ...entry, recordingFile: finished.value.file });
      if (!linked.ok) this.deps.reportFailure(linked.error);
    }
    this.applyRetention();
    this.deps.changed();
    return ok(null);
  }

  delete(recordingId: string): Result<null> {
    const deleted = this.#remove(recordingId);
    if (!deleted.ok) return deleted;
    this.deps.changed();
    return ok(null);
  }

  /** Deletes the files, and the history's link to them. */
  #remove(recordingId: string): Result<null> {
    const deleted = this.#store.delete(recordingId);
    if (!deleted.ok) return isWriteFailure(deleted.error) ? this.deps.reportFailure(deleted.error) : deleted;
    for (const entry of this.deps.history.entries.filter((candidate) => candidate.recordingFile === deleted.value.file)) {
      const unlinked = this.deps.history.record({ ...entry, recordingFile: null });
      if (!unlinked.ok) this.deps.reportFailure(unlinked.error);
    }
    return ok(null);
  }

  setRetention(days: number | null): Result<Settings> {
    if (!isRetentionDays(days)) {
      return fail(
        'recording-retention-invalid',
        `Recordings are kept ${MIN_RETENTION_DAYS}–${MAX_RETENTION_DAYS} days, or until deleted; not ${describeInput(days)}.`,
        'days',
      );
    }
    const settings = this.deps.profiles.settings;
    const saved = this.deps.profiles.apply(ok({ ...settings, recordings: { retentionDays: days } }));
    if (saved.ok) this.applyRetention();
    return saved;
  }

  /**
   * Deletes the recordings whose time is up by the services' clock, and wakes for the next one
   * (at least hourly, so a change of the system clock is noticed). No recording due, no timer.
   */
  applyRetention(): void {
    this.#stopRetention();
    this.#stopRetention = () => {};
    const now = this.deps.clock.now();
    const { retentionDays } = this.deps.profiles.settings.recordings;
    const due = expiredRecordings(this.#store.list(), now, retentionDays);
    for (const info of due) this.#remove(info.id);
    if (due.length > 0) this.deps.changed();
    const next = nextExpiry(this.#store.list(), retentionDays);
    if (next === null) return;
    this.#stopRetention = this.deps.scheduler.schedule(
      () => this.applyRetention(),
      Math.min(Math.max(next - now, 0) + 1, RETENTION_CHECK_MS),
    );
  }

  dispose(): void {
    this.#stopRetention();
  }
}
