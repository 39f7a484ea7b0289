import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { fail } from '../../src/core/errors';
import { INVOKE_CHANNELS } from '../../src/core/ipc/channels';
import type { AppServices } from '../services/appServices';
import { isAppUrl } from './appWindow';

function trustedSender(event: IpcMainInvokeEvent, window: WebContents): boolean {
  const frame = event.senderFrame;
  return event.sender === window && frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url);
}

/** Registers every contract channel; a message from any other frame or page is refused before its payload is read. */
export function registerIpc(services: AppServices, window: () => WebContents | null): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      const contents = window();
      if (!contents || !trustedSender(event, contents)) return fail('untrusted-sender', 'The request did not come from the app window.');
      return services.request(channel, payload);
    });
  }
}
