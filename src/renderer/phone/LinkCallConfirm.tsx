import { phone } from './phone';
import { answerLinkCall, useLinkCallStore } from './linkCallStore';
import { useTranslation } from '../shared/useTranslation';
import { ConfirmDialog } from '../shared/ConfirmDialog';

/** A tel:, sip: or callto: link never rings by itself: the number is shown, and the user decides. */
export function LinkCallConfirm() {
  const t = useTranslation();
  const pending = useLinkCallStore((store) => store.pending);
  if (!pending) return null;
  const number = pending.shown;
  const body = [
    pending.premiumRate ? t('phone.link.premium', { number }) : null,
    t('phone.link.body', { number }),
    pending.extension ? t('phone.link.extension', { extension: pending.extension }) : null,
  ]
    .filter((line) => line !== null)
    .join(' ');
  return (
    <ConfirmDialog
      key={`${number}-${pending.extension ?? ''}`}
      title={t('phone.link.title', { number })}
      body={body}
      confirmLabel={t('phone.link.ring')}
      cancelLabel={t('phone.link.cancel')}
      onConfirm={() => {
        const target = answerLinkCall(true);
        if (target) phone.dialTarget(target);
      }}
      onCancel={() => answerLinkCall(false)}
    />
  );
}
