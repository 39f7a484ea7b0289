import { describe, expect, it } from 'vitest';
import { parseNameAddress } from '../../../src/core/phone/nameAddress';

describe('parseNameAddress', () => {
  it.each([
    [
      '"Alice Andersson" <sip:+46812345601@127.0.0.1>;tag=abc',
      { displayName: 'Alice Andersson', scheme: 'sip', user: '+46812345601', host: '127.0.0.1' },
    ],
    ['Alice <sip:alice@Example.SE:5060;transport=ws>', { displayName: 'Alice', scheme: 'sip', user: 'alice', host: 'example.se' }],
    ['sip:bob@example.se;tag=1', { displayName: '', scheme: 'sip', user: 'bob', host: 'example.se' }],
    ['<sips:bob@example.se>', { displayName: '', scheme: 'sips', user: 'bob', host: 'example.se' }],
    ['"Say \\"hi\\"" <sip:carol@example.se>', { displayName: 'Say "hi"', scheme: 'sip', user: 'carol', host: 'example.se' }],
    ['<tel:+46701110001;phone-context=+46>', { displayName: '', scheme: 'tel', user: '+46701110001', host: '' }],
    ['<sip:%2B46701110001@example.se>', { displayName: '', scheme: 'sip', user: '+46701110001', host: 'example.se' }],
    ['<sip:+46701110001;isub=1@example.se;user=phone>', { displayName: '', scheme: 'sip', user: '+46701110001', host: 'example.se' }],
    ['<sip:example.se>', { displayName: '', scheme: 'sip', user: '', host: 'example.se' }],
    ['<sip:alice@[2001:db8::1]:5060>', { displayName: '', scheme: 'sip', user: 'alice', host: '[2001:db8::1]' }],
    [
      '"Anonymous" <sip:anonymous@anonymous.invalid>;tag=x',
      { displayName: 'Anonymous', scheme: 'sip', user: 'anonymous', host: 'anonymous.invalid' },
    ],
  ])('reads %j', (header, expected) => {
    expect(parseNameAddress(header)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'sip-header-empty'],
    ['   ', 'sip-header-empty'],
    ['x'.repeat(1025), 'sip-header-too-long'],
    ['"Alice\u0007" <sip:alice@example.se>', 'sip-header-control-characters'],
    ['"Alice\r\nVia: evil" <sip:alice@example.se>', 'sip-header-control-characters'],
    ['<sip:al%00ice@example.se>', 'sip-header-control-characters'],
    ['"Alice <sip:alice@example.se>', 'sip-header-unclosed-quote'],
    ['"Alice" sip:alice@example.se', 'sip-header-no-uri'],
    ['Alice <sip:alice@example.se', 'sip-header-unclosed-angle'],
    ['Al"ice <sip:alice@example.se>', 'sip-header-stray-quote'],
    ['<>', 'sip-header-no-uri'],
    ['alice@example.se', 'sip-header-no-uri'],
    ['Alice sip:alice@example.se', 'sip-header-no-uri'],
    ['<http://example.se/alice>', 'sip-header-unsupported-scheme'],
    ['<sip:alice@>', 'sip-header-no-host'],
    ['<sip:al%ZZice@example.se>', 'sip-header-bad-escape'],
    ['<tel:>', 'sip-header-no-uri'],
  ])('refuses %j with %s', (header, code) => {
    const result = parseNameAddress(header);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(/^SIP header /);
    }
  });
});
