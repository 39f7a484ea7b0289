import { describe, expect, it } from 'vitest';
import { formatForDisplay, normalizeDialString, normalizeToE164 } from '../../../../src/core/phone/numbers/phoneNumber';

function errorCode(result: { ok: boolean; error?: { code: string } }): string | undefined {
  return result.ok ? undefined : result.error?.code;
}

describe('normalizeToE164', () => {
  it.each([
    ['070-123 45 67', '+46701234567'],
    ['+46 70 123 45 67', '+46701234567'],
    ['0046701234567', '+46701234567'],
    ['00 46 70 123 45 67', '+46701234567'],
    ['0701234567', '+46701234567'],
    ['070.123.45.67', '+46701234567'],
    ['070/123 45 67', '+46701234567'],
    ['(070) 123-45-67', '+46701234567'],
    ['070\u00a0123\u00a045\u00a067', '+46701234567'],
    ['070\u202f123\u202f45\u202f67', '+46701234567'],
    ['070\u2013123 45 67', '+46701234567'],
    ['\t 070-123 45 67 \n', '+46701234567'],
    ['+46 (0)70-123 45 67', '+46701234567'],
    ['0046 (0)70 1234567', '+46701234567'],
    ['+460701234567', '+46701234567'],
    ['＋４６７０１２３４５６７', '+46701234567'],
    ['08-123 456 78', '+46812345678'],
    ['(08) 123 456 78', '+46812345678'],
    ['+4681234567', '+4681234567'],
    ['+46-8-123-456-78', '+46812345678'],
    ['031-123 45 67', '+46311234567'],
    ['0771-123 456', '+46771123456'],
    ['020-12 34 56', '+4620123456'],
    ['+1 212 555 0123', '+12125550123'],
    ['00 1 212 555 0123', '+12125550123'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+358 40 1234567', '+358401234567'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normalizeToE164(input)).toEqual({ ok: true, value: expected });
  });

  it('uses the given default country for national numbers', () => {
    expect(normalizeToE164('(212) 555-0123', 'US')).toEqual({ ok: true, value: '+12125550123' });
    expect(normalizeToE164('020 7946 0958', 'GB')).toEqual({ ok: true, value: '+442079460958' });
  });

  it.each(['', '   ', '\u00a0\t\n'])('rejects empty input %j as number-empty', (input) => {
    expect(normalizeToE164(input)).toEqual({
      ok: false,
      error: { code: 'number-empty', message: 'Phone number is empty' },
    });
  });

  it.each([
    ['070-CALL-ME', '"C"'],
    ['070 123 45 67 ext. 12', '"e"'],
    ['070-123 45 67;ext=1', '";"'],
    ['tel:+46701234567', '"t"'],
    ['*21#', '"*"'],
    ['070#1234567', '"#"'],
    ['070_123_45_67', '"_"'],
    ['070,123,45,67', '","'],
    ['٠٧٠١٢٣٤٥٦٧', '"٠"'],
    ['070😀1234567', '"😀"'],
  ])('rejects %j as number-invalid-characters naming %s', (input, character) => {
    const result = normalizeToE164(input);
    expect(errorCode(result)).toBe('number-invalid-characters');
    expect(result.ok ? '' : result.error.message).toContain(`${character} is not allowed`);
  });

  it.each(['+46+701234567', '070+1234567', '++46701234567'])('rejects a misplaced "+" in %j', (input) => {
    const result = normalizeToE164(input);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'number-invalid-characters',
        message: `Phone number ${JSON.stringify(input)} contains characters other than digits and separators: "+" is only allowed first`,
      },
    });
  });

  it.each([
    ['---', 'has no digits'],
    ['()', 'has no digits'],
    ['+', 'has no digits'],
    ['12345678', 'must start with 0 (area code) or +46'],
    ['701234567', 'must start with 0 (area code) or +46'],
    ['46701234567', 'must start with 0 (area code) or +46'],
    ['0000000', 'is not a valid phone number'],
    ['070 123 45 678', 'is not a valid phone number'],
    ['08-123', 'has the wrong number of digits'],
    ['+46', 'is too short'],
    ['+4612', 'has the wrong number of digits'],
    ['+999 123 456 789', 'has an unknown country code'],
    ['+0046701234567', 'has an unknown country code'],
    ['0701234567890123456789', 'is too long'],
  ])('rejects %j as number-invalid: %s', (input, why) => {
    expect(normalizeToE164(input)).toEqual({
      ok: false,
      error: { code: 'number-invalid', message: `Phone number ${JSON.stringify(input)} ${why}` },
    });
  });

  it('rejects inputs longer than 64 characters', () => {
    const input = `070${' '.repeat(70)}1234567`;
    const result = normalizeToE164(input);
    expect(errorCode(result)).toBe('number-invalid');
    expect(result.ok ? '' : result.error.message).toMatch(/is longer than 64 characters$/);
  });

  it('reports an unknown default country instead of throwing', () => {
    // @ts-expect-error: a bad country from untyped input must not throw
    const result = normalizeToE164('0701234567', 'XX');
    expect(result).toEqual({
      ok: false,
      error: { code: 'number-invalid', message: 'Phone number "0701234567" cannot be read: unknown default country "XX"' },
    });
  });

  it('truncates very long input in the message', () => {
    const result = normalizeToE164('a'.repeat(500));
    expect(result.ok ? '' : result.error.message).toBe(
      `Phone number "${'a'.repeat(40)}…" contains characters other than digits and separators: "a" is not allowed`,
    );
  });
});

