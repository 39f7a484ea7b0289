import type { AppError } from '../errors';
import { registrationRetryHelps, sipFailure, type SipFailure } from './sipFailure';

/** Where the phone stands with the PBX, as the UI shows it. */
export type RegistrationState =
  | { kind: 'not-configured'; problem: AppError }
  | { kind: 'connecting' }
  | { kind: 'registered'; aor: string }
  /** The socket dropped (PBX restart, network): the phone retries by itself. */
  | { kind: 'reconnecting'; attempt: number }
  /** The PBX's WebSocket was never reached since the phone started: the phone keeps trying. */
  | { kind: 'unreachable'; attempt: number }
  /** The PBX refused the registration; `retryInMs` is null when only the user can fix it. */
  | { kind: 'failed'; failure: SipFailure; retryInMs: number | null }
  | { kind: 'stopped' };

export interface RegistrationFailure {
  /** JsSIP's cause, e.g. "Authentication Error". */
  cause: string;
  /** The final response's status, when there was one. */
  statusCode: number | null;
  /** The PBX's WebSocket had been connected at least once. */
  reachedServer: boolean;
}

/** A registration failure as a specific reason, and whether retrying could help. */
export function describeRegistrationFailure(failure: RegistrationFailure): { failure: SipFailure; retry: boolean } {
  const described = sipFailure({ context: 'registration', presented: 'own-address', outgoing: true, ...failure }) ?? {
    context: 'registration',
    reason: 'call-broken',
    statusCode: failure.statusCode,
  };
  return { failure: described, retry: registrationRetryHelps(described) };
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
