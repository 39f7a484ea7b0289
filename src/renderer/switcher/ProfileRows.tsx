import { useId } from 'react';
import { incomingSummary, ringsOnEveryLine } from '../../core/profiles/incomingSummary';
import type { Profile } from '../../core/profiles/model';
import { formatEndTime, formatRemaining } from '../../core/time/format';
import { useAppStore } from '../shared/appStore';
import { useLanguage, useTranslation } from '../shared/useTranslation';
import { useServiceNow } from '../shared/useServiceNow';
import { ClockIcon } from '../shared/icons';
import { useRovingFocus, type RovingColumn } from './rovingFocus';

const NO_PROFILES: Profile[] = [];

function ActiveDetails({ profile }: { profile: Profile }) {
  const t = useTranslation();
  const priorityCount = useAppStore((store) => store.state?.account.priorityAccess.length ?? 0);
  const language = useLanguage();
  const now = useServiceNow();
  const active = useAppStore((store) => store.state?.active);
  const timeZone = useAppStore((store) => store.state?.timeZone ?? 'UTC');
  if (!active) return null;
  return (
    <span className="profile__details">
      <span className="profile__end">
        {active.until === null
          ? t('profiles.untilChanged')
          : t('profiles.until', { time: formatEndTime(active.until, now, language, timeZone) })}
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
    </span>
  );
}

/** What the profile does with calls, by the line they come in on. */
function IncomingSummary({ id, profile }: { id: string; profile: Profile }) {
  const language = useLanguage();
  const numbers = useAppStore((store) => store.state?.account.numbers);
  if (!numbers) return null;
  return (
    <p id={id} className="profile__summary">
      {incomingSummary(profile, numbers, language)}
    </p>
  );
}

interface ProfileRowProps {
  profile: Profile;
  showNumber: boolean;
  control(column: RovingColumn): Record<string, unknown>;
  onActivated(): void;
  onChooseEnd(profile: Profile): void;
}

function ProfileRow({ profile, showNumber, control, onActivated, onChooseEnd }: ProfileRowProps) {
  const t = useTranslation();
  const active = useAppStore((store) => store.state?.active);
  const invoke = useAppStore((store) => store.invoke);
  const summaryId = useId();
  const isActive = active?.profileId === profile.id;

  const activateForDefault = async () => {
    if (await invoke('profile:activate', { profileId: profile.id, length: { kind: 'default' }, temporaryMessage: null })) onActivated();
  };

  // The name comes from the content (no aria-label), so what is read is what is shown, end time included.
  return (
    <li className={isActive ? 'profile profile--active' : 'profile'} data-profile-id={profile.id}>
      <button
        type="button"
        className="profile__button"
        aria-pressed={isActive}
        aria-describedby={summaryId}
        onClick={() => void activateForDefault()}
        {...control(0)}
      >
        <span className={`status-dot status-dot--${profile.status}`} aria-hidden="true" />
        <span className="visually-hidden">{t('switcher.activate')} </span>
        <span className="profile__text">
          <span className="profile__name">{profile.name}</span>
          {isActive && <ActiveDetails profile={profile} />}
        </span>
        {isActive && <span className="visually-hidden">{t('profiles.active')}</span>}
        {showNumber && <span className="profile__number">{profile.number}</span>}
      </button>
      <button
        type="button"
        className="profile__clock"
        aria-label={t('switcher.chooseEnd', { name: profile.name })}
        onClick={() => onChooseEnd(profile)}
        {...control(1)}
      >
        <ClockIcon />
      </button>
      <IncomingSummary id={summaryId} profile={profile} />
      {isActive && active?.temporaryMessage && (
        <p className="profile__message">{t('switcher.message', { message: active.temporaryMessage })}</p>
      )}
    </li>
  );
}

interface ProfileRowsProps {
  showNumbers: boolean;
  onActivated?(): void;
  onChooseEnd(profile: Profile): void;
  /** Focus the active profile's row as soon as the list shows (the popover). */
  autoFocus?: boolean;
}

/** The profiles as one Tab stop: arrows move through them, Enter activates, → reaches the clock. */
export function ProfileRows({ showNumbers, onActivated = () => undefined, onChooseEnd, autoFocus = false }: ProfileRowsProps) {
  const t = useTranslation();
  const profiles = useAppStore((store) => store.state?.profiles ?? NO_PROFILES);
  const activeId = useAppStore((store) => store.state?.active.profileId);
  const activeRow = Math.max(
    0,
    profiles.findIndex((profile) => profile.id === activeId),
  );
  const roving = useRovingFocus(profiles.length, activeRow);
  const focusOnMount = (list: HTMLUListElement | null) => {
    if (autoFocus) list?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  };

  return (
    <ul ref={focusOnMount} className="profile-list" aria-label={t('profiles.heading')} onKeyDown={roving.onKeyDown}>
      {profiles.map((profile, row) => (
        <ProfileRow
          key={profile.id}
          profile={profile}
          showNumber={showNumbers}
          control={(column) => roving.controlProps(row, column)}
          onActivated={onActivated}
          onChooseEnd={onChooseEnd}
        />
      ))}
    </ul>
  );
}
