import { startTransition, useOptimistic } from 'react';
import type { Profile } from '../../core/profiles/model';
import { formatEndTime } from '../../core/time/format';
import { useAppStore } from '../store/appStore';
import { useLanguage, useTranslation } from '../useTranslation';
import { useServiceNow } from '../useServiceNow';

const NO_PROFILES: Profile[] = [];

function ProfileRow({ profile, showNumber }: { profile: Profile; showNumber: boolean }) {
  const t = useTranslation();
  const language = useLanguage();
  const now = useServiceNow();
  const active = useAppStore((store) => store.state?.active);
  const timeZone = useAppStore((store) => store.state?.timeZone ?? 'UTC');
  const invoke = useAppStore((store) => store.invoke);
  const isActive = active?.profileId === profile.id;
  const endText =
    isActive && active
      ? active.until === null
        ? t('profiles.untilChanged')
        : t('profiles.until', { time: formatEndTime(active.until, now, language, timeZone) })
      : null;

  return (
    <li className={isActive ? 'profile profile--active' : 'profile'} data-profile-id={profile.id}>
      <button
        type="button"
        className="profile__button"
        aria-pressed={isActive}
        aria-label={t('profiles.activateHint', { name: profile.name })}
        onClick={() => void invoke('profile:activate', { profileId: profile.id, length: { kind: 'default' }, temporaryMessage: null })}
      >
        <span className={`status-dot status-dot--${profile.status}`} aria-hidden="true" />
        <span className="profile__name">{profile.name}</span>
        {endText && <span className="profile__end">{endText}</span>}
        {isActive && <span className="visually-hidden">{t('profiles.active')}</span>}
        {showNumber && <span className="profile__number">{profile.number}</span>}
      </button>
    </li>
  );
}

export function ProfileList() {
  const t = useTranslation();
  const profiles = useAppStore((store) => store.state?.profiles ?? NO_PROFILES);
  const showNumbers = useAppStore((store) => store.state?.ui.showProfileNumbers ?? false);
  const invoke = useAppStore((store) => store.invoke);
  const [shownNumbers, showNumbersNow] = useOptimistic(showNumbers);
  const toggleNumbers = (show: boolean) =>
    startTransition(async () => {
      showNumbersNow(show);
      await invoke('ui:update', { showProfileNumbers: show });
    });

  return (
    <section aria-labelledby="profiles-heading">
      <div className="section-header">
        <h2 id="profiles-heading">{t('profiles.heading')}</h2>
        <label className="toggle">
          <input
            type="checkbox"
            checked={shownNumbers}
            onChange={(event) => toggleNumbers(event.target.checked)}
          />
          {t('profiles.showNumbers')}
        </label>
      </div>
      <ul className="profile-list" aria-label={t('profiles.heading')}>
        {profiles.map((profile) => (
          <ProfileRow key={profile.id} profile={profile} showNumber={shownNumbers} />
        ))}
      </ul>
    </section>
  );
}
