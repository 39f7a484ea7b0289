import { startTransition, Suspense, useId, useOptimistic, useState } from 'react';
import { incomingSummary, ringsOnEveryLine } from '../../core/profiles/incomingSummary';
import type { Profile } from '../../core/profiles/model';
import { formatEndTime, formatRemaining } from '../../core/time/format';
import { useAppStore } from '../store/appStore';
import { useLanguage, useTranslation } from '../useTranslation';
import { useServiceNow } from '../useServiceNow';
import { EndTimeDialog } from './lazyViews';

const NO_PROFILES: Profile[] = [];

function ClockIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M12 7v5l3 2" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

interface ProfileRowProps {
  profile: Profile;
  showNumber: boolean;
  temporaryMessage: string | null;
  onActivated(): void;
}

function ActiveDetails({ profile }: { profile: Profile }) {
  const t = useTranslation();
  const priorityCount = useAppStore((store) => store.state?.account.priorityAccess.length ?? 0);
  const language = useLanguage();
  const now = useServiceNow();
  const active = useAppStore((store) => store.state?.active);
  const timeZone = useAppStore((store) => store.state?.timeZone ?? 'UTC');
  if (!active) return null;
  return (
    <>
      <span className="profile__end">
        {active.until === null ? t('profiles.untilChanged') : t('profiles.until', { time: formatEndTime(active.until, now, language, timeZone) })}
      </span>
      {active.until !== null && (
        <span className="profile__remaining">{t('switcher.remaining', { time: formatRemaining(active.until, now, language) })}</span>
      )}
      {active.source?.kind === 'calendar' && <span className="profile__remaining">{t('switcher.fromCalendar')}</span>}
      {active.source?.kind === 'automatic' && <span className="profile__remaining">{t(`automation.source.${active.source.by}`)}</span>}
      {priorityCount > 0 && !ringsOnEveryLine(profile) && (
        <span className="profile__remaining profile__priority">
          {priorityCount === 1 ? t('switcher.priorityOne') : t('switcher.priorityMany', { count: priorityCount })}
        </span>
      )}
    </>
  );
}

/** What the profile does with calls, by the line they come in on. */
function IncomingSummary({ id, profile }: { id: string; profile: Profile }) {
  const language = useLanguage();
  const numbers = useAppStore((store) => store.state?.account.numbers);
  if (!numbers) return null;
  return <p id={id} className="profile__summary">{incomingSummary(profile, numbers, language)}</p>;
}

function ProfileRow({ profile, showNumber, temporaryMessage, onActivated }: ProfileRowProps) {
  const t = useTranslation();
  const active = useAppStore((store) => store.state?.active);
  const invoke = useAppStore((store) => store.invoke);
  const [choosingEnd, setChoosingEnd] = useState(false);
  const summaryId = useId();
  const isActive = active?.profileId === profile.id;

  const activateForDefault = async () => {
    if (await invoke('profile:activate', { profileId: profile.id, length: { kind: 'default' }, temporaryMessage })) onActivated();
  };

  return (
    <li className={isActive ? 'profile profile--active' : 'profile'} data-profile-id={profile.id}>
      <button type="button" className="profile__button" aria-pressed={isActive} aria-label={t('profiles.activateHint', { name: profile.name })} aria-describedby={summaryId} onClick={() => void activateForDefault()}>
        <span className={`status-dot status-dot--${profile.status}`} aria-hidden="true" />
        <span className="profile__name">{profile.name}</span>
        {isActive && <ActiveDetails profile={profile} />}
        {isActive && <span className="visually-hidden">{t('profiles.active')}</span>}
        {showNumber && <span className="profile__number">{profile.number}</span>}
      </button>
      <button type="button" className="profile__clock" aria-label={t('switcher.chooseEnd', { name: profile.name })} onClick={() => setChoosingEnd(true)}>
        <ClockIcon />
      </button>
      {choosingEnd && (
        <Suspense fallback={null}>
          <EndTimeDialog profile={profile} temporaryMessage={temporaryMessage} isOpen={choosingEnd} onOpenChange={setChoosingEnd} onActivated={onActivated} />
        </Suspense>
      )}
      <IncomingSummary id={summaryId} profile={profile} />
      {isActive && active?.temporaryMessage && <p className="profile__message">{t('switcher.message', { message: active.temporaryMessage })}</p>}
    </li>
  );
}

export function ProfileList() {
  const t = useTranslation();
  const profiles = useAppStore((store) => store.state?.profiles ?? NO_PROFILES);
  const showNumbers = useAppStore((store) => store.state?.ui.showProfileNumbers ?? false);
  const invoke = useAppStore((store) => store.invoke);
  const [shownNumbers, showNumbersNow] = useOptimistic(showNumbers);
  const [temporaryMessage, setTemporaryMessage] = useState('');
  const messageHintId = useId();
  const toggleNumbers = (show: boolean) =>
    startTransition(async () => {
      showNumbersNow(show);
      await invoke('ui:update', { showProfileNumbers: show });
    });
  const message = temporaryMessage.trim() === '' ? null : temporaryMessage.trim();

  return (
    <section aria-labelledby="profiles-heading">
      <div className="section-header">
        <h2 id="profiles-heading">{t('profiles.heading')}</h2>
        <label className="toggle">
          <input type="checkbox" checked={shownNumbers} onChange={(event) => toggleNumbers(event.target.checked)} />
          {t('profiles.showNumbers')}
        </label>
      </div>
      <div className="temporary-message">
        <label>
          {t('switcher.temporaryMessage')}
          <input type="text" maxLength={200} value={temporaryMessage} aria-describedby={messageHintId} onChange={(event) => setTemporaryMessage(event.target.value)} />
        </label>
        <small id={messageHintId}>{t('switcher.temporaryMessageHint')}</small>
      </div>
      <ul className="profile-list" aria-label={t('profiles.heading')}>
        {profiles.map((profile) => (
          <ProfileRow key={profile.id} profile={profile} showNumber={shownNumbers} temporaryMessage={message} onActivated={() => setTemporaryMessage('')} />
        ))}
      </ul>
    </section>
  );
}
