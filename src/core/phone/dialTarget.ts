import type { Account } from '../account/model';
import { describeInput } from '../describeInput';
import { fail, ok, type Result } from '../errors';
import { normalizeDialString, type DialTarget } from './numbers/phoneNumber';
import type { ForwardTarget } from '../profiles/model';
import { parseAccountAddress } from './accountAddress';
import { colleaguesNamed } from './directorySearch';

/** Where a call or message goes: the request URI, and the number when it is one. */
export interface ResolvedTarget {
  uri: string;
  number: string | null;
  /** The colleague's name, when the target was picked or typed by name from the directory. */
  name?: string;
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

/** What the user typed, or a link handed over, to the URI to call: a number, an address, or a colleague's name. */
export function resolveTypedTarget(text: string, account: Account): Result<ResolvedTarget> {
  const address = parseAccountAddress(account.sip.uri);
  if (!address.ok) return address;
  const target = normalizeDialString(text);
  if (target.ok) return ok(resolveDialTarget(target.value, address.value.domain));
  const named = colleaguesNamed(account.directory, text);
  if (named.length > 1)
    return fail(
      'dial-colleague-ambiguous',
      `More than one colleague in the directory is called ${describeInput(text.trim())}; pick one from the list.`,
    );
  const colleague = named[0];
  if (colleague !== undefined) {
    const colleagueTarget = normalizeDialString(colleague.uri);
    if (!colleagueTarget.ok)
      return fail(
        'dial-colleague-address-invalid',
        `The directory's address for ${colleague.name} cannot be called: ${colleagueTarget.error.message}`,
      );
    return ok({ ...resolveDialTarget(colleagueTarget.value, address.value.domain), name: colleague.name });
  }
  // Text that begins with a letter and has no @ is a name, not a badly typed number ("070-12x").
  if (/^\s*\p{L}/u.test(text) && !text.includes('@') && !/^\s*sips?:/i.test(text)) {
    return fail(
      'dial-not-found',
      `${describeInput(text.trim())} is neither a colleague in the directory, a phone number nor a SIP address.`,
    );
  }
  return target;
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
    case 'colleague': {
      const colleague = normalizeDialString(target.uri);
      if (!colleague.ok)
        return fail(
          'forward-colleague-invalid',
          `The profile forwards calls to ${target.name}, whose address cannot be called: ${colleague.error.message}`,
        );
      return ok({ ...resolveDialTarget(colleague.value, domain), name: target.name });
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
