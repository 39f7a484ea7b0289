import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { WebSocketServer, type WebSocket } from 'ws';
import { describeInput } from '../../src/core/describeInput';
import { fail, ok, type Result } from '../../src/core/errors';
import {
  EVENT_APP_QUITTING,
  EVENT_PHONE_CALL_ACTION,
  EVENT_PHONE_DIAL,
  EVENT_PROFILE_ACTIVATING,
  EVENT_STATE_CHANGED,
} from '../../src/core/ipc/channels';
import type { ChannelPayload } from '../../src/core/ipc/contract';
import { DEFAULT_MAX_ICS_BYTES } from '../../src/core/calendar/parse';
import type { NotificationRecord } from '../../src/core/state/appState';
import { AppServices } from '../services/appServices';
import { validateDebugRequest } from '../services/requestDispatcher';
import { CONTENT_TYPES } from '../services/contentTypes';
import { createConfBackend } from '../services/confBackend';
import { OffsetClock } from '../services/offsetClock';
import { developmentOnlyPlainCipher } from '../services/secretStore';
import { timerScheduler } from '../services/scheduler';
import { SHELL_BRIDGE_PATH, SHELL_IPC_PATH, type ShellMessage } from './protocol';
import { readShellRequest } from './shellRequest';

export interface WebShellOptions {
  /** What the tray's Avsluta does here, once the page has signed off: the CLI closes and exits. */
  onQuit?: () => void;
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  rendererDir: string;
}

