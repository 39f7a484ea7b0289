// @vitest-environment happy-dom
import { parseMessage } from 'jssip/lib/Parser';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import type { ReferEvent } from 'jssip/lib/RTCSession';
import type { IncomingMessageEvent } from 'jssip/lib/UA';
import { beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../../src/core/i18n/messages';
import { describeRegistrationFailure, type RegistrationState } from '../../../src/core/phone/registration';
import type { NotificationKind } from '../../../src/core/profiles/model';
import { requestCompose, takeComposeRequest } from '../../../src/renderer/phone/composeRequest';
import { receiveMessage } from '../../../src/renderer/phone/incomingMessages';
import { answerLinkCall, askToCall, useLinkCallStore } from '../../../src/renderer/phone/linkCallStore';
import type { PhoneContext, PhoneEnvironment } from '../../../src/renderer/phone/phoneEnvironment';
import { usePhoneStore } from '../../../src/renderer/phone/phoneStore';
import { referredCall } from '../../../src/renderer/phone/referredCall';
import { phoneStatusOf } from '../../../src/renderer/phone/reportPhoneStatus';
import { account, profile } from '../phone/fixtures';

/** A raw request as the PBX delivers it, parsed by JsSIP's own parser. */
function request(startLine: string, headers: string[], body = ''): IncomingRequest {
  const raw = [
    startLine,
    'Via: SIP/2.0/WSS 127.0.0.1;branch=z9hG4bK776asdhds',
    'To: <sip:alice@example.se>',
    'Call-ID: a84b4c76e66710',
    `CSeq: 1 ${startLine.split(' ')[0]}`,
    'Max-Forwards: 69',
    ...headers,
    `Content-Length: ${new TextEncoder().encode(body).length}`,
    '',
    body,
  ].join('\r\n');
  const parsed = parseMessage(raw, null);
  if (!parsed || 'status_code' in parsed) throw new Error('not a request');
  return parsed;
}

/** The phone's way out to the app, kept in memory: what it would notify, in Swedish. */
function environment(context: PhoneContext | null) {
  const notified: { kind: NotificationKind; title: string; body: string }[] = [];
  const env: PhoneEnvironment = {
    context: () => context,
    recordHistory: () => {},
    recordings: {
      begin: async () => ({ ok: false, error: { code: 'recording-not-allowed', message: 'none' } }),
      append: async () => ({ ok: true, value: null }),
      finish: async () => ({ ok: true, value: null }),
    },
    notify: (kind, title, body) => notified.push({ kind, title, body }),
    text: (key, params) => translate('sv', key, params),
    speak: async () => ({ ok: false, error: { code: 'speech-no-engine' as const, message: 'none' } }),
  };
  return { env, notified };
}

const CONTEXT: PhoneContext = {
  profile: profile('available'),
  account: account(),
  until: null,
  now: 0,
  language: 'sv',
  timeZone: 'Europe/Stockholm',
};

describe('phoneStatusOf', () => {
  it('tells the tray each registration state as one of its four phone statuses', () => {
    const failure = describeRegistrationFailure({ cause: 'Rejected', statusCode: 403, reachedServer: true }).failure;
    const states: RegistrationState[] = [
      { kind: 'not-configured', problem: { code: 'sip-uri-missing', message: 'none' } },
      { kind: 'stopped' },
      { kind: 'connecting' },
      { kind: 'reconnecting', attempt: 2 },
      { kind: 'registered', aor: 'sip:alice@example.se' },
      { kind: 'failed', failure, retryInMs: null },
      { kind: 'unreachable', attempt: 1 },
    ];
    expect(states.map(phoneStatusOf)).toEqual([
      'not-configured',
      'not-configured',
      'connecting',
      'connecting',
      'registered',
      'failed',
      'failed',
    ]);
  });
});

describe('referredCall', () => {
  const refer = (referTo: string) =>
    ({
      request: request('REFER sip:alice@example.se SIP/2.0', ['From: <sip:bob@example.se>;tag=1', `Refer-To: ${referTo}`]),
    }) as unknown as ReferEvent;

  it('calls the number a REFER names on the own PBX, as the active profile presents the caller', () => {
    const result = referredCall(refer('<sip:+46812345603@example.se>'), environment(CONTEXT).env);
    expect(result.ok && result.value.target).toEqual({ uri: 'sip:+46812345603@example.se', number: '+46812345603' });
    expect(result.ok && result.value.identity.anonymousFrom).toBe(false);
  });

  it('calls an extension without taking it for a number', () => {
    const result = referredCall(refer('<sip:203@example.se>'), environment(CONTEXT).env);
    expect(result.ok && result.value.target).toEqual({ uri: 'sip:203@example.se', number: null });
  });

  it('refuses a transfer outside the PBX, one without a target, and one before the settings are loaded', () => {
    const foreign = referredCall(refer('<sip:+46812345603@elsewhere.example>'), environment(CONTEXT).env);
    expect(foreign.ok ? null : foreign.error.code).toBe('refer-target-foreign');
    const missing = referredCall(
      { request: request('REFER sip:alice@example.se SIP/2.0', ['From: <sip:bob@example.se>;tag=1']) } as unknown as ReferEvent,
      environment(CONTEXT).env,
    );
    expect(missing.ok ? null : missing.error.code).toBe('refer-target-missing');
    const early = referredCall(refer('<sip:203@example.se>'), environment(null).env);
    expect(early.ok ? null : early.error.code).toBe('phone-not-ready');
  });
});

describe('receiveMessage', () => {
  beforeEach(() => usePhoneStore.setState({ messages: [] }));
  const message = (headers: string[], body: string) =>
    ({ request: request('MESSAGE sip:alice@example.se SIP/2.0', headers, body) }) as unknown as IncomingMessageEvent;

  it('shows an SMS from a number the PBX asserted, and notifies it as an SMS', () => {
    const { env, notified } = environment(CONTEXT);
    receiveMessage(
      message(['From: <sip:+46701234567@example.se>;tag=9', 'Content-Type: text/plain;charset=utf-8'], 'Ring mig\u0007 sen'),
      env,
      'in-1',
    );
    expect(usePhoneStore.getState().messages).toMatchObject([
      { id: 'in-1', direction: 'incoming', kind: 'sms', body: 'Ring mig sen', status: 'received' },
    ]);
    expect(notified).toEqual([{ kind: 'sms', title: expect.stringMatching(/^SMS från /), body: 'Ring mig sen' }]);
  });

  it('shows a chat from a colleague address', () => {
    const { env, notified } = environment(CONTEXT);
    receiveMessage(message(['From: "Bob Berg" <sip:bob@example.se>;tag=9', 'Content-Type: text/plain'], 'Lunch?'), env, 'in-2');
    expect(usePhoneStore.getState().messages.map((kept) => [kept.kind, kept.remote.name])).toEqual([['chat', 'Bob Berg']]);
    expect(notified[0]?.title).toBe('Chatt från Bob Berg (bob@example.se)');
  });

  it('drops a typing notice and a message without a sender, and notifies neither', () => {
    const { env, notified } = environment(CONTEXT);
    receiveMessage(
      message(['From: <sip:bob@example.se>;tag=9', 'Content-Type: application/im-iscomposing+xml'], '<isComposing/>'),
      env,
      'in-3',
    );
    receiveMessage(message(['Content-Type: text/plain'], 'Hej'), env, 'in-4');
    expect(usePhoneStore.getState().messages).toEqual([]);
    expect(notified).toEqual([]);
  });
});

describe('the composer request', () => {
  it('hands a recipient over once', () => {
    expect(takeComposeRequest()).toBeNull();
    requestCompose('sip:bob@example.se');
    expect(takeComposeRequest()).toBe('sip:bob@example.se');
    expect(takeComposeRequest()).toBeNull();
  });
});

describe('the link call store', () => {
  it('asks about the newest link only, and closes the question whatever the answer', () => {
    askToCall({ kind: 'number', e164: '+46812345603' });
    askToCall({ kind: 'extension', digits: '203' });
    expect(useLinkCallStore.getState().pending).toMatchObject({ shown: '203', premiumRate: false });
    expect(answerLinkCall(true)).toEqual({ kind: 'extension', digits: '203' });
    expect(useLinkCallStore.getState().pending).toBeNull();
    askToCall({ kind: 'number', e164: '+46812345603' });
    expect(answerLinkCall(false)).toBeNull();
    expect(answerLinkCall(true)).toBeNull();
  });
});
