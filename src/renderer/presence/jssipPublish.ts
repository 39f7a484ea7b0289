import { URI } from 'jssip';
import type { UA } from 'jssip/lib/UA';
import type { URI as SipUri } from 'jssip/lib/URI';
import type { OutgoingRequest as SipRequest } from 'jssip/lib/SIPMessage';
import DigestAuthentication from 'jssip/lib/DigestAuthentication';
import RequestSender from 'jssip/lib/RequestSender';
import { OutgoingRequest } from 'jssip/lib/SIPMessage.js';
import type { PublishResponse, SendPublish } from '../../core/presence/publication';

const NO_ANSWER: Omit<PublishResponse, 'status'> = { etag: null, expires: null, minExpires: null };

function headerNumber(value: string | undefined): number | null {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) ? parsed : null;
}

interface Challenge {
  header: 'authorization' | 'proxy-authorization';
  params: { realm: string; nonce: string; opaque?: string; qop?: string; algorithm?: string };
}

/** The challenge JsSIP answered, read back from the credentials it sent (JsSIP keeps it to itself). */
function challengeAnswered(request: SipRequest): Challenge | null {
  for (const header of ['proxy-authorization', 'authorization'] as const) {
    const value = request.getHeader(header);
    if (!value) continue;
    const params = Object.fromEntries([...value.matchAll(/(\w+)="?([^",]*)"?/g)].map(([, key, param]) => [key!.toLowerCase(), param!]));
    if (!params.realm || !params.nonce) return null;
    return {
      header,
      params: { realm: params.realm, nonce: params.nonce, opaque: params.opaque, qop: params.qop, algorithm: params.algorithm },
    };
  }
  return null;
}

/**
 * PUBLISH over JsSIP's own request sender, which handles digest authentication. After the first
 * challenge, later PUBLISHes carry credentials for the same nonce up front (RFC 3261 §22.3), so a
 * refresh is one round trip instead of two, and the removal sent while the page closes is accepted
 * without waiting for a challenge the page would not live to answer. A stale nonce is challenged
 * again and answered as usual.
 */
export function jssipSendPublish(ua: UA, aor: string, event: string, contentType: string): SendPublish {
  let challenge: Challenge | null = null;
  const { configuration } = ua as unknown as {
    configuration: { authorization_user: string; password: string | null; realm: string | null; ha1: string | null };
  };
  const digest = new DigestAuthentication({
    username: configuration.authorization_user,
    password: configuration.password,
    realm: configuration.realm,
    ha1: configuration.ha1,
  });
  return ({ etag, expires, body }) =>
    new Promise((resolve) => {
      const target = URI.parse(aor) as unknown as SipUri | undefined;
      if (!target) throw new Error(`"${aor}" is not a SIP address`);
      const headers = [`Event: ${event}`, `Expires: ${expires}`];
      if (etag !== null) headers.push(`SIP-If-Match: ${etag}`);
      if (body !== null) headers.push(`Content-Type: ${contentType}`);
      const request = new OutgoingRequest('PUBLISH', target, ua, { to_uri: target }, headers, body ?? undefined);
      if (challenge !== null && digest.authenticate(request, challenge.params)) request.setHeader(challenge.header, digest.toString());
      new RequestSender(ua, request, {
        onAuthenticated: (authenticated) => {
          challenge = challengeAnswered(authenticated);
        },
        onReceiveResponse: (response) => {
          if (response.status_code < 200) return;
          resolve({
            status: response.status_code,
            etag: response.getHeader('SIP-ETag') ?? null,
            expires: headerNumber(response.getHeader('Expires')),
            minExpires: headerNumber(response.getHeader('Min-Expires')),
          });
        },
        onRequestTimeout: () => resolve({ status: 408, ...NO_ANSWER }),
        onTransportError: () => resolve({ status: 503, ...NO_ANSWER }),
      }).send();
    });
}
