import type { UA } from 'jssip/lib/UA';
import type { Colleague } from '../../core/account/model';
import type { ColleagueState } from '../../core/presence/colleagueState';
import { activeProfile } from '../../core/profiles/activation';
import { callStateFor, summariseCalls } from '../../core/presence/callState';
import type { AppState } from '../../core/state/appState';
import { usePhoneStore } from '../phone/phoneStore';
import { useAppStore } from '../store/appStore';
import { appPhoneEnvironment } from '../phone/phoneEnvironment';
import { useColleagueStore } from './colleagueStore';
import { PresenceController } from './presenceController';
import { installPresenceTestHook } from './testHook';

/** What colleagues see, from the app state and the phone's calls. */
function publicationInput(state: AppState, calls: ReturnType<typeof usePhoneStore.getState>['calls']) {
  const profile = activeProfile(state);
  return {
    profile: { id: profile.id, name: profile.name, number: profile.number, status: profile.status },
    message: state.active.temporaryMessage ?? profile.statusMessage,
    until: state.active.until,
    callState: callStateFor(profile.status, summariseCalls(calls)),
  };
}

/** "Meddela mig när … blir tillgänglig": told once, in the list and as a desktop notification (if the profile allows it). */
function tellIfWatched(colleague: Colleague, state: ColleagueState): void {
  const store = useColleagueStore.getState();
  if (!store.watching[colleague.uri]) return;
  store.announce(colleague.uri);
  store.toggleWatch(colleague.uri);
  appPhoneEnvironment.notify('colleagueAvailable', appPhoneEnvironment.text('notification.colleagueAvailable.title', { name: colleague.name }), state.note ?? '');
}

/**
 * Runs presence beside the phone: once the UA is registered it publishes the active profile and
 * watches the directory, republishing whenever the profile, message, end time or call state
 * changes. Signing off (the app quits) or closing the page removes the publication, so
 * colleagues see the user offline.
 */
export function connectPresence(currentUa: () => UA | null): { signOff(): Promise<void>; disconnect(): void } {
  let controller: PresenceController | null = null;
  let controllerUa: UA | null = null;
  let signedOff = false;
  const testHook = installPresenceTestHook();

  const update = () => {
    if (signedOff) return;
    const phone = usePhoneStore.getState();
    const state = useAppStore.getState().state;
    const ua = currentUa();
    if (phone.registration.kind !== 'registered' || !state || !ua) return;
    if (ua !== controllerUa) {
      controller = new PresenceController(ua, phone.registration.aor, testHook.observer, tellIfWatched);
      controllerUa = ua;
    }
    controller?.publish(publicationInput(state, phone.calls));
    controller?.watch(state.account.directory);
  };

  const onRegistered = (registrations: number, previous: number) => {
    const state = useAppStore.getState().state;
    // After a PBX restart the server may have lost the publication and the subscriptions.
    if (registrations > previous && controller && state && !signedOff) controller.renew(publicationInput(state, usePhoneStore.getState().calls));
    update();
  };

  const stopPhone = usePhoneStore.subscribe((store, previous) => {
    if (store.registrations !== previous.registrations) onRegistered(store.registrations, previous.registrations);
    else if (store.calls !== previous.calls || store.registration !== previous.registration) update();
  });
  const stopApp = useAppStore.subscribe((store, previous) => {
    if (store.state !== previous.state) update();
  });
  const signOff = async () => {
    signedOff = true;
    await controller?.stop();
  };
  const leave = () => void signOff();
  window.addEventListener('pagehide', leave);
  update();
  return {
    signOff,
    disconnect() {
      stopPhone();
      stopApp();
      window.removeEventListener('pagehide', leave);
      leave();
      testHook.remove();
    },
  };
}
