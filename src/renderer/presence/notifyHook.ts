import type { Subscriber } from 'jssip/lib/Subscriber';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';

/** JsSIP's dialog hands every in-dialog request of a subscription to this method of its Subscriber. */
interface DialogOwner {
  receiveRequest(request: IncomingRequest): void;
}

/**
 * Calls `onNotify` for every NOTIFY the subscription accepted, with its body ('' when it has none) and
 * its Content-Type.
 * JsSIP emits `notify` only for a NOTIFY with a body, but an empty one matters: Kamailio sends it
 * when the watched publication expires (RFC 3856 §6.6.2: no state). A NOTIFY that ends the
 * subscription, or that JsSIP refused, is left to the `terminated` event.
 */
export function onEveryNotify(subscriber: Subscriber, onNotify: (body: string, contentType: string | null) => void): void {
  const owner = subscriber as unknown as DialogOwner;
  const receive = owner.receiveRequest.bind(subscriber);
  let ended = false;
  subscriber.on('terminated', () => (ended = true));
  owner.receiveRequest = (request) => {
    receive(request);
    if (request.method === 'NOTIFY' && !ended) onNotify(request.body ?? '', request.getHeader('Content-Type') ?? null);
  };
}
