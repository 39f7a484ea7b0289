import { dialog, type BrowserWindow } from 'electron';
import type { FilePurpose } from '../../src/core/ipc/contract';
import type { Language } from '../../src/core/i18n/language';
import { translate } from '../../src/core/i18n/messages';

/** The dialog's title and the file types offered, per purpose; a plain function so its rule can be tested without Electron. */
export function fileDialogOptions(purpose: FilePurpose, language: Language): Electron.OpenDialogOptions {
  const prefix = purpose === 'provisioning' ? 'account' : 'calendar';
  const extensions = purpose === 'provisioning' ? ['json'] : ['ics', 'ical', 'icalendar'];
  return {
    title: translate(language, `${prefix}.fileDialog.title`),
    properties: ['openFile'],
    filters: [
      { name: translate(language, `${prefix}.fileDialog.files`), extensions },
      { name: translate(language, `${prefix}.fileDialog.all`), extensions: ['*'] },
    ],
  };
}

/** Electron's open dialog, attached to the app window when there is one: the path chosen, or null. */
export async function chooseFileWithDialog(window: BrowserWindow | null, purpose: FilePurpose, language: Language): Promise<string | null> {
  const options = fileDialogOptions(purpose, language);
  const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
}
