/**
 * Where the renderer lives: our own privileged scheme, so the page has a real origin of its own
 * (not `file://`, which every local file shares), or the dev server while developing.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'profiltelefon';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export function rendererEntryUrl(devServerUrl: string | undefined): string {
  return devServerUrl ?? APP_ENTRY_URL;
}

/** A URL on the renderer's own origin: same scheme, host and port, and no credentials smuggled in. */
export function isAppUrl(url: string, entryUrl: string): boolean {
  let candidate: URL;
  try {
    candidate = new URL(url);
  } catch {
    return false;
  }
  const app = new URL(entryUrl);
  // Host names are case-free; Node's URL leaves a custom scheme's host as written, Chromium does not.
  const sameHost = candidate.host.toLowerCase() === app.host.toLowerCase();
  return candidate.protocol === app.protocol && sameHost && candidate.username === '' && candidate.password === '';
}
