import { describe, expect, it } from 'vitest';
import { DEFAULT_CALLER_ID_POLICY, type CallerIdPolicy } from '../../../src/core/account/model';
import { outgoingIdentity } from '../../../src/core/phone/identity';
import { account, profile } from './fixtures';

const hidden = profile('available', { callerId: { calls: 'hidden', sms: 'hidden' } });
const withPolicy = (change: Partial<CallerIdPolicy>) => account({ callerIdPolicy: { ...DEFAULT_CALLER_ID_POLICY, ...change } });

describe('outgoingIdentity', () => {
  it('keeps From the own address of record on Tillgänglig and puts the landline in P-Preferred-Identity', () => {
    expect(outgoingIdentity('call', profile('available'), account())).toEqual({
      ok: true,
      value: {
        callerId: 'landline',
        number: '+46812345601',
        fromUser: null,
        fromHost: null,
        fromDisplayName: 'Alice Andersson',
        hidden: false,
        anonymousFrom: false,
        headers: [{ name: 'P-Preferred-Identity', value: '<sip:+46812345601@example.se>' }],
        missingNumber: null,
      },
    });
  });

  it('presents the mobile number after Slutat för dagen, still under the own From', () => {
    expect(outgoingIdentity('call', profile('left-for-the-day'), account())).toMatchObject({
      ok: true,
      value: { callerId: 'mobile', fromUser: null, headers: [{ name: 'P-Preferred-Identity', value: '<sip:+46701110001@example.se>' }] },
    });
  });

  it('chooses calls and SMS separately', () => {
    const split = profile('available', { callerId: { calls: 'switchboard', sms: 'mobile' } });
    expect(outgoingIdentity('call', split, account())).toMatchObject({
      value: { callerId: 'switchboard', headers: [{ value: '<sip:+46855500000@example.se>' }] },
    });
    expect(outgoingIdentity('sms', split, account())).toMatchObject({
      value: { callerId: 'mobile', headers: [{ value: '<sip:+46701110001@example.se>' }] },
    });
  });

  it('puts the number in the From user, and no P-Preferred-Identity, for a PBX that takes it from there', () => {
    expect(outgoingIdentity('call', profile('available'), withPolicy({ presentation: 'from-user' }))).toMatchObject({
      ok: true,
      value: { callerId: 'landline', number: '+46812345601', fromUser: '+46812345601', fromHost: null, headers: [] },
    });
  });

  it('hides the number by default with Privacy: id under the own From, naming no number, for the PBX to anonymise', () => {
    expect(outgoingIdentity('call', hidden, account())).toEqual({
      ok: true,
      value: {
        callerId: 'hidden',
        number: null,
        fromUser: null,
        fromHost: null,
        fromDisplayName: 'Anonymous',
        hidden: true,
        anonymousFrom: false,
        headers: [{ name: 'Privacy', value: 'id' }],
        missingNumber: null,
      },
    });
  });

  it('makes the From anonymous itself when the account says the PBX authenticates that, naming the user only in P-Preferred-Identity', () => {
    expect(outgoingIdentity('sms', hidden, withPolicy({ hiding: 'client' }))).toMatchObject({
      ok: true,
      value: {
        hidden: true,
        anonymousFrom: true,
        fromUser: 'anonymous',
        fromHost: 'anonymous.invalid',
        headers: [
          { name: 'P-Preferred-Identity', value: '<sip:alice@example.se>' },
          { name: 'Privacy', value: 'id' },
        ],
      },
    });
  });

  it('presents the SIP address, and says so, when the account lacks the chosen number', () => {
    const noMobile = account({ numbers: { landline: '+46812345601', mobile: null, switchboard: null } });
    expect(outgoingIdentity('call', profile('left-for-the-day'), noMobile)).toMatchObject({
      ok: true,
      value: { callerId: null, number: null, fromUser: null, missingNumber: 'mobile', headers: [] },
    });
  });

  it('sends chat under the SIP address, whatever the profile and the policy say', () => {
    expect(outgoingIdentity('chat', hidden, withPolicy({ presentation: 'from-user', hiding: 'client' }))).toMatchObject({
      ok: true,
      value: { callerId: null, fromUser: null, hidden: false, anonymousFrom: false, headers: [] },
    });
  });

  it('refuses an account without a usable SIP address', () => {
    expect(
      outgoingIdentity('call', profile('available'), account({ sip: { serverUrl: '', uri: '', authUser: '', displayName: '' } })),
    ).toMatchObject({
      ok: false,
      error: { code: 'sip-uri-missing' },
    });
    expect(
      outgoingIdentity(
        'call',
        profile('available'),
        account({ sip: { serverUrl: '', uri: 'not an address', authUser: '', displayName: '' } }),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'sip-uri-invalid' },
    });
  });
});
