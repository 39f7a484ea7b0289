import { describe, expect, it } from 'vitest';
import { findCallLinkInArgv, MAX_CALL_LINK_LENGTH, parseCallLink } from '../../../src/core/links/callLink';

const number = (e164: string) => ({ ok: true, value: { kind: 'number', e164 } });
const extension = (digits: string) => ({ ok: true, value: { kind: 'extension', digits } });
const sip = (uri: string) => ({ ok: true, value: { kind: 'sip', uri } });

function errorOf(link: string): { code: string; message: string } | null {
  const result = parseCallLink(link);
  return result.ok ? null : result.error;
}

describe('parseCallLink: tel:', () => {
  it.each([
    ['tel:+46701234567', '+46701234567'],
    ['tel:+46-70-123-45-67', '+46701234567'],
    ['TEL:+46701234567', '+46701234567'],
    ['Tel:+46.70.123.45.67', '+46701234567'],
    ['tel:+46(0)70-123 45 67', '+46701234567'],
    ['tel:0701234567', '+46701234567'],
    ['tel:070-123%2045%2067', '+46701234567'],
    ['tel:%2B46701234567', '+46701234567'],
    ['tel:%2b46%20701%20234%20567', '+46701234567'],
    ['tel:(08)%20123%20456%2078', '+46812345678'],
    ['tel:08.123.456.78', '+46812345678'],
    ['tel:+46701234567/', '+46701234567'],
    ['tel:+46701234567//', '+46701234567'],
    ['tel://+46701234567', '+46701234567'],
    ['  tel:+46701234567  ', '+46701234567'],
    ['tel:+46701234567;', '+46701234567'],
    ['tel:+46701234567;isub=1411', '+46701234567'],
    ['tel:+46701234567;foo=bar;flag', '+46701234567'],
    ['tel:+46701234567;phone-context=+1', '+46701234567'],
    ['tel:+12125550123', '+12125550123'],
    ['tel:701234567;phone-context=+46', '+46701234567'],
    ['tel:0701234567;phone-context=+46', '+46701234567'],
    ['tel:8-123-456-78;phone-context=+46', '+46812345678'],
    ['tel:123-45-67;phone-context=+46-8', '+4681234567'],
    ['tel:123-45-67;PHONE-CONTEXT=+46-8', '+4681234567'],
    ['tel:070-1234567;phone-context=pbx.example.com', '+46701234567'],
    ['tel:070-1234567%3Bphone-context%3Dexample.com', '+46701234567'],
  ])('%s → number %s', (link, e164) => {
    expect(parseCallLink(link)).toEqual(number(e164));
  });

  it.each([
    ['tel:201', '201'],
    ['tel:201;phone-context=example.com', '201'],
    ['tel:2-01;phone-context=pbx.example.com', '201'],
    ['tel:201;phone-context=example.com;ext=5', '201'],
    ['tel:123456/', '123456'],
  ])('%s → extension %s', (link, digits) => {
    expect(parseCallLink(link)).toEqual(extension(digits));
  });

  it.each([
    ['tel:+46812345678;ext=123', '123'],
    ['tel:+46-8-123-456-78;ext=1-2-3', '123'],
    ['tel:+46812345678;EXT=9;isub=42', '9'],
    ['tel:08-123 456 78;ext=4711;phone-context=example.com', '4711'],
  ])('%s keeps its extension %s for dialling after connect', (link, digits) => {
    expect(parseCallLink(link)).toStrictEqual({
      ok: true,
      value: { kind: 'number', e164: '+46812345678', extension: digits },
    });
  });

  it('does not add an extension field when there is none', () => {
    expect(parseCallLink('tel:+46812345678')).toStrictEqual({ ok: true, value: { kind: 'number', e164: '+46812345678' } });
  });

  it.each([
    ['tel:', 'Link "tel:" has nothing after "tel:"'],
    ['tel:/', 'Link "tel:/" has nothing after "tel:"'],
    ['tel:%20%20', 'Link "tel:%20%20" has nothing after "tel:"'],
    ['tel:;ext=1', 'Link "tel:;ext=1" has no number'],
    ['tel:---', 'Link "tel:---" has no number'],
    ['tel:%E0%A4%A', 'Link "tel:%E0%A4%A" has a broken percent-encoding'],
    ['tel:%', 'Link "tel:%" has a broken percent-encoding'],
    ['tel:+46%0A701234567', 'Link "tel:+46%0A701234567" contains control characters'],
    ['tel:+46701234567%00', 'Link "tel:+46701234567%00" contains control characters'],
    ['tel:+46701234567;ext=12;ext=13', 'Link "tel:+46701234567;ext=12;ext=13" repeats the parameter "ext"'],
    ['tel:+46701234567;ext=abc', 'Link "tel:+46701234567;ext=abc" has an invalid extension "abc"'],
    ['tel:+46701234567;ext=', 'Link "tel:+46701234567;ext=" has an invalid extension ""'],
    ['tel:+46701234567;ext', 'Link "tel:+46701234567;ext" has an invalid extension ""'],
    ['tel:123;phone-context=+46abc', 'Link "tel:123;phone-context=+46abc" has an invalid phone-context "+46abc"'],
    ['tel:123;phone-context=exa_mple.com', 'Link "tel:123;phone-context=exa_mple.com" has an invalid phone-context "exa_mple.com"'],
    ['tel:123;phone-context=', 'Link "tel:123;phone-context=" has an invalid phone-context ""'],
    ['+46701234567', 'Link "+46701234567" has no scheme such as tel: or sip:'],
    ['bob@example.com', 'Link "bob@example.com" has no scheme such as tel: or sip:'],
    ['tel%3A+46701234567', 'Link "tel%3A+46701234567" has no scheme such as tel: or sip:'],
    [':+46701234567', 'Link ":+46701234567" has no scheme such as tel: or sip:'],
  ])('%j is link-malformed', (link, message) => {
    expect(parseCallLink(link)).toEqual({ ok: false, error: { code: 'link-malformed', message } });
  });

  it.each([
    ['tel:1-800-FLOWERS', 'contains characters that cannot be dialled in "1-800-FLOWERS"'],
    ['tel:*21#', 'contains characters that cannot be dialled in "*21#"'],
    ['tel:+46701234567@example.com', 'contains characters that cannot be dialled in "+46701234567@example.com"'],
    ['tel:%252B46701234567', 'contains characters that cannot be dialled in "%2B46701234567"'],
    ['tel:+46+701234567', 'contains characters that cannot be dialled in "+46+701234567"'],
    ['tel:+46 70 12', 'does not hold a valid phone number: Phone number "+467012" has the wrong number of digits'],
    ['tel:12345678', 'does not hold a valid phone number: Phone number "12345678" must start with 0 (area code) or +46'],
    ['tel:+999123456', 'does not hold a valid phone number: Phone number "+999123456" has an unknown country code'],
    ['tel:0000000', 'does not hold a valid phone number: Phone number "0000000" is not a valid phone number'],
    ['tel:1', 'does not hold a valid phone number: Phone number "1" must start with 0 (area code) or +46'],
    ['tel:1234567;phone-context=+46', 'does not hold a valid phone number: Phone number "+461234567" is not a valid phone number'],
  ])('%j is link-invalid-number', (link, why) => {
    expect(parseCallLink(link)).toEqual({
      ok: false,
      error: { code: 'link-invalid-number', message: `Link ${JSON.stringify(link)} ${why}` },
    });
  });
});

