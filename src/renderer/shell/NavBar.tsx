import type { ComponentType } from 'react';
import type { MessageKey } from '../../core/i18n/messages';
import { useTranslation } from '../shared/useTranslation';
import {
  AccountIcon,
  AutomationIcon,
  CalendarIcon,
  ColleaguesIcon,
  EditorIcon,
  PhoneIcon,
  ProfilesIcon,
  RecordingsIcon,
} from '../shared/icons';

export type View = 'switcher' | 'editor' | 'calendar' | 'automation' | 'phone' | 'colleagues' | 'recordings' | 'account';

const VIEWS: readonly (readonly [View, MessageKey, ComponentType])[] = [
  ['switcher', 'nav.switcher', ProfilesIcon],
  ['phone', 'nav.phone', PhoneIcon],
  ['colleagues', 'nav.colleagues', ColleaguesIcon],
  ['editor', 'nav.editor', EditorIcon],
  ['calendar', 'calendar.nav', CalendarIcon],
  ['automation', 'nav.automation', AutomationIcon],
  ['recordings', 'nav.recordings', RecordingsIcon],
  ['account', 'nav.account', AccountIcon],
];

/** The views by icon and label: a rail at the side, a bar at the bottom when the window is narrow. */
export function NavBar({ view, onChange }: { view: View; onChange(view: View): void }) {
  const t = useTranslation();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul className="nav__items">
        {VIEWS.map(([id, label, Icon]) => (
          <li key={id}>
            <button type="button" className="nav__item" aria-current={view === id ? 'page' : undefined} onClick={() => onChange(id)}>
              <Icon />
              <span className="nav__label">{t(label)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
