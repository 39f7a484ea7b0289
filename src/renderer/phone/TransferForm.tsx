import { phone } from './phone';
import { useTranslation } from '../shared/useTranslation';
import { TargetForm } from './TargetForm';

/** Blind transfer of a connected call to a colleague, a number, an extension or a SIP address. */
export function TransferForm({ callId }: { callId: string }) {
  const t = useTranslation();
  return (
    <TargetForm
      className="phone-transfer"
      label={t('phone.call.transferTo')}
      submitLabel={t('phone.call.transferSubmit')}
      submitClassName="phone-button"
      submit={(target) => phone.transfer(callId, target)}
    />
  );
}
