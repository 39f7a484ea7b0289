import type { UA } from 'jssip/lib/UA';
import type { OutgoingRequest } from 'jssip/lib/SIPMessage';
import { KeptChallenge } from './keptChallenge';

/** JsSIP's UA announces every transaction it creates, before the request goes out; its types do not name the event. */
interface TransactionSource {
  on(event: 'newTransaction', listener: (event: { transaction: { type: string; request: OutgoingRequest } }) => void): void;
}

const NON_INVITE_CLIENT = 'nict';

/**
 * Gives every SUBSCRIBE the UA sends credentials for the PBX's kept challenge, for the UA's
 * lifetime. Kamailio's stock policy challenges each new subscription; a directory of a thousand
 * colleagues watched in two packages would otherwise cost two thousand 407s and as many resent
 * SUBSCRIBEs at every start. JsSIP's Subscriber builds and sends its requests itself, so they are
 * reached as their transactions are created: one that already carries credentials is JsSIP's
 * answer to a challenge, whose challenge is kept; any other gets credentials from it.
 */
export function authorizeSubscribesUpFront(ua: UA): void {
  const challenge = KeptChallenge.of(ua);
  (ua as unknown as TransactionSource).on('newTransaction', ({ transaction }) => {
    const { request } = transaction;
    if (transaction.type !== NON_INVITE_CLIENT || request.method !== 'SUBSCRIBE') return;
    if (request.getHeader('proxy-authorization') || request.getHeader('authorization')) challenge.keep(request);
    else challenge.authorize(request);
  });
}
