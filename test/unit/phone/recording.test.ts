import { describe, expect, it } from 'vitest';
import { isBase64, recordingFileName, safePartyName, shouldRecord } from '../../../src/core/phone/recording';

const SAFE = /^[0-9]{8}T[0-9]{6}Z_[A-Za-z0-9+._-]+\.(webm|ogg)$/;

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

describe('recordingFileName', () => {
  const at = Date.UTC(2026, 10, 23, 8, 5, 9);

  it('is the UTC date-time and the number', () => {
    expect(recordingFileName(at, '+46812345602', 'audio/webm')).toBe('20261123T080509Z_+46812345602.webm');
    expect(recordingFileName(at, 'sip:bob@127.0.0.1', 'audio/ogg')).toBe('20261123T080509Z_bob_127.0.0.1.ogg');
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
    const name = recordingFileName(at, party, 'audio/webm');
    expect(name).toMatch(SAFE);
    expect(name).not.toContain('/');
    expect(name).not.toContain('\\');
    expect(name).not.toContain('..');
    expect([...name].every((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) < 0x7f)).toBe(true);
    expect(name.length).toBeLessThanOrEqual(100);
  });

  it('names an unusable party "okand", and a bad time the epoch', () => {
    expect(safePartyName('../')).toBe('okand');
    expect(recordingFileName(Number.NaN, 'bob', 'audio/webm')).toBe('19700101T000000Z_bob.webm');
    expect(recordingFileName(8.64e15 + 1, 'bob', 'audio/webm')).toBe('19700101T000000Z_bob.webm');
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
