import type { RegistrationState } from '../../core/phone/registration';
import type { PhoneStatus } from '../../core/tray/menuModel';
import { usePhoneStore } from './phoneStore';

export function phoneStatusOf(registration: RegistrationState): PhoneStatus {
  switch (registration.kind) {
    case 'not-configured':
    case 'stopped':
      return 'not-configured';
    case 'connecting':
    case 'reconnecting':
      return 'connecting';
    case 'registered':
      return 'registered';
    case 'failed':
    case 'unreachable':
      return 'failed';
  }
}

/** Tells main how the phone stands, so the tray can say so; only changes are sent. */
export function reportPhoneStatus(): () => void {
  let reported: PhoneStatus | null = null;
  const report = (registration: RegistrationState) => {
    const status = phoneStatusOf(registration);
    if (status === reported) return;
    reported = status;
    void window.softphone.invoke('phone:status', { status });
  };
  report(usePhoneStore.getState().registration);
  return usePhoneStore.subscribe((store) => report(store.registration));
}
