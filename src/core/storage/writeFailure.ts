import type { AppError } from '../errors';

/** What was being saved when the disk refused. Each has its own error code, `<kind>-write-failed`. */
export type WriteKind = 'settings' | 'password' | 'history' | 'recording' | 'calendar-cache';

/** Why the disk refused, in words a user can act on. */
export type DiskProblem = 'disk-full' | 'read-only' | 'no-permission' | 'path-blocked' | 'io-error';

export interface WriteFailure extends AppError {
  code: `${WriteKind}-write-failed`;
  disk: DiskProblem;
}

const PROBLEM_OF_ERRNO: Record<string, DiskProblem> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EFBIG: 'disk-full',
  EROFS: 'read-only',
  EACCES: 'no-permission',
  EPERM: 'no-permission',
  ENOTDIR: 'path-blocked',
  EISDIR: 'path-blocked',
  EEXIST: 'path-blocked',
  ENAMETOOLONG: 'path-blocked',
};

export function diskProblemOf(errno: string | undefined): DiskProblem {
  return (errno !== undefined && Object.hasOwn(PROBLEM_OF_ERRNO, errno) ? PROBLEM_OF_ERRNO[errno] : undefined) ?? 'io-error';
}

export function writeFailureOf(kind: WriteKind, errno: string | undefined, detail: string): WriteFailure {
  const disk = diskProblemOf(errno);
  return {
    code: `${kind}-write-failed`,
    disk,
    message: `The ${kind.replace('-', ' ')} could not be saved (${errno ?? disk}): ${detail}. Nothing was changed.`,
  };
}

export function isWriteFailure(error: AppError): error is WriteFailure {
  return error.code.endsWith('-write-failed') && typeof (error as Partial<WriteFailure>).disk === 'string';
}
