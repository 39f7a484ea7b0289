import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, rendererEntryUrl } from '../../../electron/adapters/appOrigin';
import {
  allowNavigation,
  allowPermissionCheck,
  allowPermissionRequest,
  appWebPreferences,
  externalUrlForWindowOpen,
  isTrustedSender,
} from '../../../electron/adapters/windowPolicy';

const APP = APP_ENTRY_URL;
const DEV = 'http://localhost:5173/';

describe('the app origin', () => {
  it('is app://profiltelefon, or the dev server while developing', () => {
    expect(APP).toBe('app://profiltelefon/index.html');
    expect(rendererEntryUrl(undefined)).toBe(APP);
    expect(rendererEntryUrl(DEV)).toBe(DEV);
  });

  it.each([
    ['app://profiltelefon/index.html', true],
    ['app://profiltelefon/assets/index.js?x=1#y', true],
    ['app://profiltelefon', true],
    ['APP://PROFILTELEFON/index.html', true],
    ['app://other/index.html', false],
    ['app://profiltelefon.evil.example/index.html', false],
    ['app://user:pass@profiltelefon/index.html', false],
    ['file:///index.html', false],
    ['https://profiltelefon/index.html', false],
    ['http://localhost:5173/', false],
    ['not a url', false],
    ['', false],
  ])('%s is ours: %s', (url, expected) => {
    expect(isAppUrl(url, APP)).toBe(expected);
  });

  it('with the dev server, only its own host and port count', () => {
    expect(isAppUrl('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isAppUrl(APP, DEV)).toBe(false);
  });
});

describe('window options', () => {
  it('isolate the page from Node and keep web security on', () => {
    expect(appWebPreferences('/app/preload.cjs')).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });
});

describe('permission requests', () => {
  const request = (permission: string, details: Partial<Parameters<typeof allowPermissionRequest>[1]> = {}) =>
    allowPermissionRequest(permission, { requestingUrl: APP, isMainFrame: true, mediaTypes: ['audio'], ...details }, APP);

  it('grant the microphone to our page', () => {
    expect(request('media')).toBe(true);
  });

  it.each([
    ['the camera', { mediaTypes: ['video'] }],
    ['microphone and camera together', { mediaTypes: ['audio', 'video'] }],
    ['media of no stated type', { mediaTypes: [] }],
    ['media without types', { mediaTypes: undefined }],
    ['another origin', { requestingUrl: 'https://evil.example/' }],
    ['a file:// page', { requestingUrl: 'file:///tmp/x.html' }],
    ['a subframe of our page', { isMainFrame: false }],
  ])('refuse %s', (_name, details) => {
    expect(request('media', details)).toBe(false);
  });

  it.each(['notifications', 'geolocation', 'clipboard-read', 'display-capture', 'openExternal', 'midi', 'unknown'])(
    'refuse %s',
    (permission) => {
      expect(request(permission)).toBe(false);
    },
  );
});

describe('permission checks', () => {
  it('answer yes only for audio media on our origin, in the main frame', () => {
    expect(allowPermissionCheck('media', 'app://profiltelefon', { mediaType: 'audio', isMainFrame: true }, APP)).toBe(true);
    expect(allowPermissionCheck('media', 'app://profiltelefon', { isMainFrame: true }, APP)).toBe(true);
    expect(allowPermissionCheck('media', 'app://profiltelefon', { mediaType: 'video', isMainFrame: true }, APP)).toBe(false);
    expect(allowPermissionCheck('media', 'app://profiltelefon', { mediaType: 'audio', isMainFrame: false }, APP)).toBe(false);
    expect(allowPermissionCheck('media', 'https://evil.example', { mediaType: 'audio', isMainFrame: true }, APP)).toBe(false);
    expect(allowPermissionCheck('media', 'file://', { mediaType: 'audio', isMainFrame: true }, APP)).toBe(false);
    expect(allowPermissionCheck('notifications', 'app://profiltelefon', { isMainFrame: true }, APP)).toBe(false);
  });
});

describe('navigation and new windows', () => {
  it('stay on our origin', () => {
    expect(allowNavigation('app://profiltelefon/index.html#konto', APP)).toBe(true);
    expect(allowNavigation('https://evil.example/', APP)).toBe(false);
    expect(allowNavigation('file:///etc/passwd', APP)).toBe(false);
    expect(allowNavigation('javascript:alert(1)', APP)).toBe(false);
  });

  it('never open a window; only https links go to the browser', () => {
    expect(externalUrlForWindowOpen('https://www.example.se/hjalp')).toBe('https://www.example.se/hjalp');
    expect(externalUrlForWindowOpen('http://www.example.se/')).toBeNull();
    expect(externalUrlForWindowOpen('file:///etc/passwd')).toBeNull();
    expect(externalUrlForWindowOpen('smb://server/share')).toBeNull();
    expect(externalUrlForWindowOpen('app://profiltelefon/index.html')).toBeNull();
    expect(externalUrlForWindowOpen('not a url')).toBeNull();
  });
});

describe('IPC senders', () => {
  const mainFrame = { url: APP };
  const window = { mainFrame };

  it('are trusted from our window main frame on our origin', () => {
    expect(isTrustedSender({ sender: window, senderFrame: mainFrame }, window, APP)).toBe(true);
  });

  it('are refused from another window, a subframe, a foreign page, a gone frame, or with no window', () => {
    const otherWindow = { mainFrame: { url: APP } };
    expect(isTrustedSender({ sender: otherWindow, senderFrame: otherWindow.mainFrame }, window, APP)).toBe(false);
    expect(isTrustedSender({ sender: window, senderFrame: { url: APP } }, window, APP)).toBe(false);
    const foreign = { mainFrame: { url: 'https://evil.example/' } };
    expect(isTrustedSender({ sender: foreign, senderFrame: foreign.mainFrame }, foreign, APP)).toBe(false);
    expect(isTrustedSender({ sender: window, senderFrame: null }, window, APP)).toBe(false);
    expect(isTrustedSender({ sender: window, senderFrame: mainFrame }, null, APP)).toBe(false);
  });
});
