import type { Account, Colleague } from '../account/model';
import { parseSipAddress } from './numbers/sipAddress';
import type { Profile } from '../profiles/model';
import { parseNameAddress } from './nameAddress';

/**
 * Listen-in (medlyssning). A supervisor's phone asks with an INVITE carrying
 * `Call-Info: <sip:colleague@domain>;purpose=listen-in;answer-after=0`. The colleague's phone answers
 * such an INVITE by itself only when this module says so; any INVITE without the marker is an
 * ordinary call, and `answer-after` alone never answers anything.
 */
export const LISTEN_IN_PURPOSE = 'listen-in';

/** The Call-Info header value the supervisor's INVITE to `target` carries. */
export function listenInCallInfo(target: string): string {
  return `<${target}>;purpose=${LISTEN_IN_PURPOSE};answer-after=0`;
}

/** Whether any of the request's Call-Info values (each may list several, comma-separated) has `purpose=listen-in`. */
export function asksToListenIn(callInfo: readonly string[]): boolean {
  return callInfo.some((header) =>
    header.split(/,(?=\s*<)/).some((entry) =>
      entry
        .replace(/^\s*<[^>]*>/, '')
        .split(';')
        .some((parameter) => {
          const [name, value] = parameter.split('=').map((part) =>
            part
              .trim()
              .toLowerCase()
              .replace(/^"(.*)"$/, '$1'),
          );
          return name === 'purpose' && value === LISTEN_IN_PURPOSE;
        }),
    ),
  );
}

export const LISTEN_IN_REFUSALS = {
  'not-ready': { statusCode: 480, reasonPhrase: 'Temporarily Unavailable' },
  'no-add-on': { statusCode: 403, reasonPhrase: 'Listen-in not subscribed' },
  'not-a-supervisor': { statusCode: 403, reasonPhrase: 'Not a supervisor' },
  'profile-disallows': { statusCode: 403, reasonPhrase: 'Listen-in not allowed by profile' },
  'no-call': { statusCode: 480, reasonPhrase: 'No call in progress' },
  'already-listened': { statusCode: 486, reasonPhrase: 'Already listened in' },
} as const satisfies Record<string, { statusCode: number; reasonPhrase: string }>;

export type ListenInRefusal = keyof typeof LISTEN_IN_REFUSALS;

export interface ListenInRequest {
  /** null before the app has its settings. */
  account: Account | null;
  profile: Profile | null;
  /** A connected call this phone is in now. */
  inCall: boolean;
  /** Someone listens in on that call already. */
  listenedIn: boolean;
  /**
   * The request's P-Asserted-Identity values. Only the PBX sets that header (it removes any a
   * client sends, RFC 3325); From and its display name are the caller's own claim and never count.
   */
  assertedIdentities: readonly string[];
}

export type ListenInDecision =
  { kind: 'accept'; supervisor: Colleague } | { kind: 'refuse'; reason: ListenInRefusal; statusCode: number; reasonPhrase: string };

/**
 * Whether to answer a listen-in request. Who asks is checked before anything about this user's
 * calls or profile, so that nobody but a supervisor learns whether the user is in a call.
 */
export function decideListenIn(request: ListenInRequest): ListenInDecision {
  const refuse = (reason: ListenInRefusal): ListenInDecision => ({ kind: 'refuse', reason, ...LISTEN_IN_REFUSALS[reason] });
  const { account, profile } = request;
  if (!account || !profile) return refuse('not-ready');
  if (!account.addOns.listenIn) return refuse('no-add-on');
  const supervisor = assertedSupervisor(account.directory, request.assertedIdentities);
  if (!supervisor) return refuse('not-a-supervisor');
  if (!profile.allowListenIn) return refuse('profile-disallows');
  if (!request.inCall) return refuse('no-call');
  if (request.listenedIn) return refuse('already-listened');
  return { kind: 'accept', supervisor };
}

/** Whether a listen-in that runs may go on under these settings; a profile change that disallows it ends it. */
export function listenInStillAllowed(account: Account | null, profile: Profile | null, supervisorUri: string): boolean {
  if (!account || !profile || !account.addOns.listenIn || !profile.allowListenIn) return false;
  const address = addressOf(supervisorUri);
  return account.directory.some((colleague) => colleague.supervisor === true && addressOf(colleague.uri) === address);
}

/** Whether this user may listen in on colleagues: the add-on and the supervisor role. */
export function canListenIn(account: Pick<Account, 'addOns' | 'supervisor'>): boolean {
  return account.addOns.listenIn && account.supervisor;
}

function assertedSupervisor(directory: readonly Colleague[], assertedIdentities: readonly string[]): Colleague | null {
  for (const header of assertedIdentities) {
    const asserted = parseNameAddress(header);
    if (!asserted.ok || asserted.value.scheme === 'tel' || asserted.value.user === '') continue;
    const address = `${asserted.value.user}@${asserted.value.host}`;
    const found = directory.find((colleague) => colleague.supervisor === true && addressOf(colleague.uri) === address);
    if (found) return found;
  }
  return null;
}

/** `user@host` of a directory address, without scheme or port; null when it is not one. */
function addressOf(uri: string): string | null {
  const parsed = parseSipAddress(uri);
  if (!parsed.ok) return null;
  return parsed.value.replace(/^sips?:/, '').replace(/:\d+$/, '');
}

/** What the supervisor is told when a listen-in request fails: the colleague's reason, or that it did not get through. */
export type ListenInFailure = ListenInRefusal | 'unreachable';

/** Reads the colleague's refusal back from the final response's status and reason phrase. */
export function listenInFailureOf(statusCode: number | null, reasonPhrase: string | null): ListenInFailure {
  const phrase = (reasonPhrase ?? '').trim().toLowerCase();
  for (const [reason, refusal] of Object.entries(LISTEN_IN_REFUSALS) as [ListenInRefusal, (typeof LISTEN_IN_REFUSALS)[ListenInRefusal]][]) {
    if (reason !== 'not-ready' && refusal.statusCode === statusCode && refusal.reasonPhrase.toLowerCase() === phrase) return reason;
  }
  return 'unreachable';
}
