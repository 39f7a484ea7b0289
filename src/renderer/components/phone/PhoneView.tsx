import { useTranslation } from '../../useTranslation';
import { usePhoneStore } from '../../phone/phoneStore';
import { ActiveCall } from './ActiveCall';
import { CallerIdSummary } from './CallerIdSummary';
import { CallHistory } from './CallHistory';
import { Dialer } from './Dialer';
import { Messages } from './Messages';
import { RegistrationStatus } from './RegistrationStatus';
import { useFailureText, useParty, usePhoneErrorText } from './usePhoneText';

/** The "Telefon" view: registration, calls in progress, the dialer, messages and the call history. */
export function PhoneView() {
  const t = useTranslation();
  const errorText = usePhoneErrorText();
  const party = useParty();
  const failureText = useFailureText();
  const calls = usePhoneStore((store) => store.calls);
  const error = usePhoneStore((store) => store.error);
  const problems = usePhoneStore((store) => store.problems);
  const lastEnded = usePhoneStore((store) => store.lastEnded);
  const inProgress = calls.filter((call) => call.status !== 'ringing');

  return (
    <section className="phone" aria-labelledby="phone-heading">
      <div className="section-header">
        <h2 id="phone-heading">{t('phone.heading')}</h2>
      </div>
      <RegistrationStatus />
      <CallerIdSummary />
      {error && (
        <p role="alert" className="phone-error" data-error-code={error.code}>
          {errorText(error)}
        </p>
      )}
      {problems.length > 0 && (
        <div role="status" className="phone-problems">
          <p>{t('phone.problems.heading')}</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem.code}>{errorText(problem)}</li>
            ))}
          </ul>
        </div>
      )}
      {inProgress.length > 0 && (
        <div className="phone-calls" role="group" aria-label={t('phone.calls.label')}>
          {inProgress.map((call) => (
            <ActiveCall key={call.id} call={call} />
          ))}
        </div>
      )}
      <p role="status" className="phone-hint phone-ended" data-testid="last-call" data-failure={lastEnded?.failure?.reason}>
        {lastEnded &&
          (lastEnded.failure
            ? t('phone.call.endedBecause', { party: party.line(lastEnded.remote), outcome: t(`phone.outcome.${lastEnded.outcome}`), reason: failureText(lastEnded.failure) })
            : t('phone.call.ended', { party: party.line(lastEnded.remote), outcome: t(`phone.outcome.${lastEnded.outcome}`) }))}
      </p>
      <div className="phone-grid">
        <Dialer />
        <Messages />
      </div>
      <CallHistory />
    </section>
  );
}
