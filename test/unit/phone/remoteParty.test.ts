import { describe, expect, it } from 'vitest';
import { cleanDisplayName, remotePartyFrom } from '../../../src/core/phone/remoteParty';

const from = (value: string | null, pAssertedIdentity: string | null = null, privacy: string | null = null) =>
  remotePartyFrom({ from: value, pAssertedIdentity, privacy });
const WITHHELD = { ok: true, value: { number: null, name: '', uri: '', anonymous: true } };

describe('remotePartyFrom', () => {
  it('takes the number and name from From', () => {
    expect(from('"Alice Andersson" <sip:+46812345601@127.0.0.1>;tag=1')).toEqual({
      ok: true,
      value: { number: '+46812345601', name: 'Alice Andersson', uri: 'sip:+46812345601@127.0.0.1', anonymous: false },
    });
  });

  it('reads national and 00-prefixed numbers as Swedish E.164', () => {
    expect(from('<sip:0701110001@pbx>')).toMatchObject({ value: { number: '+46701110001' } });
    expect(from('<sip:0046701110001@pbx>')).toMatchObject({ value: { number: '+46701110001' } });
    expect(from('<tel:+46701110001>')).toMatchObject({ value: { number: '+46701110001', uri: 'tel:+46701110001' } });
  });

  it('keeps a SIP user or an extension without a number', () => {
    expect(from('"Bob" <sip:bob@example.se>')).toEqual({
      ok: true,
      value: { number: null, name: 'Bob', uri: 'sip:bob@example.se', anonymous: false },
    });
    expect(from('<sip:201@example.se>')).toMatchObject({ value: { number: null, uri: 'sip:201@example.se' } });
    expect(from('<sip:+0000@example.se>')).toMatchObject({ value: { number: null } });
  });

  it('prefers P-Asserted-Identity, added by the PBX, over From', () => {
    expect(from('"Alice" <sip:alice@example.se>', '"Alice Andersson" <sip:+46812345601@example.se>')).toEqual({
      ok: true,
      value: { number: '+46812345601', name: 'Alice Andersson', uri: 'sip:+46812345601@example.se', anonymous: false },
    });
    expect(from('"Alice" <sip:alice@example.se>', '<tel:+46812345601>')).toMatchObject({
      value: { number: '+46812345601', name: 'Alice' },
    });
  });

  it('falls back to From when P-Asserted-Identity is unreadable', () => {
    expect(from('"Alice" <sip:+46812345601@example.se>', '<broken')).toMatchObject({ ok: true, value: { number: '+46812345601' } });
  });

  it.each(['"Anonymous" <sip:anonymous@anonymous.invalid>;tag=1', '<sip:Anonymous@example.se>', '"Alice" <sip:alice@anonymous.invalid>'])(
    'makes %j anonymous, and nothing else may reveal the caller',
    (header) => {
      expect(from(header, '"Alice" <sip:+46812345601@example.se>')).toEqual({
        ok: true,
        value: { number: null, name: '', uri: '', anonymous: true },
      });
    },
  );

  it.each(['id', 'user', 'header', 'Header; ID', 'none;id'])(
    'makes a caller withheld with Privacy: %s, even under a readable From and P-Asserted-Identity',
    (privacy) => {
      expect(from('"Alice" <sip:alice@example.se>', '<sip:+46812345601@example.se>', privacy)).toEqual(WITHHELD);
    },
  );

  it('shows the caller with Privacy: none or no Privacy, and From alone without P-Asserted-Identity', () => {
    expect(from('"Alice" <sip:+46812345601@example.se>', null, 'none')).toMatchObject({
      value: { number: '+46812345601', anonymous: false },
    });
    expect(from('"Alice" <sip:alice@example.se>', '<sip:+46812345601@example.se>', null)).toMatchObject({
      value: { number: '+46812345601', name: 'Alice' },
    });
  });

  it('refuses a request without From, or with a broken one', () => {
    expect(from(null)).toEqual({ ok: false, error: { code: 'sip-header-missing', message: 'SIP request has no From header' } });
    expect(from('"Alice <sip:alice@example.se>')).toMatchObject({ ok: false, error: { code: 'sip-header-unclosed-quote' } });
  });
});

describe('cleanDisplayName', () => {
  it('removes bidi overrides and zero-width characters, folds spaces, and caps the length', () => {
    expect(cleanDisplayName('Bank\u202e321\u202c')).toBe('Bank321');
    expect(cleanDisplayName('B\u200bank')).toBe('Bank');
    expect(cleanDisplayName('  Alice   \t Andersson ')).toBe('Alice Andersson');
    expect([...cleanDisplayName('å'.repeat(150))]).toHaveLength(100);
  });
});
