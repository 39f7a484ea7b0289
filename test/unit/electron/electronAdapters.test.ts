import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../../src/core/ipc/channels';
import type { AppState } from '../../../src/core/state/appState';
import { openTestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

type Listener = (...args: unknown[]) => unknown;

/** A hand-written stand-in for the parts of the `electron` module the adapters touch: the binary cannot run here. */
const electron = vi.hoisted(() => {
  class StandInWebContents {
    readonly listeners = new Map<string, Listener[]>();
    readonly mainFrame = { url: 'app://profiltelefon/index.html' };
    windowOpenHandler: Listener | null = null;
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler;
    }
  }
  class StandInBrowserWindow {
    static created: StandInBrowserWindow[] = [];
    readonly webContents = new StandInWebContents();
    readonly loaded: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      StandInBrowserWindow.created.push(this);
    }
    once() {
      return this;
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow: StandInBrowserWindow,
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    ipcMain: {
      handlers: new Map<string, Listener>(),
      handle(channel: string, handler: Listener) {
        this.handlers.set(channel, handler);
      },
    },
    protocol: {
      privileged: [] as unknown[],
      handlers: new Map<string, Listener>(),
      registerSchemesAsPrivileged(schemes: unknown[]) {
        this.privileged.push(...schemes);
      },
      handle(scheme: string, handler: Listener) {
        this.handlers.set(scheme, handler);
      },
    },
    safeStorage: {
      available: true,
      backend: 'gnome_libsecret',
      isEncryptionAvailable() {
        return this.available;
      },
      getSelectedStorageBackend() {
        return this.backend;
      },
      encryptString: (plain: string) => Buffer.from(`enc:${plain}`),
      decryptString: (stored: Buffer) => stored.toString().replace(/^enc:/, ''),
    },
  };
});
vi.mock('electron', () => electron);

const { createAppWindow, restrictPermissions } = await import('../../../electron/adapters/appWindow');
const { registerIpc } = await import('../../../electron/adapters/ipc');
const { registerAppScheme, serveRenderer } = await import('../../../electron/adapters/protocol');
const { chooseSecretCipher, isRealEncryption, safeStorageCipher } = await import('../../../electron/adapters/safeStorageCipher');

