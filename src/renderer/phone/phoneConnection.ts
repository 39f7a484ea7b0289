import { ok } from '../../core/errors';
import { uaSettingsFrom } from '../../core/phone/uaSettings';
import { contract } from '../contract/client';
import { useAppStore } from '../shared/appStore';
import { askToCall } from './linkCallStore';
import type { PhoneController } from './phoneController';

/**
 * Keeps the phone in step with the account: whenever the app state changes, the SIP settings and
 * password are read again, and only a real change replaces the UA. The password is not part of the
 * state, so it is fetched each time; a change of password alone must also re-register.
 */
export function connectPhone(controller: PhoneController): () => void {
  let appliedKey: string | null = null;
  let running = false;
  let again = false;
  let disposed = false;

  const sync = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    do {
      again = false;
      const state = useAppStore.getState().state;
      if (!state) break;
      const credentials = state.sipPasswordSet ? await contract.invoke('account:sip-credentials', null) : ok({ password: null });
      if (disposed) return;
      const password = credentials.ok ? credentials.value.password : null;
      const settings = uaSettingsFrom(state.account, password);
      const key = JSON.stringify(settings);
      if (key !== appliedKey) {
        appliedKey = key;
        controller.configure(settings);
      }
    } while (again);
    running = false;
  };

  const unsubscribeState = useAppStore.subscribe((store, previous) => {
    if (store.state === previous.state) return;
    controller.settingsChanged();
    void sync();
  });
  // A link only asks; the call is placed when the user confirms it.
  const unsubscribeDial = contract.on('phone:dial', askToCall);
  void sync();
  return () => {
    disposed = true;
    unsubscribeState();
    unsubscribeDial();
    controller.stop();
  };
}
