import { useEffect, useId, useRef, useState } from 'react';
import { initialsOf } from '../../core/account/initials';
import { activeProfile } from '../../core/profiles/activation';
import type { Profile } from '../../core/profiles/model';
import { formatEndTime, formatRemaining } from '../../core/time/format';
import { useAppStore } from '../shared/appStore';
import { useServiceNow } from '../shared/useServiceNow';
import { useLanguage, useTranslation } from '../shared/useTranslation';
import { ChooseEnd } from '../switcher/ProfileList';
import { ProfileRows } from '../switcher/ProfileRows';
import { TemporaryMessageField } from '../switcher/TemporaryMessageField';
import { ChevronDownIcon, ProfilesIcon } from '../shared/icons';

/** The user's own state on every view: who, which profile, until when, with what message. */
function MeSummary() {
  const t = useTranslation();
  const language = useLanguage();
  const now = useServiceNow();
  const state = useAppStore((store) => store.state);
  if (!state) return null;
  const profile = activeProfile(state);
  const { until, temporaryMessage } = state.active;
  const message = temporaryMessage ?? profile.statusMessage;
  const initials = initialsOf(state.account.sip.displayName, state.account.sip.uri);
  return (
    <>
      <span className={`avatar avatar--${profile.status}`} aria-hidden="true">
        {initials === '' ? <ProfilesIcon /> : initials}
      </span>
      <span className="me__text">
        <span className="me__line">
          <span className="visually-hidden">{t('me.open', { status: t(`status.${profile.status}`) })} </span>
          <span className="me__profile">{profile.name}</span>{' '}
          <span className="me__end">
            {until === null
              ? t('profiles.untilChanged')
              : `${t('profiles.until', { time: formatEndTime(until, now, language, state.timeZone) })} · ${t('switcher.remaining', { time: formatRemaining(until, now, language) })}`}
          </span>
        </span>
        {message !== '' && <span className="me__message">{message}</span>}
      </span>
    </>
  );
}

/**
 * The "me" button and the switcher it opens as a popover (the HTML popover: light dismiss, Escape,
 * and focus back on the button come from the browser). Its content is rendered only while open,
 * so the page never holds a second, hidden switcher.
 */
export function MeHeader() {
  const t = useTranslation();
  const popoverId = useId();
  const popover = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [choosingEnd, setChoosingEnd] = useState<Profile | null>(null);
  const showNumbers = useAppStore((store) => store.state?.ui.showProfileNumbers ?? false);
  const ready = useAppStore((store) => store.state !== null);

  useEffect(() => {
    const element = popover.current;
    if (!element) return;
    const onToggle = (event: Event) => setOpen((event as ToggleEvent).newState === 'open');
    element.addEventListener('toggle', onToggle);
    return () => element.removeEventListener('toggle', onToggle);
  }, []);

  const close = () => popover.current?.hidePopover();

  return (
    <div className="me">
      <button type="button" className="me__button" popoverTarget={popoverId} aria-haspopup="dialog" disabled={!ready}>
        <MeSummary />
        <span className="me__chevron">
          <ChevronDownIcon />
        </span>
      </button>
      <div ref={popover} id={popoverId} popover="auto" role="dialog" aria-label={t('switcher.heading')} className="switcher-popover">
        {open && (
          <>
            <TemporaryMessageField />
            <ProfileRows
              autoFocus
              showNumbers={showNumbers}
              onActivated={close}
              onChooseEnd={(profile) => {
                close();
                setChoosingEnd(profile);
              }}
            />
          </>
        )}
      </div>
      <ChooseEnd profile={choosingEnd} onClose={() => setChoosingEnd(null)} />
    </div>
  );
}
