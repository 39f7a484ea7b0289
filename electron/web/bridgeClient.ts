/*
 * Runs in the page served by the browser shell, before the app. It gives the renderer the same
 * `window.softphone` that Electron's preload gives it, carried over the shell's WebSocket.
 */
import type { Result } from '../../src/core/errors';
import type { SoftphoneApi, SoftphoneDebugApi } from '../../src/core/ipc/contract';
import type { AppState } from '../../src/core/state/appState';
import { SHELL_IPC_PATH, TOKEN_STORAGE_KEY, type ShellMessage, type ShellRequest } from './protocol';

function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
}

const token = takeToken();
const pending = new Map<number, (result: Result<AppState>) => void>();
const stateListeners = new Set<(state: AppState) => void>();
let nextId = 1;

const socketUrl = new URL(SHELL_IPC_PATH, window.location.href);
socketUrl.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
socketUrl.searchParams.set('token', token);
const socket = new WebSocket(socketUrl);
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener('close', (event) => reject(new Error(`The browser shell refused the connection (${event.code} ${event.reason})`)), { once: true });
});

socket.addEventListener('message', (event) => {
  const message = JSON.parse(String(event.data)) as ShellMessage;
  if (message.type === 'result') {
    pending.get(message.id)?.(message.result as Result<AppState>);
    pending.delete(message.id);
  } else {
    for (const listener of stateListeners) listener(message.state);
  }
});

socket.addEventListener('close', (event) => {
  const error = { code: 'shell-disconnected', message: `The browser shell closed the connection (${event.code}).` };
  for (const resolve of pending.values()) resolve({ ok: false, error });
  pending.clear();
});

async function send(channel: string, payload: unknown): Promise<Result<AppState>> {
  try {
    await opened;
  } catch (error) {
    return { ok: false, error: { code: 'shell-unreachable', message: (error as Error).message } };
  }
  const request: ShellRequest = { id: nextId++, channel, payload };
  return new Promise((resolve) => {
    pending.set(request.id, resolve);
    socket.send(JSON.stringify(request));
  });
}

const softphone: SoftphoneApi = {
  invoke: (channel, payload) => send(channel, payload),
  onStateChanged(listener) {
    stateListeners.add(listener);
    return () => stateListeners.delete(listener);
  },
};
const softphoneDebug: SoftphoneDebugApi = { invoke: (channel, payload) => send(channel, payload) };

Object.assign(window, { softphone, softphoneDebug });
