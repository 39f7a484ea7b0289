import type { Account } from '../account/model';
import { fail, ok, type Result } from '../errors';
import { normalizeDialString, type DialTarget } from '../numbers/phoneNumber';
import type { ForwardTarget } from '../profiles/model';
import { parseAccountAddress } from './accountAddress';

/** Where a call or message goes: the request URI, and the number when it is one. */
export interface ResolvedTarget {
  uri: string;
  number: string | null;
}

/** Numbers and extensions are users of our own PBX's domain: `sip:+46701234567@example.com`. */
export function resolveDialTarget(target: DialTarget, domain: string): ResolvedTarget {
  switch (target.kind) {
    case 'number':
      return { uri: `sip:${target.e164}@${domain}`, number: target.e164 };
    case 'extension':
      return { uri: `sip:${target.digits}@${domain}`, number: null };
    case 'sip':
      return { uri: target.uri, number: null };
  }
}

/** What the user typed, or a link handed over, to the URI to call. */
export function resolveTypedTarget(text: string, account: Account): Result<ResolvedTarget> {
  const address = parseAccountAddress(account.sip.uri);
  if (!address.ok) return address;
  const target = normalizeDialString(text);
  return target.ok ? ok(resolveDialTarget(target.value, address.value.domain)) : target;
}

/** A profile's forward target ("mobile", "voicemail", a typed number) to the URI a 302 or REFER names. */
export function resolveForwardTarget(target: ForwardTarget, account: Account): Result<ResolvedTarget> {
  const address = parseAccountAddress(account.sip.uri);
  if (!address.ok) return address;
  const domain = address.value.domain;
  switch (target.kind) {
    case 'mobile': {
      const mobile = account.numbers.mobile;
      if (mobile === null) return fail('forward-no-mobile', 'The profile forwards calls to your mobile number, but the account has none');
      return ok(resolveDialTarget({ kind: 'number', e164: mobile }, domain));
    }
    case 'voicemail': {
      if (account.voicemail === null || account.voicemail.trim() === '') {
        return fail('forward-no-voicemail', 'The profile forwards calls to voicemail, but the account has no voicemail address');
      }
      const voicemail = normalizeDialString(account.voicemail);
      if (!voicemail.ok) return fail('forward-voicemail-invalid', `The voicemail address cannot be called: ${voicemail.error.message}`);
      return ok(resolveDialTarget(voicemail.value, domain));
    }
    case 'number': {
      const number = normalizeDialString(target.number);
      if (!number.ok) return fail('forward-number-invalid', `The profile's forward number cannot be called: ${number.error.message}`);
      return ok(resolveDialTarget(number.value, domain));
    }
  }
}

/**
 * A REFER from the other party makes us place a call. Only addresses of our own PBX are followed:
 * a stranger in a call must not make the phone dial anywhere they like.
 */
export function checkReferTarget(referTo: { scheme: string; host: string }, accountDomainHost: string): Result<null> {
  if (referTo.scheme.toLowerCase() !== 'sip' && referTo.scheme.toLowerCase() !== 'sips') {
    return fail('refer-target-scheme', `A transfer to a "${referTo.scheme}:" address is not followed`);
  }
  if (referTo.host.toLowerCase() !== accountDomainHost.toLowerCase()) {
    return fail('refer-target-foreign', `A transfer to ${JSON.stringify(referTo.host)}, outside your PBX, is not followed`);
  }
  return ok(null);
}
