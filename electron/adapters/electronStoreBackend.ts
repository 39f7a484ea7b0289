import Store from 'electron-store';
import type { SettingsBackend } from '../services/settingsStore';
import { SETTINGS_FILE_NAME } from '../services/confBackend';

export function createElectronStoreBackend(dataDir: string): SettingsBackend {
  return new Store<Record<string, unknown>>({ cwd: dataDir, name: SETTINGS_FILE_NAME, clearInvalidConfig: false });
}
