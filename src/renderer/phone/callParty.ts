import { namedFromDirectory } from '../../core/phone/directorySearch';
import { partyLine } from '../../core/phone/partyDisplay';
import type { RemoteParty } from '../../core/phone/remoteParty';
import type { PhoneEnvironment } from './phoneEnvironment';

/** The other party with the name the account's directory gives the address, or one the caller is vouched for at. */
export function namedParty(env: Pick<PhoneEnvironment, 'context'>, party: RemoteParty, alsoAt: readonly string[] = []): RemoteParty {
  return namedFromDirectory(party, env.context()?.account.directory ?? [], alsoAt);
}

/** The other party in one line of the UI's language, for notifications and recordings. */
export function partyText(env: Pick<PhoneEnvironment, 'text'>, party: RemoteParty): string {
  return partyLine(party, { hidden: env.text('phone.party.hidden'), unknown: env.text('phone.party.unknown') });
}