export interface WebShell {
  url: string;
  port: number;
  token: string;
  services: AppServices;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/** The largest frame is a calendar file's text: half as much again for its escapes in JSON, and a little around it. */
const MAX_FRAME_BYTES = Math.ceil(DEFAULT_MAX_ICS_BYTES * 1.5) + 1024 * 1024;

async function bundleBridge(): Promise<string> {
  const entry = fileURLToPath(new URL('./bridgeClient.ts', import.meta.url));
  const result = await build({ entryPoints: [entry], bundle: true, format: 'iife', write: false, target: 'chrome120', logLevel: 'silent' });
  const [file] = result.outputFiles;
  if (!file) throw new Error('the bridge script did not build');
  return file.text;
}

function sameToken(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The same services as the Electron app, with the IPC contract carried over a loopback WebSocket. */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const token = randomBytes(24).toString('base64url');
  const clock = new OffsetClock();
  const services = new AppServices({
    dataDir: options.dataDir,
    openBackend: createConfBackend,
    secretCipher: developmentOnlyPlainCipher,
    clock,
    scheduler: timerScheduler,
    systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    notificationSink: (record: NotificationRecord) => console.log(`[notis] ${record.title} – ${record.body}`),
    newId: () => randomUUID(),
    logSecrets: [token],
  });
  services.start();
  const quit = () => void services.prepareToQuit().then(() => options.onQuit?.());
  const bridgeScript = await bundleBridge();
  // Deferred, the bridge still runs before the app's module script (both run in document order once
  // the page is parsed), while the parser goes on to fetch the app's scripts.
  const indexHtml = (await readFile(join(options.rendererDir, 'index.html'), 'utf8')).replace(
    '<head>',
    `<head>\n    <script defer src="${SHELL_BRIDGE_PATH}"></script>`,
  );

  const server = createServer((request, response) => {
    serveStatic(request, response, options.rendererDir, indexHtml, bridgeScript).catch((error: Error) => {
      response.writeHead(500).end(error.message);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${HOST}:${port}`;

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', origin);
    const trusted =
      url.pathname === SHELL_IPC_PATH &&
      request.headers.origin === origin &&
      request.headers.host === `${HOST}:${port}` &&
      sameToken(url.searchParams.get('token'), token);
    if (!trusted) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => attachClient(client, services, clock, quit));
  });

  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    services,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      services.dispose();
    },
  };
}

function attachClient(client: WebSocket, services: AppServices, clock: OffsetClock, quit: () => void): void {
  const send = (message: ShellMessage) => {
    try {
      client.send(JSON.stringify(message));
    } catch (error) {
      console.warn(`The browser shell could not answer the page: ${(error as Error).message}`);
    }
  };
  // A broken or oversized frame ends this connection only, never the shell.
  client.on('error', (error) => console.warn(`A page connection failed: ${error.message}`));
  const unsubscribers = [
    services.onStateChanged((state) => send({ type: 'event', event: EVENT_STATE_CHANGED, payload: state })),
    services.onDialRequest((target) => send({ type: 'event', event: EVENT_PHONE_DIAL, payload: target })),
    services.onQuitting(() => send({ type: 'event', event: EVENT_APP_QUITTING, payload: null })),
    services.onCallAction((action) => send({ type: 'event', event: EVENT_PHONE_CALL_ACTION, payload: action })),
    services.profiles.activations.onPresence((presence) => send({ type: 'event', event: EVENT_PROFILE_ACTIVATING, payload: presence })),
  ];
  client.on('close', () => unsubscribers.forEach((unsubscribe) => unsubscribe()));
  client.on('message', (data) => {
    const request = readShellRequest(data);
    if (!request.ok) {
      console.warn(`The browser shell refused a frame: ${request.error.message}`);
      send(
        request.id === null
          ? { type: 'refused', error: request.error }
          : { type: 'result', id: request.id, result: { ok: false, error: request.error } },
      );
      return;
    }
    const { id, channel, payload } = request.value;
    if (channel.startsWith('debug:')) {
      let result: Result<unknown>;
      try {
        result = runDebug(services, clock, quit, channel, payload);
      } catch (error) {
        result = fail('request-failed', (error as Error).message.slice(0, 300), channel);
      }
      send({ type: 'result', id, result });
      return;
    }
    void services.request(channel, payload).then((result) => {
      if (client.readyState === client.OPEN) send({ type: 'result', id, result });
    });
  });
}

function runDebug(services: AppServices, clock: OffsetClock, quit: () => void, channel: unknown, payload: unknown): Result<unknown> {
  const checked = validateDebugRequest(channel, payload);
  if (!checked.ok) return checked;
  const request = checked.value;
  switch (request.channel) {
    case 'debug:clock-advance':
      clock.advance((request.payload as { ms: number }).ms);
      services.clockMoved();
      return ok(services.state);
    case 'debug:resume':
      services.resume();
      return ok(services.state);
    case 'debug:second-launch': {
      const launched = services.handleLaunch((request.payload as { argv: string[] }).argv);
      return launched.ok ? ok(services.state) : launched;
    }
    case 'debug:user-activity':
      services.presenceSignals.userActivity(request.payload as ChannelPayload<'debug:user-activity'>);
      return ok(services.state);
    case 'debug:notification-action': {
      const { notificationId, gesture } = request.payload as ChannelPayload<'debug:notification-action'>;
      const responded = services.respondToNotification(notificationId, gesture);
      return responded.ok ? ok(services.state) : responded;
    }
    case 'debug:tray-click': {
      const clicked = services.clickTrayItem((request.payload as { itemId: string }).itemId);
      if (clicked.ok && clicked.value.kind === 'quit') quit();
      return clicked.ok ? ok(services.state) : clicked;
    }
    default:
      return fail('unknown-channel', `Unknown channel ${describeInput(channel)}.`);
  }
}

async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  rendererDir: string,
  indexHtml: string,
  bridgeScript: string,
): Promise<void> {
  const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://shell').pathname);
  if (pathname === '/' || pathname === '/index.html') {
    response.writeHead(200, { 'content-type': CONTENT_TYPES['.html'], 'cache-control': 'no-store' }).end(indexHtml);
    return;
  }
  if (pathname === SHELL_BRIDGE_PATH) {
    response.writeHead(200, { 'content-type': CONTENT_TYPES['.js'], 'cache-control': 'no-store' }).end(bridgeScript);
    return;
  }
  const file = normalize(join(rendererDir, pathname));
  if (!file.startsWith(normalize(rendererDir) + sep)) {
    response.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
}
