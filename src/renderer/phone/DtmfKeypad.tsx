import type { KeyboardEvent } from 'react';
import { phone } from './phone';
import { useTranslation } from '../shared/useTranslation';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
const LETTERS: Record<string, string> = {
  '2': 'ABC',
  '3': 'DEF',
  '4': 'GHI',
  '5': 'JKL',
  '6': 'MNO',
  '7': 'PQRS',
  '8': 'TUV',
  '9': 'WXYZ',
};

/** Sends tones into a connected call; digits typed while it has focus are sent too. */
export function DtmfKeypad({ callId }: { callId: string }) {
  const t = useTranslation();
  const onKeyDown = (event: KeyboardEvent) => {
    if (/^[0-9*#]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      phone.sendDtmf(callId, event.key);
    }
  };
  return (
    <div role="group" aria-label={t('phone.keypad.label')} className="phone-keypad" onKeyDown={onKeyDown}>
      {KEYS.map((key) => (
        <button
          key={key}
          type="button"
          className="phone-keypad__key"
          aria-label={t('phone.keypad.key', { key })}
          onClick={() => phone.sendDtmf(callId, key)}
        >
          <span className="phone-keypad__digit">{key}</span>
          <span className="phone-keypad__letters" aria-hidden="true">
            {LETTERS[key] ?? '\u00a0'}
          </span>
        </button>
      ))}
    </div>
  );
}
