import { useId, useState } from 'react';
import { TEMPORARY_MESSAGE_MAX, activeProfile } from '../../core/profiles/activation';
import { useAppStore } from '../shared/appStore';
import { useTranslation } from '../shared/useTranslation';
import { useErrorText } from '../shared/errorText';

/**
 * The switcher's temporary status message: Enter shows it with the profile active now, until the
 * profile changes (a blank field brings back the profile's own message). The parent keys it by the
 * activation, so a new profile starts with the field as the service left it.
 */
export function TemporaryMessageField() {
  const t = useTranslation();
  const errorText = useErrorText();
  const current = useAppStore((store) => store.state?.active.temporaryMessage ?? null);
  const profileName = useAppStore((store) => (store.state ? activeProfile(store.state).name : ''));
  const invoke = useAppStore((store) => store.invoke);
  const takeError = useAppStore((store) => store.takeError);
  const [draft, setDraft] = useState(current ?? '');
  const [outcome, setOutcome] = useState<{ kind: 'applied' | 'cleared' | 'refused'; text: string } | null>(null);
  const hintId = useId();
  const outcomeId = useId();

  const apply = async () => {
    const message = draft.trim() === '' ? null : draft.trim();
    if (await invoke('profile:set-message', { temporaryMessage: message })) {
      setDraft(message ?? '');
      setOutcome({
        kind: message === null ? 'cleared' : 'applied',
        text: t(message === null ? 'switcher.messageCleared' : 'switcher.messageApplied', { profile: profileName }),
      });
      return;
    }
    const error = takeError();
    setOutcome({ kind: 'refused', text: error ? errorText(error) : '' });
  };

  return (
    <div className="temporary-message">
      <label>
        {t('switcher.temporaryMessage')}
        <input
          type="text"
          maxLength={TEMPORARY_MESSAGE_MAX}
          value={draft}
          aria-describedby={`${hintId} ${outcomeId}`}
          aria-invalid={outcome?.kind === 'refused' || undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            void apply();
          }}
        />
      </label>
      <small id={hintId}>{t('switcher.temporaryMessageHint')}</small>
      <p
        id={outcomeId}
        className={outcome?.kind === 'refused' ? 'field-error' : 'temporary-message__outcome'}
        role={outcome?.kind === 'refused' ? 'alert' : 'status'}
      >
        {outcome?.text}
      </p>
    </div>
  );
}
