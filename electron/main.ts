import { app, BrowserWindow, dialog, Notification, powerMonitor } from 'electron';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { EVENT_APP_QUITTING, EVENT_PHONE_DIAL, EVENT_STATE_CHANGED } from '../src/core/ipc/channels';
import { systemClock } from '../src/core/time/clock';
import { createAppWindow } from './adapters/appWindow';
import { createElectronStoreBackend } from './adapters/electronStoreBackend';
import { safeStorageCipher } from './adapters/safeStorageCipher';
import { registerIpc } from './adapters/ipc';
import { AppTray } from './adapters/tray';
import { AppServices } from './services/appServices';
import { DataDirLock, lockRefusalText } from './services/dataDirLock';
import { timerScheduler } from './services/scheduler';

const CALL_LINK_SCHEMES = ['tel', 'sip', 'callto'];

let window: BrowserWindow | null = null;
let services: AppServices | null = null;
let quitting = false;

function showWindow(): void {
  if (!window) window = openWindow();
  window.show();
  window.focus();
}

function openWindow(): BrowserWindow {
  const created = createAppWindow();
  created.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    created.hide();
  });
  created.on('closed', () => {
    window = null;
  });
  return created;
}

/** `--provision <file>`: a company's settings file, applied whole or not at all. */
function provisionFromArgv(appServices: AppServices, argv: readonly string[]): void {
  const index = argv.indexOf('--provision');
  const file = index >= 0 ? argv[index + 1] : undefined;
  if (file === undefined) return;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    dialog.showErrorBox('Profiltelefon', `Provisioneringsfilen ${file} kunde inte läsas: ${(error as Error).message}`);
    return;
  }
  const applied = appServices.importProvisioning(text);
  if (!applied.ok) dialog.showErrorBox('Profiltelefon', `Provisioneringsfilen ${file} avvisades: ${applied.error.message}`);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const secondLaunch = (argv: string[]) => {
    const handled = services?.handleLaunch(argv);
    if (!handled?.ok || handled.value.kind !== 'activated') showWindow();
  };
  app.on('second-instance', (_event, argv) => secondLaunch(argv));
  app.on('open-url', (event, url) => {
    event.preventDefault();
    services?.handleLaunch([url]);
    showWindow();
  });
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    if (!services) return;
    // Sign off first (presence removed, registration ended), then quit for real.
    event.preventDefault();
    void services.prepareToQuit().then(() => app.quit());
  });
  void app.whenReady().then(async () => {
    const dataDir = process.env.PROFILTELEFON_DATA_DIR ?? app.getPath('userData');
    // Another userData (--user-data-dir, a portable copy) can share the data directory: one owner.
    const locked = await DataDirLock.acquire(dataDir, { handOver: process.argv, onArguments: secondLaunch });
    if (locked.kind !== 'acquired') {
      const handedOver = locked.kind === 'held' && locked.handedOver;
      if (!handedOver) dialog.showErrorBox('Profiltelefon', lockRefusalText('sv', dataDir, locked));
      return app.exit(handedOver ? 0 : 1);
    }
    for (const scheme of CALL_LINK_SCHEMES) app.setAsDefaultProtocolClient(scheme);
    const appServices = new AppServices({
      dataDir,
      openBackend: createElectronStoreBackend,
      secretCipher: safeStorageCipher,
      clock: systemClock,
      scheduler: timerScheduler,
      systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      notificationSink: (record) => {
        const notification = new Notification({ title: record.title, body: record.body });
        notification.on('click', showWindow);
        notification.show();
      },
      newId: () => randomUUID(),
    });
    services = appServices;
    appServices.start();
    provisionFromArgv(appServices, process.argv);
    registerIpc(appServices, () => window?.webContents ?? null);
    const tray = new AppTray(appServices.state.tray, (itemId) => {
      const clicked = appServices.clickTrayItem(itemId);
      if (clicked.ok && clicked.value.kind === 'open') showWindow();
      if (clicked.ok && clicked.value.kind === 'quit') app.quit();
    });
    appServices.onStateChanged((state) => {
      tray.render(state.tray);
      window?.webContents.send(EVENT_STATE_CHANGED, state);
    });
    appServices.onQuitting(() => window?.webContents.send(EVENT_APP_QUITTING, null));
    appServices.onDialRequest((target) => {
      showWindow();
      window?.webContents.send(EVENT_PHONE_DIAL, target);
    });
    powerMonitor.on('resume', () => appServices.resume());
    powerMonitor.on('unlock-screen', () => appServices.profiles.recheck());
    window = openWindow();
    window.webContents.once('did-finish-load', () => appServices.handleLaunch(process.argv));
    app.on('window-all-closed', () => {
      // The phone keeps running in the tray.
    });
    app.on('will-quit', () => {
      tray.destroy();
      appServices.dispose();
      locked.lock.release();
    });
  });
}
