import type { Result } from '../../../src/core/errors';
import type { CallAction, SoftphoneApi, SoftphoneDebugApi } from '../../../src/core/ipc/contract';
import type { DialTarget } from '../../../src/core/phone/numbers/phoneNumber';
import type { AppState } from '../../../src/core/state/appState';

type Answer = (channel: string, payload: unknown) => Promise<Result<unknown>>;

/**
 * A stand-in for the bridge a shell gives the page (Electron's preload, the browser shell's
 * script): the boundary the contract client wraps. It keeps every request and answers as told.
 */
export function softphoneStandIn(answer: Answer) {
  const requests: { channel: string; payload: unknown }[] = [];
  const listeners = {
    state: new Set<(state: AppState) => void>(),
    dial: new Set<(target: DialTarget) => void>(),
    quitting: new Set<() => void>(),
    callAction: new Set<(action: CallAction) => void>(),
    profileActivating: new Set<(presence: unknown) => void>(),
  };
  const listen =
    <T>(set: Set<T>) =>
    (listener: T) => {
      set.add(listener);
      return () => void set.delete(listener);
    };
  const softphone: SoftphoneApi = {
    invoke: ((channel: string, payload: unknown) => {
      requests.push({ channel, payload });
      return answer(channel, payload);
    }) as SoftphoneApi['invoke'],
    onStateChanged: listen(listeners.state),
    onDialRequest: listen(listeners.dial),
    onQuitting: listen(listeners.quitting),
    onCallAction: listen(listeners.callAction),
    onProfileActivating: listen(listeners.profileActivating),
  };
  const debug: SoftphoneDebugApi = {
    invoke: ((channel: string, payload: unknown) => {
      requests.push({ channel, payload });
      return answer(channel, payload);
    }) as SoftphoneDebugApi['invoke'],
  };
  return { softphone, debug, requests, listeners };
}
