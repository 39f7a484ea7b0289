import { describe, expect, it } from 'vitest';
import { UA, URI } from 'jssip';
import type { URI as SipUri } from 'jssip/lib/URI';
import DigestAuthentication from 'jssip/lib/DigestAuthentication';
import type { OutgoingRequest as SipRequest } from 'jssip/lib/SIPMessage';
import { OutgoingRequest } from 'jssip/lib/SIPMessage.js';
import { KeptChallenge } from '../../../src/renderer/presence/keptChallenge';

const CHALLENGE = { realm: 'pbx.test', nonce: 'abc123', qop: 'auth', algorithm: 'MD5' };

/** A JsSIP UA that is never started; its socket is a stand-in that is never connected. */
function unstartedUa(): UA {
  const socket = {
    url: 'ws://pbx.test',
    via_transport: 'WS',
    sip_uri: 'sip:pbx.test;transport=ws',
    connect() {},
    disconnect() {},
    send: () => true,
  };
  return new UA({ sockets: [socket], uri: 'sip:alice@pbx.test', password: 'secret', register: false } as never);
}

function publish(ua: UA): SipRequest {
  const target = URI.parse('sip:alice@pbx.test') as unknown as SipUri;
  return new OutgoingRequest('PUBLISH', target, ua, { to_uri: target }, ['Event: presence'], 'body');
}

/** The request as JsSIP resends it after a 407: credentials with nc=1. */
function answeredByJssip(ua: UA): SipRequest {
  const request = publish(ua);
  const digest = new DigestAuthentication({ username: 'alice', password: 'secret', realm: null, ha1: null });
  digest.authenticate(request, CHALLENGE);
  request.setHeader('proxy-authorization', digest.toString());
  return request;
}

function nonceCount(request: SipRequest): string | undefined {
  return /nc=([0-9a-f]{8})/.exec(request.getHeader('proxy-authorization') ?? '')?.[1];
}

describe('KeptChallenge', () => {
  it('has nothing to offer before a challenge was answered', () => {
    const request = publish(unstartedUa());
    expect(KeptChallenge.of(unstartedUa()).authorize(request)).toBe(false);
    expect(request.getHeader('proxy-authorization')).toBeUndefined();
  });

  it("puts credentials for the kept nonce on later requests, counting on from JsSIP's own answer", () => {
    const ua = unstartedUa();
    KeptChallenge.of(ua).keep(answeredByJssip(ua));
    const next = publish(ua);
    expect(KeptChallenge.of(ua).authorize(next)).toBe(true);
    expect(next.getHeader('proxy-authorization')).toContain('nonce="abc123"');
    expect(nonceCount(next)).toBe('00000002');
  });

  it('is one per UA, so two senders never use the same nonce count', () => {
    const ua = unstartedUa();
    const publisher = KeptChallenge.of(ua);
    const subscriber = KeptChallenge.of(ua);
    publisher.keep(answeredByJssip(ua));
    const fromPublisher = publish(ua);
    const fromSubscriber = publish(ua);
    publisher.authorize(fromPublisher);
    subscriber.authorize(fromSubscriber);
    expect([nonceCount(fromPublisher), nonceCount(fromSubscriber)]).toEqual(['00000002', '00000003']);
  });

  it('keeps nothing from a request that carries no credentials', () => {
    const ua = unstartedUa();
    KeptChallenge.of(ua).keep(publish(ua));
    expect(KeptChallenge.of(ua).authorize(publish(ua))).toBe(false);
  });
});
