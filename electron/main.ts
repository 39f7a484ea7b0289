import { app, BrowserWindow, Notification, powerMonitor } from 'electron';
import { randomUUID } from 'node:crypto';
import { EVENT_STATE_CHANGED } from '../src/core/ipc/channels';
import { systemClock } from '../src/core/time/clock';
import { createAppWindow } from './adapters/appWindow';
import { createElectronStoreBackend } from './adapters/electronStoreBackend';
import { registerIpc } from './adapters/ipc';
import { AppTray } from './adapters/tray';
import { AppServices } from './services/appServices';
import { timerScheduler } from './services/scheduler';

let window: BrowserWindow | null = null;
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

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.on('before-quit', () => {
    quitting = true;
  });
  void app.whenReady().then(() => {
    const services = new AppServices({
      dataDir: app.getPath('userData'),
      openBackend: createElectronStoreBackend,
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
    services.start();
    registerIpc(services, () => window?.webContents ?? null);
    const tray = new AppTray(services.state.tray, (itemId) => {
      const clicked = services.clickTrayItem(itemId);
      if (clicked.ok && clicked.value.kind === 'open') showWindow();
      if (clicked.ok && clicked.value.kind === 'quit') app.quit();
    });
    services.onStateChanged((state) => {
      tray.render(state.tray);
      window?.webContents.send(EVENT_STATE_CHANGED, state);
    });
    powerMonitor.on('resume', () => services.profiles.recheck());
    powerMonitor.on('unlock-screen', () => services.profiles.recheck());
    window = openWindow();
    app.on('window-all-closed', () => {
      // The phone keeps running in the tray.
    });
    app.on('will-quit', () => {
      tray.destroy();
      services.dispose();
    });
  });
}
