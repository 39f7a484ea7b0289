import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CalendarCache } from '../../../electron/services/calendarCache';
import type { AppState } from '../../../src/core/state/appState';
import { ManualClock } from '../../helpers/manualClock';
import { openTestApp, type TestApp } from '../../helpers/services';
import { failDisk, mountProblem, mountSmallDisk, type DiskFailure, type SmallDisk } from '../../helpers/smallDisk';
import { answeredCall } from '../../helpers/historyEntry';

/** Every file under `dir` and its bytes, to show a refused write changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (name === '.filler') continue;
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path).toString('base64');
    }
  };
  walk(dir);
  return files;
}

const withoutNotices = ({ notices: _notices, ...state }: AppState) => state;

const CODES: Record<DiskFailure, string> = { full: 'disk-full', 'read-only': 'read-only' };

let disk: SmallDisk | null = null;
afterEach(() => {
  disk?.unmount();
  disk = null;
});

function openOnSmallDisk(clock?: ManualClock): { app: TestApp; disk: SmallDisk } {
  disk = mountSmallDisk();
  const app = openTestApp(disk.dir, clock);
  return { app, disk };
}

describe.skipIf(mountProblem !== null)(
  mountProblem === null
    ? 'a full or read-only data directory (a real tmpfs)'
    : `a full or read-only data directory: skipped, ${mountProblem}`,
  () => {
    describe.each(['full', 'read-only'] as const)('when the disk is %s', (failure) => {
      it('activating a profile is refused with settings-write-failed; the file and the profile stay as they were', () => {
        const { app, disk } = openOnSmallDisk();
        expect(
          app.services.invoke('profile:activate', { profileId: 'meeting', length: { kind: 'untilChanged' }, temporaryMessage: null }).ok,
        ).toBe(true);
        const files = snapshot(disk.dir);
        const state = app.services.state;
        failDisk(disk, failure);

        const refused = app.services.invoke('profile:activate', {
          profileId: 'lunch',
          length: { kind: 'default' },
          temporaryMessage: null,
        });
        expect(refused).toMatchObject({ ok: false, error: { code: 'settings-write-failed', disk: CODES[failure] } });
        expect(snapshot(disk.dir)).toEqual(files);
        expect(app.services.state).toEqual(state);

        disk.makeWritable();
        expect(
          app.services.invoke('profile:activate', { profileId: 'lunch', length: { kind: 'default' }, temporaryMessage: null }).ok,
        ).toBe(true);
        expect(openTestApp(disk.dir).services.state.active.profileId).toBe('lunch');
      });

      it('saving the password is refused with password-write-failed, and the old password is kept and still reads', () => {
        const { app, disk } = openOnSmallDisk();
        expect(app.services.invoke('account:set-password', { password: 'gammalt-lösen' }).ok).toBe(true);
        const files = snapshot(disk.dir);
        failDisk(disk, failure);

        const refused = app.services.invoke('account:set-password', { password: 'nytt-lösen' });
        expect(refused).toMatchObject({ ok: false, error: { code: 'password-write-failed', disk: CODES[failure], field: 'password' } });
        expect(snapshot(disk.dir)).toEqual(files);
        expect(app.services.invoke('account:sip-credentials', null)).toEqual({ ok: true, value: { password: 'gammalt-lösen' } });

        disk.makeWritable();
        expect(openTestApp(disk.dir).services.invoke('account:sip-credentials', null)).toEqual({
          ok: true,
          value: { password: 'gammalt-lösen' },
        });
        expect(app.services.invoke('account:set-password', { password: 'nytt-lösen' }).ok).toBe(true);
        expect(openTestApp(disk.dir).services.invoke('account:sip-credentials', null)).toEqual({
          ok: true,
          value: { password: 'nytt-lösen' },
        });
      });

      it('a call history entry is refused with history-write-failed and a notice; the history is kept whole', () => {
        const { app, disk } = openOnSmallDisk();
        const start = app.clock.now();
        expect(app.services.invoke('history:record', answeredCall('call-1', start)).ok).toBe(true);
        const files = snapshot(disk.dir);
        const state = app.services.state;
        failDisk(disk, failure);

        expect(app.services.invoke('history:record', answeredCall('call-2', start + 120_000))).toMatchObject({
          ok: false,
          error: { code: 'history-write-failed', disk: CODES[failure] },
        });
        expect(snapshot(disk.dir)).toEqual(files);
        expect(withoutNotices(app.services.state)).toEqual(withoutNotices(state));
        expect(app.services.state.notices).toEqual([
          expect.objectContaining({ kind: 'failure', error: expect.objectContaining({ code: 'history-write-failed' }) }),
        ]);

        disk.makeWritable();
        expect(app.services.invoke('history:record', answeredCall('call-3', start + 240_000)).ok).toBe(true);
        expect(openTestApp(disk.dir).services.state.history.map((entry) => entry.id)).toEqual(['call-3', 'call-1']);
      });

      it('a chunk of a recording is refused with recording-write-failed; the file and the state stay as they were', () => {
        const { app, disk } = openOnSmallDisk();
        app.services.invoke('account:update', { addOns: { recording: true } });
        app.services.invoke('profile:update', {
          ...app.services.state.profiles.find((profile) => profile.id === 'available')!,
          recordCalls: true,
        });
        const begun = app.services.invoke('recording:begin', { party: 'Bob', direction: 'outgoing', sampleRate: 16000 });
        const recordingId = begun.ok ? (begun.value as { recordingId: string }).recordingId : '';
        const append = (bytes: number) =>
          app.services.invoke('recording:append', { recordingId, dataBase64: Buffer.alloc(bytes, 1).toString('base64') });
        expect(append(32_000).ok).toBe(true);
        const files = snapshot(disk.dir);
        const state = app.services.state;
        failDisk(disk, failure);

        expect(append(96_000)).toMatchObject({ ok: false, error: { code: 'recording-write-failed', disk: CODES[failure] } });
        expect(snapshot(disk.dir)).toEqual(files);
        expect(withoutNotices(app.services.state)).toEqual(withoutNotices(state));

        disk.makeWritable();
        expect(append(32_000)).toEqual({ ok: true, value: { durationMs: 2000 } });
        expect(app.services.invoke('recording:finish', { recordingId, callId: null }).ok).toBe(true);
        expect(openTestApp(disk.dir).services.state.recordings.items).toMatchObject([
          { id: recordingId, state: 'finished', durationMs: 2000 },
        ]);
      });

      it('the calendar cache write is refused with calendar-cache-write-failed and the cached copy is kept', () => {
        disk = mountSmallDisk();
        const cache = new CalendarCache(join(disk.dir, 'calendar-cache'));
        const first = {
          location: 'https://example.se/a.ics',
          text: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
          etag: '"1"',
          lastModified: null,
          syncedAt: 1,
        };
        expect(cache.write('source-1', first).ok).toBe(true);
        const files = snapshot(disk.dir);
        failDisk(disk, failure);

        expect(cache.write('source-1', { ...first, text: first.text.repeat(2), etag: '"2"', syncedAt: 2 })).toMatchObject({
          ok: false,
          error: { code: 'calendar-cache-write-failed', disk: CODES[failure] },
        });
        expect(snapshot(disk.dir)).toEqual(files);
        expect(cache.read('source-1', first.location, 3)).toEqual({ kind: 'found', entry: first });

        disk.makeWritable();
        expect(cache.writeMeta('source-1', { location: first.location, etag: '"1"', lastModified: null, syncedAt: 4 }).ok).toBe(true);
        expect(cache.read('source-1', first.location, 5)).toMatchObject({ kind: 'found', entry: { syncedAt: 4 } });
      });

      it("the expiry timer's own write fails without throwing: the profile stays, a notice says why, and it is tried again", () => {
        const { app, disk } = openOnSmallDisk(new ManualClock('2026-11-23T11:30:00+01:00'));
        app.services.invoke('profile:activate', { profileId: 'lunch', length: { kind: 'default' }, temporaryMessage: null });
        const files = snapshot(disk.dir);
        failDisk(disk, failure);

        expect(() => app.clock.advance(61 * 60_000)).not.toThrow();
        expect(app.services.state.active.profileId).toBe('lunch');
        expect(snapshot(disk.dir)).toEqual(files);
        expect(app.services.state.notices).toEqual([
          expect.objectContaining({ kind: 'failure', error: expect.objectContaining({ code: 'settings-write-failed' }) }),
        ]);
        expect(app.clock.pendingTimers).toBeGreaterThan(0);

        disk.makeWritable();
        app.clock.advance(60_000);
        expect(app.services.state.active.profileId).toBe('available');
        expect(openTestApp(disk.dir).services.state.active.profileId).toBe('available');
        expect(app.shown.at(-1)?.title).toBe('Profilen Lunch har avslutats');
      });
    });

    it('a settings file that cannot be written at the first start is a notice, and the app still starts', () => {
      disk = mountSmallDisk();
      disk.makeReadOnly();
      const app = openTestApp(disk.dir);
      expect(app.services.state.active.profileId).toBe('available');
      expect(app.services.state.notices).toEqual([
        expect.objectContaining({ kind: 'failure', error: expect.objectContaining({ code: 'settings-write-failed', disk: 'read-only' }) }),
      ]);
      expect(existsSync(join(disk.dir, 'settings.json'))).toBe(false);
    });
  },
);
