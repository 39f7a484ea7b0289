import type { Colleague } from '../account/model';
import { cleanDisplayName, type RemoteParty } from './remoteParty';

/** At most this many suggestions under a search field: enough to pick from, few enough to read. */
export const MAX_SUGGESTIONS = 8;

const COLLATOR = new Intl.Collator('sv', { sensitivity: 'base' });
const COMBINING_MARKS = /\p{M}/gu;

/** Text as a search compares it: no case, no accents ("Örjan" and "orjan" are the same), single spaces. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();
}

/** The user part of a colleague's address (`bertil` of `sip:bertil@example.se`). */
export function addressUser(uri: string): string {
  const address = uri.replace(/^(sips?|tel):/i, '');
  const at = address.indexOf('@');
  return at < 0 ? address : address.slice(0, at);
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** 0 is the best match; null is none. */
function rank(colleague: Colleague, query: string, queryDigits: string): number | null {
  const name = foldForSearch(colleague.name);
  if (name.startsWith(query)) return 0;
  const words = name.split(' ');
  if (query.split(' ').every((token) => words.some((word) => word.startsWith(token)))) return 1;
  const user = foldForSearch(addressUser(colleague.uri));
  if (user.startsWith(query)) return 2;
  // A number is found by any run of its digits, however it is written ("08-123", "+46812"): a
  // Swedish national 0 stands for +46.
  if (queryDigits.length >= 2 && queryDigits.length === query.replace(/[\s\-+().]/g, '').length) {
    const userDigits = digitsOf(user);
    if (userDigits.includes(queryDigits) || (queryDigits.startsWith('0') && userDigits.startsWith(`46${queryDigits.slice(1)}`))) return 3;
  }
  if (name.includes(query)) return 4;
  return null;
}

/**
 * The colleagues a search field offers for what is typed, best first: a name that starts with it,
 * then one whose words start with its words ("ber sv" finds "Bertil Svensson"), then by address or
 * number. Equal matches are in Swedish alphabetical order (å, ä, ö last).
 */
export function searchDirectory(directory: readonly Colleague[], typed: string, limit = MAX_SUGGESTIONS): Colleague[] {
  const query = foldForSearch(typed.replace(/^(sips?|tel):/i, ''));
  if (query === '') return [];
  const queryDigits = digitsOf(query);
  const ranked: { colleague: Colleague; rank: number }[] = [];
  for (const colleague of directory) {
    const found = rank(colleague, query, queryDigits);
    if (found !== null) ranked.push({ colleague, rank: found });
  }
  ranked.sort((a, b) => a.rank - b.rank || COLLATOR.compare(a.colleague.name, b.colleague.name));
  return ranked.slice(0, limit).map((entry) => entry.colleague);
}

/** The colleagues a typed text names exactly, by name or address user (case and accents aside). */
export function colleaguesNamed(directory: readonly Colleague[], typed: string): Colleague[] {
  const wanted = foldForSearch(typed);
  if (wanted === '') return [];
  return directory.filter((colleague) => foldForSearch(colleague.name) === wanted || foldForSearch(addressUser(colleague.uri)) === wanted);
}

/** A colleague by address, scheme and case of the host aside: to name a caller or a history entry. */
export function colleagueAt(directory: readonly Colleague[], uri: string): Colleague | null {
  const key = addressKey(uri);
  if (key === '') return null;
  return directory.find((colleague) => addressKey(colleague.uri) === key) ?? null;
}

function addressKey(uri: string): string {
  const address = uri.replace(/^(sips?):/i, '').replace(/[;?].*$/, '');
  const at = address.lastIndexOf('@');
  if (at < 0) return '';
  const host = address
    .slice(at + 1)
    .toLowerCase()
    .replace(/:\d+$/, '');
  return `${address.slice(0, at)}@${host}`;
}

/**
 * A party named as the directory names him: the company's own name for a colleague wins over the
 * display name he sends. `alsoAt` are his other addresses the PBX vouched for (a caller shown by
 * his asserted number is still found by the From it authenticated).
 */
export function namedFromDirectory(party: RemoteParty, directory: readonly Colleague[], alsoAt: readonly string[] = []): RemoteParty {
  if (party.anonymous || party.uri === '') return party;
  for (const uri of [party.uri, ...alsoAt]) {
    const colleague = colleagueAt(directory, uri);
    if (colleague !== null) return { ...party, name: cleanDisplayName(colleague.name) };
  }
  return party;
}
