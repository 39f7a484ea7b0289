import { ipcMain, type WebContents } from 'electron';
import { fail } from '../../src/core/errors';
import { INVOKE_CHANNELS } from '../../src/core/ipc/channels';
import type { AppServices } from '../services/appServices';
import { rendererUrl } from './appWindow';
import { isTrustedSender } from './windowPolicy';

/** Registers every contract channel; a message from any other frame or page is refused before its payload is read. */
export function registerIpc(services: Pick<AppServices, 'request'>, window: () => WebContents | null): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event, window(), rendererUrl()))
        return fail('untrusted-sender', 'The request did not come from the app window.');
      return services.request(channel, payload);
    });
  }
}
