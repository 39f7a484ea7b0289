// The `max` build: unlike `min`, it validates number ranges, so "0000000" or "070 123 45 678" is
// refused before we place a call to it. Every function here uses the same build.
import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  parsePhoneNumberWithError,
  type CountryCode,
} from 'libphonenumber-js/max';
import { fail, ok, type Result } from '../../errors';
import { parseSipAddress } from './sipAddress';

export type DisplayStyle = 'national' | 'international';

/** What the softphone can dial. */
export type DialTarget =
  /** `extension`: digits to send after the call connects (RFC 3966 `;ext=`), only set by links. */
  { kind: 'number'; e164: string; extension?: string } | { kind: 'extension'; digits: string } | { kind: 'sip'; uri: string };

const MAX_NUMBER_INPUT_LENGTH = 64;
/** Spaces (any Unicode space, including no-break), dashes, dots, slashes and parentheses people write in numbers. */
const VISUAL_SEPARATORS = /[\s\-.()/\u2010-\u2015\u2212]/g;
const EXTENSION = /^\d{2,6}$/;
const PARSE_FAILURE_REASONS: Record<string, string> = {
  INVALID_COUNTRY: 'has an unknown country code',
  TOO_SHORT: 'is too short',
  TOO_LONG: 'is too long',
  NOT_A_NUMBER: 'is not a phone number',
};

const quoted = (text: string): string => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** `070-123 45 67`, `+46 70 123 45 67`, `0046701234567`, `(08) 123 456 78` → `+46701234567` style E.164. */
export function normalizeToE164(input: string, defaultCountry: CountryCode = 'SE'): Result<string> {
  // NFKC folds full-width digits and plus signs (pasted from web pages and PDFs) into ASCII.
  const text = input.normalize('NFKC').trim();
  if (text === '') return fail('number-empty', 'Phone number is empty');
  const invalid = (why: string): Result<string> => fail('number-invalid', `Phone number ${quoted(text)} ${why}`);

  const compact = text.replace(VISUAL_SEPARATORS, '');
  const badCharacter = [...compact].find((character, index) => !/[0-9]/.test(character) && !(character === '+' && index === 0));
  if (badCharacter !== undefined) {
    const why = badCharacter === '+' ? '"+" is only allowed first' : `${JSON.stringify(badCharacter)} is not allowed`;
    return fail('number-invalid-characters', `Phone number ${quoted(text)} contains characters other than digits and separators: ${why}`);
  }
  if (!/[0-9]/.test(compact)) return invalid('has no digits');
  if (text.length > MAX_NUMBER_INPUT_LENGTH) return invalid(`is longer than ${MAX_NUMBER_INPUT_LENGTH} characters`);
  if (!isSupportedCountry(defaultCountry)) return invalid(`cannot be read: unknown default country ${quoted(defaultCountry)}`);
  // Swedish numbers are always dialled with the trunk 0 (or +46/0046). Without this check
  // "12345678" would silently become a Valdemarsvik number, 0123-456 78.
  if (defaultCountry === 'SE' && !compact.startsWith('+') && !compact.startsWith('0')) {
    return invalid('must start with 0 (area code) or +46');
  }

  let parsed;
  try {
    parsed = parsePhoneNumberWithError(compact, defaultCountry);
  } catch (error) {
    const reason = error instanceof Error ? PARSE_FAILURE_REASONS[error.message] : undefined;
    return invalid(reason ?? 'is not a valid phone number');
  }
  if (!parsed.isPossible()) return invalid('has the wrong number of digits');
  if (!parsed.isValid()) return invalid('is not a valid phone number');
  return ok(parsed.number);
}

/**
 * `+46701234567` → `070-123 45 67` (national) or `+46 70 123 45 67` (international). Numbers from
 * outside `homeCountry` are always shown internationally, because their national form (e.g. a UK
 * `020 7946 0958`) would be read, and redialled, as a Swedish number. Anything that is not E.164 is
 * returned unchanged: display must never fail.
 */
export function formatForDisplay(e164: string, style: DisplayStyle = 'national', homeCountry: CountryCode = 'SE'): string {
  const parsed = /^\+[0-9]{2,15}$/.test(e164) ? parsePhoneNumberFromString(e164) : undefined;
  if (parsed === undefined) return e164;
  const isHome = isSupportedCountry(homeCountry) && parsed.countryCallingCode === getCountryCallingCode(homeCountry);
  return style === 'national' && isHome ? parsed.formatNational() : parsed.formatInternational();
}

/** What the user typed in the dialer: an internal extension (`201`), a SIP address, or a phone number. */
export function normalizeDialString(input: string, defaultCountry: CountryCode = 'SE'): Result<DialTarget> {
  const text = input.normalize('NFKC').trim();
  if (/^sips?:/i.test(text) || text.includes('@')) {
    const address = parseSipAddress(text);
    return address.ok ? ok({ kind: 'sip', uri: address.value }) : address;
  }
  if (EXTENSION.test(text)) return ok({ kind: 'extension', digits: text });
  const e164 = normalizeToE164(text, defaultCountry);
  return e164.ok ? ok({ kind: 'number', e164: e164.value }) : e164;
}

/** Swedish premium-rate ranges (0900, 0939, 0944), also where the metadata would not say so. */
const SWEDISH_PREMIUM_PREFIXES = ['+46900', '+46939', '+46944'];

/** A number whose calls cost extra: libphonenumber's PREMIUM_RATE, or a Swedish premium range. */
export function isPremiumRate(e164: string): boolean {
  if (SWEDISH_PREMIUM_PREFIXES.some((prefix) => e164.startsWith(prefix))) return true;
  const parsed = /^\+[0-9]{2,15}$/.test(e164) ? parsePhoneNumberFromString(e164) : undefined;
  return parsed?.getType() === 'PREMIUM_RATE';
}