describe('parseCallLink: sip: and sips:', () => {
  it.each([
    ['sip:bob@example.com', 'sip:bob@example.com'],
    ['SIP:bob@Example.com', 'sip:bob@example.com'],
    ['sip:bob@example.com/', 'sip:bob@example.com'],
    ['sip://bob@example.com', 'sip:bob@example.com'],
    ['sips:bob@example.com', 'sips:bob@example.com'],
    ['sips:bob@example.com:5061;transport=tls', 'sips:bob@example.com:5061'],
    ['sip:bob@example.com;transport=tcp?Subject=hi&Priority=urgent', 'sip:bob@example.com'],
    ['sip:bob@example.com?Route=%3Csip:evil.example.net;lr%3E', 'sip:bob@example.com'],
    ['sip:bob@example.com%3FReplaces%3Dcall-id', 'sip:bob@example.com'],
    ['sip:bob%40example.com', 'sip:bob@example.com'],
    ['sip:+46701234567@pbx.example.com;user=phone', 'sip:+46701234567@pbx.example.com'],
    ['sip:201@pbx.example.com', 'sip:201@pbx.example.com'],
  ])('%s → %s', (link, uri) => {
    expect(parseCallLink(link)).toEqual(sip(uri));
  });

  it.each([
    ['sip:bob', 'SIP address "sip:bob" needs the form user@host'],
    ['sip:@example.com', 'SIP address "sip:@example.com" has no user before "@"'],
    ['sip:bob%20smith@example.com', 'SIP address "sip:bob smith@example.com" contains spaces'],
    ['sips:bob@exa_mple.com', 'SIP address "sips:bob@exa_mple.com" has an invalid host "exa_mple.com"'],
    ['sip:alice:secret@example.com', 'SIP address "sip:alice:secret@example.com" has ":" in its user part'],
    ['sip:%3Cscript%3E@example.com', 'SIP address "sip:<script>@example.com" has "<" in its user part'],
  ])('%j is link-malformed', (link, why) => {
    expect(parseCallLink(link)).toEqual({
      ok: false,
      error: { code: 'link-malformed', message: `Link ${JSON.stringify(link)} is not a valid SIP address: ${why}` },
    });
  });
});

