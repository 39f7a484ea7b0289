import type { KeyboardEvent } from 'react';
import type { Profile } from '../../core/profiles/model';
import { useTranslation } from '../shared/useTranslation';

interface ProfilePickerProps {
  profiles: readonly Profile[];
  activeProfileId: string;
  /** The stored profile in the form, or null while a new one is being written. */
  selectedId: string | null;
  onSelect(profileId: string): void;
}

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (index, count) => Math.min(index + 1, count - 1),
  ArrowUp: (index) => Math.max(index - 1, 0),
  Home: () => 0,
  End: (_index, count) => count - 1,
};

/**
 * The profiles by number. One Tab stop: arrow keys, Home and End move between profiles, and
 * Enter or Space opens one, so moving never drops unsaved changes by itself.
 */
export function ProfilePicker({ profiles, activeProfileId, selectedId, onSelect }: ProfilePickerProps) {
  const t = useTranslation();
  const tabStopId = profiles.some((profile) => profile.id === selectedId) ? selectedId : profiles[0]?.id;

  const moveFocus = (event: KeyboardEvent<HTMLUListElement>) => {
    const move = MOVES[event.key];
    if (!move) return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
    const index = buttons.findIndex((button) => button === document.activeElement);
    if (index < 0) return;
    event.preventDefault();
    buttons[move(index, buttons.length)]?.focus();
  };

  return (
    <ul className="editor-picker" aria-label={t('editor.picker.label')} onKeyDown={moveFocus}>
      {profiles.map((profile) => (
        <li key={profile.id}>
          <button
            type="button"
            className="editor-picker__item"
            tabIndex={profile.id === tabStopId ? 0 : -1}
            aria-current={profile.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(profile.id)}
          >
            {/* The spaces keep the accessible name "2 Lunch Aktiv" readable; flex layout ignores them. */}
            <span className="editor-picker__number">{profile.number}</span>{' '}
            <span className={`status-dot status-dot--${profile.status}`} aria-hidden="true" />
            <span className="editor-picker__name" title={profile.name}>
              {profile.name}
            </span>
            {profile.id === activeProfileId && (
              <>
                {' '}
                <span className="editor-badge">{t('editor.picker.active')}</span>
              </>
            )}
          </button>
        </li>
      ))}
      {selectedId === null && (
        <li>
          <span className="editor-picker__item editor-picker__item--unsaved" aria-current="true">
            {t('editor.picker.unsaved')}
          </span>
        </li>
      )}
    </ul>
  );
}
