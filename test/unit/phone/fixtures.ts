import { emptyAccount, type Account } from '../../../src/core/account/model';
import { defaultProfiles } from '../../../src/core/profiles/defaults';
import type { Profile } from '../../../src/core/profiles/model';

export function account(change: Partial<Account> = {}): Account {
  const base = emptyAccount();
  return {
    ...base,
    sip: { serverUrl: 'wss://pbx.example.se/ws', uri: 'sip:alice@example.se', authUser: '', displayName: 'Alice Andersson' },
    numbers: { landline: '+46812345601', mobile: '+46701110001', switchboard: '+46855500000' },
    voicemail: '+46812345699',
    ...change,
  };
}

export function profile(id: string, change: Partial<Profile> = {}): Profile {
  const found = defaultProfiles().find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no default profile ${id}`);
  return { ...found, ...change };
}
