import { useId, useMemo, useState, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import type { Colleague } from '../../core/account/model';
import { addressUser, searchDirectory } from '../../core/phone/directorySearch';
import { useAppStore } from './appStore';
import { useTranslation } from './useTranslation';

const NO_COLLEAGUES: Colleague[] = [];

type PassedInputProps = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'aria-invalid' | 'aria-describedby' | 'className' | 'maxLength' | 'type' | 'inputMode'
> & {
  'data-field'?: string;
};

interface DirectorySearchProps extends PassedInputProps {
  /** The input's id, for its `<label htmlFor>`. */
  id: string;
  value: string;
  onChange(text: string): void;
  /** A colleague chosen from the list (Enter or a click). */
  onPick(colleague: Colleague): void;
}

/**
 * A text field that searches the colleague directory as the user types, and still takes whatever
 * is typed (a number, a SIP address). ARIA 1.2 combobox with a listbox: the focus stays in the
 * field, ArrowDown and ArrowUp move through the suggestions, Enter picks one, Escape closes them.
 */
export function DirectorySearch({ id, value, onChange, onPick, ...inputProps }: DirectorySearchProps) {
  const t = useTranslation();
  const directory = useAppStore((store) => store.state?.account.directory ?? NO_COLLEAGUES);
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useMemo(() => searchDirectory(directory, value), [directory, value]);
  const expanded = open && suggestions.length > 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  const pick = (colleague: Colleague) => {
    onChange(colleague.name);
    onPick(colleague);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (suggestions.length === 0) return;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setOpen(true);
        setActive((current) =>
          !expanded ? (step === 1 ? 0 : suggestions.length - 1) : (current + step + suggestions.length) % suggestions.length,
        );
        return;
      }
      case 'Enter': {
        const chosen = expanded && active >= 0 ? suggestions[active] : undefined;
        // Without a highlighted suggestion, Enter submits what was typed.
        if (chosen === undefined) return;
        event.preventDefault();
        pick(chosen);
        return;
      }
      case 'Escape':
        if (!expanded) return;
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
        setActive(-1);
    }
  };

  return (
    <div className="directory-search">
      <input
        {...inputProps}
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label={t('phone.directory.suggestions')} className="directory-search__list" hidden={!expanded}>
        {expanded &&
          suggestions.map((colleague, index) => (
            <li
              key={colleague.uri}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={`directory-search__option${index === active ? ' directory-search__option--active' : ''}`}
              // The field keeps the focus while a suggestion is clicked.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(colleague)}
            >
              <span className="directory-search__name">{colleague.name}</span>{' '}
              <span className="directory-search__address">{addressUser(colleague.uri)}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}

/** What a search field holds: the typed text, and the colleague picked while the text still names him. */
export function useDirectoryTarget(initial = '') {
  const [text, setText] = useState(initial);
  const [picked, setPicked] = useState<Colleague | null>(null);
  return {
    text,
    setText,
    pick: setPicked,
    /** What to dial or send to: the picked colleague's address, else what was typed. */
    target: picked !== null && picked.name === text ? picked.uri : text,
    clear() {
      setText('');
      setPicked(null);
    },
  };
}
