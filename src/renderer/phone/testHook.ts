import type { Result } from '../../core/errors';
import { contract } from '../contract/client';
import { useAppStore } from '../shared/appStore';
import type { PhoneController } from './phoneController';
import { usePhoneStore, type CallView } from './phoneStore';

/** What benchmarks and tests may drive directly; only the browser shell has it. */
export interface PhoneTestHook {
  dial(text: string): Result<string>;
  hangUp(callId: string): Result<null>;
  calls(): CallView[];
  registered(): boolean;
  /** The newest entry of the call history main keeps, as the page last heard. */
  latestHistoryId(): string | null;
}

declare global {
  interface Window {
    phoneTestHook?: PhoneTestHook;
  }
}

/** Installs `window.phoneTestHook` when the page runs in the browser shell, which alone answers the debug requests. */
export function installTestHook(controller: PhoneController): () => void {
  if (!contract.debug) return () => undefined;
  window.phoneTestHook = {
    dial: (text) => controller.tryDial(text),
    hangUp: (callId) => controller.hangUp(callId),
    calls: () => usePhoneStore.getState().calls,
    registered: () => usePhoneStore.getState().registration.kind === 'registered',
    latestHistoryId: () => useAppStore.getState().state?.history[0]?.id ?? null,
  };
  return () => {
    delete window.phoneTestHook;
  };
}
