import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logFilePath } from '../../../electron/services/appLog';
import { AppServices } from '../../../electron/services/appServices';
import { createConfBackend } from '../../../electron/services/confBackend';
import { developmentOnlyPlainCipher, type SecretCipher } from '../../../electron/services/secretStore';
import { redactLogText } from '../../../src/core/logging/redact';
import { ManualClock } from '../../helpers/manualClock';
import { STOCKHOLM } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();
const fixture = (name: string) => new URL(`../../fixtures/ics/${name}`, import.meta.url).pathname;

const PASSWORD = 'Hemligt!lösen 42';
const TOKEN = 'q3J9x-shell-token-Zk1';
const MEETING = '#3 Styrelsemöte';

function open(dataDir: string, secretCipher: SecretCipher | 'session-only' = developmentOnlyPlainCipher): AppServices {
  const clock = new ManualClock('2026-11-23T09:00:00+01:00');
  const services = new AppServices({
    dataDir,
    openBackend: createConfBackend,
    secretCipher,
    clock,
    scheduler: clock,
    systemTimeZone: STOCKHOLM,
    notificationSink: () => undefined,
    newId: () => 'id',
    logSecrets: [TOKEN],
  });
  services.start();
  return services;
}

/** Lines as JsSIP 3.13's debug output reads once formatted as plain text: its transport logs each SIP message whole. */
function jssipTrace(digestResponse: string): string[] {
  return [
    'JsSIP:Transport send()',
    [
      'JsSIP:Transport sending message:',
      '',
      'REGISTER sip:127.0.0.1 SIP/2.0',
      'Via: SIP/2.0/WSS 1a2b3c.invalid;branch=z9hG4bK5588',
      'Max-Forwards: 69',
      'To: <sip:alice@127.0.0.1>',
      'From: "Alice Andersson" <sip:alice@127.0.0.1>;tag=8f3k2',
      'Call-ID: 4kd93ldk30sk',
      'CSeq: 2 REGISTER',
      `Authorization: Digest algorithm=MD5, username="alice", realm="127.0.0.1", nonce="Y2hhbGxlbmdl", uri="sip:127.0.0.1", response="${digestResponse}", qop=auth, cnonce="3kd9s0a1b2c3", nc=00000001`,
      'Contact: <sip:x1y2@1a2b3c.invalid;transport=ws>;expires=600',
      'Content-Length: 0',
      '',
    ].join('\r\n'),
    `JsSIP:DigestAuthentication authenticate() | using qop=auth [a2:"REGISTER:sip:127.0.0.1"]`,
    `JsSIP:UA configuration parameters after validation: {"uri":"sip:alice@127.0.0.1","password":${JSON.stringify(PASSWORD)},"display_name":"Alice"}`,
    `JsSIP:RTCSession sending INVITE; note "${MEETING}" Proxy-Authorization: Digest username="alice", response=${digestResponse}`,
    `JsSIP:Transport connecting to wss://127.0.0.1:5066/ws?token=${TOKEN}`,
    `JsSIP:Transport page ${encodeURIComponent(PASSWORD)}`,
  ];
}

