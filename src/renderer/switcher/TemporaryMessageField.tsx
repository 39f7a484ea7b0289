import { useId, useState } from 'react';
import { TEMPORARY_MESSAGE_MAX, activeProfile } from '../../core/profiles/activation';
import { useAppStore } from '../shared/appStore';
import { useTranslation } from '../shared/useTranslation';
import { useErrorText } from '../shared/errorText';

/**
 * The switcher's temporary status message: Enter shows it with the profile active now, until the
 * profile changes (a blank field brings back the profile's own message).
 */
export function TemporaryMessageField() {
  const t = useTranslation();
  const errorText = useErrorText();
  const activation = useAppStore((store) => (store.state ? `${store.state.active.profileId}:${store.state.active.since}` : ''));
  const current = useAppStore((store) => store.state?.active.temporaryMessage ?? '');
  const profileName = useAppStore((store) => (store.state ? activeProfile(store.state).name : ''));
  const invoke = useAppStore((store) => store.invoke);
  const takeError = useAppStore((store) => store.takeError);
  const [draft, setDraft] = useState(current);
  /** The activation the field last followed, and the text the service had for it then. */
  const [followed, setFollowed] = useState({ activation, text: current });
  const [outcome, setOutcome] = useState<{ kind: 'applied' | 'cleared' | 'refused'; text: string } | null>(null);
  const hintId = useId();
  const outcomeId = useId();

  if (followed.activation !== activation) {
    // A new activation starts the field afresh, except for text typed since: a profile clicked
    // just before typing may land while the user types, and their message is meant for it.
    const typedSince = draft !== followed.text;
    setFollowed({ activation, text: current });
    if (!typedSince) setDraft(current);
    setOutcome(null);
  }

  const apply = async () => {
    const message = draft.trim() === '' ? null : draft.trim();
    if (await invoke('profile:set-message', { temporaryMessage: message })) {
      setDraft(message ?? '');
      setFollowed((last) => ({ ...last, text: message ?? '' }));
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
