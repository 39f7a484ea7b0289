import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from '../shared/useTranslation';
import { selectCallsInProgress, usePhoneStore } from './phoneStore';
import { ActiveCall } from './ActiveCall';
import { CallerIdSummary } from './CallerIdSummary';
import { CallHistory } from './CallHistory';
import { Dialer } from './Dialer';
import { Messages } from './Messages';
import { RegistrationStatus } from './RegistrationStatus';
import { useFailureText, useParty, usePhoneErrorText } from './usePhoneText';

/** The calls answered, placed or announced; a call's change re-renders these alone, not the rest of the view. */
function CallsInProgress() {
  const t = useTranslation();
  const inProgress = usePhoneStore(useShallow(selectCallsInProgress));
  if (inProgress.length === 0) return null;
  return (
    <div className="phone-calls" role="group" aria-label={t('phone.calls.label')}>
      {inProgress.map((call) => (
        <ActiveCall key={call.id} call={call} />
      ))}
    </div>
  );
}

function LastCall() {
  const t = useTranslation();
  const party = useParty();
  const failureText = useFailureText();
  const lastEnded = usePhoneStore((store) => store.lastEnded);
  return (
    <p role="status" className="phone-hint phone-ended" data-testid="last-call" data-failure={lastEnded?.failure?.reason}>
      {lastEnded &&
        (lastEnded.failure
          ? t('phone.call.endedBecause', {
              party: party.line(lastEnded.remote),
              outcome: t(`phone.outcome.${lastEnded.outcome}`),
              reason: failureText(lastEnded.failure),
            })
          : t('phone.call.ended', { party: party.line(lastEnded.remote), outcome: t(`phone.outcome.${lastEnded.outcome}`) }))}
    </p>
  );
}

/** The "Telefon" view: registration, calls in progress, the dialer, messages and the call history. */
export function PhoneView() {
  const t = useTranslation();
  const errorText = usePhoneErrorText();
  const error = usePhoneStore((store) => store.error);
  const problems = usePhoneStore((store) => store.problems);

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
      <CallsInProgress />
      <LastCall />
      <div className="phone-grid">
        <Dialer />
        <Messages />
      </div>
      <CallHistory />
    </section>
  );
}
