import { describe, expect, it } from 'vitest';
import {
  asksToListenIn,
  canListenIn,
  decideListenIn,
  listenInCallInfo,
  listenInFailureOf,
  listenInStillAllowed,
  LISTEN_IN_REFUSALS,
  type ListenInRequest,
} from '../../../src/core/phone/listenIn';
import { account, profile } from './fixtures';

const BOB = { name: 'Bob Berg', uri: 'sip:bob@example.se', supervisor: true };
const CAROL = { name: 'Carol Carlsson', uri: 'sip:carol@example.se' };

function request(change: Partial<ListenInRequest> = {}): ListenInRequest {
  return {
    account: account({ addOns: { recording: false, listenIn: true }, directory: [BOB, CAROL] }),
    profile: profile('available', { allowListenIn: true }),
    inCall: true,
    listenedIn: false,
    assertedIdentities: ['<sip:bob@example.se>'],
    ...change,
  };
}

describe('decideListenIn', () => {
  it('accepts a supervisor the PBX asserts, on a profile that allows it, during a call', () => {
    expect(decideListenIn(request())).toEqual({ kind: 'accept', supervisor: BOB });
  });

  it('matches the asserted address whatever its display name, case of host or parameters', () => {
    expect(decideListenIn(request({ assertedIdentities: ['"Someone" <sip:bob@EXAMPLE.se;user=phone>'] }))).toMatchObject({
      kind: 'accept',
    });
  });

  it('refuses when the account has no listen-in add-on', () => {
    const settings = account({ addOns: { recording: true, listenIn: false }, directory: [BOB] });
    expect(decideListenIn(request({ account: settings }))).toEqual({
      kind: 'refuse',
      reason: 'no-add-on',
      statusCode: 403,
      reasonPhrase: 'Listen-in not subscribed',
    });
  });

  it('refuses a colleague without the supervisor role', () => {
    expect(decideListenIn(request({ assertedIdentities: ['<sip:carol@example.se>'] }))).toEqual({
      kind: 'refuse',
      reason: 'not-a-supervisor',
      statusCode: 403,
      reasonPhrase: 'Not a supervisor',
    });
  });

  it('refuses someone not in the directory, and a request the PBX asserted nothing for', () => {
    expect(decideListenIn(request({ assertedIdentities: ['<sip:mallory@example.se>'] }))).toMatchObject({ reason: 'not-a-supervisor' });
    expect(decideListenIn(request({ assertedIdentities: [] }))).toMatchObject({ reason: 'not-a-supervisor' });
  });

  it('takes the identity from P-Asserted-Identity only: a supervisor’s name or address in From counts for nothing', () => {
    // The request carries no From at all: the decision cannot look at one. A display name of "Bob Berg"
    // on carol's asserted address is still carol.
    expect(decideListenIn(request({ assertedIdentities: ['"Bob Berg" <sip:carol@example.se>'] }))).toMatchObject({
      reason: 'not-a-supervisor',
    });
  });

  it('does not take a supervisor on the same user name at another host', () => {
    expect(decideListenIn(request({ assertedIdentities: ['<sip:bob@elsewhere.example>'] }))).toMatchObject({ reason: 'not-a-supervisor' });
  });

  it('does not take a tel: identity or an unreadable header for a supervisor', () => {
    expect(decideListenIn(request({ assertedIdentities: ['<tel:+46812345602>', '<sip:bob@example.se'] }))).toMatchObject({
      reason: 'not-a-supervisor',
    });
  });

  it('finds the supervisor among several asserted identities', () => {
    expect(decideListenIn(request({ assertedIdentities: ['<tel:+46812345602>', '<sip:bob@example.se>'] }))).toMatchObject({
      kind: 'accept',
    });
  });

  it('refuses when the active profile does not allow listen-in', () => {
    expect(decideListenIn(request({ profile: profile('available', { allowListenIn: false }) }))).toEqual({
      kind: 'refuse',
      reason: 'profile-disallows',
      statusCode: 403,
      reasonPhrase: 'Listen-in not allowed by profile',
    });
  });

  it('refuses when there is no call to listen in on', () => {
    expect(decideListenIn(request({ inCall: false }))).toEqual({
      kind: 'refuse',
      reason: 'no-call',
      statusCode: 480,
      reasonPhrase: 'No call in progress',
    });
  });

  it('refuses a second listener on the same call', () => {
    expect(decideListenIn(request({ listenedIn: true }))).toEqual({
      kind: 'refuse',
      reason: 'already-listened',
      statusCode: 486,
      reasonPhrase: 'Already listened in',
    });
  });

  it('refuses before the app has its settings', () => {
    expect(decideListenIn(request({ account: null }))).toMatchObject({ reason: 'not-ready', statusCode: 480 });
    expect(decideListenIn(request({ profile: null }))).toMatchObject({ reason: 'not-ready', statusCode: 480 });
  });

  it('tells a non-supervisor nothing about the profile or the call', () => {
    const closed = request({
      assertedIdentities: ['<sip:carol@example.se>'],
      profile: profile('available', { allowListenIn: false }),
      inCall: false,
    });
    expect(decideListenIn(closed)).toMatchObject({ reason: 'not-a-supervisor' });
  });
});

