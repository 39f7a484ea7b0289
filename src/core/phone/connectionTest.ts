import { describeRegistrationFailure, type RegistrationFailure } from './registration';
import type { SipFailure } from './sipFailure';

/** What "Testa anslutningen" found: registered with the values typed, or why not. */
export type ConnectionTestResult = { kind: 'registered'; aor: string } | { kind: 'failed'; failure: SipFailure };

/** Long enough for a PBX across the country, short enough that the user is still looking. */
export const CONNECTION_TEST_TIMEOUT_MS = 10_000;

/** A test that never got an answer: a server that was never reached is said to be so, not a lost connection. */
export function connectionTestTimedOut(reachedServer: boolean): ConnectionTestResult {
  return {
    kind: 'failed',
    failure: { context: 'registration', reason: reachedServer ? 'request-timeout' : 'server-unreachable', statusCode: null },
  };
}

/** The socket closed: before it ever opened, the server was not reached; after, the connection was lost. */
export function connectionTestDisconnected(reachedServer: boolean): ConnectionTestResult {
  return {
    kind: 'failed',
    failure: { context: 'registration', reason: reachedServer ? 'connection-lost' : 'server-unreachable', statusCode: null },
  };
}

/** The PBX refused the registration: 401, 403 and 407 say the user name or password is wrong. */
export function connectionTestRefused(refusal: RegistrationFailure): ConnectionTestResult {
  return { kind: 'failed', failure: describeRegistrationFailure(refusal).failure };
}
