import { useId, useState, type FormEvent } from 'react';
import { MAX_PRIORITY_CONTACTS, type Account, type PriorityContact, type PriorityContactInput } from '../../core/account/model';
import { priorityInputFromText } from '../../core/account/priorityAccess';
import type { AppError } from '../../core/errors';
import { formatForDisplay } from '../../core/phone/numbers/phoneNumber';
import { useTranslation } from '../shared/useTranslation';
import { TextField } from '../shared/TextField';
import { useAccountRequest } from './useAccountRequest';

const asInput = (contact: PriorityContact): PriorityContactInput =>
  contact.kind === 'number' ? { kind: 'number', number: contact.number } : { kind: 'colleague', uri: contact.uri };

const labelOf = (contact: PriorityContact): string => (contact.kind === 'number' ? formatForDisplay(contact.number) : contact.name);

/** Who may always reach the user: colleagues picked by name from the directory, and numbers. */
export function PriorityAccessEditor({ account }: { account: Pick<Account, 'priorityAccess' | 'directory'> }) {
  const t = useTranslation();
  const namesId = useId();
  const [typed, setTyped] = useState('');
  const [localError, setLocalError] = useState<AppError | null>(null);
  const request = useAccountRequest();
  const list = account.priorityAccess;
  const current = list.map(asInput);
  const fieldError = localError ?? request.errors.find((error) => error.field?.startsWith('priorityAccess'));

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const input = priorityInputFromText(typed, account.directory);
    setLocalError(input.ok ? null : input.error);
    if (input.ok && (await request.send('account:update', { priorityAccess: [...current, input.value] }))) setTyped('');
  };

  return (
    <section aria-labelledby="priority-heading" className="account-directory account-priority">
      <h3 id="priority-heading">{t('account.priority')}</h3>
      <p className="account-field__hint">{t('account.priorityHint', { max: MAX_PRIORITY_CONTACTS })}</p>
      {list.length === 0 ? (
        <p>{t('account.priorityNone')}</p>
      ) : (
        <ul aria-label={t('account.priority')}>
          {list.map((contact, index) => (
            <li key={contact.kind === 'number' ? contact.number : contact.uri}>
              <span>
                {labelOf(contact)} {contact.kind === 'colleague' && <small>{contact.uri}</small>}
              </span>
              <button
                type="button"
                aria-label={t('account.priorityRemove', { name: labelOf(contact) })}
                onClick={() => void request.send('account:update', { priorityAccess: current.filter((_, other) => other !== index) })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void add(event)} className="account-directory__add" noValidate>
        <TextField
          label={t('account.priorityInput')}
          value={typed}
          onChange={setTyped}
          list={namesId}
          autoComplete="off"
          error={fieldError}
        />
        <datalist id={namesId}>
          {account.directory.map((colleague) => (
            <option key={colleague.uri} value={colleague.name} />
          ))}
        </datalist>
        <button type="submit" disabled={request.busy}>
          {t('account.priorityAdd')}
        </button>
      </form>
    </section>
  );
}
