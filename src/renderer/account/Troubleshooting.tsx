import { useTranslation } from '../shared/useTranslation';
import { UiSettingSwitch } from './UiSettingSwitch';

/** The SIP trace switch: JsSIP's debug lines go to the log file while it is on. */
export function Troubleshooting() {
  const t = useTranslation();
  return (
    <UiSettingSwitch
      setting="sipTrace"
      legend={t('account.troubleshooting')}
      label={t('account.sipTrace')}
      hint={t('account.sipTraceHint')}
    />
  );
}
