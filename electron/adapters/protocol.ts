import { protocol } from 'electron';
import { join } from 'node:path';
import { APP_SCHEME } from './appOrigin';
import { serveRendererFile } from './rendererFiles';

const RENDERER_DIR = join(import.meta.dirname, '../renderer');

/** Must run before the app is ready: makes `app://` a standard, secure origin that may use fetch. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer on `app://profiltelefon/`. */
export function serveRenderer(rendererDir = RENDERER_DIR): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(rendererDir, request.url));
}
