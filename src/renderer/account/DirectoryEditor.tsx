import { useState, type FormEvent } from 'react';
import type { Colleague } from '../../core/account/model';
import { useTranslation } from '../shared/useTranslation';
import { TextField } from '../shared/TextField';
import { useAccountRequest } from './useAccountRequest';

export function DirectoryEditor({ directory }: { directory: Colleague[] }) {
  const t = useTranslation();
  const [name, setName] = useState('');
  const [uri, setUri] = useState('');
  const request = useAccountRequest();
  const added = `directory.${directory.length}`;
  const nameError = request.errors.find((error) => error.field === `${added}.name`);
  const uriError = request.errors.find((error) => error !== nameError && error.field?.startsWith('directory'));

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (await request.send('account:update', { directory: [...directory, { name: name.trim(), uri: uri.trim() }] })) {
      setName('');
      setUri('');
    }
  };

  return (
    <section aria-labelledby="directory-heading" className="account-directory">
      <h3 id="directory-heading">{t('account.directory')}</h3>
      <ul>
        {directory.map((colleague) => (
          <li key={colleague.uri}>
            <span>
              {colleague.name} <small>{colleague.uri}</small>
            </span>
            <button
              type="button"
              aria-label={t('account.removeColleague', { name: colleague.name })}
              onClick={() => void request.send('account:update', { directory: directory.filter((other) => other.uri !== colleague.uri) })}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={(event) => void add(event)} className="account-directory__add" noValidate>
        <TextField label={t('account.colleagueName')} value={name} onChange={setName} error={nameError} />
        <TextField label={t('account.colleagueUri')} value={uri} onChange={setUri} error={uriError} />
        <button type="submit">{t('account.addColleague')}</button>
      </form>
    </section>
  );
}
