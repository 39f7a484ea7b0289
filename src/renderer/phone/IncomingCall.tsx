import { useCallback, useEffect, useId, useRef } from 'react';
import { INCOMING_SHORTCUT_KEYS, incomingShortcut } from '../../core/phone/incomingShortcuts';
import { phone } from './phone';
import type { CallView } from './phoneStore';
import { useTranslation } from '../shared/useTranslation';
import { useParty } from './usePhoneText';

interface Props {
  call: CallView;
  /** The banner the answer and decline keys act on: the first call that rings. */
  shortcuts: boolean;
  /** After answering, the call's controls are in the phone view. */
  onAnswered(): void;
}

/**
 * A ringing call: who it is, and answer or decline. Shown over any view; Svara takes the focus
 * when it appears, and Ctrl+Shift+S / Ctrl+Shift+D answer and decline from anywhere in the app.
 * The focus goes back where it was when the call stops ringing.
 */
export function IncomingCall({ call, shortcuts, onAnswered }: Props) {
  const t = useTranslation();
  const party = useParty();
  const headingId = useId();
  const hintId = useId();
  const answerButton = useRef<HTMLButtonElement>(null);
  const { primary, secondary } = party.describe(call.remote);
  const answer = useCallback(() => {
    if (phone.answer(call.id).ok) onAnswered();
  }, [call.id, onAnswered]);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const banner = answerButton.current?.closest('section') ?? null;
    answerButton.current?.focus();
    return () => {
      const focusLeftWithBanner = document.activeElement === document.body || (banner?.contains(document.activeElement) ?? false);
      if (focusLeftWithBanner && before?.isConnected) before.focus();
    };
  }, []);

  useEffect(() => {
    if (!shortcuts) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const action = incomingShortcut(event);
      if (action === null) return;
      event.preventDefault();
      event.stopPropagation();
      if (action === 'answer') answer();
      else phone.decline(call.id);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [shortcuts, call.id, answer]);

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
          ref={answerButton}
          type="button"
          className="phone-button phone-button--answer"
          aria-label={`${t('phone.incoming.answer')}: ${party.line(call.remote)}`}
          aria-keyshortcuts={shortcuts ? INCOMING_SHORTCUT_KEYS.answer : undefined}
          aria-describedby={shortcuts ? hintId : undefined}
          onClick={answer}
        >
          {t('phone.incoming.answer')}
        </button>
        <button
          type="button"
          className="phone-button phone-button--decline"
          aria-label={`${t('phone.incoming.decline')}: ${party.line(call.remote)}`}
          aria-keyshortcuts={shortcuts ? INCOMING_SHORTCUT_KEYS.decline : undefined}
          aria-describedby={shortcuts ? hintId : undefined}
          onClick={() => phone.decline(call.id)}
        >
          {t('phone.incoming.decline')}
        </button>
      </div>
      {shortcuts && (
        <p id={hintId} className="phone-hint phone-incoming__shortcuts" data-testid="incoming-shortcuts">
          {t('phone.incoming.shortcuts')}
        </p>
      )}
    </section>
  );
}
