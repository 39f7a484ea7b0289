import type { Account } from '../account/model';
import { ok, type Result } from '../errors';
import type { CallerId, NumberKind, Profile } from '../profiles/model';
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
  /** The From URI's user: a number, the SIP user, or `anonymous`. */
  fromUser: string;
  /** The From URI's host: the account's domain, or `anonymous.invalid` (RFC 3323). */
  fromHost: string;
  fromDisplayName: string;
  anonymous: boolean;
  /** Exactly these identity headers go on the request, replacing any the SIP stack adds. */
  headers: IdentityHeader[];
  /** The profile asks for a number the account does not have, so the SIP address is presented. */
  missingNumber: NumberKind | null;
}

export const ANONYMOUS_DISPLAY_NAME = 'Anonymous';
export const ANONYMOUS_USER = 'anonymous';
export const ANONYMOUS_HOST = 'anonymous.invalid';

/**
 * The identity of an outgoing call or SMS, from the profile active at dial time: its number in the
 * From user and in P-Preferred-Identity (RFC 3325), or for "hidden" an anonymous From with
 * `Privacy: id` (RFC 3323) and the real user only in P-Preferred-Identity, for the PBX to
 * authenticate and strip.
 */
export function outgoingIdentity(purpose: OutgoingPurpose, profile: Profile, account: Account): Result<OutgoingIdentity> {
  const address = parseAccountAddress(account.sip.uri);
  if (!address.ok) return address;
  const { user, host } = address.value;
  const ownAddress = `<${address.value.uri}>`;
  const displayName = account.sip.displayName.trim();
  const asSipUser = (missingNumber: NumberKind | null): OutgoingIdentity => ({
    callerId: null,
    number: null,
    fromUser: user,
    fromHost: host,
    fromDisplayName: displayName,
    anonymous: false,
    headers: purpose === 'chat' ? [] : [{ name: 'P-Preferred-Identity', value: ownAddress }],
    missingNumber,
  });
  if (purpose === 'chat') return ok(asSipUser(null));

  const callerId = purpose === 'call' ? profile.callerId.calls : profile.callerId.sms;
  if (callerId === 'hidden') {
    return ok({
      callerId,
      number: null,
      fromUser: ANONYMOUS_USER,
      fromHost: ANONYMOUS_HOST,
      fromDisplayName: ANONYMOUS_DISPLAY_NAME,
      anonymous: true,
      headers: [
        { name: 'P-Preferred-Identity', value: ownAddress },
        { name: 'Privacy', value: 'id' },
      ],
      missingNumber: null,
    });
  }
  const number = account.numbers[callerId];
  if (number === null) return ok(asSipUser(callerId));
  return ok({
    callerId,
    number,
    fromUser: number,
    fromHost: host,
    fromDisplayName: displayName,
    anonymous: false,
    headers: [{ name: 'P-Preferred-Identity', value: `<sip:${number}@${host}>` }],
    missingNumber: null,
  });
}
