import { describe, expect, it } from 'vitest';
import { backoffDelayMs, describeRegistrationFailure } from '../../../src/core/phone/registration';

describe('describeRegistrationFailure', () => {
  const reached = { reachedServer: true };
  it.each([
    [{ cause: 'Authentication Error', statusCode: 401, ...reached }, 'auth-failed', false],
    [{ cause: 'SIP Failure Code', statusCode: 407, ...reached }, 'auth-failed', false],
    [{ cause: 'Rejected', statusCode: 403, ...reached }, 'forbidden', false],
    [{ cause: 'Not Found', statusCode: 404, ...reached }, 'not-found', false],
    [{ cause: 'Request Timeout', statusCode: null, ...reached }, 'request-timeout', true],
    [{ cause: 'Connection Error', statusCode: null, ...reached }, 'connection-lost', true],
    [{ cause: 'Connection Error', statusCode: null, reachedServer: false }, 'server-unreachable', true],
    [{ cause: 'SIP Failure Code', statusCode: 503, ...reached }, 'server-error', true],
    [{ cause: 'SIP Failure Code', statusCode: 423, ...reached }, 'sip-error', true],
  ])('%j → %s (retry %s)', (failure, reason, retry) => {
    const described = describeRegistrationFailure(failure);
    expect(described.failure).toEqual({ context: 'registration', reason, statusCode: failure.statusCode });
    expect(described.retry).toBe(retry);
  });
});

describe('backoffDelayMs', () => {
  const backoff = { minMs: 2_000, maxMs: 60_000 };
  it('doubles the ceiling each attempt, from the minimum, up to the maximum', () => {
    expect(backoffDelayMs(1, backoff, 0.999)).toBe(2_000);
    expect(backoffDelayMs(2, backoff, 0)).toBe(2_000);
    expect(backoffDelayMs(2, backoff, 0.5)).toBe(3_000);
    expect(backoffDelayMs(4, backoff, 0.999)).toBeCloseTo(16_000, -2);
    expect(backoffDelayMs(20, backoff, 0.999)).toBeLessThanOrEqual(60_000);
    expect(backoffDelayMs(20, backoff, 0.999)).toBeGreaterThan(59_000);
  });
});
