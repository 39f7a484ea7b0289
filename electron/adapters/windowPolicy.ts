import { isAppUrl } from './appOrigin';

/** The renderer's sandbox: no Node, isolated preload, web security on. */
export function appWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
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
  } as const;
}

export interface PermissionRequestDetails {
  requestingUrl: string;
  isMainFrame: boolean;
  mediaTypes?: readonly string[];
}

/** Only the microphone, and only for our own page's main frame: the softphone needs nothing else. */
export function allowPermissionRequest(permission: string, details: PermissionRequestDetails, entryUrl: string): boolean {
  const mediaTypes = details.mediaTypes ?? [];
  const audioOnly = mediaTypes.length > 0 && mediaTypes.every((type) => type === 'audio');
  return permission === 'media' && audioOnly && details.isMainFrame && isAppUrl(details.requestingUrl, entryUrl);
}

export interface PermissionCheckDetails {
  mediaType?: string;
  isMainFrame: boolean;
}

/** The synchronous twin of the request check (e.g. enumerating devices): the same rule. */
export function allowPermissionCheck(
  permission: string,
  requestingOrigin: string,
  details: PermissionCheckDetails,
  entryUrl: string,
): boolean {
  const audio = details.mediaType === undefined || details.mediaType === 'audio';
  return permission === 'media' && audio && details.isMainFrame && isAppUrl(requestingOrigin, entryUrl);
}

/** The page never leaves its own origin; anything else would run outside our CSP and sender checks. */
export function allowNavigation(url: string, entryUrl: string): boolean {
  return isAppUrl(url, entryUrl);
}

/** No new windows ever. An https link (a help page) goes to the user's browser instead. */
export function externalUrlForWindowOpen(url: string): string | null {
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export interface SenderEvent {
  sender: unknown;
  senderFrame: { url: string } | null;
}

/** An IPC message counts only from our window's main frame, showing our own page. */
export function isTrustedSender(event: SenderEvent, window: { mainFrame: unknown } | null, entryUrl: string): boolean {
  if (window === null || event.sender !== window) return false;
  const frame = event.senderFrame;
  return frame !== null && frame === window.mainFrame && isAppUrl(frame.url, entryUrl);
}
