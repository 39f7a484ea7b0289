/*
 * Runs in the page served by the browser shell, before the app. It gives the renderer the same
 * `window.softphone` that Electron's preload gives it, carried over the shell's WebSocket.
 */
import { contractUnreachable, type Result } from '../../src/core/errors';
import {
  EVENT_APP_QUITTING,
  EVENT_PHONE_CALL_ACTION,
  EVENT_PHONE_DIAL,
  EVENT_PROFILE_ACTIVATING,
  EVENT_STATE_CHANGED,
  type EventChannel,
} from '../../src/core/ipc/channels';
import type { CallAction, SoftphoneApi, SoftphoneDebugApi } from '../../src/core/ipc/contract';
import type { DialTarget } from '../../src/core/phone/numbers/phoneNumber';
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
const pending = new Map<number, { channel: string; settle: (result: Result<unknown>) => void }>();
const eventListeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
let nextId = 1;

const socketUrl = new URL(SHELL_IPC_PATH, window.location.href);
socketUrl.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
socketUrl.searchParams.set('token', token);
const socket = new WebSocket(socketUrl);
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener(
    'close',
    (event) => reject(new Error(`The browser shell refused the connection (${event.code} ${event.reason})`)),
    { once: true },
  );
});

socket.addEventListener('message', (event) => {
  const message = JSON.parse(String(event.data)) as ShellMessage;
  if (message.type === 'result') {
    pending.get(message.id)?.settle(message.result);
    pending.delete(message.id);
  } else if (message.type === 'event') {
    for (const listener of eventListeners.get(message.event) ?? []) listener(message.payload);
  } else {
    console.error(`The browser shell refused a frame: ${message.error.message}`);
  }
});

socket.addEventListener('close', (event) => {
  for (const { channel, settle } of pending.values())
    settle(contractUnreachable(channel, `the browser shell closed the connection (${event.code})`));
  pending.clear();
});

async function send<T>(channel: string, payload: unknown): Promise<Result<T>> {
  try {
    await opened;
  } catch (error) {
    return contractUnreachable(channel, (error as Error).message);
  }
  // A closed socket drops what it is given without a word: the request would wait for ever.
  if (socket.readyState !== WebSocket.OPEN) return contractUnreachable(channel, 'the browser shell closed the connection');
  const request: ShellRequest = { id: nextId++, channel, payload };
  return new Promise((resolve) => {
    pending.set(request.id, { channel, settle: (result) => resolve(result as Result<T>) });
    socket.send(JSON.stringify(request));
  });
}

function listen<T>(event: EventChannel, listener: (payload: T) => void): () => void {
  const listeners = eventListeners.get(event) ?? new Set();
  eventListeners.set(event, listeners);
  const relay = (payload: unknown) => listener(payload as T);
  listeners.add(relay);
  return () => listeners.delete(relay);
}

const softphone: SoftphoneApi = {
  invoke: (channel, payload) => send(channel, payload),
  onStateChanged: (listener) => listen<AppState>(EVENT_STATE_CHANGED, listener),
  onDialRequest: (listener) => listen<DialTarget>(EVENT_PHONE_DIAL, listener),
  onQuitting: (listener) => listen<null>(EVENT_APP_QUITTING, () => listener()),
  onCallAction: (listener) => listen<CallAction>(EVENT_PHONE_CALL_ACTION, listener),
  onProfileActivating: (listener) => listen<unknown>(EVENT_PROFILE_ACTIVATING, listener),
};
const softphoneDebug: SoftphoneDebugApi = { invoke: (channel, payload) => send(channel, payload) };

Object.assign(window, { softphone, softphoneDebug });
