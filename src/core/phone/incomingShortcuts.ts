/** What a key press does while a call rings: Teams' keys, held with Ctrl and Shift so typing elsewhere never answers. */
export type IncomingShortcut = 'answer' | 'decline';

/** The keys as `aria-keyshortcuts` names them (WAI-ARIA 1.2 syntax). */
export const INCOMING_SHORTCUT_KEYS: Readonly<Record<IncomingShortcut, string>> = {
  answer: 'Control+Shift+S',
  decline: 'Control+Shift+D',
};

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  repeat?: boolean;
}

/** The action a key press asks for, if any; a held key (auto-repeat) asks for nothing more. */
export function incomingShortcut(press: KeyPress): IncomingShortcut | null {
  if (!press.ctrlKey || !press.shiftKey || press.altKey || press.metaKey || press.repeat === true) return null;
  switch (press.key.toLowerCase()) {
    case 's':
      return 'answer';
    case 'd':
      return 'decline';
    default:
      return null;
  }
}