describe('the log file', () => {
  it('is written under logs/ in the data directory, in both shells', () => {
    const dir = newDir();
    const services = open(dir);
    expect(services.log.file).toBe(join(dir, 'logs', 'profiltelefon.log'));
    expect(readFileSync(logFilePath(dir), 'utf8')).toMatch(/\[info\].*Profiltelefon starts/);
  });

  it('takes no SIP trace while the switch is off, which it is by default', () => {
    const dir = newDir();
    const services = open(dir);
    expect(services.state.ui.sipTrace).toBeUndefined();
    const before = readFileSync(logFilePath(dir), 'utf8');
    expect(services.invoke('log:sip-trace', { lines: ['JsSIP:Transport sending message: REGISTER'] })).toEqual({
      ok: false,
      error: { code: 'sip-trace-off', message: 'The SIP trace is turned off.' },
    });
    expect(readFileSync(logFilePath(dir), 'utf8')).toBe(before);
  });

  it('refuses a trace batch of the wrong shape and writes nothing', () => {
    const dir = newDir();
    const services = open(dir);
    services.invoke('ui:update', { sipTrace: true });
    const before = readFileSync(logFilePath(dir), 'utf8');
    for (const payload of [{ lines: [] }, { lines: [42] }, { lines: 'x' }]) {
      expect(services.invoke('log:sip-trace', payload)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    }
    for (const payload of [{ lines: Array(501).fill('x') }, { lines: ['x'.repeat(50_001)] }]) {
      expect(services.invoke('log:sip-trace', payload)).toMatchObject({ ok: false, error: { code: 'out-of-bounds' } });
    }
    expect(readFileSync(logFilePath(dir), 'utf8')).toBe(before);
  });

  it('with the SIP trace on, holds the SIP messages but no password, digest response, token or meeting title', async () => {
    const dir = newDir();
    const services = open(dir);
    expect(services.invoke('account:set-password', { password: PASSWORD }).ok).toBe(true);
    expect(services.invoke('calendar:add-source', { location: fixture('workday.ics') }).ok).toBe(true);
    await services.calendar.whenIdle();
    expect(services.calendar.eventTitles()).toContain(MEETING);
    expect(services.invoke('ui:update', { sipTrace: true }).ok).toBe(true);

    const digestResponse = '6629fae49393a05397450978507c4ef1';
    expect(services.invoke('log:sip-trace', { lines: jssipTrace(digestResponse) })).toEqual({ ok: true, value: { written: 7 } });

    const log = readFileSync(logFilePath(dir), 'utf8');
    expect(log).toContain('REGISTER sip:127.0.0.1 SIP/2.0');
    expect(log).toContain('Authorization: Digest algorithm=MD5, username="alice", realm="127.0.0.1"');
    expect(log).toContain('response="[redacted]"');
    for (const secret of [PASSWORD, encodeURIComponent(PASSWORD), digestResponse, '3kd9s0a1b2c3', TOKEN, MEETING])
      expect(log).not.toContain(secret);
  });

  it('keeps the password out after it changed, and out of ordinary lines too', () => {
    const dir = newDir();
    const services = open(dir);
    services.invoke('account:set-password', { password: 'first-pass' });
    services.invoke('account:set-password', { password: 'second-pass' });
    services.log.warn('tried first-pass and second-pass');
    const log = readFileSync(logFilePath(dir), 'utf8');
    expect(log).toContain('tried first-pass and [redacted]');
  });
});

describe('redactLogText', () => {
  it.each([
    [
      'Proxy-Authorization: Digest username="a", response="abc", nonce="n"',
      'Proxy-Authorization: Digest username="a", response="[redacted]", nonce="n"',
    ],
    ['Authorization: Basic YWxpY2U6c2VjcmV0', 'Authorization: Basic [redacted]'],
    ['{"password":"p\\"w","user":"a"}', '{"password":"[redacted]","user":"a"}'],
    ['password: hunter2', 'password: [redacted]'],
    ['- password: NOT SHOWN', '- password: NOT SHOWN'],
    ['ws://127.0.0.1:1/ipc?token=abc&x=1', 'ws://127.0.0.1:1/ipc?token=[redacted]&x=1'],
    ['nothing secret here', 'nothing secret here'],
  ])('%s', (line, expected) => {
    expect(redactLogText(line, [])).toBe(expected);
  });

  it('hides a secret also when it is JSON-escaped, and ignores blank ones', () => {
    expect(redactLogText('{"note":"Möte \\"A\\""}', ['Möte "A"', ' '])).toBe('{"note":"[redacted]"}');
  });
});

describe('the session-only password (no real encryption on this system)', () => {
  it('is kept in memory, never written, and the state says so', () => {
    const dir = newDir();
    const passwordFile = join(dir, 'sip-password.bin');
    // A password an earlier run wrote through basic_text: readable by anyone with the file.
    writeFileSync(passwordFile, 'v10-basic-text-obfuscated');
    const services = open(dir, 'session-only');
    expect(existsSync(passwordFile)).toBe(false);
    expect(services.state).toMatchObject({ sipPasswordSet: false, passwordSessionOnly: true });

    expect(services.invoke('account:set-password', { password: PASSWORD }).ok).toBe(true);
    expect(services.invoke('account:sip-credentials', null)).toEqual({ ok: true, value: { password: PASSWORD } });
    expect(services.state.sipPasswordSet).toBe(true);
    expect(existsSync(passwordFile)).toBe(false);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain(PASSWORD);
    services.dispose();

    const restarted = open(dir, 'session-only');
    expect(restarted.invoke('account:sip-credentials', null)).toEqual({ ok: true, value: { password: null } });
  });

  it('is written encrypted where the cipher is real, and the state says it is not session-only', () => {
    const dir = newDir();
    const services = open(dir);
    services.invoke('account:set-password', { password: PASSWORD });
    expect(services.state).toMatchObject({ sipPasswordSet: true, passwordSessionOnly: false });
    expect(existsSync(join(dir, 'sip-password.bin'))).toBe(true);
  });
});
