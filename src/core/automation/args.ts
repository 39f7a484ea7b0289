import { fail, ok, type Result } from '../errors';

export interface AutomationProfile {
  id: string;
  number: number;
  name: string;
}

export type AutomationLength = { kind: 'default' } | { kind: 'minutes'; minutes: number } | { kind: 'until'; until: number };

export interface AutomationCommand {
  profileId: string;
  length: AutomationLength;
  temporaryMessage: string | null;
}

export const MAX_MINUTES = 365 * 24 * 60;
export const MAX_TEMPORARY_MESSAGE_LENGTH = 200;

type OptionName = 'profile' | 'for' | 'until' | 'message';
const OPTION = /^--(profile|for|until|message)(?:=(.*))?$/is;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

const quoted = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * Reads `--profile <number|name> [--for <minutes> | --until <ISO time>] [--message <text>]` from the
 * argv of a second launch. Returns null when there is no `--profile`; everything else in argv
 * (Chromium switches, the executable, a tel: link) is ignored.
 */
export function parseAutomationArgs(
  argv: readonly string[],
  profiles: readonly AutomationProfile[],
  now: number,
): Result<AutomationCommand | null> {
  const options = readOptions(argv);
  if (!options.ok) return options;
  const { profile, for: forValue, until, message } = options.value;

  if (profile === undefined) {
    const stray = forValue !== undefined ? '--for' : until !== undefined ? '--until' : message !== undefined ? '--message' : null;
    // Without this, `--for 45` on its own would be silently ignored.
    return stray === null ? ok(null) : fail('args-profile-required', `${stray} was given without --profile`, 'profile');
  }

  const profileId = findProfile(profile, profiles);
  if (!profileId.ok) return profileId;

  if (forValue !== undefined && until !== undefined) {
    return fail(
      'args-for-and-until',
      `Give either --for or --until, not both (got --for ${quoted(forValue)} and --until ${quoted(until)})`,
      'for',
    );
  }
  let length: AutomationLength = { kind: 'default' };
  if (forValue !== undefined) {
    const minutes = parseMinutes(forValue);
    if (!minutes.ok) return minutes;
    length = { kind: 'minutes', minutes: minutes.value };
  } else if (until !== undefined) {
    const end = parseLocalOrOffsetDateTime(until);
    if (!end.ok) return end;
    if (end.value <= now) {
      return fail('args-until-past', `--until ${quoted(until)} is not in the future`, 'until');
    }
    length = { kind: 'until', until: end.value };
  }

  const temporaryMessage = parseMessage(message ?? '');
  if (!temporaryMessage.ok) return temporaryMessage;

  return ok({ profileId: profileId.value, length, temporaryMessage: temporaryMessage.value });
}

function readOptions(argv: readonly string[]): Result<Partial<Record<OptionName, string>>> {
  const values: Partial<Record<OptionName, string>> = {};
  for (let index = 0; index < argv.length; index++) {
    const match = OPTION.exec(argv[index] ?? '');
    if (match === null) continue;
    const name = (match[1] ?? '').toLowerCase() as OptionName;
    if (values[name] !== undefined) {
      return fail('args-duplicate-option', `--${name} is given more than once`, name);
    }
    let value = match[2];
    const next = argv[index + 1];
    if (value === undefined && next !== undefined && !next.startsWith('--')) {
      value = next;
      index++;
    }
    // An empty --message is allowed: it means "no temporary message".
    if (value === undefined || (name !== 'message' && value.trim() === '')) {
      return fail(`args-${name}-missing-value`, `--${name} needs a value`, name);
    }
    values[name] = value;
  }
  return ok(values);
}

function findProfile(value: string, profiles: readonly AutomationProfile[]): Result<string> {
  // NFC because macOS may hand over decomposed å/ä/ö, which would not match the stored name.
  const wanted = value.normalize('NFC').trim();
  if (/^[0-9]+$/.test(wanted)) {
    const byNumber = profiles.find((profile) => profile.number === Number(wanted));
    if (byNumber !== undefined) return ok(byNumber.id);
  }
  const key = wanted.toLocaleLowerCase('sv');
  const byName = profiles.filter((profile) => profile.name.normalize('NFC').trim().toLocaleLowerCase('sv') === key);
  if (byName.length > 1) {
    return fail(
      'args-profile-ambiguous',
      `--profile ${quoted(wanted)} matches ${byName.length} profiles; use the profile number`,
      'profile',
    );
  }
  const [match] = byName;
  if (match === undefined) return fail('args-profile-unknown', `--profile ${quoted(wanted)} matches no profile number or name`, 'profile');
  return ok(match.id);
}

function parseMinutes(value: string): Result<number> {
  const text = value.trim();
  const minutes = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!(minutes >= 1 && minutes <= MAX_MINUTES)) {
    return fail('args-for-invalid', `--for ${quoted(value)} is not a whole number of minutes from 1 to ${MAX_MINUTES} (one year)`, 'for');
  }
  return ok(minutes);
}

/** ISO 8601 date-time; without an offset it is local time in the runtime's zone. Returns epoch ms. */
function parseLocalOrOffsetDateTime(value: string): Result<number> {
  const invalid = (why: string): Result<number> => fail('args-until-invalid', `--until ${quoted(value)} ${why}`, 'until');
  const match = ISO_DATE_TIME.exec(value.trim());
  if (match === null) return invalid('is not an ISO 8601 date and time such as 2026-11-23T08:00');
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((group) => Number(match[group])) as [number, number, number, number, number];
  const second = Number(match[6] ?? 0);
  const milliseconds = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const [zulu, sign, offsetHours = '00', offsetMinutes = '00'] = match.slice(8);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return invalid('is not a real date');
  if (hour > 23 || minute > 59 || second > 59) return invalid('is not a real time of day');

  if (zulu !== undefined || sign !== undefined) {
    if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return invalid('has an invalid UTC offset');
    const offset = Number(offsetHours) * 60 + Number(offsetMinutes);
    const utc = new Date(0);
    utc.setUTCFullYear(year, month - 1, day);
    utc.setUTCHours(hour, minute, second, milliseconds);
    return ok(utc.getTime() - (sign === '-' ? -offset : offset) * 60_000);
  }

  const local = new Date(0);
  local.setFullYear(year, month - 1, day);
  local.setHours(hour, minute, second, milliseconds);
  // A wall-clock time skipped by the spring daylight-saving change (02:30 on the last Sunday of
  // March in Sweden) would otherwise silently move an hour.
  if (local.getHours() !== hour || local.getMinutes() !== minute || local.getDate() !== day) {
    return invalid('does not exist in local time (daylight-saving change)');
  }
  return ok(local.getTime());
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

function parseMessage(value: string): Result<string | null> {
  const text = value.trim();
  // UTF-16 length, the same measure the profile's permanent statusMessage is limited by.
  if (text.length > MAX_TEMPORARY_MESSAGE_LENGTH) {
    return fail(
      'args-message-too-long',
      `--message ${quoted(text)} is ${text.length} characters; the limit is ${MAX_TEMPORARY_MESSAGE_LENGTH}`,
      'message',
    );
  }
  // Control characters have no place in a status message and cannot be carried in PIDF XML.
  if (/\p{Cc}/u.test(text)) {
    return fail('args-message-invalid', `--message ${quoted(text)} contains line breaks or control characters`, 'message');
  }
  return ok(text === '' ? null : text);
}
