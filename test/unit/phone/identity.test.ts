import { describe, expect, it } from 'vitest';
import { outgoingIdentity } from '../../../src/core/phone/identity';
import { account, profile } from './fixtures';

describe('outgoingIdentity', () => {
  it('presents the landline on Tillgänglig: From user and P-Preferred-Identity', () => {
    expect(outgoingIdentity('call', profile('available'), account())).toEqual({
      ok: true,
      value: {
        callerId: 'landline',
        number: '+46812345601',
        fromUser: '+46812345601',
        fromHost: 'example.se',
        fromDisplayName: 'Alice Andersson',
        anonymous: false,
        headers: [{ name: 'P-Preferred-Identity', value: '<sip:+46812345601@example.se>' }],
        missingNumber: null,
      },
    });
  });

  it('presents the mobile number after Slutat för dagen', () => {
    expect(outgoingIdentity('call', profile('left-for-the-day'), account())).toMatchObject({
      ok: true,
      value: { callerId: 'mobile', fromUser: '+46701110001', headers: [{ name: 'P-Preferred-Identity', value: '<sip:+46701110001@example.se>' }] },
    });
  });

  it('chooses calls and SMS separately', () => {
    const split = profile('available', { callerId: { calls: 'switchboard', sms: 'mobile' } });
    expect(outgoingIdentity('call', split, account())).toMatchObject({ value: { callerId: 'switchboard', fromUser: '+46855500000' } });
    expect(outgoingIdentity('sms', split, account())).toMatchObject({ value: { callerId: 'mobile', fromUser: '+46701110001' } });
  });

  it('makes a hidden caller ID anonymous (RFC 3323), naming the real user only to the PBX', () => {
    expect(outgoingIdentity('call', profile('available', { callerId: { calls: 'hidden', sms: 'landline' } }), account())).toEqual({
      ok: true,
      value: {
        callerId: 'hidden',
        number: null,
        fromUser: 'anonymous',
        fromHost: 'anonymous.invalid',
        fromDisplayName: 'Anonymous',
        anonymous: true,
        headers: [
          { name: 'P-Preferred-Identity', value: '<sip:alice@example.se>' },
          { name: 'Privacy', value: 'id' },
        ],
        missingNumber: null,
      },
    });
  });

  it('presents the SIP address, and says so, when the account lacks the chosen number', () => {
    const noMobile = account({ numbers: { landline: '+46812345601', mobile: null, switchboard: null } });
    expect(outgoingIdentity('call', profile('left-for-the-day'), noMobile)).toMatchObject({
      ok: true,
      value: { callerId: null, number: null, fromUser: 'alice', missingNumber: 'mobile', headers: [{ name: 'P-Preferred-Identity', value: '<sip:alice@example.se>' }] },
    });
  });

  it('sends chat under the SIP address, whatever the profile says', () => {
    expect(outgoingIdentity('chat', profile('available', { callerId: { calls: 'hidden', sms: 'hidden' } }), account())).toMatchObject({
      ok: true,
      value: { callerId: null, fromUser: 'alice', anonymous: false, headers: [] },
    });
  });

  it('refuses an account without a usable SIP address', () => {
    expect(outgoingIdentity('call', profile('available'), account({ sip: { serverUrl: '', uri: '', authUser: '', displayName: '' } }))).toMatchObject({
      ok: false,
      error: { code: 'sip-uri-missing' },
    });
    expect(outgoingIdentity('call', profile('available'), account({ sip: { serverUrl: '', uri: 'not an address', authUser: '', displayName: '' } }))).toMatchObject({
      ok: false,
      error: { code: 'sip-uri-invalid' },
    });
  });
});
