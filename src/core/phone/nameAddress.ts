import { fail, ok, type Result } from '../errors';
import type { ErrorCode } from '../errorCodes';

/** A From, To or P-Asserted-Identity header value, reduced to what the phone shows and dials. */
export interface NameAddress {
  /** Unquoted and unescaped; '' when the header has none. */
  displayName: string;
  scheme: 'sip' | 'sips' | 'tel';
  /** Percent-decoded user part without URI parameters; for tel: the number. '' when the URI has no user. */
  user: string;
  /** Lower-cased; '' for tel: URIs. */
  host: string;
}

export const MAX_HEADER_LENGTH = 1024;

// Tab is allowed (header folding leaves it); every other C0/C1 control or DEL is not.
const CONTROL_CHARACTERS = /(?!\t)\p{Cc}/u;

const headerError = (code: ErrorCode, why: string): Result<never> => fail(code, `SIP header ${why}`);

/**
 * Parses RFC 3261 name-addr (`"Alice" <sip:alice@example.com>;tag=1`) and addr-spec
 * (`sip:alice@example.com;tag=1`) values. The value comes from the network, so every malformed
 * shape is refused with its own error instead of being guessed at.
 */
export function parseNameAddress(value: string): Result<NameAddress> {
  if (value.length > MAX_HEADER_LENGTH) {
    return headerError('sip-header-too-long', `is ${value.length} characters long; the limit is ${MAX_HEADER_LENGTH}`);
  }
  if (CONTROL_CHARACTERS.test(value)) return headerError('sip-header-control-characters', 'contains control characters');
  const text = value.trim();
  if (text === '') return headerError('sip-header-empty', 'is empty');

  let displayName = '';
  let uriText: string;
  if (text.startsWith('"')) {
    const quoted = readQuotedString(text);
    if (!quoted.ok) return quoted;
    displayName = quoted.value.text;
    const rest = text.slice(quoted.value.length).trimStart();
    if (!rest.startsWith('<')) return headerError('sip-header-no-uri', 'has a display name but no <URI>');
    const uri = readAngleUri(rest);
    if (!uri.ok) return uri;
    uriText = uri.value;
  } else if (text.includes('<')) {
    const open = text.indexOf('<');
    displayName = text.slice(0, open).trim();
    if (displayName.includes('"')) return headerError('sip-header-stray-quote', 'has a quote inside an unquoted display name');
    const uri = readAngleUri(text.slice(open));
    if (!uri.ok) return uri;
    uriText = uri.value;
  } else {
    // addr-spec: parameters after ';' belong to the header (tag, …), not to the URI.
    uriText = text.split(';')[0]?.trim() ?? '';
    if (/\s/.test(uriText)) return headerError('sip-header-no-uri', 'has spaces but no <URI>');
  }
  const uri = parseUri(uriText);
  return uri.ok ? ok({ displayName, ...uri.value }) : uri;
}

function readQuotedString(text: string): Result<{ text: string; length: number }> {
  let result = '';
  for (let index = 1; index < text.length; index++) {
    const character = text[index];
    if (character === '\\') {
      const next = text[index + 1];
      if (next === undefined) break;
      result += next;
      index++;
    } else if (character === '"') {
      return ok({ text: result, length: index + 1 });
    } else {
      result += character;
    }
  }
  return headerError('sip-header-unclosed-quote', 'has a display name whose quote is never closed');
}

function readAngleUri(text: string): Result<string> {
  const close = text.indexOf('>');
  if (close === -1) return headerError('sip-header-unclosed-angle', 'has a "<" that is never closed');
  const uri = text.slice(1, close).trim();
  if (uri === '') return headerError('sip-header-no-uri', 'has an empty <URI>');
  return ok(uri);
}

function parseUri(uri: string): Result<Omit<NameAddress, 'displayName'>> {
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(uri);
  if (!schemeMatch?.[1]) return headerError('sip-header-no-uri', `has no URI scheme in ${quote(uri)}`);
  const scheme = schemeMatch[1].toLowerCase();
  const body = uri.slice(schemeMatch[0].length);
  if (scheme === 'tel') {
    const number = decode(body.split(';')[0] ?? '');
    if (!number.ok) return number;
    if (number.value === '') return headerError('sip-header-no-uri', 'has a tel: URI without a number');
    return ok({ scheme: 'tel', user: number.value, host: '' });
  }
  if (scheme !== 'sip' && scheme !== 'sips') {
    return headerError('sip-header-unsupported-scheme', `uses the URI scheme "${scheme}:"; only sip:, sips: and tel: are understood`);
  }
  // URI headers (`?Subject=…`) are not part of the address.
  const address = body.split('?')[0] ?? '';
  const at = address.lastIndexOf('@');
  const rawUser = at === -1 ? '' : address.slice(0, at);
  const hostPart = (at === -1 ? address : address.slice(at + 1)).split(';')[0] ?? '';
  const host = /^\[[^\]]*\]/.exec(hostPart)?.[0] ?? hostPart.split(':')[0] ?? '';
  if (host === '') return headerError('sip-header-no-host', `has a SIP URI without a host in ${quote(uri)}`);
  // The user part may carry telephone-subscriber parameters (`+4670…;isub=1`).
  const user = decode(rawUser.split(';')[0] ?? '');
  if (!user.ok) return user;
  return ok({ scheme, user: user.value, host: host.toLowerCase() });
}

function decode(text: string): Result<string> {
  try {
    const decoded = decodeURIComponent(text);
    if (CONTROL_CHARACTERS.test(decoded)) return headerError('sip-header-control-characters', 'hides control characters in an escape');
    return ok(decoded);
  } catch {
    return headerError('sip-header-bad-escape', `has a broken percent-escape in ${quote(text)}`);
  }
}

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}
