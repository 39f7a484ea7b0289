import { BrowserWindow, session, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The renderer's address: the dev server while developing, the built file otherwise. */
export function rendererUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;
}

export function isAppUrl(url: string): boolean {
  const app = new URL(rendererUrl());
  try {
    const candidate = new URL(url);
    return app.protocol === 'file:' ? candidate.href.split(/[?#]/)[0] === app.href : candidate.origin === app.origin;
  } catch {
    return false;
  }
}

/** Only the microphone, and only for our own page: the softphone needs nothing else. */
function restrictPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const audioOnly = 'mediaTypes' in details && (details.mediaTypes ?? []).every((type) => type === 'audio');
    callback(permission === 'media' && audioOnly && isAppUrl(details.requestingUrl));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return permission === 'media' && isAppUrl(requestingOrigin.endsWith('/') ? requestingOrigin : `${requestingOrigin}/`);
  });
}

function lockNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https:')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function createAppWindow(): BrowserWindow {
  restrictPermissions();
  const window = new BrowserWindow({
    width: 480,
    height: 720,
    show: false,
    title: 'Profiltelefon',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  lockNavigation(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererUrl());
  return window;
}
