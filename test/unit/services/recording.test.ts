import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordingStore } from '../../../electron/services/recordingStore';
import { BASE_PROFILE_ID } from '../../../src/core/profiles/defaults';
import type { AppState } from '../../../src/core/state/appState';
import { answeredCall } from '../../helpers/historyEntry';
import { openTestApp, type TestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();
const DAY = 24 * 60 * 60_000;
/** One second of 16 kHz 16-bit mono. */
const SECOND = 32_000;

/** `seconds` of a 440 Hz tone as 16-bit PCM, so the bytes on disk can be compared with what was sent. */
function tone(seconds: number): Buffer {
  const samples = Buffer.alloc(seconds * SECOND);
  for (let index = 0; index < samples.length / 2; index++)
    samples.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * index) / 16000)), index * 2);
  return samples;
}

/** An app whose account has the add-on and whose base profile records. */
function recordingApp(dir = newDir()): TestApp & { dir: string } {
  const app = openTestApp(dir);
  expect(app.services.invoke('account:update', { addOns: { recording: true } }).ok).toBe(true);
  const base = app.services.state.profiles.find((profile) => profile.id === BASE_PROFILE_ID)!;
  expect(app.services.invoke('profile:update', { ...base, recordCalls: true }).ok).toBe(true);
  return { ...app, dir };
}

function begin(app: TestApp): string {
  const begun = app.services.invoke('recording:begin', { party: 'Bob (+46812345602)', direction: 'outgoing', sampleRate: 16000 });
  if (!begun.ok) throw new Error(begun.error.message);
  return (begun.value as { recordingId: string }).recordingId;
}

function append(app: TestApp, recordingId: string, data: Buffer) {
  return app.services.invoke('recording:append', { recordingId, dataBase64: data.toString('base64') });
}

const items = (app: TestApp) => app.services.state.recordings.items;
const recordingsDir = (dir: string) => join(dir, 'recordings');
const files = (dir: string) => (existsSync(recordingsDir(dir)) ? readdirSync(recordingsDir(dir)).sort() : []);

describe('a recording streamed in chunks', () => {
  it('appends each chunk to the WAV file as it arrives, and closes it with the header of its length', () => {
    const app = recordingApp();
    const id = begin(app);
    const audio = tone(3);
    expect(items(app)).toMatchObject([
      { id, state: 'recording', party: 'Bob (+46812345602)', direction: 'outgoing', profile: 'Tillgänglig', startedAt: app.clock.now() },
    ]);
    const path = join(recordingsDir(app.dir), `${id}.wav`);
    for (let second = 0; second < 3; second++) {
      expect(append(app, id, audio.subarray(second * SECOND, (second + 1) * SECOND))).toEqual({
        ok: true,
        value: { durationMs: (second + 1) * 1000 },
      });
      // On disk at once, before the recording ends.
      expect(statSync(path).size).toBe(44 + (second + 1) * SECOND);
    }
    expect(app.services.invoke('recording:finish', { recordingId: id, callId: null }).ok).toBe(true);

    const wav = readFileSync(path);
    expect(wav.subarray(44)).toEqual(audio);
    expect([wav.toString('ascii', 0, 4), wav.readUInt32LE(4), wav.readUInt32LE(24), wav.readUInt32LE(40)]).toEqual([
      'RIFF',
      36 + 3 * SECOND,
      16000,
      3 * SECOND,
    ]);
    expect(items(app)).toMatchObject([{ id, state: 'finished', durationMs: 3000 }]);
    expect(files(app.dir)).toEqual([`${id}.json`, `${id}.wav`]);
  });

  it('has no size limit: an hour arrives chunk by chunk, each well inside the payload bound', () => {
    const app = recordingApp();
    const id = begin(app);
    const minute = tone(60);
    for (let chunk = 0; chunk < 60; chunk++)
      for (let second = 0; second < 60; second += 10)
        expect(append(app, id, minute.subarray(second * SECOND, (second + 10) * SECOND)).ok).toBe(true);
    expect(app.services.invoke('recording:finish', { recordingId: id, callId: null }).ok).toBe(true);
    expect(items(app)[0]).toMatchObject({ durationMs: 3_600_000 });
    expect(statSync(join(recordingsDir(app.dir), `${id}.wav`)).size).toBe(44 + 3600 * SECOND);
  }, 60_000);

  it('links the recording from its call in the history, which then says Inspelat', () => {
    const app = recordingApp();
    const id = begin(app);
    append(app, id, tone(1));
    const call = answeredCall('call-1', app.clock.now());
    expect(app.services.invoke('history:record', call).ok).toBe(true);
    expect(app.services.invoke('recording:finish', { recordingId: id, callId: 'call-1' }).ok).toBe(true);
    expect(app.services.state.history[0]?.recordingFile).toBe(`${id}.wav`);
  });

  it('gives two recordings of the same second and party names of their own', () => {
    const app = recordingApp();
    const first = begin(app);
    const second = begin(app);
    expect(second).toBe(`${first}-2`);
    expect(files(app.dir)).toHaveLength(4);
  });

  it.each([
    [
      'a chunk for an unknown recording',
      (app: TestApp) => app.services.invoke('recording:append', { recordingId: 'no-such', dataBase64: 'AAAA' }),
      'recording-unknown',
    ],
    [
      'a chunk that is not base64',
      (app: TestApp, id: string) => app.services.invoke('recording:append', { recordingId: id, dataBase64: 'not base64!!' }),
      'recording-not-base64',
    ],
    ['a chunk of half a sample', (app: TestApp, id: string) => append(app, id, Buffer.from([1, 2, 3])), 'recording-chunk-odd'],
    ['a chunk over the bound', (app: TestApp, id: string) => append(app, id, Buffer.alloc(2 * 1024 * 1024)), 'out-of-bounds'],
    [
      'finishing an unknown recording',
      (app: TestApp) => app.services.invoke('recording:finish', { recordingId: '../../settings', callId: null }),
      'recording-unknown',
    ],
    [
      'an extra field',
      (app: TestApp, id: string) => app.services.invoke('recording:append', { recordingId: id, dataBase64: 'AAAA', path: '../x' }),
      'invalid-payload',
    ],
    [
      'an unknown sample rate',
      (app: TestApp) => app.services.invoke('recording:begin', { party: 'x', direction: 'outgoing', sampleRate: 44100 }),
      'invalid-payload',
    ],
  ])('refuses %s with a specific error and changes nothing', (_label, request, code) => {
    const app = recordingApp();
    const id = begin(app);
    append(app, id, tone(1));
    const before = files(app.dir).map((name) => [name, readFileSync(join(recordingsDir(app.dir), name))]);
    expect(request(app, id)).toMatchObject({ ok: false, error: { code } });
    expect(files(app.dir).map((name) => [name, readFileSync(join(recordingsDir(app.dir), name))])).toEqual(before);
  });

  it('adds nothing to a finished recording', () => {
    const app = recordingApp();
    const id = begin(app);
    app.services.invoke('recording:finish', { recordingId: id, callId: null });
    expect(append(app, id, tone(1))).toMatchObject({ ok: false, error: { code: 'recording-not-open' } });
    expect(items(app)[0]?.durationMs).toBe(0);
  });

  it('is refused when the active profile does not record, or the account has no add-on', () => {
    const app = openTestApp(newDir());
    expect(app.services.invoke('recording:begin', { party: 'Bob', direction: 'incoming', sampleRate: 16000 })).toMatchObject({
      ok: false,
      error: { code: 'recording-not-allowed' },
    });
    expect(app.services.state.recordings.items).toEqual([]);
  });
});