describe('the listen-in marker', () => {
  it('is a Call-Info with purpose=listen-in and answer-after=0', () => {
    expect(listenInCallInfo('sip:alice@example.se')).toBe('<sip:alice@example.se>;purpose=listen-in;answer-after=0');
    expect(asksToListenIn([listenInCallInfo('sip:alice@example.se')])).toBe(true);
  });

  it('is found among several Call-Info entries, in any case and quoted', () => {
    expect(asksToListenIn(['<http://example.se/logo.png>;purpose=icon, <sip:a@example.se>;Purpose="Listen-In"'])).toBe(true);
  });

  it('is not answer-after alone, another purpose, or a URI that merely says listen-in', () => {
    expect(asksToListenIn([])).toBe(false);
    expect(asksToListenIn(['<sip:alice@example.se>;answer-after=0'])).toBe(false);
    expect(asksToListenIn(['<sip:alice@example.se>;purpose=info'])).toBe(false);
    expect(asksToListenIn(['<sip:alice@example.se;purpose=listen-in>;purpose=icon'])).toBe(false);
    expect(asksToListenIn(['<sip:alice@example.se>;purpose=listen-in-not'])).toBe(false);
  });
});

describe('listenInFailureOf', () => {
  it('reads each refusal back from its status and reason phrase', () => {
    for (const [reason, { statusCode, reasonPhrase }] of Object.entries(LISTEN_IN_REFUSALS)) {
      if (reason === 'not-ready') continue;
      expect(listenInFailureOf(statusCode, reasonPhrase)).toBe(reason);
    }
  });

  it('takes any other response as not getting through', () => {
    expect(listenInFailureOf(404, 'Not Found')).toBe('unreachable');
    expect(listenInFailureOf(403, 'Forbidden')).toBe('unreachable');
    expect(listenInFailureOf(480, 'Temporarily Unavailable')).toBe('unreachable');
    expect(listenInFailureOf(null, null)).toBe('unreachable');
  });
});

describe('listenInStillAllowed', () => {
  const settings = account({ addOns: { recording: false, listenIn: true }, directory: [BOB, CAROL] });

  it('holds while the profile allows it and the supervisor keeps the role', () => {
    expect(listenInStillAllowed(settings, profile('available', { allowListenIn: true }), BOB.uri)).toBe(true);
  });

  it('ends with a profile that does not allow it, without the add-on, or without the role', () => {
    expect(listenInStillAllowed(settings, profile('meeting', { allowListenIn: false }), BOB.uri)).toBe(false);
    expect(
      listenInStillAllowed(
        { ...settings, addOns: { recording: false, listenIn: false } },
        profile('available', { allowListenIn: true }),
        BOB.uri,
      ),
    ).toBe(false);
    expect(
      listenInStillAllowed(
        { ...settings, directory: [{ ...BOB, supervisor: false }] },
        profile('available', { allowListenIn: true }),
        BOB.uri,
      ),
    ).toBe(false);
    expect(listenInStillAllowed(null, null, BOB.uri)).toBe(false);
  });
});

describe('canListenIn', () => {
  it('needs both the add-on and the supervisor role', () => {
    expect(canListenIn({ addOns: { recording: false, listenIn: true }, supervisor: true })).toBe(true);
    expect(canListenIn({ addOns: { recording: false, listenIn: true }, supervisor: false })).toBe(false);
    expect(canListenIn({ addOns: { recording: false, listenIn: false }, supervisor: true })).toBe(false);
  });
});
