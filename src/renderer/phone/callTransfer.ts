import type { AppError, Result } from '../../core/errors';
import type { ResolvedTarget } from '../../core/phone/dialTarget';
import { attempt, hangUpQuietly, type Announcement, type EndableSession } from './trackedCall';

/** What a transfer needs of a call's session; a JsSIP RTCSession is one. */
export interface ReferringSession extends EndableSession {
  refer(
    target: string,
    options: { eventHandlers: { requestSucceeded(): void; requestFailed(event: { response?: { status_code: number } }): void } },
  ): unknown;
}

export interface BlindTransferReport {
  /** The other party took the REFER; this phone has left the call. */
  transferred(): void;
  refused(error: AppError): void;
}

/** Blind transfer: asks the other party (REFER) to call `target`, and leaves the call once it agrees. */
export function blindTransfer(session: ReferringSession, target: ResolvedTarget, report: BlindTransferReport): Result<null> {
  return referAndLeave(session, target, report.transferred, (statusCode) =>
    report.refused({ code: 'transfer-refused', message: `The transfer was refused${statusCode === null ? '' : ` (${statusCode})`}` }),
  );
}

/**
 * Ends an announced call as the profile says: hangs up, or passes the caller on (REFER, usually to
 * voicemail). A caller whose phone refuses the REFER is hung up on, never left in silence.
 */
export function passOnAfterAnnouncement(session: ReferringSession, then: Announcement['then'], transferred: () => void): void {
  const referred = then.kind === 'transfer' ? referAndLeave(session, then.target, transferred, () => hangUpQuietly(session)) : null;
  if (!referred?.ok) hangUpQuietly(session);
}

function referAndLeave(
  session: ReferringSession,
  target: ResolvedTarget,
  succeeded: () => void,
  failed: (statusCode: number | null) => void,
): Result<null> {
  return attempt(() =>
    session.refer(target.uri, {
      eventHandlers: {
        requestSucceeded: () => {
          succeeded();
          hangUpQuietly(session);
        },
        requestFailed: ({ response }) => failed(response?.status_code ?? null),
      },
    }),
  );
}
