import { CALLER_ID_PRESENTATIONS, HIDING_METHODS, type CallerIdPolicy } from '../../core/account/model';
import { useTranslation } from '../shared/useTranslation';

/** How this PBX takes the caller ID and hides it, each choice explained where it is made. */
export function CallerIdPolicyFields({ policy, onChange }: { policy: CallerIdPolicy; onChange(policy: CallerIdPolicy): void }) {
  const t = useTranslation();
  return (
    <fieldset className="account-policy" data-testid="caller-id-policy">
      <legend>{t('account.callerIdPolicy')}</legend>
      <fieldset>
        <legend>{t('account.presentation')}</legend>
        {CALLER_ID_PRESENTATIONS.map((presentation) => (
          <label key={presentation} className="account-choice">
            <input
              type="radio"
              name="caller-id-presentation"
              value={presentation}
              checked={policy.presentation === presentation}
              onChange={() => onChange({ ...policy, presentation })}
            />
            <span>
              {t(`account.presentation.${presentation}`)}
              <small className="account-field__hint">{t(`account.presentation.${presentation}.hint`)}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('account.hiding')}</legend>
        {HIDING_METHODS.map((hiding) => (
          <label key={hiding} className="account-choice">
            <input
              type="radio"
              name="caller-id-hiding"
              value={hiding}
              checked={policy.hiding === hiding}
              onChange={() => onChange({ ...policy, hiding })}
            />
            <span>
              {t(`account.hiding.${hiding}`)}
              <small className="account-field__hint">{t(`account.hiding.${hiding}.hint`)}</small>
            </span>
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
