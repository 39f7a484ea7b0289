import type { ReferEvent } from 'jssip/lib/RTCSession';
import { fail, ok, type Result } from '../../core/errors';
import { parseAccountAddress } from '../../core/phone/accountAddress';
import { checkReferTarget, type ResolvedTarget } from '../../core/phone/dialTarget';
import { outgoingIdentity, type OutgoingIdentity } from '../../core/phone/identity';
import type { PhoneEnvironment } from './phoneEnvironment';

interface ReferToHeader {
  uri: { scheme: string; host: string; user: string | null };
}

const E164 = /^\+[1-9][0-9]{6,14}$/;

/** Whom a REFER asks us to call, and as whom: the profile active now decides the caller ID. */
export function referredCall(event: ReferEvent, env: PhoneEnvironment): Result<{ target: ResolvedTarget; identity: OutgoingIdentity }> {
  const context = env.context();
  if (!context) return fail('phone-not-ready', 'The app has not loaded its settings yet');
  const address = parseAccountAddress(context.account.sip.uri);
  if (!address.ok) return address;
  const referTo = event.request.parseHeader<ReferToHeader | undefined>('refer-to');
  if (!referTo) return fail('refer-target-missing', 'The transfer names no target');
  const allowed = checkReferTarget(referTo.uri, address.value.host);
  if (!allowed.ok) return allowed;
  const identity = outgoingIdentity('call', context.profile, context.account);
  if (!identity.ok) return identity;
  const user = referTo.uri.user ?? '';
  return ok({
    target: { uri: `sip:${user}@${referTo.uri.host}`, number: E164.test(user) ? user : null },
    identity: identity.value,
  });
}
