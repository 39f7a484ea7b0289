import { useState } from 'react';
import type { AppError } from '../../../core/errors';
import { useAppStore } from '../../store/appStore';
import { useTranslation } from '../../useTranslation';

/** The SIP trace switch: JsSIP's debug lines go to the log file while it is on. */
export function Troubleshooting() {
  const t = useTranslation();
  const sipTrace = useAppStore((store) => store.state?.ui.sipTrace ?? false);
  const [error, setError] = useState<AppError | null>(null);
  const toggle = async (on: boolean) => {
    const saved = await window.softphone.invoke('ui:update', { sipTrace: on });
    setError(saved.ok ? null : saved.error);
  };
  return (
    <fieldset className="account-troubleshooting">
      <legend>{t('account.troubleshooting')}</legend>
      <label className="account-check">
        <input type="checkbox" checked={sipTrace} aria-describedby="sip-trace-hint" onChange={(event) => void toggle(event.target.checked)} />
        {t('account.sipTrace')}
      </label>
      <small id="sip-trace-hint" className="account-field__hint">
        {t('account.sipTraceHint')}
      </small>
      {error && (
        <small className="account-field__error" data-error-code={error.code}>
          {t('error.generic', { message: error.message })}
        </small>
      )}
    </fieldset>
  );
}
