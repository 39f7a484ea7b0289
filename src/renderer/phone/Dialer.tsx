import { formatForDisplay, normalizeDialString } from '../../core/phone/numbers/phoneNumber';
import { phone } from './phone';
import { useTranslation } from '../shared/useTranslation';
import { TargetForm } from './TargetForm';

/** Where a typed target goes, once it is a valid one: shown before the user calls. */
function previewOf(text: string): string | null {
  const target = normalizeDialString(text);
  if (!target.ok) return null;
  switch (target.value.kind) {
    case 'number':
      return formatForDisplay(target.value.e164, 'international');
    case 'extension':
      return target.value.digits;
    case 'sip':
      return target.value.uri.replace(/^sips?:/, '');
  }
}

export function Dialer() {
  const t = useTranslation();
  return (
    <TargetForm
      className="phone-dialer"
      heading={t('phone.dialer.heading')}
      label={t('phone.dialer.label')}
      submitLabel={t('phone.dialer.call')}
      submitClassName="phone-button phone-button--call"
      submit={(target) => phone.tryDial(target)}
      hint={(target) => {
        const preview = target.trim() === '' ? null : previewOf(target);
        return preview === null ? t('phone.dialer.hint') : t('phone.dialer.preview', { target: preview });
      }}
    />
  );
}
