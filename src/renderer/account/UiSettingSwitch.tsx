import { useId, useState } from 'react';
import type { AppError } from '../../core/errors';
import { contract } from '../contract/client';
import { useAppStore } from '../shared/appStore';
import { useTranslation } from '../shared/useTranslation';
import { useErrorText } from '../shared/errorText';

export type UiSwitch = 'sipTrace' | 'holdNotificationsInCall';

/** One on/off setting of the app (not of a profile), saved as soon as it is changed. */
export function UiSettingSwitch({ setting, legend, label, hint }: { setting: UiSwitch; legend: string; label: string; hint: string }) {
  const t = useTranslation();
  const errorText = useErrorText();
  const on = useAppStore((store) => store.state?.ui[setting] ?? false);
  const [error, setError] = useState<AppError | null>(null);
  const hintId = useId();
  const toggle = async (value: boolean) => {
    const saved = await contract.invoke('ui:update', { [setting]: value });
    setError(saved.ok ? null : saved.error);
  };
  return (
    <fieldset className="account-troubleshooting">
      <legend>{legend}</legend>
      <label className="account-check">
        <input type="checkbox" checked={on} aria-describedby={hintId} onChange={(event) => void toggle(event.target.checked)} />
        {label}
      </label>
      <small id={hintId} className="account-field__hint">
        {hint}
      </small>
      {error && (
        <small className="account-field__error" data-error-code={error.code}>
          {t('error.generic', { message: errorText(error) })}
        </small>
      )}
    </fieldset>
  );
}
