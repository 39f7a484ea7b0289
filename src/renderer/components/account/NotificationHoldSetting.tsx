import { useState } from 'react';
import type { AppError } from '../../../core/errors';
import { useAppStore } from '../../store/appStore';
import { useTranslation } from '../../useTranslation';
import { useErrorText } from '../editor/errorText';

/** Notifications wait while a call is in progress; the profile is not touched. */
export function NotificationHoldSetting() {
  const t = useTranslation();
  const errorText = useErrorText();
  const holding = useAppStore((store) => store.state?.ui.holdNotificationsInCall ?? false);
  const [error, setError] = useState<AppError | null>(null);
  const toggle = async (on: boolean) => {
    const saved = await window.softphone.invoke('ui:update', { holdNotificationsInCall: on });
    setError(saved.ok ? null : saved.error);
  };
  return (
    <fieldset className="account-troubleshooting">
      <legend>{t('account.notifications')}</legend>
      <label className="account-check">
        <input type="checkbox" checked={holding} aria-describedby="hold-notifications-hint" onChange={(event) => void toggle(event.target.checked)} />
        {t('account.holdNotificationsInCall')}
      </label>
      <small id="hold-notifications-hint" className="account-field__hint">
        {t('account.holdNotificationsInCallHint')}
      </small>
      {error && (
        <small className="account-field__error" data-error-code={error.code}>
          {t('error.generic', { message: errorText(error) })}
        </small>
      )}
    </fieldset>
  );
}
