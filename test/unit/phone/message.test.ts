import { describe, expect, it } from 'vitest';
import { checkOutgoingBody, incomingMessageKind, MAX_MESSAGE_LENGTH, readIncomingBody } from '../../../src/core/phone/message';

describe('incomingMessageKind', () => {
  it('counts messages from numbers and anonymous senders as SMS, from SIP addresses as chat', () => {
    expect(incomingMessageKind({ number: '+46701110001', name: '', uri: 'sip:+46701110001@x', anonymous: false })).toBe('sms');
    expect(incomingMessageKind({ number: null, name: '', uri: '', anonymous: true })).toBe('sms');
    expect(incomingMessageKind({ number: null, name: 'Bob', uri: 'sip:bob@x', anonymous: false })).toBe('chat');
  });
});

describe('checkOutgoingBody', () => {
  it('trims, and refuses empty and overlong messages', () => {
    expect(checkOutgoingBody('  Hej!  ')).toEqual({ ok: true, value: 'Hej!' });
    expect(checkOutgoingBody(' \n ')).toEqual({ ok: false, error: { code: 'message-empty', message: 'The message is empty' } });
    expect(checkOutgoingBody('x'.repeat(MAX_MESSAGE_LENGTH + 1))).toMatchObject({ ok: false, error: { code: 'message-too-long' } });
  });
});

describe('readIncomingBody', () => {
  it('shows text/plain without control characters', () => {
    expect(readIncomingBody('text/plain;charset=utf-8', 'Hej\u0007 Bob\r\nRad två\u001b[31m')).toEqual({
      ok: true,
      value: 'Hej Bob\r\nRad två[31m',
    });
    expect(readIncomingBody('TEXT/PLAIN', 'ok')).toEqual({ ok: true, value: 'ok' });
  });

  it('refuses other types and empty bodies, and cuts very long ones', () => {
    expect(readIncomingBody('application/im-iscomposing+xml', '<x/>')).toMatchObject({
      ok: false,
      error: { code: 'message-unsupported-type' },
    });
    expect(readIncomingBody('text/plainish', 'x')).toMatchObject({ ok: false, error: { code: 'message-unsupported-type' } });
    expect(readIncomingBody(null, 'x')).toMatchObject({ ok: false, error: { code: 'message-unsupported-type' } });
    expect(readIncomingBody('text/plain', ' \u0000 ')).toMatchObject({ ok: false, error: { code: 'message-empty' } });
    const long = readIncomingBody('text/plain', 'x'.repeat(5_000));
    expect(long.ok && long.value.length).toBe(MAX_MESSAGE_LENGTH + 1);
  });
});
