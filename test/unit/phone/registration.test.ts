import { describe, expect, it } from 'vitest';
import { backoffDelayMs, describeRegistrationFailure } from '../../../src/core/phone/registration';

describe('describeRegistrationFailure', () => {
  it.each([
    [{ cause: 'Authentication Error', statusCode: 401, reasonPhrase: 'Unauthorized' }, 'registration-auth-failed', false],
    [{ cause: 'SIP Failure Code', statusCode: 407, reasonPhrase: null }, 'registration-auth-failed', false],
    [{ cause: 'Rejected', statusCode: 403, reasonPhrase: 'Forbidden' }, 'registration-forbidden', false],
    [{ cause: 'Not Found', statusCode: 404, reasonPhrase: 'Not Found' }, 'registration-unknown-user', false],
    [{ cause: 'Request Timeout', statusCode: null, reasonPhrase: null }, 'registration-timeout', true],
    [{ cause: 'Connection Error', statusCode: null, reasonPhrase: null }, 'registration-connection-failed', true],
    [{ cause: 'SIP Failure Code', statusCode: 503, reasonPhrase: 'Service Unavailable' }, 'registration-failed', true],
  ])('%j → %s (retry %s)', (failure, code, retry) => {
    const described = describeRegistrationFailure(failure);
    expect(described.error.code).toBe(code);
    expect(described.retry).toBe(retry);
  });

  it('names the status in the message', () => {
    expect(describeRegistrationFailure({ cause: 'Authentication Error', statusCode: 401, reasonPhrase: 'Unauthorized' }).error.message).toBe(
      'The PBX did not accept the user name or password (401 Unauthorized)',
    );
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
