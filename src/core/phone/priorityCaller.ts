import type { PriorityContact } from '../account/model';
import { addressKey } from '../account/priorityAccess';
import type { CallerIdentity } from './remoteParty';

/** Whether one of the caller's identities is on the priority list: a colleague by his SIP address, or a number. */
export function hasPriorityAccess(list: readonly PriorityContact[], caller: readonly CallerIdentity[]): boolean {
  return list.some((contact) =>
    contact.kind === 'number'
      ? caller.some((identity) => identity.number === contact.number)
      : caller.some((identity) => identity.address !== null && identity.address === addressKey(contact.uri)),
  );
}
