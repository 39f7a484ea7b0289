import { describe, expect, it } from 'vitest';
import { checkReferTarget, resolveDialTarget, resolveForwardTarget, resolveTypedTarget } from '../../../src/core/phone/dialTarget';
import { account } from './fixtures';

describe('resolveDialTarget', () => {
  it('puts numbers and extensions in the PBX domain and keeps SIP addresses', () => {
    expect(resolveDialTarget({ kind: 'number', e164: '+46701234567' }, 'example.se')).toEqual({
      uri: 'sip:+46701234567@example.se',
      number: '+46701234567',
    });
    expect(resolveDialTarget({ kind: 'extension', digits: '201' }, 'example.se:5080')).toEqual({
      uri: 'sip:201@example.se:5080',
      number: null,
    });
    expect(resolveDialTarget({ kind: 'sip', uri: 'sip:bob@other.se' }, 'example.se')).toEqual({ uri: 'sip:bob@other.se', number: null });
  });
});

describe('resolveTypedTarget', () => {
  it('normalises what the user typed', () => {
    expect(resolveTypedTarget('070-123 45 67', account())).toEqual({
      ok: true,
      value: { uri: 'sip:+46701234567@example.se', number: '+46701234567' },
    });
    expect(resolveTypedTarget(' 201 ', account())).toEqual({ ok: true, value: { uri: 'sip:201@example.se', number: null } });
  });

  it('passes on the specific error of a bad input', () => {
    expect(resolveTypedTarget('070-12x', account())).toMatchObject({ ok: false, error: { code: 'number-invalid-characters' } });
    expect(resolveTypedTarget('', account())).toMatchObject({ ok: false, error: { code: 'number-empty' } });
    expect(resolveTypedTarget('bob@', account())).toMatchObject({ ok: false, error: { code: 'sip-address-invalid' } });
  });
});

describe('resolveTypedTarget with the directory', () => {
  const directory = [
    { name: 'Bertil Berg', uri: 'sip:bertil@example.se' },
    { name: 'Örjan Öst', uri: 'sip:orjan@example.se' },
    { name: 'Kim Ek', uri: 'sip:kim1@example.se' },
    { name: 'Kim Ek', uri: 'sip:kim2@example.se' },
    { name: 'Trasig', uri: 'inte en adress' },
  ];

  it('calls a colleague typed by name or address user, with his name', () => {
    expect(resolveTypedTarget('bertil', account({ directory }))).toEqual({
      ok: true,
      value: { uri: 'sip:bertil@example.se', number: null, name: 'Bertil Berg' },
    });
    expect(resolveTypedTarget(' orjan ost ', account({ directory }))).toMatchObject({
      ok: true,
      value: { uri: 'sip:orjan@example.se', name: 'Örjan Öst' },
    });
  });

  it('refuses a name nobody has, or several have, with its own error instead of a number error', () => {
    expect(resolveTypedTarget('bertil', account())).toMatchObject({ ok: false, error: { code: 'dial-not-found' } });
    expect(resolveTypedTarget('Kim Ek', account({ directory }))).toMatchObject({ ok: false, error: { code: 'dial-colleague-ambiguous' } });
    expect(resolveTypedTarget('Trasig', account({ directory }))).toMatchObject({
      ok: false,
      error: { code: 'dial-colleague-address-invalid' },
    });
  });

  it('still takes a typed number before a name', () => {
    expect(resolveTypedTarget('201', account({ directory: [{ name: '201', uri: 'sip:bertil@example.se' }] }))).toEqual({
      ok: true,
      value: { uri: 'sip:201@example.se', number: null },
    });
  });
});

describe('resolveForwardTarget', () => {
  it("forwards to a colleague's directory address", () => {
    expect(resolveForwardTarget({ kind: 'colleague', name: 'Bertil Berg', uri: 'sip:bertil@example.se' }, account())).toEqual({
      ok: true,
      value: { uri: 'sip:bertil@example.se', number: null, name: 'Bertil Berg' },
    });
    expect(resolveForwardTarget({ kind: 'colleague', name: 'Trasig', uri: 'bertil@' }, account())).toMatchObject({
      ok: false,
      error: { code: 'forward-colleague-invalid' },
    });
  });

  it('resolves mobile, voicemail and a number', () => {
    expect(resolveForwardTarget({ kind: 'mobile' }, account())).toMatchObject({ ok: true, value: { uri: 'sip:+46701110001@example.se' } });
    expect(resolveForwardTarget({ kind: 'voicemail' }, account({ voicemail: 'sip:vm@example.se' }))).toEqual({
      ok: true,
      value: { uri: 'sip:vm@example.se', number: null },
    });
    expect(resolveForwardTarget({ kind: 'number', number: '+46812345603' }, account())).toMatchObject({
      ok: true,
      value: { number: '+46812345603' },
    });
  });

  it('says what is missing', () => {
    const bare = account({ numbers: { landline: null, mobile: null, switchboard: null }, voicemail: null });
    expect(resolveForwardTarget({ kind: 'mobile' }, bare)).toMatchObject({ ok: false, error: { code: 'forward-no-mobile' } });
    expect(resolveForwardTarget({ kind: 'voicemail' }, bare)).toMatchObject({ ok: false, error: { code: 'forward-no-voicemail' } });
    expect(resolveForwardTarget({ kind: 'voicemail' }, account({ voicemail: 'röstbrevlåda' }))).toMatchObject({
      ok: false,
      error: { code: 'forward-voicemail-invalid' },
    });
    expect(resolveForwardTarget({ kind: 'number', number: 'abc' }, account())).toMatchObject({
      ok: false,
      error: { code: 'forward-number-invalid' },
    });
  });
});

describe('checkReferTarget', () => {
  it('follows transfers only within the own PBX', () => {
    expect(checkReferTarget({ scheme: 'sip', host: 'Example.SE' }, 'example.se')).toEqual({ ok: true, value: null });
    expect(checkReferTarget({ scheme: 'sip', host: 'premium.example.com' }, 'example.se')).toMatchObject({
      ok: false,
      error: { code: 'refer-target-foreign' },
    });
    expect(checkReferTarget({ scheme: 'tel', host: '' }, 'example.se')).toMatchObject({
      ok: false,
      error: { code: 'refer-target-scheme' },
    });
  });
});
