import { useTranslation } from '../shared/useTranslation';
import { UiSettingSwitch } from './UiSettingSwitch';

/** Notifications wait while a call is in progress; the profile is not touched. */
export function NotificationHoldSetting() {
  const t = useTranslation();
  return (
    <UiSettingSwitch
      setting="holdNotificationsInCall"
      legend={t('account.notifications')}
      label={t('account.holdNotificationsInCall')}
      hint={t('account.holdNotificationsInCallHint')}
    />
  );
}
