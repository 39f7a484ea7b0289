import { usePhoneStore } from './phoneStore';
import { useTranslation } from '../shared/useTranslation';
import { useFailureText, usePhoneErrorText } from './usePhoneText';

/** Where the phone stands with the PBX, announced politely to screen readers as it changes. */
export function RegistrationStatus() {
  const t = useTranslation();
  const errorText = usePhoneErrorText();
  const failureText = useFailureText();
  const registration = usePhoneStore((store) => store.registration);
  const registrations = usePhoneStore((store) => store.registrations);

  let text: string;
  switch (registration.kind) {
    case 'registered':
      text = t('phone.registration.registered', { aor: registration.aor.replace(/^sips?:/, '') });
      break;
    case 'connecting':
      text = t('phone.registration.connecting');
      break;
    case 'reconnecting':
      text = t('phone.registration.reconnecting', { attempt: registration.attempt });
      break;
    case 'unreachable':
      text = t('phone.registration.unreachable', { attempt: registration.attempt });
      break;
    case 'failed': {
      const retry =
        registration.retryInMs === null ? '' : ` ${t('phone.registration.retry', { seconds: Math.ceil(registration.retryInMs / 1000) })}`;
      text = t('phone.registration.failed', { reason: failureText(registration.failure) }) + retry;
      break;
    }
    case 'not-configured':
      text = t('phone.registration.notConfigured', { reason: errorText(registration.problem) });
      break;
    case 'stopped':
      text = t('phone.registration.stopped');
      break;
  }
  const tone =
    registration.kind === 'registered'
      ? 'ok'
      : registration.kind === 'failed' || registration.kind === 'unreachable' || registration.kind === 'not-configured'
        ? 'error'
        : 'pending';
  return (
    <p
      role="status"
      className={`phone-registration phone-registration--${tone}`}
      data-testid="registration-status"
      data-state={registration.kind}
      data-registrations={registrations}
      data-failure={registration.kind === 'failed' ? registration.failure.reason : undefined}
    >
      <span className="phone-registration__dot" aria-hidden="true" />
      {text}
    </p>
  );
}
