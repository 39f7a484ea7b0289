import type { Account } from '../account/model';
import { fail, ok, type Result } from '../errors';
import { parseAccountAddress } from './accountAddress';

/** Everything the SIP stack needs to register, checked. */
export interface UaSettings {
  wsUrl: string;
  /** `sip:alice@example.com` */
  uri: string;
  domain: string;
  host: string;
  authUser: string;
  password: string;
  displayName: string;
}

/** How the app names itself to the PBX, the phone and the connection test alike. */
export const USER_AGENT = 'Profiltelefon/0.1 (JsSIP 3.13)';

/**
 * How JsSIP reconnects a dropped socket: it waits a random 1…2^attempt seconds, kept within these
 * bounds. The ceiling is how long the phone can stay away once the PBX is back (a restart, the
 * network, sleep); the random early waits keep the phones that lost the same PBX apart.
 */
export const CONNECTION_RECOVERY = { minIntervalS: 1, maxIntervalS: 2 } as const;

/** Whether the user has begun to set up an account at all: the first start offers to, until then. */
export function accountStarted(account: Account): boolean {
  return account.sip.serverUrl.trim() !== '' || account.sip.uri.trim() !== '';
}

export function uaSettingsFrom(account: Account, password: string | null): Result<UaSettings> {
  const { serverUrl, uri, authUser, displayName } = account.sip;
  if (!accountStarted(account)) {
    return fail('phone-not-configured', 'The phone is not set up: the account has no SIP server and no SIP address');
  }
  if (serverUrl.trim() === '') return fail('sip-server-missing', 'The account has no SIP server (wss://…)', 'sip.serverUrl');
  let url: URL;
  try {
    url = new URL(serverUrl.trim());
  } catch {
    return fail('sip-server-invalid', `"${serverUrl}" is not a web address`, 'sip.serverUrl');
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    return fail(
      'sip-server-not-websocket',
      `The SIP server must be a WebSocket address (wss:// or ws://), not "${url.protocol}"`,
      'sip.serverUrl',
    );
  }
  const address = parseAccountAddress(uri);
  if (!address.ok) return address;
  if (password === null || password === '') return fail('sip-password-missing', 'No SIP password is stored for the account', 'password');
  return ok({
    wsUrl: serverUrl.trim(),
    uri: address.value.uri,
    domain: address.value.domain,
    host: address.value.host,
    authUser: authUser.trim() === '' ? address.value.user : authUser.trim(),
    password,
    displayName: displayName.trim(),
  });
}
