import type { AppError } from '../errors';

/** Where the phone stands with the PBX, as the UI shows it. */
export type RegistrationState =
  | { kind: 'not-configured'; problem: AppError }
  | { kind: 'connecting' }
  | { kind: 'registered'; aor: string }
  /** The socket dropped (PBX restart, network): the phone retries by itself. */
  | { kind: 'reconnecting'; attempt: number }
  /** The PBX refused the registration; `retryInMs` is null when only the user can fix it. */
  | { kind: 'failed'; error: AppError; retryInMs: number | null }
  | { kind: 'stopped' };

export interface RegistrationFailure {
  /** JsSIP's cause, e.g. "Authentication Error". */
  cause: string;
  /** The final response's status, when there was one. */
  statusCode: number | null;
  reasonPhrase: string | null;
}

/** A registration failure as a specific error, and whether retrying could help. */
export function describeRegistrationFailure(failure: RegistrationFailure): { error: AppError; retry: boolean } {
  const status = failure.statusCode === null ? '' : ` (${failure.statusCode}${failure.reasonPhrase ? ` ${failure.reasonPhrase}` : ''})`;
  const code = failure.statusCode;
  if (failure.cause === 'Authentication Error' || code === 401 || code === 407) {
    return {
      error: { code: 'registration-auth-failed', message: `The PBX did not accept the user name or password${status}` },
      retry: false,
    };
  }
  if (code === 403) return { error: { code: 'registration-forbidden', message: `The PBX does not allow this account to register${status}` }, retry: false };
  if (code === 404 || failure.cause === 'Not Found') {
    return { error: { code: 'registration-unknown-user', message: `The PBX does not know this SIP address${status}` }, retry: false };
  }
  if (failure.cause === 'Request Timeout') {
    return { error: { code: 'registration-timeout', message: 'The PBX did not answer the registration in time' }, retry: true };
  }
  if (failure.cause === 'Connection Error') {
    return { error: { code: 'registration-connection-failed', message: 'The connection to the PBX failed' }, retry: true };
  }
  return { error: { code: 'registration-failed', message: `The PBX refused the registration: ${failure.cause}${status}` }, retry: true };
}

export interface Backoff {
  minMs: number;
  maxMs: number;
}

export const REGISTRATION_BACKOFF: Backoff = { minMs: 2_000, maxMs: 60_000 };

/**
 * Exponential backoff with full jitter: attempt 1 waits about `minMs`, each next one up to twice as
 * long, capped at `maxMs`, so many phones that lost the same PBX do not return at the same instant.
 * `random` is in [0, 1).
 */
export function backoffDelayMs(attempt: number, backoff: Backoff, random: number): number {
  const ceiling = Math.min(backoff.maxMs, backoff.minMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(backoff.minMs + (ceiling - backoff.minMs) * random);
}
