import type { ErrorCode } from './errorCodes';

/** A rule the user or a caller broke. `code` is stable and translated by the UI; `message` is English, for logs and tests. */
export interface AppError {
  code: ErrorCode;
  message: string;
  field?: string;
  /** Every problem found, when there were several (e.g. each wrong field of a provisioning file). */
  details?: AppError[];
}

/** An error whose code is one of a known set, for parsers whose callers branch on the code. */
export interface CodedError<Code extends ErrorCode> extends AppError {
  code: Code;
}

export type Result<T, E extends AppError = AppError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message: string, field?: string): Result<T> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});

/** The code of a request that never reached main: the shell's connection is closed, or the bridge threw. */
export const CONTRACT_UNREACHABLE = 'contract-unreachable' satisfies ErrorCode;

export const contractUnreachable = <T = never>(channel: string, detail: string): Result<T> =>
  fail(CONTRACT_UNREACHABLE, `The request ${channel} did not reach the app: ${detail}`, channel);
