import { app, BrowserWindow, dialog, Notification, powerMonitor, session, type RenderProcessGoneDetails } from 'electron';
import { randomUUID } from 'node:crypto';
import {
  EVENT_APP_QUITTING,
  EVENT_PHONE_CALL_ACTION,
  EVENT_PHONE_DIAL,
  EVENT_PROFILE_ACTIVATING,
  EVENT_STATE_CHANGED,
} from '../src/core/ipc/channels';
import { translate } from '../src/core/i18n/messages';
import { systemClock } from '../src/core/time/clock';
import { createAppWindow, restrictPermissions } from './adapters/appWindow';
import { chooseFileWithDialog } from './adapters/fileDialog';
import { createElectronStoreBackend } from './adapters/electronStoreBackend';
import { chooseSecretCipher } from './adapters/safeStorageCipher';
import { registerIpc } from './adapters/ipc';
import { registerAppScheme, serveRenderer } from './adapters/protocol';
import { QuitSequence } from './adapters/quitSequence';
import { RendererRestarts } from './adapters/rendererRestarts';
import { watchUserActivity } from './adapters/powerSignals';
import { OsNotifications } from './adapters/osNotifications';
import { AppTray } from './adapters/tray';
import { AppServices } from './services/appServices';
import { DataDirLock, lockRefusalText } from './services/dataDirLock';
import { timerScheduler } from './services/scheduler';

const CALL_LINK_SCHEMES = ['tel', 'sip', 'callto'];

let window: BrowserWindow | null = null;
let services: AppServices | null = null;
const quitSequence = new QuitSequence(
  () => services?.prepareToQuit() ?? Promise.resolve(),
  () => app.quit(),
);
const rendererRestarts = new RendererRestarts();

function showWindow(): void {
  if (!window) window = openWindow();
  window.show();
  window.focus();
}

function openWindow(): BrowserWindow {
  const created = createAppWindow();
  created.on('close', (event) => {
    if (quitSequence.quitting) return;
    event.preventDefault();
    created.hide();
  });
  created.on('closed', () => {
    window = null;
  });
  created.webContents.on('render-process-gone', (_event, details) => recoverRenderer(created, details));
  return created;
}

/** A crashed renderer is the phone gone: reload it (it registers again), unless it keeps crashing. */
function recoverRenderer(crashed: BrowserWindow, details: RenderProcessGoneDetails): void {
  services?.log.error(`The renderer is gone (${details.reason}, exit code ${details.exitCode})`);
  if (details.reason === 'clean-exit' || crashed.isDestroyed()) return;
  if (rendererRestarts.allowReload(Date.now())) {
    services?.log.info('Reloading the renderer');
    crashed.webContents.reload();
    return;
  }
  services?.log.error(
    `The renderer crashed more than ${rendererRestarts.limit} times in ${rendererRestarts.windowMs / 60_000} minutes; asking the user`,
  );
  const language = services?.profiles.settings.ui.language ?? 'sv';
  const text = (key: Parameters<typeof translate>[1]) =>
    translate(language, key, { count: rendererRestarts.limit + 1, minutes: rendererRestarts.windowMs / 60_000 });
  void dialog
    .showMessageBox({
      type: 'error',
      title: text('crash.title'),
      message: text('crash.title'),
      detail: text('crash.body'),
      buttons: [text('crash.retry'), text('crash.quit')],
      defaultId: 0,
      cancelId: 1,
    })
    .then(({ response }) => {
      if (response === 1) return app.quit();
      rendererRestarts.reset();
      if (!crashed.isDestroyed()) crashed.webContents.reload();
    });
}

/** `--provision <file>`: a company's settings file, applied whole or not at all. */
function provisionFromArgv(appServices: AppServices, argv: readonly string[]): void {
  const index = argv.indexOf('--provision');
  const file = index >= 0 ? argv[index + 1] : undefined;
  if (file === undefined) return;
  const applied = appServices.importProvisioningFile(file);
  if (!applied.ok) dialog.showErrorBox('Profiltelefon', `Provisioneringsfilen ${file} avvisades: ${applied.error.message}`);
}

registerAppScheme();

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
  app.on('before-quit', (event) => quitSequence.onBeforeQuit(event));
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
    serveRenderer();
    restrictPermissions(session.defaultSession);
    const secretCipher = chooseSecretCipher();
    const appServices = new AppServices({
      dataDir,
      openBackend: createElectronStoreBackend,
      secretCipher,
      clock: systemClock,
      scheduler: timerScheduler,
      systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      notificationSink: (record) => osNotifications.show(record),
      newId: () => randomUUID(),
      chooseFile: (purpose): Promise<string | null> =>
        chooseFileWithDialog(window, purpose, services?.profiles.settings.ui.language ?? 'sv'),
    });
    services = appServices;
    const language = () => appServices.profiles.settings.ui.language;
    const osNotifications = new OsNotifications(
      (options) => new Notification(options),
      process.platform,
      () => ({ answer: translate(language(), 'phone.incoming.answer'), decline: translate(language(), 'phone.incoming.decline') }),
      (record, gesture) => {
        showWindow();
        appServices.respondToNotification(record.id, gesture);
      },
      showWindow,
    );
    appServices.start();
    if (secretCipher === 'session-only')
      appServices.log.warn('The OS keychain does not really encrypt (basic_text); the SIP password is kept for this session only');
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
    appServices.onCallAction((action) => window?.webContents.send(EVENT_PHONE_CALL_ACTION, action));
    appServices.profiles.activations.onPresence((presence) => window?.webContents.send(EVENT_PROFILE_ACTIVATING, presence));
    appServices.onDialRequest((target) => {
      showWindow();
      window?.webContents.send(EVENT_PHONE_DIAL, target);
    });
    powerMonitor.on('resume', () => appServices.resume());
    powerMonitor.on('unlock-screen', () => appServices.profiles.recheck());
    const stopWatchingActivity = watchUserActivity(powerMonitor, (signal) => appServices.presenceSignals.userActivity(signal));
    window = openWindow();
    window.webContents.once('did-finish-load', () => appServices.handleLaunch(process.argv));
    app.on('window-all-closed', () => {
      // The phone keeps running in the tray.
    });
    app.on('will-quit', () => {
      appServices.log.info('Profiltelefon quits');
      stopWatchingActivity();
      tray.destroy();
      appServices.dispose();
      locked.lock.release();
    });
  });
}
