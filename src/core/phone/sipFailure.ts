import { z } from 'zod';
import type { PhoneMessageKey } from '../i18n/phoneMessages';
import type { OutgoingIdentity } from './identity';

/** What was refused: a call, a chat or SMS, or the registration. */
export const FAILURE_CONTEXTS = ['call', 'message', 'registration'] as const;
export type FailureContext = (typeof FAILURE_CONTEXTS)[number];

/** Why a request or a call failed, as far as the user can act on it. */
export const FAILURE_REASONS = [
  /** 403 to a request that presented one of the user's numbers. */
  'caller-id-refused',
  /** 403 to a request with `Privacy: id`. */
  'hidden-refused',
  /** 401/407 again, or 403, to a request with an anonymous From. */
  'anonymous-from-refused',
  'forbidden',
  /** 401/407 again after the answer to the challenge. */
  'auth-failed',
  'not-found',
  'unavailable',
  'no-answer',
  'busy',
  'declined',
  'address-incomplete',
  /** 488/606, or an SDP that could not be used. */
  'media-incompatible',
  'microphone-denied',
  'media-failed',
  /** No RTP arrived for a while during the call. */
  'media-lost',
  'connection-lost',
  /** The PBX's WebSocket was never reached. */
  'server-unreachable',
  /** No response at all in time. */
  'request-timeout',
  'server-error',
  'call-broken',
  /** Any other final response: the status code is shown. */
  'sip-error',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export const SipFailureSchema = z
  .object({
    context: z.enum(FAILURE_CONTEXTS),
    reason: z.enum(FAILURE_REASONS),
    statusCode: z.number().int().min(100).max(699).nullable(),
  })
  .strict();
export type SipFailure = z.infer<typeof SipFailureSchema>;

/** What the refused request said about who sends it. */
export type PresentedIdentity = 'number' | 'hidden' | 'anonymous-from' | 'own-address';

export interface FailureEvent {
  context: FailureContext;
  /** JsSIP's cause (`JsSIP.C.causes`), e.g. "Authentication Error", "RTP Timeout". */
  cause: string;
  /** The final response's status, when the far end answered. */
  statusCode: number | null;
  presented: PresentedIdentity;
  /** Whether we sent the request or the call came in: an incoming call has no response of ours to explain. */
  outgoing: boolean;
  /** The PBX's WebSocket had been connected at least once; only a registration can fail before that. */
  reachedServer: boolean;
}

// JsSIP.C.causes, by value: the core does not load JsSIP.
const CAUSE = {
  connectionError: 'Connection Error',
  requestTimeout: 'Request Timeout',
  internalError: 'Internal Error',
  busy: 'Busy',
  rejected: 'Rejected',
  redirected: 'Redirected',
  unavailable: 'Unavailable',
  notFound: 'Not Found',
  addressIncomplete: 'Address Incomplete',
  incompatibleSdp: 'Incompatible SDP',
  missingSdp: 'Missing SDP',
  authenticationError: 'Authentication Error',
  bye: 'Terminated',
  webrtcError: 'WebRTC Error',
  canceled: 'Canceled',
  noAnswer: 'No Answer',
  expires: 'Expires',
  noAck: 'No ACK',
  dialogError: 'Dialog Error',
  userDeniedMediaAccess: 'User Denied Media Access',
  badMediaDescription: 'Bad Media Description',
  rtpTimeout: 'RTP Timeout',
} as const;

/** Ends that are someone's choice, not a failure: hung up, cancelled, forwarded, or turned away by this phone. */
const NORMAL_ENDS: readonly string[] = [CAUSE.bye, CAUSE.canceled, CAUSE.redirected];

export function presentedIdentity(identity: OutgoingIdentity | null): PresentedIdentity {
  if (identity === null) return 'own-address';
  if (identity.anonymousFrom) return 'anonymous-from';
  if (identity.hidden) return 'hidden';
  return identity.number === null ? 'own-address' : 'number';
}

/** Why a call, message or registration failed; null when it simply ended. */
export function sipFailure(event: FailureEvent): SipFailure | null {
  const reason = reasonOf(event);
  return reason === null ? null : { context: event.context, reason, statusCode: event.statusCode };
}

function reasonOf(event: FailureEvent): FailureReason | null {
  const { cause, statusCode } = event;
  if (NORMAL_ENDS.includes(cause)) return null;
  if (statusCode !== null && event.outgoing && statusCode >= 300) return reasonOfStatus(statusCode, event.presented);
  switch (cause) {
    case CAUSE.connectionError:
      return event.reachedServer ? 'connection-lost' : 'server-unreachable';
    case CAUSE.requestTimeout:
      return 'request-timeout';
    case CAUSE.authenticationError:
      return event.presented === 'anonymous-from' ? 'anonymous-from-refused' : 'auth-failed';
    case CAUSE.incompatibleSdp:
    case CAUSE.missingSdp:
    case CAUSE.badMediaDescription:
      return 'media-incompatible';
    case CAUSE.userDeniedMediaAccess:
      return 'microphone-denied';
    case CAUSE.webrtcError:
      return 'media-failed';
    case CAUSE.rtpTimeout:
      return 'media-lost';
    case CAUSE.noAck:
    case CAUSE.dialogError:
    case CAUSE.internalError:
      return 'call-broken';
    // Without a response of the far end these are this phone's own answers (decline, busy, 480)
    // or an incoming call nobody took: the outcome already says so.
    case CAUSE.rejected:
    case CAUSE.busy:
    case CAUSE.unavailable:
    case CAUSE.noAnswer:
    case CAUSE.expires:
      return null;
    case CAUSE.notFound:
      return 'not-found';
    case CAUSE.addressIncomplete:
      return 'address-incomplete';
    default:
      return 'call-broken';
  }
}

function reasonOfStatus(status: number, presented: PresentedIdentity): FailureReason {
  switch (status) {
    case 401:
    case 407:
      return presented === 'anonymous-from' ? 'anonymous-from-refused' : 'auth-failed';
    case 403:
      if (presented === 'number') return 'caller-id-refused';
      if (presented === 'hidden') return 'hidden-refused';
      if (presented === 'anonymous-from') return 'anonymous-from-refused';
      return 'forbidden';
    case 404:
    case 410:
    case 604:
      return 'not-found';
    case 480:
    case 430:
      return 'unavailable';
    case 408:
      return 'no-answer';
    case 486:
    case 600:
      return 'busy';
    case 603:
      return 'declined';
    case 484:
    case 424:
      return 'address-incomplete';
    case 488:
    case 606:
      return 'media-incompatible';
    default:
      return status >= 500 && status < 600 ? 'server-error' : 'sip-error';
  }
}

/** Why a call failed or broke off; null when someone simply ended it. */
export function callFailure(
  call: { direction: 'incoming' | 'outgoing'; identity: OutgoingIdentity | null; connectionLost: boolean },
  cause: string,
  statusCode: number | null,
): SipFailure | null {
  // The phone ended the call itself because the PBX's connection was gone, whatever JsSIP's cause says.
  if (call.connectionLost) return { context: 'call', reason: 'connection-lost', statusCode: null };
  return sipFailure({
    context: 'call',
    cause,
    statusCode,
    presented: presentedIdentity(call.identity),
    outgoing: call.direction === 'outgoing',
    reachedServer: true,
  });
}

/** Registrations have their own words for a few reasons: there is no callee, only the account. */
const REGISTRATION_KEYS: Partial<Record<FailureReason, PhoneMessageKey>> = {
  'auth-failed': 'phone.failure.registration.auth-failed',
  forbidden: 'phone.failure.registration.forbidden',
  'not-found': 'phone.failure.registration.not-found',
};

/** The message that explains a failure, and its parameters. */
export function failureMessage(failure: SipFailure): { key: PhoneMessageKey; params: { status: string } } {
  const key =
    (failure.context === 'registration' ? REGISTRATION_KEYS[failure.reason] : undefined) ?? (`phone.failure.${failure.reason}` as const);
  return { key, params: { status: failure.statusCode === null ? '' : String(failure.statusCode) } };
}

/** Whether trying the same registration again later could help; only the user can fix the rest. */
export function registrationRetryHelps(failure: SipFailure): boolean {
  return !['auth-failed', 'forbidden', 'not-found', 'anonymous-from-refused'].includes(failure.reason);
}
