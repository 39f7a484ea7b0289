import { create } from 'zustand';
import type { AppError, Result } from '../../core/errors';
import type { ChannelPayload, DebugChannel, StateChannel } from '../../core/ipc/contract';
import type { AppState } from '../../core/state/appState';

interface AppStore {
  state: AppState | null;
  /** The last refused request, shown until the next success. */
  error: AppError | null;
  /** Local time when `state` arrived, to count down from `state.now`. */
  receivedAt: number;
  setState(state: AppState): void;
  invoke<C extends StateChannel>(channel: C, payload: ChannelPayload<C>): Promise<boolean>;
  invokeDebug<C extends DebugChannel>(channel: C, payload: ChannelPayload<C>): Promise<boolean>;
}

export const useAppStore = create<AppStore>((set) => {
  const settle = (result: Result<AppState>): boolean => {
    if (result.ok) set({ state: result.value, error: null, receivedAt: Date.now() });
    else set({ error: result.error });
    return result.ok;
  };
  return {
    state: null,
    error: null,
    receivedAt: 0,
    setState: (state) => set({ state, receivedAt: Date.now() }),
    invoke: async (channel, payload) => settle((await window.softphone.invoke(channel, payload)) as Result<AppState>),
    invokeDebug: async (channel, payload) => {
      if (!window.softphoneDebug) return false;
      return settle(await window.softphoneDebug.invoke(channel, payload));
    },
  };
});

export function connectAppStore(): () => void {
  const unsubscribe = window.softphone.onStateChanged((state) => useAppStore.getState().setState(state));
  void useAppStore.getState().invoke('state:get', null);
  return unsubscribe;
}
