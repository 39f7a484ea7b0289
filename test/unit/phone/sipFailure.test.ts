import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/core/i18n/messages';
import { phoneMessages } from '../../../src/core/i18n/phoneMessages';
import { outgoingIdentity } from '../../../src/core/phone/identity';
import {
  callFailure,
  FAILURE_CONTEXTS,
  FAILURE_REASONS,
  failureMessage,
  presentedIdentity,
  sipFailure,
  type FailureEvent,
  type FailureReason,
} from '../../../src/core/phone/sipFailure';
import { account, profile } from './fixtures';

const event = (change: Partial<FailureEvent>): FailureEvent => ({
  context: 'call',
  cause: 'SIP Failure Code',
  statusCode: null,
  presented: 'number',
  outgoing: true,
  reachedServer: true,
  ...change,
});

describe('sipFailure', () => {
  const cases: [string, Partial<FailureEvent>, FailureReason][] = [
    ['403 to a presented number', { cause: 'Rejected', statusCode: 403 }, 'caller-id-refused'],
    ['403 to a hidden number', { cause: 'Rejected', statusCode: 403, presented: 'hidden' }, 'hidden-refused'],
    ['403 to an anonymous From', { cause: 'Rejected', statusCode: 403, presented: 'anonymous-from' }, 'anonymous-from-refused'],
    ['403 under the own address', { cause: 'Rejected', statusCode: 403, presented: 'own-address' }, 'forbidden'],
    ['401 again', { cause: 'Authentication Error', statusCode: 401 }, 'auth-failed'],
    ['407 again', { cause: 'Authentication Error', statusCode: 407, presented: 'hidden' }, 'auth-failed'],
    [
      '407 again to an anonymous From',
      { cause: 'Authentication Error', statusCode: 407, presented: 'anonymous-from' },
      'anonymous-from-refused',
    ],
    ['404', { cause: 'Not Found', statusCode: 404 }, 'not-found'],
    ['604', { cause: 'Not Found', statusCode: 604 }, 'not-found'],
    ['410', { cause: 'Unavailable', statusCode: 410 }, 'not-found'],
    ['480', { cause: 'Unavailable', statusCode: 480 }, 'unavailable'],
    ['408 from the far end', { cause: 'Unavailable', statusCode: 408 }, 'no-answer'],
    ['486', { cause: 'Busy', statusCode: 486 }, 'busy'],
    ['600', { cause: 'Busy', statusCode: 600 }, 'busy'],
    ['603', { cause: 'Rejected', statusCode: 603 }, 'declined'],
    ['484', { cause: 'Address Incomplete', statusCode: 484 }, 'address-incomplete'],
    ['488', { cause: 'Incompatible SDP', statusCode: 488 }, 'media-incompatible'],
    ['606', { cause: 'Incompatible SDP', statusCode: 606 }, 'media-incompatible'],
    ['an SDP we could not use', { cause: 'Bad Media Description' }, 'media-incompatible'],
    ['an answer without SDP', { cause: 'Missing SDP' }, 'media-incompatible'],
    ['INCOMPATIBLE_SDP without a response', { cause: 'Incompatible SDP' }, 'media-incompatible'],
    ['a microphone the user did not allow', { cause: 'User Denied Media Access', outgoing: false }, 'microphone-denied'],
    ['a WebRTC failure', { cause: 'WebRTC Error' }, 'media-failed'],
    ['RTP that stopped', { cause: 'RTP Timeout' }, 'media-lost'],
    ['a dropped connection', { cause: 'Connection Error' }, 'connection-lost'],
    [
      'a server never reached',
      { context: 'registration', cause: 'Connection Error', reachedServer: false, presented: 'own-address' },
      'server-unreachable',
    ],
    ['no response in time', { cause: 'Request Timeout' }, 'request-timeout'],
    ['a 503', { statusCode: 503 }, 'server-error'],
    ['a 500', { cause: 'SIP Failure Code', statusCode: 500 }, 'server-error'],
    ['no ACK', { cause: 'No ACK' }, 'call-broken'],
    ['a dialog error', { cause: 'Dialog Error' }, 'call-broken'],
    ['an internal error', { cause: 'Internal Error' }, 'call-broken'],
    ['a cause JsSIP may add later', { cause: 'Something New' }, 'call-broken'],
    ['any other status', { statusCode: 415 }, 'sip-error'],
    ['a 493 to a message', { context: 'message', statusCode: 493 }, 'sip-error'],
  ];

  it.each(cases)('explains %s', (_what, change, reason) => {
    const input = event(change);
    expect(sipFailure(input)).toEqual({ context: input.context, reason, statusCode: input.statusCode });
  });

  it('covers every reason it can give', () => {
    expect(new Set(cases.map(([, , reason]) => reason))).toEqual(new Set(FAILURE_REASONS));
  });

  it.each([
    ['a hang-up', { cause: 'Terminated' }],
    ['a cancel', { cause: 'Canceled' }],
    ['a forward', { cause: 'Redirected', statusCode: 302 }],
    ['this phone declining', { cause: 'Rejected', outgoing: false }],
    ['this phone answering busy', { cause: 'Busy', outgoing: false }],
    ['an incoming call nobody took', { cause: 'No Answer', outgoing: false }],
    ['an incoming call that expired', { cause: 'Expires', outgoing: false }],
  ] as [string, Partial<FailureEvent>][])('is null for %s', (_what, change) => {
    expect(sipFailure(event(change))).toBeNull();
  });

  it('ignores a status code on an incoming call: the response was ours', () => {
    expect(sipFailure(event({ cause: 'Rejected', statusCode: 403, outgoing: false }))).toBeNull();
  });
});