describe('a recording a crash cut short', () => {
  it('is repaired on the next start: the header is rewritten from the file size, a half sample dropped, and it is listed', () => {
    const dir = newDir();
    const app = recordingApp(dir);
    const id = begin(app);
    append(app, id, tone(2));
    // The app dies here: the last half sample was being written, and no finish ever comes.
    const path = join(recordingsDir(dir), `${id}.wav`);
    appendFileSync(path, Buffer.from([7]));

    const next = openTestApp(dir);
    expect(next.services.state.recordings.items).toMatchObject([{ id, state: 'repaired', durationMs: 2000 }]);
    expect(next.services.state.notices).toMatchObject([{ kind: 'recordings-repaired', count: 1 }]);
    const wav = readFileSync(path);
    expect([wav.length, wav.readUInt32LE(4), wav.readUInt32LE(40)]).toEqual([44 + 2 * SECOND, 36 + 2 * SECOND, 2 * SECOND]);
    expect(wav.subarray(44)).toEqual(tone(2));
    // Repaired once: the next start finds it closed, and says nothing.
    expect(openTestApp(dir).services.state.notices).toEqual([]);
  });

  it('ignores metadata that does not name its own files, so an edited file cannot point elsewhere', () => {
    const dir = newDir();
    const app = recordingApp(dir);
    const id = begin(app);
    app.services.invoke('recording:finish', { recordingId: id, callId: null });
    const infoPath = join(recordingsDir(dir), `${id}.json`);
    const info = JSON.parse(readFileSync(infoPath, 'utf8'));
    writeFileSync(infoPath, JSON.stringify({ ...info, file: '../settings.json' }));
    expect(new RecordingStore(dir).list()).toEqual([]);
  });
});

