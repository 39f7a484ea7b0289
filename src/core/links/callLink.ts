import { fail, ok, type Result } from '../errors';
import { formatForDisplay, isPremiumRate, normalizeToE164, type DialTarget } from '../phone/numbers/phoneNumber';
import { isRoughlyValidHost, parseSipAddress } from '../phone/numbers/sipAddress';

export const MAX_CALL_LINK_LENGTH = 2048;

const CALL_LINK_PREFIX = /^(tel|sips?|callto):/i;
const URI_SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
/** RFC 3966 visual separators, plus spaces, which arrive as %20 from some OSes and mail clients. */
const TEL_SEPARATORS = /[\s\-.()]/g;
const EXTENSION = /^[0-9]{2,6}$/;

const quoted = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
const malformed = (link: string, why: string): Result<never> => fail('link-malformed', `Link ${quoted(link)} ${why}`);
const invalidNumber = (link: string, why: string): Result<never> => fail('link-invalid-number', `Link ${quoted(link)} ${why}`);

/** A `tel:`, `sip:`, `sips:` or `callto:` link, as the OS hands it over, to something we can dial. */
export function parseCallLink(link: string): Result<DialTarget> {
  if (link.length > MAX_CALL_LINK_LENGTH) {
    return fail('link-too-long', `Link is ${link.length} characters long; the limit is ${MAX_CALL_LINK_LENGTH}`);
  }
  const text = link.trim();
  if (text === '') return fail('link-empty', 'Link is empty');

  const scheme = URI_SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) return malformed(text, 'has no scheme such as tel: or sip:');
  if (scheme !== 'tel' && scheme !== 'sip' && scheme !== 'sips' && scheme !== 'callto') {
    return fail('link-unsupported-scheme', `Links with the scheme "${scheme}:" cannot be called; use tel:, sip:, sips: or callto:`);
  }

  // Windows appends a slash to protocol links, and some pages write `callto://` or `tel://`.
  const encoded = text
    .slice(scheme.length + 1)
    .replace(/^\/\//, '')
    .replace(/\/+$/, '');
  let body: string;
  try {
    body = decodeURIComponent(encoded);
  } catch {
    return malformed(text, 'has a broken percent-encoding');
  }
  if (/\p{Cc}/u.test(body)) return malformed(text, 'contains control characters');
  if (body.trim() === '') return malformed(text, `has nothing after "${scheme}:"`);

  switch (scheme) {
    case 'tel':
      return parseTelBody(text, body);
    case 'sip':
    case 'sips':
      return sipTarget(text, `${scheme}:${body}`);
    case 'callto':
      return parseCalltoBody(text, body);
  }
}

/** The first protocol link in a process argv: how Windows and Linux hand a clicked link to a second instance. */
export function findCallLinkInArgv(argv: readonly string[]): string | null {
  for (const argument of argv) {
    const candidate = argument.trim();
    if (CALL_LINK_PREFIX.test(candidate)) return candidate;
  }
  return null;
}

function sipTarget(link: string, address: string): Result<DialTarget> {
  const parsed = parseSipAddress(address);
  if (!parsed.ok) return malformed(link, `is not a valid SIP address: ${parsed.error.message}`);
  return ok({ kind: 'sip', uri: parsed.value });
}

/** RFC 3966: a global number (`+46-70-…`) or a local one with an optional `;phone-context=`. */
function parseTelBody(link: string, body: string): Result<DialTarget> {
  const [rawNumber = '', ...rawParameters] = body.split(';');
  const parameters = new Map<string, string>();
  for (const rawParameter of rawParameters) {
    if (rawParameter.trim() === '') continue;
    const separator = rawParameter.indexOf('=');
    const name = (separator === -1 ? rawParameter : rawParameter.slice(0, separator)).trim().toLowerCase();
    if (parameters.has(name)) return malformed(link, `repeats the parameter "${name}"`);
    parameters.set(name, separator === -1 ? '' : rawParameter.slice(separator + 1).trim());
  }

  const extension = parameters.get('ext')?.replace(TEL_SEPARATORS, '');
  if (extension !== undefined && !/^[0-9]{1,20}$/.test(extension)) {
    return malformed(link, `has an invalid extension ${quoted(parameters.get('ext') ?? '')}`);
  }

  const number = rawNumber.replace(TEL_SEPARATORS, '');
  if (number === '') return malformed(link, 'has no number');
  if (!/^\+?[0-9]+$/.test(number)) {
    return invalidNumber(link, `contains characters that cannot be dialled in ${quoted(rawNumber.trim())}`);
  }

  const context = parameters.get('phone-context');
  let target: Result<DialTarget>;
  if (number.startsWith('+')) {
    target = numberTarget(link, number);
  } else if (context?.startsWith('+')) {
    const prefix = context.replace(TEL_SEPARATORS, '');
    if (!/^\+[0-9]+$/.test(prefix)) return malformed(link, `has an invalid phone-context ${quoted(context)}`);
    target = numberTarget(link, prefix + number);
  } else {
    // A local number in a domain context (or in none) belongs to our PBX or to Sweden.
    if (context !== undefined && !isRoughlyValidHost(context)) {
      return malformed(link, `has an invalid phone-context ${quoted(context)}`);
    }
    target = localTarget(link, number);
  }
  if (!target.ok || target.value.kind !== 'number' || extension === undefined) return target;
  return ok({ ...target.value, extension });
}

/** Numbers are accepted; Skype-style names (`callto:bob.smith`, `callto:live:bob`) are not ours to call. */
function parseCalltoBody(link: string, body: string): Result<DialTarget> {
  // Skype appends actions such as `?call` or `?add`.
  const target = (body.split('?')[0] ?? '').trim();
  if (target === '') return malformed(link, 'has no number');
  if (target.includes('@')) return sipTarget(link, target);
  if (/^\p{L}/u.test(target)) {
    return fail('link-unsupported-target', `Link ${quoted(link)} names a Skype-style contact, not a phone number`);
  }
  return localTarget(link, target);
}

function localTarget(link: string, number: string): Result<DialTarget> {
  if (EXTENSION.test(number)) return ok({ kind: 'extension', digits: number });
  return numberTarget(link, number);
}

function numberTarget(link: string, number: string): Result<DialTarget> {
  const e164 = normalizeToE164(number, 'SE');
  if (!e164.ok) return invalidNumber(link, `does not hold a valid phone number: ${e164.error.message}`);
  return ok({ kind: 'number', e164: e164.value });
}

/** What the user is asked before a link rings: the number as it will be called, and whether it costs extra. */
export interface LinkCallPrompt {
  target: DialTarget;
  shown: string;
  /** Digits the link sends once the call connects (`;ext=`). */
  extension: string | null;
  premiumRate: boolean;
}

export function linkCallPrompt(target: DialTarget): LinkCallPrompt {
  switch (target.kind) {
    case 'number':
      return {
        target,
        shown: formatForDisplay(target.e164, 'international'),
        extension: target.extension ?? null,
        premiumRate: isPremiumRate(target.e164),
      };
    case 'extension':
      return { target, shown: target.digits, extension: null, premiumRate: false };
    case 'sip':
      return { target, shown: target.uri, extension: null, premiumRate: false };
  }
}