describe('presentedIdentity and callFailure', () => {
  it('tell a presented number, a hidden number, an anonymous From and the own address apart', () => {
    const hidden = profile('available', { callerId: { calls: 'hidden', sms: 'hidden' } });
    const clientHiding = account({ callerIdPolicy: { presentation: 'p-preferred-identity', hiding: 'client' } });
    const identity = (p: ReturnType<typeof profile>, a = account()) => {
      const result = outgoingIdentity('call', p, a);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    expect(presentedIdentity(identity(profile('available')))).toBe('number');
    expect(presentedIdentity(identity(hidden))).toBe('hidden');
    expect(presentedIdentity(identity(hidden, clientHiding))).toBe('anonymous-from');
    expect(
      presentedIdentity(identity(profile('available'), account({ numbers: { landline: null, mobile: null, switchboard: null } }))),
    ).toBe('own-address');
    expect(presentedIdentity(null)).toBe('own-address');
    expect(
      callFailure({ direction: 'outgoing', identity: identity(profile('available')), connectionLost: false }, 'Rejected', 403),
    ).toEqual({
      context: 'call',
      reason: 'caller-id-refused',
      statusCode: 403,
    });
  });

  it('says the connection was lost when the phone ended the call for that, whatever the cause', () => {
    for (const cause of ['Terminated', 'Rejected', 'Canceled']) {
      expect(callFailure({ direction: 'incoming', identity: null, connectionLost: true }, cause, null)).toEqual({
        context: 'call',
        reason: 'connection-lost',
        statusCode: null,
      });
    }
  });
});

describe('failureMessage', () => {
  const english = /\b(error|failed|authentication|timeout|rejected|forbidden|unavailable|sdp|webrtc|rtp)\b/i;

  for (const context of FAILURE_CONTEXTS) {
    it.each([...FAILURE_REASONS])(`has Swedish and English words for %s (${context})`, (reason) => {
      const { key, params } = failureMessage({ context, reason, statusCode: 499 });
      expect(phoneMessages.sv[key]).toBeTruthy();
      expect(phoneMessages.en[key]).toBeTruthy();
      const swedish = translate('sv', key, params);
      expect(swedish).not.toBe(translate('en', key, params));
      expect(swedish).not.toMatch(english);
      expect(swedish).not.toMatch(/\{\w+\}/);
    });
  }

  it('says the status code where the reason needs it, in both languages', () => {
    const { key, params } = failureMessage({ context: 'call', reason: 'sip-error', statusCode: 415 });
    expect(translate('sv', key, params)).toBe('Växeln nekade med felkod 415.');
    expect(translate('en', key, params)).toBe('The PBX refused with error code 415.');
  });

  it('names the refused caller ID in Swedish', () => {
    const { key } = failureMessage({ context: 'call', reason: 'caller-id-refused', statusCode: 403 });
    expect(translate('sv', key)).toMatch(/^Växeln tillåter inte numret du visar\./);
  });

  it('speaks of the account, not a callee, for a refused registration', () => {
    const { key } = failureMessage({ context: 'registration', reason: 'auth-failed', statusCode: 401 });
    expect(translate('sv', key)).toBe('Växeln godkände inte användarnamnet eller lösenordet. Kontrollera lösenordet under Konto.');
    expect(failureMessage({ context: 'call', reason: 'auth-failed', statusCode: 407 }).key).toBe('phone.failure.auth-failed');
  });
});