describe('Inspelningar: delete, disk use, retention', () => {
  function withRecording(seconds = 2) {
    const app = recordingApp();
    const id = begin(app);
    append(app, id, tone(seconds));
    app.services.invoke('recording:finish', { recordingId: id, callId: null });
    return { app, id };
  }

  it('shows the disk use of the audio and its metadata', () => {
    const { app, id } = withRecording(2);
    const sizes = files(app.dir).reduce((sum, name) => sum + statSync(join(recordingsDir(app.dir), name)).size, 0);
    expect(app.services.state.recordings.diskBytes).toBe(sizes);
    expect(sizes).toBeGreaterThan(44 + 2 * SECOND);
    expect(items(app).map((item) => item.id)).toEqual([id]);
  });

  it('deletes a recording with its metadata and its link in the history; an unknown id changes nothing', () => {
    const app = recordingApp();
    const id = begin(app);
    app.services.invoke('history:record', answeredCall('call-1', app.clock.now()));
    app.services.invoke('recording:finish', { recordingId: id, callId: 'call-1' });
    expect(app.services.invoke('recording:delete', { recordingId: 'no-such' })).toMatchObject({
      ok: false,
      error: { code: 'recording-unknown', field: 'recordingId' },
    });
    expect(files(app.dir)).toHaveLength(2);

    const deleted = app.services.invoke('recording:delete', { recordingId: id });
    expect(deleted.ok).toBe(true);
    expect(files(app.dir)).toEqual([]);
    expect((deleted.ok ? (deleted.value as AppState) : null)?.recordings).toEqual({ items: [], diskBytes: 0, retentionDays: null });
    expect(app.services.state.history[0]?.recordingFile).toBeNull();
  });

  it('does not delete a recording still being made', () => {
    const app = recordingApp();
    const id = begin(app);
    expect(app.services.invoke('recording:delete', { recordingId: id })).toMatchObject({
      ok: false,
      error: { code: 'recording-in-progress' },
    });
    expect(files(app.dir)).toHaveLength(2);
  });

  it('reads a recording back in pieces for playback; an offset past the end is refused', () => {
    const { app, id } = withRecording(1);
    const piece = app.services.invoke('recording:read', { recordingId: id, offset: 0 });
    expect(piece).toMatchObject({ ok: true, value: { totalBytes: 44 + SECOND, nextOffset: null } });
    const bytes = Buffer.from((piece.ok ? (piece.value as { dataBase64: string }) : { dataBase64: '' }).dataBase64, 'base64');
    expect(bytes).toEqual(readFileSync(join(recordingsDir(app.dir), `${id}.wav`)));
    expect(app.services.invoke('recording:read', { recordingId: id, offset: 44 + SECOND + 1 })).toMatchObject({
      ok: false,
      error: { code: 'recording-offset-invalid' },
    });
    expect(app.services.invoke('recording:read', { recordingId: 'no-such', offset: 0 })).toMatchObject({
      ok: false,
      error: { code: 'recording-unknown' },
    });
  });

  it('deletes a recording on its own once its days are up, by the services’ clock', () => {
    const { app, id } = withRecording(2);
    expect(app.services.invoke('recording:set-retention', { days: 30 }).ok).toBe(true);
    expect(app.services.state.recordings.retentionDays).toBe(30);
    app.clock.advance(29 * DAY);
    expect(items(app).map((item) => item.id)).toEqual([id]);
    // The hourly check finds it within the hour after its time.
    app.clock.advance(DAY + 60 * 60_000);
    expect(items(app)).toEqual([]);
    expect(files(app.dir)).toEqual([]);
  });

  it('applies a shorter retention at once, and a restart keeps the setting', () => {
    const { app } = withRecording(1);
    app.clock.advance(10 * DAY);
    expect(items(app)).toHaveLength(1);
    expect(app.services.invoke('recording:set-retention', { days: 7 }).ok).toBe(true);
    expect(items(app)).toEqual([]);
    expect(openTestApp(app.dir).services.state.recordings.retentionDays).toBe(7);
  });

  it.each([0, -5, 3651, 1_000_000, 1.5])('refuses a retention of %s days with its own error and keeps the setting', (days) => {
    const { app } = withRecording(1);
    app.services.invoke('recording:set-retention', { days: 30 });
    expect(app.services.invoke('recording:set-retention', { days })).toMatchObject({
      ok: false,
      error: { code: 'recording-retention-invalid', field: 'days' },
    });
    expect(app.services.state.recordings.retentionDays).toBe(30);
    expect(items(app)).toHaveLength(1);
  });

  it('keeps a timer only while a recording is due some day', () => {
    const { app, id } = withRecording(1);
    expect(app.clock.pendingTimers).toBe(0);
    app.services.invoke('recording:set-retention', { days: 1 });
    expect(app.clock.pendingTimers).toBe(1);
    app.services.invoke('recording:delete', { recordingId: id });
    app.clock.advance(2 * 60 * 60_000);
    expect(app.clock.pendingTimers).toBe(0);
  });

  it('keeps recordings until deleted when the retention is null', () => {
    const { app } = withRecording(1);
    app.clock.advance(400 * DAY);
    expect(items(app)).toHaveLength(1);
  });
});
