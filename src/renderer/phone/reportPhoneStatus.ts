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

/**
 * Tells main how the phone stands, so the tray can say so, and whether a call is under way (ringing
 * included), so that away when idle leaves the user alone in a call; only changes are sent.
 */
export function reportPhoneStatus(): () => void {
  let reported: PhoneStatus | null = null;
  let reportedCall: boolean | null = null;
  const report = ({ registration, calls }: { registration: RegistrationState; calls: readonly unknown[] }) => {
    const status = phoneStatusOf(registration);
    if (status !== reported) {
      reported = status;
      void window.softphone.invoke('phone:status', { status });
    }
    const active = calls.length > 0;
    if (active !== reportedCall) {
      reportedCall = active;
      void window.softphone.invoke('phone:call-active', { active });
    }
  };
  report(usePhoneStore.getState());
  return usePhoneStore.subscribe(report);
}
