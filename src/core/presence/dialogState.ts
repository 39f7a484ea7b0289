import { callStateOfDialogs, MAX_DIALOGS, type DialogInfo, type DialogSummary } from './parse';

/** The dialogs a colleague's phone is in, as the `dialog` package has told them so far. */
export interface DialogState {
  version: number;
  dialogs: readonly DialogSummary[];
}

/**
 * Applies one received dialog-info document (RFC 4235 §4.1): a full one replaces what was known, a
 * partial one updates dialogs by id. A version older than the last one is out of order and ignored.
 */
export function applyDialogInfo(previous: DialogState | null, info: DialogInfo): DialogState {
  if (previous !== null && info.version < previous.version) return previous;
  if (info.state === 'full' || previous === null) return { version: info.version, dialogs: live(info.dialogs) };
  const byId = new Map(previous.dialogs.map((dialog) => [dialog.id, dialog]));
  for (const dialog of info.dialogs) byId.set(dialog.id, dialog);
  return { version: info.version, dialogs: live([...byId.values()]).slice(-MAX_DIALOGS) };
}

export function callStateOfDialogState(state: DialogState): ReturnType<typeof callStateOfDialogs> {
  return callStateOfDialogs(state.dialogs);
}

function live(dialogs: readonly DialogSummary[]): DialogSummary[] {
  return dialogs.filter((dialog) => dialog.state !== 'terminated');
}
