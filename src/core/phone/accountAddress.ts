import { fail, ok, type Result } from '../errors';
import { parseSipAddress } from './numbers/sipAddress';

/** The user's own SIP address of record, split into what requests are built from. */
export interface AccountAddress {
  /** `sip:alice@example.com` */
  uri: string;
  user: string;
  /** Host with its port, if the address has one: `example.com`, `127.0.0.1:5080`. */
  domain: string;
  /** Host alone. */
  host: string;
}

export function parseAccountAddress(uri: string): Result<AccountAddress> {
  if (uri.trim() === '') return fail('sip-uri-missing', 'The account has no SIP address', 'sip.uri');
  const parsed = parseSipAddress(uri);
  if (!parsed.ok) return fail('sip-uri-invalid', parsed.error.message, 'sip.uri');
  const [, user = '', domain = ''] = /^sips?:([^@]+)@(.+)$/.exec(parsed.value) ?? [];
  const host = domain.startsWith('[') ? domain.slice(0, domain.indexOf(']') + 1) : (domain.split(':')[0] ?? '');
  return ok({ uri: parsed.value, user, domain, host });
}
