// The app's WebSocket to the PBX as the browser holds it: an init script notes every WebSocket the
// page opens, so a test can close them, as a network drop or a laptop's sleep closes them, while
// the PBX stays up.
import type { Page } from '@playwright/test';

interface SocketWindow {
  openedWebSockets: WebSocket[];
}

/** An init script for the app's page: keeps every WebSocket it opens in `window.openedWebSockets`. */
export function noteWebSockets(): void {
  const w = window as unknown as SocketWindow & { WebSocket: typeof WebSocket };
  const Native = w.WebSocket;
  w.openedWebSockets = [];
  w.WebSocket = class extends Native {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      w.openedWebSockets.push(this);
    }
  };
}

/** Closes every open WebSocket of the page to `url`; returns how many were open. */
export function dropWebSockets(page: Page, url: string): Promise<number> {
  return page.evaluate((to) => {
    const open = (window as unknown as SocketWindow).openedWebSockets.filter(
      (socket) => socket.url.startsWith(to) && socket.readyState === WebSocket.OPEN,
    );
    for (const socket of open) socket.close();
    return open.length;
  }, url);
}
