import Conf from 'conf';
import type { SettingsBackend } from './settingsStore';

export const SETTINGS_FILE_NAME = 'settings';

/** The browser shell and tests keep settings with `conf`, the library under electron-store. */
export function createConfBackend(dataDir: string): SettingsBackend {
  return new Conf<Record<string, unknown>>({ cwd: dataDir, configName: SETTINGS_FILE_NAME, clearInvalidConfig: false });
}