describe('parseCallLink: callto:', () => {
  it.each([
    ['callto:+46701234567', number('+46701234567')],
    ['callto://+46701234567', number('+46701234567')],
    ['callto://+46701234567/', number('+46701234567')],
    ['CALLTO:070-123%2045%2067', number('+46701234567')],
    ['callto:+46701234567?call', number('+46701234567')],
    ['callto:201', extension('201')],
    ['callto://201/', extension('201')],
    ['callto:bob@example.com', sip('sip:bob@example.com')],
  ])('%s is accepted', (link, expected) => {
    expect(parseCallLink(link)).toEqual(expected);
  });

  it.each(['callto:bob.smith', 'callto://live:.cid.abc123', 'callto:echo123?call', 'callto:Åsa.Öberg', 'callto://echo123/'])(
    '%s is a Skype-style name: link-unsupported-target',
    (link) => {
      expect(parseCallLink(link)).toEqual({
        ok: false,
        error: {
          code: 'link-unsupported-target',
          message: `Link ${JSON.stringify(link)} names a Skype-style contact, not a phone number`,
        },
      });
    },
  );

  it.each([
    ['callto:12345678', 'link-invalid-number'],
    ['callto:+46701234567;ext=1', 'link-invalid-number'],
    ['callto:*98', 'link-invalid-number'],
    ['callto:?call', 'link-malformed'],
    ['callto:', 'link-malformed'],
    ['callto:bob@', 'link-malformed'],
  ])('%j → %s', (link, code) => {
    expect(errorOf(link)?.code).toBe(code);
  });
});

describe('parseCallLink: empty, too long and unsupported schemes', () => {
  it.each(['', ' ', '\t\n'])('%j is link-empty', (link) => {
    expect(parseCallLink(link)).toEqual({ ok: false, error: { code: 'link-empty', message: 'Link is empty' } });
  });

  it('accepts a link of exactly the maximum length', () => {
    const head = 'tel:+46701234567;x=';
    const link = head + 'a'.repeat(MAX_CALL_LINK_LENGTH - head.length);
    expect(link.length).toBe(2048);
    expect(parseCallLink(link)).toEqual(number('+46701234567'));
  });

  it('rejects a link one character over the maximum as link-too-long', () => {
    const head = 'tel:+46701234567;x=';
    const link = head + 'a'.repeat(MAX_CALL_LINK_LENGTH + 1 - head.length);
    expect(parseCallLink(link)).toEqual({
      ok: false,
      error: { code: 'link-too-long', message: 'Link is 2049 characters long; the limit is 2048' },
    });
  });

  it('checks the length before anything else, even for blank input', () => {
    expect(errorOf(' '.repeat(5000))?.code).toBe('link-too-long');
  });

  it.each([
    ['http://example.com/call?n=070', 'http'],
    ['HTTPS://example.com', 'https'],
    ['javascript:alert(1)', 'javascript'],
    ['JavaScript:alert("tel:+46701234567")', 'javascript'],
    ['file:///etc/passwd', 'file'],
    ['file://C:/Windows/System32/calc.exe', 'file'],
    ['mailto:bob@example.com', 'mailto'],
    ['skype:echo123?call', 'skype'],
    ['telnet:host', 'telnet'],
    ['data:text/html,<script>alert(1)</script>', 'data'],
    ['C:\\Windows\\calc.exe', 'c'],
  ])('%s is link-unsupported-scheme', (link, scheme) => {
    expect(parseCallLink(link)).toEqual({
      ok: false,
      error: {
        code: 'link-unsupported-scheme',
        message: `Links with the scheme "${scheme}:" cannot be called; use tel:, sip:, sips: or callto:`,
      },
    });
  });

  it('shortens a huge link in its error message', () => {
    const link = `tel:${'x'.repeat(1000)}`;
    expect(errorOf(link)?.message).toBe(`Link "${link.slice(0, 60)}…" contains characters that cannot be dialled in "${'x'.repeat(60)}…"`);
  });
});

describe('findCallLinkInArgv', () => {
  it.each([
    [['C:\\Program Files\\Profiltelefon\\Profiltelefon.exe', '--allow-file-access-from-files', 'tel:+46701234567'], 'tel:+46701234567'],
    [['/usr/bin/profiltelefon', '--no-sandbox', 'sip:bob@example.com', 'tel:201'], 'sip:bob@example.com'],
    [['profiltelefon', 'callto://+46701234567/'], 'callto://+46701234567/'],
    [['profiltelefon', 'SIPS:bob@example.com'], 'SIPS:bob@example.com'],
    [['profiltelefon', '  tel:201 '], 'tel:201'],
    [['electron', '.', '--profile', '3', 'TEL:0701234567'], 'TEL:0701234567'],
    [['profiltelefon', 'tel:'], 'tel:'],
  ])('%j → %s', (argv, expected) => {
    expect(findCallLinkInArgv(argv)).toBe(expected);
  });

  it.each([
    [[]],
    [['profiltelefon']],
    [['profiltelefon', '--profile', 'Lunch', '--for', '45']],
    [['profiltelefon', 'http://example.com', 'telnet:host', 'sipx:bob@example.com', 'teleport', 'mailto:bob@example.com']],
    [['profiltelefon', '--url=tel:+46701234567']],
    [['profiltelefon', 'xtel:+46701234567']],
  ])('%j → null', (argv) => {
    expect(findCallLinkInArgv(argv)).toBeNull();
  });
});
