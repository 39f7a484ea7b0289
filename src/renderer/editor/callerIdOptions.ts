import { NUMBER_KINDS, type AccountNumbers } from '../../core/account/model';
import type { CallerId } from '../../core/profiles/model';

/** True when an account has numbers at all; before that, caller IDs cannot be checked against it. */
export function accountHasNumbers(numbers: AccountNumbers): boolean {
  return Object.values(numbers).some((number) => number !== null);
}

/** The first number the account owns, so a new profile starts with a caller ID it may use. */
export function defaultCallerId(numbers: AccountNumbers): CallerId {
  if (!accountHasNumbers(numbers)) return 'landline';
  return NUMBER_KINDS.find((kind) => numbers[kind] !== null) ?? 'hidden';
}
export interface CallerIdOption {
  value: CallerId;
  /** The account's E.164 number for this choice; null for "hidden" and for numbers it lacks. */
  number: string | null;
  selectable: boolean;
}

/**
 * The caller IDs in the order the form lists them. A number the account lacks cannot be chosen,
 * except the one already stored (validation lets it stay) and while the account has no numbers.
 */
export function callerIdOptions(numbers: AccountNumbers, stored?: CallerId): CallerIdOption[] {
  const known = accountHasNumbers(numbers);
  return [
    ...NUMBER_KINDS.map((kind) => ({
      value: kind,
      number: numbers[kind],
      selectable: !known || numbers[kind] !== null || stored === kind,
    })),
    { value: 'hidden' as const, number: null, selectable: true },
  ];
}
