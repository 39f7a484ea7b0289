import { fail, ok, type Result } from '../../errors';

const MAX_ADDRESS_LENGTH = 512;
// RFC 3261 user part: unreserved and user-unreserved characters. '%' is left out on purpose:
// callers decode escapes first, so anything still needing an escape is refused rather than re-encoded.
const USER_PART = /^[A-Za-z0-9\-_.!~*'()&=+$,;/]+$/;
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const IPV6_REFERENCE = /^\[[0-9A-Fa-f:.]+\]$/;

const quoted = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * Reduces a SIP address (`sip:bob@example.com`, `sips:…`, or bare `bob@example.com`) to
 * `scheme:user@host[:port]`. URI parameters (`;transport=`, `;maddr=`) and headers (`?Route=…`,
 * `?Replaces=…`) are dropped: when the address comes from a link or a paste, they would let a web
 * page or a stranger pick the route the call takes or inject headers into our INVITE.
 */
export function parseSipAddress(input: string): Result<string> {
  const text = input.trim();
  const invalid = (why: string): Result<string> => fail('sip-address-invalid', `SIP address ${quoted(text)} ${why}`);
  if (text === '') return invalid('is empty');
  if (text.length > MAX_ADDRESS_LENGTH) return invalid(`is longer than ${MAX_ADDRESS_LENGTH} characters`);

  const schemeMatch = /^(sips?):/i.exec(text);
  const scheme = schemeMatch?.[1]?.toLowerCase() ?? 'sip';
  const withoutHeaders = text.slice(schemeMatch?.[0].length ?? 0).split('?')[0] ?? '';
  if (/\s/.test(withoutHeaders)) return invalid('contains spaces');

  const at = withoutHeaders.indexOf('@');
  if (at === -1) return invalid('needs the form user@host');
  if (withoutHeaders.indexOf('@', at + 1) !== -1) return invalid('contains more than one "@"');
  const user = withoutHeaders.slice(0, at);
  const hostPort = withoutHeaders.slice(at + 1).split(';')[0] ?? '';
  if (user === '') return invalid('has no user before "@"');
  const badUserCharacter = [...user].find((character) => !USER_PART.test(character));
  if (badUserCharacter !== undefined) return invalid(`has ${JSON.stringify(badUserCharacter)} in its user part`);

  if (hostPort === '') return invalid('has no host after "@"');
  const hostMatch = /^(\[[^\]]*\]|[^:]+)(?::(\d{1,5}))?$/.exec(hostPort);
  if (hostMatch === null) return invalid(`has an invalid host or port ${quoted(hostPort)}`);
  const host = hostMatch[1] ?? '';
  const port = hostMatch[2];
  if (!isRoughlyValidHost(host)) return invalid(`has an invalid host ${quoted(host)}`);
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return invalid(`has an invalid port ${port}`);

  return ok(`${scheme}:${user}@${host.toLowerCase()}${port === undefined ? '' : `:${Number(port)}`}`);
}

export function isRoughlyValidHost(host: string): boolean {
  if (IPV6_REFERENCE.test(host)) return host.includes(':');
  if (host.length > 253) return false;
  return host.split('.').every((label) => HOST_LABEL.test(label));
}
