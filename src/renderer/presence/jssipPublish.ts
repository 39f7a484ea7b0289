import { URI } from 'jssip';
import type { UA } from 'jssip/lib/UA';
import type { URI as SipUri } from 'jssip/lib/URI';
import RequestSender from 'jssip/lib/RequestSender';
import { OutgoingRequest } from 'jssip/lib/SIPMessage.js';
import type { PublishResponse, SendPublish } from '../../core/presence/publication';
import { KeptChallenge } from './keptChallenge';

const NO_ANSWER: Omit<PublishResponse, 'status'> = { etag: null, expires: null, minExpires: null };

function headerNumber(value: string | undefined): number | null {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) ? parsed : null;
}

/**
 * PUBLISH over JsSIP's own request sender, which handles digest authentication. After the first
 * challenge, later PUBLISHes carry credentials for the same nonce up front (RFC 3261 §22.3), so a
 * refresh is one round trip instead of two, and the removal sent while the page closes is accepted
 * without waiting for a challenge the page would not live to answer. A stale nonce is challenged
 * again and answered as usual.
 */
export function jssipSendPublish(ua: UA, aor: string, event: string, contentType: string): SendPublish {
  const challenge = KeptChallenge.of(ua);
  return ({ etag, expires, body }) =>
    new Promise((resolve) => {
      const target = URI.parse(aor) as unknown as SipUri | undefined;
      if (!target) throw new Error(`"${aor}" is not a SIP address`);
      const headers = [`Event: ${event}`, `Expires: ${expires}`];
      if (etag !== null) headers.push(`SIP-If-Match: ${etag}`);
      if (body !== null) headers.push(`Content-Type: ${contentType}`);
      const request = new OutgoingRequest('PUBLISH', target, ua, { to_uri: target }, headers, body ?? undefined);
      challenge.authorize(request);
      new RequestSender(ua, request, {
        onAuthenticated: (authenticated) => challenge.keep(authenticated),
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
