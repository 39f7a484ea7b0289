import { describe, expect, it } from 'vitest';
import { isRoughlyValidHost, parseSipAddress } from '../../../../src/core/phone/numbers/sipAddress';

describe('parseSipAddress', () => {
  it.each([
    ['sip:bob@example.com', 'sip:bob@example.com'],
    ['bob@example.com', 'sip:bob@example.com'],
    ['sips:bob@example.com', 'sips:bob@example.com'],
    ['SIPS:Bob@EXAMPLE.com', 'sips:Bob@example.com'],
    ['sip:bob@example.com:5060', 'sip:bob@example.com:5060'],
    ['sip:bob@192.0.2.10', 'sip:bob@192.0.2.10'],
    ['sip:bob@[2001:db8::1]:5061', 'sip:bob@[2001:db8::1]:5061'],
    ['sip:bob@example.com;transport=tcp', 'sip:bob@example.com'],
    ['sip:bob@example.com;maddr=203.0.113.9;lr', 'sip:bob@example.com'],
    ['sip:bob@example.com?Replaces=abc%40host&Route=%3Csip:evil.example%3E', 'sip:bob@example.com'],
    ['sip:bob@example.com;transport=tls?subject=hi', 'sip:bob@example.com'],
    ['sip:+46701234567@pbx.example.com;user=phone', 'sip:+46701234567@pbx.example.com'],
    ["sip:o'brien.j_x-1@example.com", "sip:o'brien.j_x-1@example.com"],
    ['sip:bob;tag=1@example.com', 'sip:bob;tag=1@example.com'],
  ])('reduces %j to %s', (input, expected) => {
    expect(parseSipAddress(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'SIP address "" is empty'],
    ['sip:bob', 'SIP address "sip:bob" needs the form user@host'],
    ['sip:example.com', 'SIP address "sip:example.com" needs the form user@host'],
    ['sip:bob@@example.com', 'SIP address "sip:bob@@example.com" contains more than one "@"'],
    ['sip:a@b@example.com', 'SIP address "sip:a@b@example.com" contains more than one "@"'],
    ['sip:@example.com', 'SIP address "sip:@example.com" has no user before "@"'],
    ['sip:bob@', 'SIP address "sip:bob@" has no host after "@"'],
    ['sip:bob@;transport=tcp', 'SIP address "sip:bob@;transport=tcp" has no host after "@"'],
    ['sip:bob smith@example.com', 'SIP address "sip:bob smith@example.com" contains spaces'],
    ['sip:bob@exa mple.com', 'SIP address "sip:bob@exa mple.com" contains spaces'],
    ['sip:alice:secret@example.com', 'SIP address "sip:alice:secret@example.com" has ":" in its user part'],
    ['sip:<bob>@example.com', 'SIP address "sip:<bob>@example.com" has "<" in its user part'],
    ['sip:bob%20x@example.com', 'SIP address "sip:bob%20x@example.com" has "%" in its user part'],
    ['sip:bob@-example.com', 'SIP address "sip:bob@-example.com" has an invalid host "-example.com"'],
    ['sip:bob@example..com', 'SIP address "sip:bob@example..com" has an invalid host "example..com"'],
    ['sip:bob@exa_mple.com', 'SIP address "sip:bob@exa_mple.com" has an invalid host "exa_mple.com"'],
    ['sip:bob@example.com:0', 'SIP address "sip:bob@example.com:0" has an invalid port 0'],
    ['sip:bob@example.com:70000', 'SIP address "sip:bob@example.com:70000" has an invalid port 70000'],
    ['sip:bob@example.com:http', 'SIP address "sip:bob@example.com:http" has an invalid host or port "example.com:http"'],
    ['sip:bob@example.com:', 'SIP address "sip:bob@example.com:" has an invalid host or port "example.com:"'],
    ['sip:bob@[]', 'SIP address "sip:bob@[]" has an invalid host "[]"'],
  ])('rejects %j: %s', (input, message) => {
    expect(parseSipAddress(input)).toEqual({ ok: false, error: { code: 'sip-address-invalid', message } });
  });

  it('rejects addresses longer than 512 characters', () => {
    const result = parseSipAddress(`sip:${'a'.repeat(510)}@example.com`);
    expect(result.ok ? '' : result.error.code).toBe('sip-address-invalid');
    expect(result.ok ? '' : result.error.message).toMatch(/is longer than 512 characters$/);
  });
});

describe('isRoughlyValidHost', () => {
  it.each(['example.com', 'pbx', 'a-b.example.se', '192.0.2.1', '[::1]', 'x'.repeat(63) + '.se'])('accepts %s', (host) => {
    expect(isRoughlyValidHost(host)).toBe(true);
  });
  it.each(['', '.', 'example.com.', 'ex ample.com', 'x'.repeat(64) + '.se', '[abc]', 'exa/mple.com', `${'a.'.repeat(127)}se`])(
    'rejects %j',
    (host) => {
      expect(isRoughlyValidHost(host)).toBe(false);
    },
  );
});
