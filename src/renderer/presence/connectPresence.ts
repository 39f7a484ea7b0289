import type { UA } from 'jssip/lib/UA';
import type { Colleague } from '../../core/account/model';
import type { ColleagueState } from '../../core/presence/colleagueState';
import { callStateFor, summariseCalls } from '../../core/presence/callState';
import type { PhoneCall } from '../../core/presence/dialogInfo';
import { profilePresenceOf, type ProfilePresence } from '../../core/presence/profilePresence';
import type { AppState } from '../../core/state/appState';
import { contract } from '../contract/client';
import { usePhoneStore } from '../phone/phoneStore';
import { useAppStore } from '../shared/appStore';
import { appPhoneEnvironment } from '../phone/phoneEnvironment';
import { useColleagueStore } from './colleagueStore';
import { DialogPublisher } from './dialogPublisher';
import { browserTimers, PresenceController } from './presenceController';
import { installPresenceTestHook } from './testHook';

type Calls = ReturnType<typeof usePhoneStore.getState>['calls'];

/** What colleagues see, from the profile's presence, the app state and the phone's calls. */
function publicationInput({ profile, message, until }: ProfilePresence, state: AppState, calls: Calls) {
  // Built field by field, so the same presence gives the same document key whether it came with a state or ahead of one.
  return {
    profile: { id: profile.id, name: profile.name, number: profile.number, status: profile.status },
    message,
    until,
    callState: callStateFor(profile.status, summariseCalls(calls)),
    language: state.account.announcementLanguage,
    timeZone: state.timeZone,
  };
}

/** "Meddela mig när … blir tillgänglig": told once, in the list and as a desktop notification (if the profile allows it). */
function tellIfWatched(colleague: Colleague, state: ColleagueState): void {
  const store = useColleagueStore.getState();
  if (!store.watching[colleague.uri]) return;
  store.announce(colleague.uri);
  store.toggleWatch(colleague.uri);
  appPhoneEnvironment.notify(
    'colleagueAvailable',
    appPhoneEnvironment.text('notification.colleagueAvailable.title', { name: colleague.name }),
    state.note ?? '',
  );
}

/** The calls a desk phone may see, or null while the active profile hides call state. */
function visibleDialogs(presence: ProfilePresence, calls: Calls): PhoneCall[] | null {
  if (presence.profile.status !== 'available') return null;
  return calls.map(({ id, direction, status }) => ({ id, direction, status }));
}

/**
 * Runs presence beside the phone: once the UA is registered it publishes the active profile (PIDF)
 * and, while the profile shows call state, the calls (dialog-info), and watches the directory,
 * republishing whenever the profile, message, end time or calls change. Signing off (the app quits)
 * or closing the page removes the publications, so colleagues see the user offline.
 */
export function connectPresence(currentUa: () => UA | null): { signOff(): Promise<void>; disconnect(): void } {
  let controller: PresenceController | null = null;
  let dialogs: DialogPublisher | null = null;
  let controllerUa: UA | null = null;
  let signedOff = false;
  /** What main announced ahead of saving a profile chosen by hand; the next state from main replaces it. */
  let announced: ProfilePresence | null = null;
  const testHook = installPresenceTestHook();
  const presenceOf = (state: AppState) => announced ?? profilePresenceOf(state);

  const update = () => {
    if (signedOff) return;
    const phone = usePhoneStore.getState();
    const state = useAppStore.getState().state;
    const ua = currentUa();
    if (phone.registration.kind !== 'registered' || !state || !ua) return;
    if (ua !== controllerUa) {
      const lifetime = state.account.presenceLifetimeSeconds;
      controller = new PresenceController(ua, phone.registration.aor, lifetime, testHook.observer, tellIfWatched);
      dialogs = new DialogPublisher(ua, phone.registration.aor, browserTimers, lifetime);
      controllerUa = ua;
    }
    const presence = presenceOf(state);
    controller?.publish(publicationInput(presence, state, phone.calls));
    dialogs?.update(visibleDialogs(presence, phone.calls));
    controller?.watch(state.account.directory);
  };

  const onRegistered = (registrations: number, previous: number) => {
    const state = useAppStore.getState().state;
    // After a PBX restart the server may have lost the publications and the subscriptions.
    if (registrations > previous && controller && state && !signedOff) {
      const { calls } = usePhoneStore.getState();
      const presence = presenceOf(state);
      controller.renew(publicationInput(presence, state, calls));
      dialogs?.renew(visibleDialogs(presence, calls));
    }
    update();
  };

  const stopPhone = usePhoneStore.subscribe((store, previous) => {
    if (store.registrations !== previous.registrations) onRegistered(store.registrations, previous.registrations);
    else if (store.calls !== previous.calls || store.registration !== previous.registration) update();
  });
  const stopApp = useAppStore.subscribe((store, previous) => {
    if (store.state === previous.state) return;
    announced = null;
    update();
  });
  const stopAnnouncements = contract.on('profile:activating', (presence) => {
    announced = presence;
    update();
  });
  const signOff = async () => {
    signedOff = true;
    await Promise.all([controller?.stop(), dialogs?.stop()]);
  };
  // A closing page runs no more tasks after this handler: the removals must leave now, not after an answer.
  const leave = () => {
    if (signedOff) return;
    signedOff = true;
    controller?.leave();
    dialogs?.leave();
  };
  window.addEventListener('pagehide', leave);
  update();
  return {
    signOff,
    disconnect() {
      stopPhone();
      stopApp();
      stopAnnouncements();
      window.removeEventListener('pagehide', leave);
      void signOff();
      testHook.remove();
    },
  };
}