describe('formatForDisplay', () => {
  it.each([
    ['+46701234567', '070-123 45 67'],
    ['+46812345678', '08-123 456 78'],
    ['+4681234567', '08-123 45 67'],
    ['+46311234567', '031-123 45 67'],
    ['+4620123456', '020-12 34 56'],
  ])('renders Swedish %s nationally as %s', (e164, expected) => {
    expect(formatForDisplay(e164, 'national')).toBe(expected);
  });

  it('defaults to national style', () => {
    expect(formatForDisplay('+46701234567')).toBe('070-123 45 67');
  });

  it.each([
    ['+46701234567', '+46 70 123 45 67'],
    ['+46812345678', '+46 8 123 456 78'],
    ['+12125550123', '+1 212 555 0123'],
  ])('renders %s internationally as %s', (e164, expected) => {
    expect(formatForDisplay(e164, 'international')).toBe(expected);
  });

  it('renders foreign numbers internationally even in national style', () => {
    expect(formatForDisplay('+442079460958', 'national')).toBe('+44 20 7946 0958');
    expect(formatForDisplay('+358401234567', 'national')).toBe('+358 40 1234567');
  });

  it('renders nationally for another home country', () => {
    expect(formatForDisplay('+442079460958', 'national', 'GB')).toBe('020 7946 0958');
    expect(formatForDisplay('+46701234567', 'national', 'GB')).toBe('+46 70 123 45 67');
  });

  it.each(['', '201', '0701234567', 'sip:bob@example.com', '+46 70 123 45 67', '+', 'not a number', '+1234567890123456'])(
    'returns non-E.164 %j unchanged',
    (input) => {
      expect(formatForDisplay(input, 'national')).toBe(input);
      expect(formatForDisplay(input, 'international')).toBe(input);
    },
  );
});

describe('normalizeDialString', () => {
  it.each([
    ['201', '201'],
    ['20', '20'],
    ['123456', '123456'],
    [' 4711 ', '4711'],
    ['0046', '0046'],
    ['２０１', '201'],
  ])('keeps %j as extension %s', (input, digits) => {
    expect(normalizeDialString(input)).toEqual({ ok: true, value: { kind: 'extension', digits } });
  });

  it.each([
    ['070-123 45 67', '+46701234567'],
    ['+46 8 123 456 78', '+46812345678'],
    ['0701234567', '+46701234567'],
  ])('normalises %j to number %s', (input, e164) => {
    expect(normalizeDialString(input)).toEqual({ ok: true, value: { kind: 'number', e164 } });
  });

  it.each([
    ['sip:bob@example.com', 'sip:bob@example.com'],
    ['SIP:bob@Example.COM', 'sip:bob@example.com'],
    ['sips:bob@example.com', 'sips:bob@example.com'],
    ['bob@example.com', 'sip:bob@example.com'],
    ['  bob@example.com  ', 'sip:bob@example.com'],
    ['201@pbx.example.com', 'sip:201@pbx.example.com'],
    ['sip:+46701234567@pbx.example.com;user=phone', 'sip:+46701234567@pbx.example.com'],
    ['sip:bob@example.com:5061', 'sip:bob@example.com:5061'],
  ])('keeps %j as SIP URI %s', (input, uri) => {
    expect(normalizeDialString(input)).toEqual({ ok: true, value: { kind: 'sip', uri } });
  });

  it.each([
    ['', 'number-empty'],
    ['   ', 'number-empty'],
    ['1', 'number-invalid'],
    ['1234567', 'number-invalid'],
    ['2 01', 'number-invalid'],
    ['bob', 'number-invalid-characters'],
    ['*98', 'number-invalid-characters'],
    ['bob smith@example.com', 'sip-address-invalid'],
    ['sip:bob', 'sip-address-invalid'],
    ['@example.com', 'sip-address-invalid'],
    ['bob@', 'sip-address-invalid'],
  ])('rejects %j with %s', (input, code) => {
    expect(errorCode(normalizeDialString(input))).toBe(code);
  });

  it('passes the number error through unchanged', () => {
    expect(normalizeDialString('1234567')).toEqual({
      ok: false,
      error: { code: 'number-invalid', message: 'Phone number "1234567" must start with 0 (area code) or +46' },
    });
  });
});
