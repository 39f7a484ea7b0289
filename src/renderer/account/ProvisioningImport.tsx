import { useId, useState } from 'react';
import type { AppError } from '../../core/errors';
import { useTranslation } from '../shared/useTranslation';
import { useErrorText } from '../shared/errorText';
import { FileChooser, type FileChoice } from '../shared/FileChooser';
import { useAccountRequest } from './useAccountRequest';

/** A provisioning file chosen in the OS dialog (Electron) or the page (the browser shell), applied whole or not at all. */
export function ProvisioningImport({ onImported, headingLevel = 3 }: { onImported(): void; headingLevel?: 2 | 3 }) {
  const t = useTranslation();
  const request = useAccountRequest();
  const errorText = useErrorText();
  const [nativeOutcome, setNativeOutcome] = useState<{ done: boolean; errors: AppError[]; unreadable: boolean }>({
    done: false,
    errors: [],
    unreadable: false,
  });
  const hintId = useId();
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const choose = async (choice: FileChoice) => {
    setNativeOutcome({ done: false, errors: [], unreadable: false });
    if (choice.kind === 'content') {
      if (await request.send('provision:import', { json: choice.text })) onImported();
      return;
    }
    if (choice.kind === 'unreadable') setNativeOutcome({ done: false, errors: [], unreadable: true });
    if (choice.kind === 'native-refused')
      setNativeOutcome({ done: false, errors: choice.error.details ?? [choice.error], unreadable: false });
    if (choice.kind === 'native' && choice.chosen) {
      setNativeOutcome({ done: true, errors: [], unreadable: false });
      onImported();
    }
  };
  const errors = [...request.errors, ...nativeOutcome.errors];

  return (
    <section aria-labelledby={headingId} className="account-provisioning">
      <Heading id={headingId}>{t('account.provisioning')}</Heading>
      <p id={hintId}>{t('account.provisioningHint')}</p>
      <FileChooser
        purpose="provisioning"
        label={t('account.import')}
        accept="application/json,.json"
        describedBy={hintId}
        onChoice={(choice) => void choose(choice)}
      />
      <div role="status">
        {(request.done || nativeOutcome.done) && <p>{t('account.imported')}</p>}
        {nativeOutcome.unreadable && <p className="account-provisioning__errors">{t('account.importUnreadable')}</p>}
        {errors.length > 0 && (
          <div className="account-provisioning__errors">
            <p>{t('account.importRefused')}</p>
            <ul>
              {errors.map((error) => (
                <li key={`${error.field ?? ''}${error.message}`}>{errorText(error)}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
