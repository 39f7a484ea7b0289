import { describeInput } from '../describeInput';
import { fail, ok, type AppError, type Result } from '../errors';
import { normalizeToE164 } from '../phone/numbers/phoneNumber';
import { parseSipAddress } from '../phone/numbers/sipAddress';
import { MAX_PRIORITY_CONTACTS, type Colleague, type PriorityContact, type PriorityContactInput } from './model';

/**
 * The user part and host of a SIP address, host lower-cased, without scheme or port: the PBX may
 * assert `sip:` where the directory says `sips:`, and never a port. null for what is no SIP address.
 */
export function addressKey(uri: string): string | null {
  const parsed = parseSipAddress(uri);
  if (!parsed.ok) return null;
  const withoutScheme = parsed.value.replace(/^sips?:/, '');
  const at = withoutScheme.lastIndexOf('@');
  return `${withoutScheme.slice(0, at)}@${withoutScheme.slice(at + 1).replace(/:\d+$/, '')}`;
}

/** What one line of the priority field holds: a colleague's name from the directory, else a phone number. */
export function priorityInputFromText(text: string, directory: readonly Colleague[]): Result<PriorityContactInput> {
  const typed = text.trim();
  if (typed === '') return fail('priority-empty', 'Enter a colleague from the directory or a phone number.');
  const wanted = typed.toLocaleLowerCase('sv');
  const named = directory.filter((colleague) => colleague.name.trim().toLocaleLowerCase('sv') === wanted);
  const [colleague] = named;
  if (named.length > 1)
    return fail('priority-colleague-ambiguous', `More than one colleague in the directory is called ${describeInput(typed)}.`);
  if (colleague) return ok({ kind: 'colleague', uri: colleague.uri });
  if (/^[+0-9\s\-.()/]+$/.test(typed)) return ok({ kind: 'number', number: typed });
  return fail('priority-not-found', `${describeInput(typed)} is neither a colleague in the directory nor a phone number.`);
}

/**
 * The priority list the user asked for, from the directory and typed numbers. A colleague must be
 * in the directory when added (one already on the list stays, even if the directory lost him), a
 * number must be one, nobody may be on it twice, and it holds at most MAX_PRIORITY_CONTACTS.
 */
export function applyPriorityAccess(
  current: readonly PriorityContact[],
  requested: readonly PriorityContactInput[],
  directory: readonly Colleague[],
): { list: PriorityContact[]; errors: AppError[] } {
  const errors: AppError[] = [];
  if (requested.length > MAX_PRIORITY_CONTACTS) {
    errors.push({
      code: 'priority-list-full',
      field: 'priorityAccess',
      message: `At most ${MAX_PRIORITY_CONTACTS} contacts may have priority access.`,
    });
    return { list: [...current], errors };
  }
  const list: PriorityContact[] = [];
  const seen = new Set<string>();
  requested.forEach((entry, index) => {
    const resolved = resolveEntry(entry, current, directory);
    if (!resolved.ok) {
      errors.push({ ...resolved.error, field: `priorityAccess.${index}` });
      return;
    }
    const key = resolved.value.kind === 'number' ? resolved.value.number : `sip:${addressKey(resolved.value.uri) ?? resolved.value.uri}`;
    if (seen.has(key)) {
      errors.push({
        code: 'priority-duplicate',
        field: `priorityAccess.${index}`,
        message: `${describeInput(entryLabel(resolved.value))} is on the list already.`,
      });
      return;
    }
    seen.add(key);
    list.push(resolved.value);
  });
  return { list, errors };
}

function resolveEntry(
  entry: PriorityContactInput,
  current: readonly PriorityContact[],
  directory: readonly Colleague[],
): Result<PriorityContact> {
  if (entry.kind === 'number') {
    const number = normalizeToE164(entry.number);
    return number.ok ? ok({ kind: 'number', number: number.value }) : number;
  }
  const key = addressKey(entry.uri);
  const sameAddress = (uri: string) => key !== null && addressKey(uri) === key;
  const colleague = directory.find((candidate) => sameAddress(candidate.uri));
  if (colleague) return ok({ kind: 'colleague', name: colleague.name, uri: colleague.uri });
  const kept = current.find(
    (contact): contact is Extract<PriorityContact, { kind: 'colleague' }> => contact.kind === 'colleague' && sameAddress(contact.uri),
  );
  if (kept) return ok(kept);
  return fail('priority-colleague-unknown', `${describeInput(entry.uri)} is not a colleague in the directory.`);
}

function entryLabel(contact: PriorityContact): string {
  return contact.kind === 'number' ? contact.number : contact.name;
}
