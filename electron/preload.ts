import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  EVENT_APP_QUITTING,
  EVENT_PHONE_CALL_ACTION,
  EVENT_PHONE_DIAL,
  EVENT_PROFILE_ACTIVATING,
  EVENT_STATE_CHANGED,
  isInvokeChannel,
  type EventChannel,
} from '../src/core/ipc/channels';
import type { DialTarget } from '../src/core/phone/numbers/phoneNumber';
import type { CallAction, SoftphoneApi } from '../src/core/ipc/contract';
import type { AppState } from '../src/core/state/appState';

function listen<T>(event: EventChannel, listener: (payload: T) => void): () => void {
  const relay = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(event, relay);
  return () => ipcRenderer.removeListener(event, relay);
}

const softphone: SoftphoneApi = {
  invoke: (channel, payload) => {
    if (!isInvokeChannel(channel)) return Promise.reject(new Error(`Unknown channel "${String(channel)}"`));
    return ipcRenderer.invoke(channel, payload);
  },
  onStateChanged: (listener) => listen<AppState>(EVENT_STATE_CHANGED, listener),
  onDialRequest: (listener) => listen<DialTarget>(EVENT_PHONE_DIAL, listener),
  onQuitting: (listener) => listen<null>(EVENT_APP_QUITTING, () => listener()),
  onCallAction: (listener) => listen<CallAction>(EVENT_PHONE_CALL_ACTION, listener),
  onProfileActivating: (listener) => listen<unknown>(EVENT_PROFILE_ACTIVATING, listener),
};

contextBridge.exposeInMainWorld('softphone', softphone);
