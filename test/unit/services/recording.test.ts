import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECORDING_BASE64_LENGTH } from '../../../src/core/phone/recording';
import { openTestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';
import { answeredCall } from '../../helpers/historyEntry';

const newDir = useTempDirs();

const entry = answeredCall('call-1', Date.UTC(2026, 10, 23, 8, 0, 0), { direction: 'outgoing', remoteUri: 'sip:../../evil@127.0.0.1' });
const audio = Buffer.from('OggS fake opus bytes');

function setUp() {
  const dir = newDir();
  const app = openTestApp(dir);
  expect(app.services.invoke('history:record', entry).ok).toBe(true);
  const save = (change: Record<string, unknown> = {}) =>
    app.services.invoke('recording:save', { callId: entry.id, mimeType: 'audio/ogg', startedAt: entry.answeredAt, dataBase64: audio.toString('base64'), ...change });
  const recordingsDir = join(dir, 'recordings');
  const files = () => (existsSync(recordingsDir) ? readdirSync(recordingsDir) : []);
  return { dir, app, save, recordingsDir, files };
}

describe('recording:save', () => {
  it('writes the file under recordings/ and links it from the history entry, across a restart', () => {
    const { dir, save, recordingsDir, files } = setUp();
    expect(save()).toMatchObject({ ok: true });
    expect(files()).toEqual(['20261123T080005Z_evil_127.0.0.1.ogg']);
    expect(readFileSync(join(recordingsDir, files()[0]!))).toEqual(audio);
    expect(openTestApp(dir).services.state.history[0]?.recordingFile).toBe('20261123T080005Z_evil_127.0.0.1.ogg');
  });

  it('never overwrites an earlier recording with the same name', () => {
    const { save, files } = setUp();
    save();
    save();
    expect(files().sort()).toEqual(['20261123T080005Z_evil_127.0.0.1-2.ogg', '20261123T080005Z_evil_127.0.0.1.ogg']);
  });

  it.each([
    ['not base64', { dataBase64: 'this is not base64!!' }, 'recording-not-base64'],
    ['empty', { dataBase64: '' }, 'recording-empty'],
    ['too large', { dataBase64: 'A'.repeat(MAX_RECORDING_BASE64_LENGTH + 4) }, 'out-of-bounds'],
    ['an unknown call', { callId: 'no-such-call' }, 'recording-call-unknown'],
    ['an unknown type', { mimeType: 'text/html' }, 'invalid-payload'],
    ['an extra field', { path: '../../x' }, 'invalid-payload'],
  ])('refuses %s with a specific error and writes nothing', (_label, change, code) => {
    const { app, save, files } = setUp();
    const result = save(change);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(files()).toEqual([]);
    expect(app.services.state.history[0]?.recordingFile).toBeUndefined();
  });

  it('keeps history files without recordingFile valid', () => {
    const { dir } = setUp();
    expect(openTestApp(dir).services.state.history.map((item) => item.id)).toEqual(['call-1']);
  });
});
