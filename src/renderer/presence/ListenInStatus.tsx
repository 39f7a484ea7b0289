import { phone } from '../phone/phone';
import { useListenInStore } from '../phone/listenInStore';
import { useTranslation } from '../shared/useTranslation';

/** The supervisor's listen-in: connecting, listening with Sluta lyssna, or why it was refused or ended. */
export function ListenInStatus() {
  const t = useTranslation();
  const listening = useListenInStore((store) => store.listening);
  const outcome = useListenInStore((store) => store.outcome);
  if (listening) {
    return (
      <div className="listen-in" data-testid="listen-in-status" data-state={listening.state}>
        <p role="status">{t(listening.state === 'connecting' ? 'listenIn.connecting' : 'listenIn.listening', { name: listening.name })}</p>
        <button type="button" onClick={() => phone.stopListening()}>
          {t('listenIn.stop')}
        </button>
      </div>
    );
  }
  if (!outcome) return null;
  if (outcome.kind === 'ended') {
    return (
      <p role="status" className="listen-in" data-testid="listen-in-status" data-state="ended">
        {t('listenIn.ended', { name: outcome.name })}
      </p>
    );
  }
  const reason = outcome.reason === 'not-ready' ? 'unreachable' : outcome.reason;
  return (
    <p role="alert" className="listen-in phone-error" data-testid="listen-in-status" data-state="refused" data-reason={outcome.reason}>
      {t('listenIn.refused')} {t(`listenIn.refused.${reason}`, { name: outcome.name })}
    </p>
  );
}
