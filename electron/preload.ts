import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_STATE_CHANGED, isInvokeChannel } from '../src/core/ipc/channels';
import type { SoftphoneApi } from '../src/core/ipc/contract';
import type { AppState } from '../src/core/state/appState';

const softphone: SoftphoneApi = {
  invoke: (channel, payload) => {
    if (!isInvokeChannel(channel)) return Promise.reject(new Error(`Unknown channel "${String(channel)}"`));
    return ipcRenderer.invoke(channel, payload);
  },
  onStateChanged(listener) {
    const relay = (_event: IpcRendererEvent, state: AppState) => listener(state);
    ipcRenderer.on(EVENT_STATE_CHANGED, relay);
    return () => ipcRenderer.removeListener(EVENT_STATE_CHANGED, relay);
  },
};

contextBridge.exposeInMainWorld('softphone', softphone);
