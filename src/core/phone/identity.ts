import type { Account, NumberKind } from '../account/model';
import { ok, type Result } from '../errors';
import type { CallerId, Profile } from '../profiles/model';
import { parseAccountAddress } from './accountAddress';

/** Calls and SMS present the profile's caller ID; a chat is between colleagues, under the user's own address. */
export type OutgoingPurpose = 'call' | 'sms' | 'chat';

export interface IdentityHeader {
  name: 'P-Preferred-Identity' | 'Privacy';
  value: string;
}

/** Who an outgoing INVITE or MESSAGE says it is from. */
export interface OutgoingIdentity {
  /** The caller ID presented; null when the user's SIP address is presented (chat, or a missing number). */
  callerId: CallerId | null;
  /** The number presented, E.164; null for hidden or the SIP address. */
  number: string | null;
  /** The From URI's user when it is not the account's own: the number (`from-user` policy) or `anonymous`; null keeps the address of record. */
  fromUser: string | null;
  /** The From URI's host when it is not the account's own: `anonymous.invalid` for a client-side anonymous From. */
  fromHost: string | null;
  /** '' leaves the account's display name. */
  fromDisplayName: string;
  /** The caller ID is hidden (RFC 3323 `Privacy: id`). */
  hidden: boolean;
  /** The From itself is `sip:anonymous@anonymous.invalid`, for PBXs that authenticate such a From. */
  anonymousFrom: boolean;
  /** Exactly these identity headers go on the request, replacing any the SIP stack adds. */
  headers: IdentityHeader[];
  /** The profile asks for a number the account does not have, so the SIP address is presented. */
  missingNumber: NumberKind | null;
}

export const ANONYMOUS_DISPLAY_NAME = 'Anonymous';
export const ANONYMOUS_USER = 'anonymous';
export const ANONYMOUS_HOST = 'anonymous.invalid';

/**
 * The identity of an outgoing call or SMS, from the profile active at dial time. From is the
 * user's own address of record, which the PBX authenticates, and the number asked for goes in
 * P-Preferred-Identity (RFC 3325) for the PBX to check and assert; a PBX that takes the number
 * from the From user gets it there instead. Hidden sends `Privacy: id` (RFC 3323) and leaves the
 * anonymising to the PBX, or, where the PBX authenticates it, makes the From anonymous itself.
 */
export function outgoingIdentity(purpose: OutgoingPurpose, profile: Profile, account: Account): Result<OutgoingIdentity> {
  const address = parseAccountAddress(account.sip.uri);
  if (!address.ok) return address;
  const displayName = account.sip.displayName.trim();
  const policy = account.callerIdPolicy;
  const ownAddress = (missingNumber: NumberKind | null): OutgoingIdentity => ({
    callerId: null,
    number: null,
    fromUser: null,
    fromHost: null,
    fromDisplayName: displayName,
    hidden: false,
    anonymousFrom: false,
    headers: [],
    missingNumber,
  });
  if (purpose === 'chat') return ok(ownAddress(null));

  const callerId = purpose === 'call' ? profile.callerId.calls : profile.callerId.sms;
  if (callerId === 'hidden') {
    const anonymousFrom = policy.hiding === 'client';
    return ok({
      callerId,
      number: null,
      fromUser: anonymousFrom ? ANONYMOUS_USER : null,
      fromHost: anonymousFrom ? ANONYMOUS_HOST : null,
      fromDisplayName: ANONYMOUS_DISPLAY_NAME,
      hidden: true,
      anonymousFrom,
      // An anonymous From names nobody, so P-Preferred-Identity tells the PBX who it is; the PBX removes it (RFC 3325 §9.1).
      headers: [
        ...(anonymousFrom ? [{ name: 'P-Preferred-Identity' as const, value: `<${address.value.uri}>` }] : []),
        { name: 'Privacy', value: 'id' },
      ],
      missingNumber: null,
    });
  }
  const number = account.numbers[callerId];
  if (number === null) return ok(ownAddress(callerId));
  const inFromUser = policy.presentation === 'from-user';
  return ok({
    callerId,
    number,
    fromUser: inFromUser ? number : null,
    fromHost: null,
    fromDisplayName: displayName,
    hidden: false,
    anonymousFrom: false,
    headers: inFromUser ? [] : [{ name: 'P-Preferred-Identity', value: `<sip:${number}@${address.value.host}>` }],
    missingNumber: null,
  });
}
