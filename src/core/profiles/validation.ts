import type { AppError } from '../errors';
import type { AccountNumbers } from '../account/model';
import { BASE_PROFILE_ID, BASE_PROFILE_NUMBER } from './defaults';
import type { DefaultLength } from '../time/lengths';
import type { CallerId, ForwardTarget, IncomingRule, Profile } from './model';

export const PROFILE_NUMBER_MAX = 999;
export const TEXT_LIMITS = { name: 60, statusMessage: 200, announcement: 500 } as const;
export const CALENDAR_PRIORITY = { min: 0, max: 100 } as const;
export const LENGTH_LIMITS = { minutes: 365 * 24 * 60, days: 365 } as const;
export const NO_ANSWER_SECONDS = { min: 5, max: 300 } as const;
const E164 = /^\+[1-9]\d{6,14}$/;

const numberKindNames: Record<Exclude<CallerId, 'hidden'>, string> = {
  landline: 'landline',
  mobile: 'mobile',
  switchboard: 'switchboard',
};

/**
 * Every rule a profile breaks, each with its own code and field, so a form can show them inline
 * and the IPC can refuse the same things. `previous` is the stored version when editing: a caller
 * ID that was already stored is not re-checked, so clearing a number from the account does not
 * lock its profiles against unrelated edits. An account with no numbers at all is not set up yet,
 * so caller IDs cannot be checked against it.
 */
export function validateProfile(
  candidate: Profile,
  otherProfiles: readonly Profile[],
  numbers: AccountNumbers,
  previous?: Profile,
): AppError[] {
  const errors: AppError[] = [];
  const name = candidate.name.trim();
  if (name === '') {
    errors.push({ code: 'name-empty', field: 'name', message: 'The profile name must not be empty.' });
  } else {
    const twin = otherProfiles.find((other) => other.name.trim().toLocaleLowerCase('sv') === name.toLocaleLowerCase('sv'));
    if (twin) errors.push({ code: 'name-duplicate', field: 'name', message: `Another profile is already named "${twin.name}".` });
  }

  if (candidate.name.length > TEXT_LIMITS.name) {
    errors.push({ code: 'name-too-long', field: 'name', message: `The profile name may be at most ${TEXT_LIMITS.name} characters.` });
  }
  if (candidate.statusMessage.length > TEXT_LIMITS.statusMessage) {
    errors.push({
      code: 'status-message-too-long',
      field: 'statusMessage',
      message: `The status message may be at most ${TEXT_LIMITS.statusMessage} characters.`,
    });
  }
  if (candidate.calendarPriority < CALENDAR_PRIORITY.min || candidate.calendarPriority > CALENDAR_PRIORITY.max) {
    errors.push({
      code: 'calendar-priority-out-of-range',
      field: 'calendarPriority',
      message: `The calendar priority must be from ${CALENDAR_PRIORITY.min} to ${CALENDAR_PRIORITY.max}.`,
    });
  }

  if (candidate.number < 1 || candidate.number > PROFILE_NUMBER_MAX) {
    errors.push({ code: 'number-out-of-range', field: 'number', message: `The profile number must be from 1 to ${PROFILE_NUMBER_MAX}.` });
  } else if (candidate.id === BASE_PROFILE_ID && candidate.number !== BASE_PROFILE_NUMBER) {
    errors.push({ code: 'number-base-fixed', field: 'number', message: 'The base profile keeps number 1.' });
  } else {
    const twin = otherProfiles.find((other) => other.number === candidate.number);
    if (twin) {
      errors.push({
        code: 'number-duplicate',
        field: 'number',
        message: `Profile number ${candidate.number} is already used by "${twin.name}".`,
      });
    }
  }

  const accountKnown = Object.values(numbers).some((number) => number !== null);
  for (const use of ['calls', 'sms'] as const) {
    const choice = candidate.callerId[use];
    if (!accountKnown || choice === 'hidden' || previous?.callerId[use] === choice) continue;
    if (numbers[choice] === null) {
      errors.push({
        code: 'caller-id-not-owned',
        field: `callerId.${use}`,
        message: `The account has no ${numberKindNames[choice]} number to show.`,
      });
    }
  }

  errors.push(...validateDefaultLength(candidate.defaultLength));

  errors.push(...validateIncomingRule(candidate.incoming, (path) => `incoming.${path}`));
  for (const [line, rule] of Object.entries(candidate.incoming.byLine)) {
    // The editor shows a line's rule as one row, so its errors go beside that row.
    if (rule) errors.push(...validateIncomingRule(rule, () => `incoming.byLine.${line}`));
  }
  return errors;
}

function validateIncomingRule(rule: IncomingRule, field: (path: string) => string): AppError[] {
  const errors: AppError[] = [];
  if (rule.noAnswer) {
    const seconds = rule.noAnswer.afterSeconds;
    if (seconds < NO_ANSWER_SECONDS.min || seconds > NO_ANSWER_SECONDS.max) {
      errors.push({
        code: 'no-answer-out-of-range',
        field: field('noAnswer.afterSeconds'),
        message: `The no-answer time must be from ${NO_ANSWER_SECONDS.min} to ${NO_ANSWER_SECONDS.max} seconds.`,
      });
    }
    errors.push(...validateForwardTarget(rule.noAnswer.target, field('noAnswer.target')));
  }
  const action = rule.action;
  if (action.kind === 'forward') errors.push(...validateForwardTarget(action.target, field('action.target')));
  if (action.kind === 'announcement') {
    if (action.text.trim() === '') {
      errors.push({ code: 'announcement-empty', field: field('action.text'), message: 'The announcement text must not be empty.' });
    } else if (action.text.length > TEXT_LIMITS.announcement) {
      errors.push({
        code: 'announcement-too-long',
        field: field('action.text'),
        message: `The announcement text may be at most ${TEXT_LIMITS.announcement} characters.`,
      });
    }
    if (action.then.kind === 'forward') errors.push(...validateForwardTarget(action.then.target, field('action.then.target')));
  }
  if (rule.whenBusy.kind === 'forward') {
    errors.push(...validateForwardTarget(rule.whenBusy.target, field('whenBusy.target')));
  }
  return errors;
}

export function validateDefaultLength(length: DefaultLength): AppError[] {
  if (length.kind !== 'minutes' && length.kind !== 'days') return [];
  const amount = length.kind === 'minutes' ? length.minutes : length.days;
  const field = `defaultLength.${length.kind}`;
  if (amount <= 0) return [{ code: 'length-not-positive', field, message: 'The default length must be greater than zero.' }];
  if (amount > LENGTH_LIMITS[length.kind]) {
    return [{ code: 'length-too-long', field, message: `The default length may be at most ${LENGTH_LIMITS[length.kind]} ${length.kind}.` }];
  }
  return [];
}

function validateForwardTarget(target: ForwardTarget, field: string): AppError[] {
  if (target.kind === 'number' && !E164.test(target.number)) {
    return [{ code: 'forward-number-invalid', field, message: `"${target.number}" is not a phone number in international form (+46…).` }];
  }
  return [];
}

export function nextFreeProfileNumber(profiles: readonly Profile[]): number {
  const used = new Set(profiles.map((profile) => profile.number));
  let number = 1;
  while (used.has(number)) number++;
  return number;
}
