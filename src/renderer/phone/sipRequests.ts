import { NameAddrHeader, URI } from 'jssip';
import type { OutgoingRequest } from 'jssip/lib/SIPMessage';
import { ANONYMOUS_DISPLAY_NAME, ANONYMOUS_HOST, ANONYMOUS_USER, type OutgoingIdentity } from '../../core/phone/identity';

const IDENTITY_HEADERS = ['P-Preferred-Identity', 'Privacy'] as const;

/**
 * Puts exactly the identity's P-Preferred-Identity and Privacy on a request. JsSIP adds its own
 * (the SIP address, whatever number the From shows), so they are replaced while the request is
 * still unsent.
 */
export function applyIdentityHeaders(request: OutgoingRequest, identity: OutgoingIdentity): void {
  for (const name of IDENTITY_HEADERS) {
    const wanted = identity.headers.filter((header) => header.name === name).map((header) => header.value);
    if (wanted.length > 0 || request.hasHeader(name)) request.setHeader(name, wanted);
  }
}

/** JsSIP can make an INVITE anonymous, but not a MESSAGE: its From is rewritten here (RFC 3323). */
export function makeFromAnonymous(request: OutgoingRequest): void {
  const tag = request.from.getParam<string | undefined>('tag');
  const from = new NameAddrHeader(new URI('sip', ANONYMOUS_USER, ANONYMOUS_HOST), ANONYMOUS_DISPLAY_NAME, tag ? { tag } : {});
  request.from = from;
  request.setHeader('from', from.toString());
}
