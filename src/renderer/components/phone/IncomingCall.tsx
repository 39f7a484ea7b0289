import { useId } from 'react';
import { phone } from '../../phone/phone';
import type { CallView } from '../../phone/phoneStore';
import { useTranslation } from '../../useTranslation';
import { useParty } from './usePhoneText';

interface Props {
  call: CallView;
  /** After answering, the call's controls are in the phone view. */
  onAnswered(): void;
}

/** A ringing call: who it is, and answer or decline. Shown over any view. */
export function IncomingCall({ call, onAnswered }: Props) {
  const t = useTranslation();
  const party = useParty();
  const headingId = useId();
  const { primary, secondary } = party.describe(call.remote);
  return (
    <section
      className={`phone-incoming${call.callWaiting ? ' phone-incoming--waiting' : ''}`}
      aria-labelledby={headingId}
      data-testid="incoming-call"
      data-anonymous={call.remote.anonymous}
    >
      <h2 id={headingId} aria-live="assertive">
        {call.callWaiting ? t('phone.incoming.waiting') : t('phone.incoming.heading')}
      </h2>
      <p className="phone-party">
        <span className="phone-party__primary" data-testid="caller-primary">
          {primary}
        </span>
        {secondary !== '' && (
          <span className="phone-party__secondary" data-testid="caller-secondary">
            {secondary}
          </span>
        )}
      </p>
      <div className="phone-actions">
        <button
          type="button"
          className="phone-button phone-button--answer"
          aria-label={`${t('phone.incoming.answer')}: ${party.line(call.remote)}`}
          onClick={() => {
            if (phone.answer(call.id).ok) onAnswered();
          }}
        >
          {t('phone.incoming.answer')}
        </button>
        <button
          type="button"
          className="phone-button phone-button--decline"
          aria-label={`${t('phone.incoming.decline')}: ${party.line(call.remote)}`}
          onClick={() => phone.decline(call.id)}
        >
          {t('phone.incoming.decline')}
        </button>
      </div>
    </section>
  );
}