const newDir = useTempDirs();
const APP = 'app://profiltelefon/index.html';

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('Electron adapters (stand-in for the electron module: no binary here)', () => {
  beforeEach(() => {
    electron.BrowserWindow.created = [];
    electron.shell.openExternal.mockClear();
    delete process.env.ELECTRON_RENDERER_URL;
  });

  describe('the window', () => {
    it('is created hidden, sandboxed and isolated, and loads app://profiltelefon', () => {
      createAppWindow();
      const [window] = electron.BrowserWindow.created;
      expect(window?.options).toMatchObject({ show: false, title: 'Profiltelefon' });
      expect(window?.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      });
      expect(String((window?.options.webPreferences as { preload: string }).preload)).toMatch(/[\\/]preload[\\/]index\.cjs$/);
      expect(window?.loaded).toEqual([APP]);
    });

    it('refuses navigation and redirects away from our origin, and every webview', () => {
      createAppWindow();
      const contents = electron.BrowserWindow.created[0]!.webContents;
      for (const event of ['will-frame-navigate', 'will-redirect']) {
        const foreign = navigationEvent('https://evil.example/');
        const fileUrl = navigationEvent('file:///etc/passwd');
        const ours = navigationEvent('app://profiltelefon/index.html#konto');
        contents.emit(event, foreign);
        contents.emit(event, fileUrl);
        contents.emit(event, ours);
        expect([foreign, fileUrl, ours].map((candidate) => candidate.preventDefault.mock.calls.length)).toEqual([1, 1, 0]);
      }
      const webview = { preventDefault: vi.fn() };
      contents.emit('will-attach-webview', webview);
      expect(webview.preventDefault).toHaveBeenCalledOnce();
    });

    it('opens no window; an https link goes to the browser, nothing else does', () => {
      createAppWindow();
      const open = electron.BrowserWindow.created[0]!.webContents.windowOpenHandler!;
      expect(open({ url: 'https://www.example.se/hjalp' })).toEqual({ action: 'deny' });
      expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
      expect(open({ url: 'app://profiltelefon/index.html' })).toEqual({ action: 'deny' });
      expect(electron.shell.openExternal.mock.calls).toEqual([['https://www.example.se/hjalp']]);
    });
  });

  describe('the session permission handlers', () => {
    function standInSession() {
      const handlers: { request?: Listener; check?: Listener } = {};
      restrictPermissions({
        setPermissionRequestHandler: (handler: Listener) => void (handlers.request = handler),
        setPermissionCheckHandler: (handler: Listener) => void (handlers.check = handler),
      } as never);
      return handlers;
    }

    it('grant the microphone to our main frame only', () => {
      const { request } = standInSession();
      const answers: boolean[] = [];
      const ask = (permission: string, details: object) => request!(null, permission, (granted: boolean) => answers.push(granted), details);
      ask('media', { requestingUrl: APP, isMainFrame: true, mediaTypes: ['audio'] });
      ask('media', { requestingUrl: APP, isMainFrame: true, mediaTypes: ['audio', 'video'] });
      ask('media', { requestingUrl: 'https://evil.example/', isMainFrame: true, mediaTypes: ['audio'] });
      ask('media', { requestingUrl: APP, isMainFrame: false, mediaTypes: ['audio'] });
      ask('notifications', { requestingUrl: APP, isMainFrame: true });
      ask('geolocation', { requestingUrl: APP, isMainFrame: true });
      expect(answers).toEqual([true, false, false, false, false, false]);
    });

    it('answer checks by the same rule', () => {
      const { check } = standInSession();
      expect(check!(null, 'media', 'app://profiltelefon', { mediaType: 'audio', isMainFrame: true })).toBe(true);
      expect(check!(null, 'media', 'app://profiltelefon', { mediaType: 'video', isMainFrame: true })).toBe(false);
      expect(check!(null, 'media', 'https://evil.example', { mediaType: 'audio', isMainFrame: true })).toBe(false);
      expect(check!(null, 'clipboard-read', 'app://profiltelefon', { isMainFrame: true })).toBe(false);
    });
  });

  describe('IPC', () => {
    it('registers every contract channel and answers only our window main frame', async () => {
      const app = openTestApp(newDir());
      const window = { mainFrame: { url: APP } };
      registerIpc(app.services, () => window as never);
      expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
      const update = electron.ipcMain.handlers.get('ui:update')!;

      const fromSubframe = update({ sender: window, senderFrame: { url: APP } }, { showProfileNumbers: true });
      const fromForeignPage = update(
        { sender: { mainFrame: { url: 'https://evil.example/' } }, senderFrame: { url: 'https://evil.example/' } },
        { showProfileNumbers: true },
      );
      for (const refused of [fromSubframe, fromForeignPage])
        expect(refused).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
      expect(app.services.state.ui.showProfileNumbers).toBe(false);

      const trusted = (await update({ sender: window, senderFrame: window.mainFrame }, { showProfileNumbers: true })) as {
        ok: boolean;
        value: AppState;
      };
      expect(trusted.ok).toBe(true);
      expect(app.services.state.ui.showProfileNumbers).toBe(true);
    });

    it('refuses everything while there is no window', () => {
      const app = openTestApp(newDir());
      registerIpc(app.services, () => null);
      const answer = electron.ipcMain.handlers.get('state:get')!({ sender: {}, senderFrame: { url: APP } }, null);
      expect(answer).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    });
  });

  describe('the app scheme', () => {
    it('is registered as standard and secure, with fetch', () => {
      registerAppScheme();
      expect(electron.protocol.privileged).toContainEqual({
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true },
      });
    });

    it('is handled from the renderer directory', async () => {
      const dir = newDir();
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'index.html'), '<!doctype html>');
      serveRenderer(dir);
      const handle = electron.protocol.handlers.get('app')!;
      const served = (await handle({ url: 'app://profiltelefon/index.html' })) as Response;
      expect([served.status, await served.text()]).toEqual([200, '<!doctype html>']);
      const traversal = (await handle({ url: 'app://profiltelefon/..%2f..%2fetc%2fpasswd' })) as Response;
      expect(traversal.status).toBe(404);
    });
  });

  describe('safeStorage', () => {
    it.each([
      ['linux', true, 'gnome_libsecret', true],
      ['linux', true, 'kwallet5', true],
      ['linux', true, 'basic_text', false],
      ['linux', true, 'unknown', false],
      ['linux', false, 'gnome_libsecret', false],
      ['darwin', true, null, true],
      ['win32', true, null, true],
      ['win32', false, null, false],
    ] as const)('on %s (available %s, backend %s) really encrypts: %s', (platform, available, backend, expected) => {
      expect(isRealEncryption(platform, available, backend)).toBe(expected);
    });

    it.runIf(process.platform === 'linux')('basic_text is refused: the password is kept for the session only', () => {
      electron.safeStorage.backend = 'basic_text';
      expect(chooseSecretCipher()).toBe('session-only');
      electron.safeStorage.backend = 'gnome_libsecret';
      expect(chooseSecretCipher()).toBe(safeStorageCipher);
      electron.safeStorage.available = false;
      expect(chooseSecretCipher()).toBe('session-only');
      expect(() => safeStorageCipher.encrypt('alice-pass')).toThrow('The OS keychain is not available');
      electron.safeStorage.available = true;
    });
  });
});
