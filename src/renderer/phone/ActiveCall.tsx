import { useEffect, useId, useState } from 'react';
import { formatCallDuration } from '../../core/phone/callTimes';
import { useListenInStore } from './listenInStore';
import { phone } from './phone';
import type { CallView } from './phoneStore';
import { useAppStore } from '../shared/appStore';
import { useTranslation } from '../shared/useTranslation';
import { callerIdText } from './CallerIdSummary';
import { DtmfKeypad } from './DtmfKeypad';
import { TransferForm } from './TransferForm';
import { useParty, usePhoneErrorText } from './usePhoneText';

function useSecondsSince(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

/** A call that is not ringing here: dialling, connected, or answered by an announcement. */
export function ActiveCall({ call }: { call: CallView }) {
  const t = useTranslation();
  const party = useParty();
  const errorText = usePhoneErrorText();
  const numbers = useAppStore((store) => store.state?.account.numbers);
  const [panel, setPanel] = useState<'none' | 'keypad' | 'transfer'>('none');
  const headingId = useId();
  const listeners = useListenInStore((store) => store.listeners);
  const seconds = useSecondsSince(call.answeredAt);
  const connected = call.status === 'active';
  const { primary, secondary } = party.describe(call.remote);
  const status = t(`phone.call.status.${call.status}`);

  return (
    <section className="phone-call" aria-labelledby={headingId} data-testid="active-call" data-status={call.status}>
      <div className="phone-call__header">
        <h3 id={headingId} className="phone-party">
          <span className="phone-party__primary">{primary}</span>
          {secondary !== '' && <span className="phone-party__secondary">{secondary}</span>}
        </h3>
        {call.answeredAt !== null && (
          <span className="phone-call__timer" aria-label={formatCallDuration(seconds)}>
            {formatCallDuration(seconds)}
          </span>
        )}
      </div>
      <p className="phone-call__status" data-testid="call-status">
        {status}
        {call.onHold && <span className="phone-tag">{t('phone.call.onHold')}</span>}
        {call.remoteHold && (
          <span className="phone-tag" data-testid="remote-hold">
            {t('phone.call.remoteHold')}
          </span>
        )}
        {call.muted && <span className="phone-tag">{t('phone.call.muted')}</span>}
      </p>
      {call.recording && (
        <p role="status" className="phone-tag phone-call__recording" data-testid="recording-indicator">
          {t('phone.call.recording')}
        </p>
      )}
      {listeners
        .filter((listener) => listener.callId === call.id)
        .map((listener) => (
          <p key={listener.sessionId} role="status" className="phone-tag phone-call__listener" data-testid="listener-indicator">
            {t('listenIn.listener', { name: listener.name })}
          </p>
        ))}
      {call.presented && numbers && (
        <p className="phone-hint" data-testid="presented-caller-id">
          {t('phone.call.presenting', { callerId: callerIdText(t, call.presented.callerId, numbers) })}
        </p>
      )}
      {call.announcement !== null && <p className="phone-announcement">{t('phone.call.announcement', { text: call.announcement })}</p>}
      {call.dtmfReceived !== '' && (
        <p className="phone-hint" data-testid="dtmf-received">
          {t('phone.call.dtmfReceived', { tones: call.dtmfReceived })}
        </p>
      )}
      {call.dtmfSent !== '' && <p className="phone-hint">{t('phone.call.dtmfSent', { tones: call.dtmfSent })}</p>}
      {call.transfer?.state === 'pending' && <p className="phone-hint">{t('phone.call.transferPending')}</p>}
      {call.transfer?.state === 'failed' && (
        <p role="alert" className="phone-error">
          {errorText(call.transfer.error)}
        </p>
      )}
      <div className="phone-actions">
        <button type="button" className="phone-button phone-button--decline" onClick={() => phone.hangUp(call.id)}>
          {t('phone.call.hangUp')}
        </button>
        {connected && (
          <>
            <button type="button" className="phone-button" aria-pressed={call.onHold} onClick={() => phone.setHold(call.id, !call.onHold)}>
              {t('phone.call.hold')}
            </button>
            <button type="button" className="phone-button" aria-pressed={call.muted} onClick={() => phone.setMuted(call.id, !call.muted)}>
              {t('phone.call.mute')}
            </button>
            <button
              type="button"
              className="phone-button"
              aria-expanded={panel === 'keypad'}
              onClick={() => setPanel(panel === 'keypad' ? 'none' : 'keypad')}
            >
              {t('phone.call.keypad')}
            </button>
            <button
              type="button"
              className="phone-button"
              aria-expanded={panel === 'transfer'}
              onClick={() => setPanel(panel === 'transfer' ? 'none' : 'transfer')}
            >
              {t('phone.call.transfer')}
            </button>
          </>
        )}
      </div>
      {connected && panel === 'keypad' && <DtmfKeypad callId={call.id} />}
      {connected && panel === 'transfer' && <TransferForm callId={call.id} />}
    </section>
  );
}
