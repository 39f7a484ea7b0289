import type { Account } from '../../core/account/model';
import { formatForDisplay } from '../../core/phone/numbers/phoneNumber';
import type { CallerId } from '../../core/profiles/model';
import { useAppStore } from '../shared/appStore';
import { useTranslation } from '../shared/useTranslation';

type Translate = ReturnType<typeof useTranslation>;

export function callerIdText(t: Translate, callerId: CallerId | null, numbers: Account['numbers']): string {
  if (callerId === null) return t('phone.callerId.sipAddress');
  if (callerId === 'hidden') return t('phone.callerId.hidden');
  const kind = t(`phone.callerId.kind.${callerId}`);
  const number = numbers[callerId];
  return number === null ? t('phone.callerId.missing', { kind }) : t('phone.callerId.number', { number: formatForDisplay(number), kind });
}

/** What the active profile presents, so the user knows before dialling. */
export function CallerIdSummary() {
  const t = useTranslation();
  const profile = useAppStore((store) => store.state?.profiles.find((candidate) => candidate.id === store.state?.active.profileId));
  const numbers = useAppStore((store) => store.state?.account.numbers);
  if (!profile || !numbers) return null;
  return (
    <p className="phone-caller-id" data-testid="caller-id-summary">
      <strong>{t('phone.callerId.label')}</strong> ({profile.name}):{' '}
      {t('phone.callerId.summary', {
        calls: callerIdText(t, profile.callerId.calls, numbers),
        sms: callerIdText(t, profile.callerId.sms, numbers),
      })}
    </p>
  );
}
