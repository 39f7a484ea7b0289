import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { join } from 'node:path';
import { rendererEntryUrl } from './appOrigin';
import { allowNavigation, allowPermissionCheck, allowPermissionRequest, appWebPreferences, externalUrlForWindowOpen } from './windowPolicy';

/** The renderer's address: the dev server while developing, the app scheme otherwise. */
export function rendererUrl(): string {
  return rendererEntryUrl(process.env.ELECTRON_RENDERER_URL);
}

/** Only the microphone, and only for our own page. */
export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(allowPermissionRequest(permission, details, rendererUrl()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowPermissionCheck(permission, requestingOrigin, details, rendererUrl()),
  );
}

export function lockNavigation(contents: WebContents): void {
  const refuseForeign = (event: { url: string; preventDefault(): void }) => {
    if (!allowNavigation(event.url, rendererUrl())) event.preventDefault();
  };
  contents.on('will-frame-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlForWindowOpen(url);
    if (external !== null) void shell.openExternal(external);
    return { action: 'deny' };
  });
}

export function createAppWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 480,
    height: 720,
    show: false,
    title: 'Profiltelefon',
    webPreferences: appWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  lockNavigation(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererUrl());
  return window;
}
