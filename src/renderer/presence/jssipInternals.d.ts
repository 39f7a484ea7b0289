/* JsSIP ships no types for the internals PUBLISH needs; these name only what we use. */
declare module 'jssip/lib/RequestSender' {
  import type { UA } from 'jssip/lib/UA';
  import type { IncomingResponse, OutgoingRequest } from 'jssip/lib/SIPMessage';

  interface RequestSenderHandlers {
    onReceiveResponse(response: IncomingResponse): void;
    onRequestTimeout(): void;
    onTransportError(): void;
    /** The request as resent with credentials after a challenge. */
    onAuthenticated?(request: OutgoingRequest): void;
  }

  export default class RequestSender {
    constructor(ua: UA, request: OutgoingRequest, handlers: RequestSenderHandlers);
    send(): void;
  }
}

declare module 'jssip/lib/SIPMessage.js' {
  import type { UA } from 'jssip/lib/UA';
  import type { URI } from 'jssip/lib/URI';
  import type { OutgoingRequest as Request } from 'jssip/lib/SIPMessage';

  export const OutgoingRequest: new (
    method: string,
    ruri: URI,
    ua: UA,
    params: { to_uri?: URI },
    extraHeaders: string[],
    body?: string,
  ) => Request;
}

declare module 'jssip/lib/DigestAuthentication' {
  import type { OutgoingRequest } from 'jssip/lib/SIPMessage';

  export default class DigestAuthentication {
    constructor(credentials: { username: string; password: string | null; realm: string | null; ha1: string | null });
    /** Computes the credentials for `request`; false when the challenge cannot be answered. */
    authenticate(
      request: OutgoingRequest,
      challenge: { realm: string; nonce: string; opaque?: string; qop?: string; algorithm?: string },
    ): boolean;
    toString(): string;
  }
}
