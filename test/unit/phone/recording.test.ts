import { describe, expect, it } from 'vitest';
import {
  durationMsOf,
  expiredRecordings,
  nextExpiry,
  isBase64,
  isRetentionDays,
  recordingBaseName,
  safePartyName,
  searchRecordings,
  shouldRecord,
  wavDataBytes,
  wavHeader,
  type RecordingInfo,
} from '../../../src/core/phone/recording';

const SAFE = /^[0-9]{8}T[0-9]{6}Z_[A-Za-z0-9+._-]+$/;

describe('shouldRecord', () => {
  it.each([
    [true, true, true],
    [true, false, false],
    [false, true, false],
    [false, false, false],
  ])('recordCalls %s and add-on %s: %s', (recordCalls, recording, expected) => {
    expect(shouldRecord({ recordCalls }, { addOns: { recording, listenIn: false } })).toBe(expected);
  });
});

describe('recordingBaseName', () => {
  const at = Date.UTC(2026, 10, 23, 8, 5, 9);

  it('is the UTC date-time and the number', () => {
    expect(recordingBaseName(at, '+46812345602')).toBe('20261123T080509Z_+46812345602');
    expect(recordingBaseName(at, 'sip:bob@127.0.0.1')).toBe('20261123T080509Z_bob_127.0.0.1');
  });

  it.each([
    '../../etc/passwd',
    '..\\..\\windows\\system32',
    '/absolute/path',
    'a/b\\c',
    '..',
    '.',
    'bob\u0000\u0007\n\r\tevil',
    'C:\\x',
    '',
    '   ',
    '🙂',
    'x'.repeat(10_000),
    '.'.repeat(500),
  ])('keeps hostile input %j to one safe, bounded file name', (party) => {
    const name = recordingBaseName(at, party);
    expect(name).toMatch(SAFE);
    expect(name).not.toContain('/');
    expect(name).not.toContain('\\');
    expect(name).not.toContain('..');
    expect([...name].every((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) < 0x7f)).toBe(true);
    expect(name.length).toBeLessThanOrEqual(100);
  });

  it('names an unusable party "okand", and a bad time the epoch', () => {
    expect(safePartyName('../')).toBe('okand');
    expect(recordingBaseName(Number.NaN, 'bob')).toBe('19700101T000000Z_bob');
    expect(recordingBaseName(8.64e15 + 1, 'bob')).toBe('19700101T000000Z_bob');
  });
});

describe('isBase64', () => {
  it('accepts padded base64 and refuses anything else', () => {
    expect(isBase64(Buffer.from('hello').toString('base64'))).toBe(true);
    expect(isBase64('aGVsbG8')).toBe(false);
    expect(isBase64('not base64!')).toBe(false);
    expect(isBase64('aGVs bG8=')).toBe(false);
    expect(isBase64('a=bc')).toBe(false);
  });
});

describe('the WAV file', () => {
  it('has the canonical header of 16-bit mono PCM at its rate', () => {
    const header = Buffer.from(wavHeader(32_000, 16000));
    expect(header.length).toBe(44);
    expect([header.toString('ascii', 0, 4), header.toString('ascii', 8, 16), header.toString('ascii', 36, 40)]).toEqual([
      'RIFF',
      'WAVEfmt ',
      'data',
    ]);
    expect([
      header.readUInt32LE(4),
      header.readUInt16LE(20),
      header.readUInt16LE(22),
      header.readUInt32LE(24),
      header.readUInt32LE(28),
      header.readUInt16LE(34),
      header.readUInt32LE(40),
    ]).toEqual([36 + 32_000, 1, 1, 16000, 32_000, 16, 32_000]);
  });

  it('counts whole samples only, and a second of 16 kHz as 1000 ms', () => {
    expect([wavDataBytes(0), wavDataBytes(44), wavDataBytes(45), wavDataBytes(44 + 32_001)]).toEqual([0, 0, 0, 32_000]);
    expect([durationMsOf(32_000, 16000), durationMsOf(16_000, 8000), durationMsOf(1, 16000)]).toEqual([1000, 1000, 0]);
  });
});

const DAY = 24 * 60 * 60_000;
function info(id: string, startedAt: number, change: Partial<RecordingInfo> = {}): RecordingInfo {
  return {
    id,
    file: `${id}.wav`,
    party: 'Bob (+46812345602)',
    direction: 'outgoing',
    profile: 'Tillgänglig',
    startedAt,
    durationMs: 60_000,
    sampleRate: 16000,
    state: 'finished',
    ...change,
  };
}

describe('retention', () => {
  const now = Date.UTC(2026, 10, 23, 12);

  it('takes 1 to 3650 whole days, or null for keeping until deleted', () => {
    expect([null, 1, 30, 3650].map(isRetentionDays)).toEqual([true, true, true, true]);
    expect([0, -1, 3651, 1.5, Number.NaN].map(isRetentionDays)).toEqual([false, false, false, false, false]);
  });

  it('is due once the recording ended the given days ago, never while it is still being made', () => {
    const ended30DaysAgo = info('a', now - 30 * DAY - 60_000);
    const endedJustUnder = info('b', now - 30 * DAY);
    const stillRecording = info('c', now - 100 * DAY, { state: 'recording' });
    const repaired = info('d', now - 31 * DAY, { state: 'repaired' });
    const items = [ended30DaysAgo, endedJustUnder, stillRecording, repaired];
    expect(expiredRecordings(items, now, 30).map((item) => item.id)).toEqual(['a', 'd']);
    expect(expiredRecordings(items, now, null)).toEqual([]);
    expect(nextExpiry(items, 30)).toBe(repaired.startedAt + repaired.durationMs + 30 * DAY);
    expect([nextExpiry(items, null), nextExpiry([stillRecording], 30)]).toEqual([null, null]);
  });
});

describe('searchRecordings', () => {
  it('finds by the party or the profile, in any case; an empty search finds all', () => {
    const items = [info('a', 0, { party: 'Bob (+46812345602)' }), info('b', 0, { party: 'Carol', profile: 'Möte' })];
    expect(searchRecordings(items, 'BOB').map((item) => item.id)).toEqual(['a']);
    expect(searchRecordings(items, '4681234').map((item) => item.id)).toEqual(['a']);
    expect(searchRecordings(items, 'möte').map((item) => item.id)).toEqual(['b']);
    expect(searchRecordings(items, '  ')).toHaveLength(2);
  });
});
