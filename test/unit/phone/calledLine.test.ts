import { describe, expect, it } from 'vitest';
import { calledLine, type CalledHeaders } from '../../../src/core/phone/calledLine';
import { account } from './fixtures';

const NUMBERS = account().numbers; // landline +46812345601, mobile +46701110001, switchboard +46855500000

const line = (headers: Partial<CalledHeaders>, numbers = NUMBERS) =>
  calledLine({ to: null, historyInfo: [], diversion: [], ...headers }, numbers);

describe('calledLine: To, the address the caller dialled', () => {
  it('knows each of the account numbers in the shapes PBXs write them', () => {
    expect(line({ to: '<sip:+46812345601@127.0.0.1>' })).toBe('landline');
    expect(line({ to: '"Alice Andersson" <sip:+46701110001@pbx.example.se;user=phone>;tag=8a9c2' })).toBe('mobile');
    expect(line({ to: '<tel:+46855500000>' })).toBe('switchboard');
    expect(line({ to: 'sip:+46812345601@127.0.0.1;tag=1' })).toBe('landline');
    expect(line({ to: '<sip:0701110001@pbx.example.se>' })).toBe('mobile');
    expect(line({ to: '<sip:%2B46812345601@pbx.example.se>' })).toBe('landline');
  });

  it('gives the own-address rule to a call for the SIP address, an extension, or a number that is not the account’s', () => {
    expect(line({ to: '<sip:alice@127.0.0.1>' })).toBe('own');
    expect(line({ to: '<sip:201@pbx.example.se>' })).toBe('own');
    expect(line({ to: '<sip:+46812345602@127.0.0.1>' })).toBe('own');
    expect(line({ to: '<sip:+46812345601@127.0.0.1>' }, { landline: null, mobile: '+46701110001', switchboard: null })).toBe('own');
  });
});

describe('calledLine: a retargeted call', () => {
  it('takes the first History-Info target (RFC 7044) over To', () => {
    const historyInfo = [
      '<sip:+46855500000@pbx.example.se>;index=1, <sip:alice@pbx.example.se?Reason=SIP%3Bcause%3D302%3Btext%3D%22Moved%22>;index=1.1;rc=1',
      '<sip:kqi3mb8n@192.0.2.7;transport=ws>;index=1.1.1;rc=1.1',
    ];
    expect(line({ to: '<sip:alice@pbx.example.se>', historyInfo })).toBe('switchboard');
    expect(
      line({
        to: '<sip:+46812345601@pbx.example.se>',
        historyInfo: ['<sip:+46701110001@pbx.example.se>;index=1', '<sip:+46812345601@pbx.example.se>;index=1.1;rc=1'],
      }),
    ).toBe('mobile');
  });

  it('takes the first target that is one of the user’s own when a colleague forwarded the call', () => {
    const historyInfo = [
      '<sip:+46812345602@pbx.example.se>;index=1, <sip:bob@pbx.example.se>;index=1.1;mp=1',
      '<sip:+46701110001@pbx.example.se?Reason=SIP%3Bcause%3D302>;index=1.2;rc=1',
    ];
    expect(line({ to: '<sip:+46812345602@pbx.example.se>', historyInfo })).toBe('mobile');
  });

  it('takes the oldest Diversion (RFC 5806: each diversion is added on top), in one header or several', () => {
    expect(
      line({
        to: '<sip:bob@pbx.example.se>',
        diversion: ['<sip:bob@pbx.example.se>;reason=user-busy;counter=1', '<tel:+46855500000>;reason=unconditional;counter=1'],
      }),
    ).toBe('switchboard');
    expect(
      line({
        to: '<sip:alice@pbx.example.se>',
        diversion: ['<sip:+46701110001@pbx.example.se>;reason=deflection, "Alice" <sip:+46812345601@pbx.example.se>;reason=unconditional'],
      }),
    ).toBe('landline');
  });

  it('reads History-Info before Diversion', () => {
    expect(
      line({
        historyInfo: ['<sip:+46701110001@pbx.example.se>;index=1'],
        diversion: ['<sip:+46812345601@pbx.example.se>;reason=unconditional'],
      }),
    ).toBe('mobile');
  });

  it('keeps a comma inside a quoted name or inside <…> in its entry', () => {
    expect(line({ historyInfo: ['"Växeln, Ålcom \\"AB\\"" <sip:+46855500000@pbx.example.se>;index=1'] })).toBe('switchboard');
    expect(line({ diversion: ['<sip:+46812345601@pbx.example.se;x=a,b>;reason=unconditional'] })).toBe('landline');
  });
});

describe('calledLine: malformed headers never throw and never pick a line by guessing', () => {
  it('falls back to the own-address rule', () => {
    for (const to of [
      null,
      '',
      '<<<',
      '"unterminated <sip:+46812345601@x>',
      'sip:',
      '<sip:+46812345601@>',
      '<sip:%ZZ@x>',
      `<sip:+46812345601@x>${'\u0000'}`,
      `<sip:${'9'.repeat(2000)}@x>`,
      'http://+46812345601',
    ]) {
      expect(line({ to })).toBe('own');
    }
  });

  it('skips entries it cannot read and reads on', () => {
    expect(line({ historyInfo: ['garbage,,, <sip:@>;index=1, <sip:+46701110001@pbx.example.se>;index=1.1'] })).toBe('mobile');
    expect(
      line({ to: '<sip:+46812345601@pbx.example.se>', historyInfo: ['<sip:+46701110001@pbx.example.se', '"'], diversion: ['<>'] }),
    ).toBe('landline');
  });

  it('reads at most 32 retargets, and To still counts after a flood of them', () => {
    const flood = Array.from({ length: 1000 }, (_, index) => `<sip:x${index}@pbx.example.se>;index=1.${index}`).join(', ');
    expect(line({ historyInfo: [`${flood}, <sip:+46701110001@pbx.example.se>;index=2`] })).toBe('own');
    expect(line({ historyInfo: [flood], to: '<sip:+46812345601@pbx.example.se>' })).toBe('landline');
  });
});
