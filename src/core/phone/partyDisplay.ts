import { formatForDisplay } from './numbers/phoneNumber';
import type { RemoteParty } from './remoteParty';

export interface PartyLabels {
  hidden: string;
  unknown: string;
}

/** How a party is shown: the number first when there is one (what users recognise), the name beside it. */
export function describeParty(party: RemoteParty, labels: PartyLabels): { primary: string; secondary: string } {
  if (party.anonymous) return { primary: labels.hidden, secondary: '' };
  if (party.number !== null) return { primary: formatForDisplay(party.number), secondary: party.name };
  const address = party.uri.replace(/^(sips?|tel):/, '');
  const user = /^([^@]+)@/.exec(address)?.[1] ?? '';
  // An extension (201) is known by its digits; its PBX domain adds nothing.
  if (/^[0-9]{2,6}$/.test(user)) return { primary: user, secondary: party.name };
  if (party.name !== '') return { primary: party.name, secondary: address };
  return { primary: address || labels.unknown, secondary: '' };
}

/** One line, for notifications and accessible names. */
export function partyLine(party: RemoteParty, labels: PartyLabels): string {
  const { primary, secondary } = describeParty(party, labels);
  return secondary === '' ? primary : `${primary} (${secondary})`;
}
