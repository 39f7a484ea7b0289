import { create } from 'zustand';
import type { AppError, Result } from '../../core/errors';
import type { ChannelPayload, DebugChannel, StateChannel } from '../../core/ipc/contract';
import type { AppState } from '../../core/state/appState';
import { contract } from '../contract/client';

interface AppStore {
  state: AppState | null;
  /** The last refused request, shown until the next success. */
  error: AppError | null;
  /** Local time when `state` arrived, to count down from `state.now`. */
  receivedAt: number;
  /** A state main sent or answered with. */
  receiveState(state: AppState): void;
  /** Hands the last refusal to a view that shows it in place, so the app banner does not repeat it. */
  takeError(): AppError | null;
  invoke<C extends StateChannel>(channel: C, payload: ChannelPayload<C>): Promise<boolean>;
  invokeDebug<C extends DebugChannel>(channel: C, payload: ChannelPayload<C>): Promise<boolean>;
}

export const useAppStore = create<AppStore>((set, get) => {
  const settle = (result: Result<AppState>): boolean => {
    if (result.ok) set({ state: result.value, error: null, receivedAt: Date.now() });
    else set({ error: result.error });
    return result.ok;
  };
  return {
    state: null,
    error: null,
    receivedAt: 0,
    receiveState: (state) => set({ state, receivedAt: Date.now() }),
    takeError: () => {
      const { error } = get();
      set({ error: null });
      return error;
    },
    invoke: async (channel, payload) => settle((await contract.invoke(channel, payload)) as Result<AppState>),
    invokeDebug: async (channel, payload) => {
      if (!contract.debug) return false;
      return settle(await contract.debug.invoke(channel, payload));
    },
  };
});

export function connectAppStore(): () => void {
  const unsubscribe = contract.on('state:changed', (state) => useAppStore.getState().receiveState(state));
  void useAppStore.getState().invoke('state:get', null);
  return unsubscribe;
}
