import type { AppError } from '../../core/errors';
import type { ResolvedTarget } from '../../core/phone/dialTarget';
import type { AccountNumbers } from '../../core/account/model';
import { calledLine } from '../../core/phone/calledLine';
import { decideIncoming, type IncomingSituation } from '../../core/phone/incomingDecision';
import type { CalledLine } from '../../core/profiles/model';
import {
  callerIdentities,
  remotePartyFrom,
  UNKNOWN_PARTY,
  type CallerIdentity,
  type IdentityHeaders,
  type RemoteParty,
} from '../../core/phone/remoteParty';
import type { PhoneContext } from './phoneEnvironment';
import type { Announcement, TrackedCall } from './trackedCall';

/** The headers of a SIP request as it reached this phone; a JsSIP IncomingRequest is one. */
export interface ReceivedRequest {
  hasHeader(name: string): boolean;
  getHeader(name: string): string;
  getHeaders(name: string): string[];
}

function identityHeadersOf(request: ReceivedRequest): IdentityHeaders {
  const header = (name: string) => (request.hasHeader(name) ? request.getHeader(name) : null);
  return { from: header('From'), pAssertedIdentity: header('P-Asserted-Identity'), privacy: header('Privacy') };
}

/** Who calls, as the INVITE says it: P-Asserted-Identity before From, and a withheld number stays withheld. */
export function callerOf(invite: ReceivedRequest): RemoteParty {
  const remote = remotePartyFrom(identityHeadersOf(invite));
  if (remote.ok) return remote.value;
  console.warn(`Incoming call with an unreadable caller: ${remote.error.message}`);
  return UNKNOWN_PARTY;
}

/** The caller's identities the PBX vouches for, to find him on the priority list. */
export function callerIdentitiesOf(invite: ReceivedRequest): CallerIdentity[] {
  return callerIdentities(identityHeadersOf(invite));
}

/** Which of the user's lines the caller dialled, from the To, History-Info and Diversion the PBX delivered. */
export function calledLineOf(invite: ReceivedRequest, numbers: AccountNumbers): CalledLine {
  const all = (name: string) => (invite.hasHeader(name) ? invite.getHeaders(name) : []);
  return calledLine(
    { to: invite.hasHeader('To') ? invite.getHeader('To') : null, historyInfo: all('History-Info'), diversion: all('Diversion') },
    numbers,
  );
}

/** What settling an incoming call does to it; the call registry carries these out on the JsSIP session. */
export interface IncomingCallPorts {
  /** The call as the registry follows it. */
  call: Pick<TrackedCall, 'status' | 'phoneAction'>;
  /** A final response that turns the call away. */
  refuse(statusCode: 480 | 486): void;
  /** 302 to `target`. */
  redirect(target: ResolvedTarget): void;
  announce(announcement: Announcement): void;
  ring(callWaiting: boolean): void;
  /** Runs `action` after `ms`, unless the call ends first. */
  later(ms: number, action: () => void): void;
  /** The profile settings this call could not follow; an empty list clears the last ones. */
  problems(problems: AppError[]): void;
}

/**
 * Settles a new incoming call the way the profile active now says for the line it came in on: busy (486), forward (302),
 * an announcement, or ring, with a forward when nobody answers in time. Before the app has its
 * settings, the phone is not available (480).
 */
export function handleIncoming(
  context: PhoneContext | null,
  call: Pick<IncomingSituation, 'busy' | 'caller' | 'line'>,
  ports: IncomingCallPorts,
): void {
  if (!context) {
    ports.refuse(480);
    return;
  }
  const { decision, problems } = decideIncoming({ ...context, ...call });
  ports.problems(problems);
  switch (decision.kind) {
    case 'reject-busy':
      ports.call.phoneAction = 'rejected-busy';
      ports.refuse(486);
      return;
    case 'forward':
      ports.call.phoneAction = 'forwarded';
      ports.redirect(decision.target);
      return;
    case 'announce':
      ports.call.phoneAction = 'announced';
      ports.announce(decision);
      return;
    case 'ring': {
      ports.ring(decision.callWaiting);
      const noAnswer = decision.noAnswer;
      if (!noAnswer) return;
      ports.later(noAnswer.afterMs, () => {
        if (ports.call.status !== 'ringing') return;
        ports.call.phoneAction = 'forwarded-no-answer';
        ports.redirect(noAnswer.target);
      });
    }
  }
}
