/* JsSIP ships no types for its parser; this names only what the tests use. */
declare module 'jssip/lib/Parser' {
  import type { IncomingRequest, IncomingResponse } from 'jssip/lib/SIPMessage';

  export function parseMessage(data: string, ua: unknown): IncomingRequest | IncomingResponse | undefined;
}
