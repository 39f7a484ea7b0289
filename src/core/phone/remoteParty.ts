import { ok, type Result } from '../errors';
import { normalizeToE164 } from './numbers/phoneNumber';
import { parseNameAddress, type NameAddress } from './nameAddress';

/** Who is calling or writing, as far as the request lets us know. */
export interface RemoteParty {
  /** E.164, when the address holds a phone number. */
  number: string | null;
  /** A display name safe to show: no bidi overrides, at most MAX_NAME_LENGTH characters; '' when none. */
  name: string;
  /** `sip:user@host` to call back; '' for an anonymous party. */
  uri: string;
  anonymous: boolean;
}

/** The identity headers of an incoming INVITE or MESSAGE, as received; null when absent. */
export interface IdentityHeaders {
  from: string | null;
  pAssertedIdentity: string | null;
  privacy: string | null;
}

export const MAX_NAME_LENGTH = 100;
const ANONYMOUS_USER = 'anonymous';
const ANONYMOUS_HOST = 'anonymous.invalid';
// Bidirectional overrides and isolates let a display name show text in another order than it is
// ("Trojan Source"), and zero-width characters let "Bank" and "B\u200bank" look alike.
const DECEPTIVE_CHARACTERS = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const NUMBER_LIKE = /^\+?[0-9][0-9\-. ()]*$/;
// RFC 3323 §4.2 and RFC 3325 §9.3: each of these asks that the caller's identity is not shown.
const WITHHOLDING_PRIVACY = new Set(['id', 'user', 'header']);

export const UNKNOWN_PARTY: RemoteParty = { number: null, name: '', uri: '', anonymous: false };

/**
 * The caller (or sender) from an incoming request. P-Asserted-Identity, which only our PBX may
 * add (RFC 3325), wins over From. A withheld identity (an anonymous From, or a Privacy header
 * asking for it, RFC 3323) makes the party anonymous, and then no other header may reveal who it is.
 */
export function remotePartyFrom(headers: IdentityHeaders): Result<RemoteParty> {
  if (headers.from === null) return { ok: false, error: { code: 'sip-header-missing', message: 'SIP request has no From header' } };
  const from = parseNameAddress(headers.from);
  if (!from.ok) return from;
  if (isAnonymous(from.value) || withholds(headers.privacy)) return ok({ number: null, name: '', uri: '', anonymous: true });

  const asserted = headers.pAssertedIdentity === null ? null : parseNameAddress(headers.pAssertedIdentity);
  const identity = asserted?.ok && !isAnonymous(asserted.value) ? asserted.value : from.value;
  const name = cleanDisplayName(identity.displayName || from.value.displayName);
  return ok({ number: numberOf(identity), name, uri: callBackUri(identity), anonymous: false });
}

/** An identity of the caller as the request's headers carry it, never taken from a display name. */
export interface CallerIdentity {
  /** `user@host` of a SIP address, host lower-cased; null for tel: URIs. */
  address: string | null;
  /** E.164, when the user part is a phone number. */
  number: string | null;
}

/**
 * Every identity the PBX delivers for the caller: the P-Asserted-Identity it set (RFC 3325), and
 * the From it authenticated. A caller who withholds his identity has none, so nobody can be
 * recognised by a header the privacy request asked the PBX to hide.
 */
export function callerIdentities(headers: IdentityHeaders): CallerIdentity[] {
  if (headers.from === null) return [];
  const from = parseNameAddress(headers.from);
  if (!from.ok || isAnonymous(from.value) || withholds(headers.privacy)) return [];
  const asserted = headers.pAssertedIdentity === null ? null : parseNameAddress(headers.pAssertedIdentity);
  const addresses = asserted?.ok && !isAnonymous(asserted.value) ? [asserted.value, from.value] : [from.value];
  return addresses.map((address) => ({
    address: address.scheme === 'tel' || address.user === '' ? null : `${address.user}@${address.host}`,
    number: numberOf(address),
  }));
}

/** The party we call, for the call view and the history. */
export function partyForTarget(uri: string, number: string | null, name = ''): RemoteParty {
  return { number, name: cleanDisplayName(name), uri, anonymous: false };
}

export function cleanDisplayName(name: string): string {
  const cleaned = name.normalize('NFC').replace(DECEPTIVE_CHARACTERS, '').replace(/\s+/g, ' ').trim();
  return [...cleaned].slice(0, MAX_NAME_LENGTH).join('');
}

function isAnonymous(address: NameAddress): boolean {
  return address.user.toLowerCase() === ANONYMOUS_USER || address.host === ANONYMOUS_HOST;
}

function withholds(privacy: string | null): boolean {
  return privacy !== null && privacy.split(/[;,]/).some((value) => WITHHOLDING_PRIVACY.has(value.trim().toLowerCase()));
}

/** The E.164 number an address carries in its user part (or a tel: URI), if any. */
export function numberOf(address: NameAddress): string | null {
  if (!NUMBER_LIKE.test(address.user)) return null;
  const e164 = normalizeToE164(address.user);
  return e164.ok ? e164.value : null;
}

function callBackUri(address: NameAddress): string {
  if (address.scheme === 'tel') return `tel:${address.user}`;
  return address.user === '' ? `${address.scheme}:${address.host}` : `${address.scheme}:${address.user}@${address.host}`;
}
