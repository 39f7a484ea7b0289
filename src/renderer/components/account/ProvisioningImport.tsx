import { useId, type ChangeEvent } from 'react';
import { useTranslation } from '../../useTranslation';
import { useAccountRequest } from './useAccountRequest';

export function ProvisioningImport({ onImported }: { onImported(): void }) {
  const t = useTranslation();
  const request = useAccountRequest();
  const hintId = useId();

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file && (await request.send('provision:import', { json: await file.text() }))) onImported();
  };

  return (
    <section aria-labelledby="provisioning-heading" className="account-provisioning">
      <h3 id="provisioning-heading">{t('account.provisioning')}</h3>
      <p id={hintId}>{t('account.provisioningHint')}</p>
      <label className="account-provisioning__button">
        {t('account.import')}
        <input type="file" accept="application/json,.json" aria-describedby={hintId} onChange={(event) => void importFile(event)} />
      </label>
      <div role="status">
        {request.done && <p>{t('account.imported')}</p>}
        {request.errors.length > 0 && (
          <div className="account-provisioning__errors">
            <p>{t('account.importRefused')}</p>
            <ul>
              {request.errors.map((error) => (
                <li key={`${error.field ?? ''}${error.message}`}>{error.message}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
