import { userIsInCall, type CallView } from '../../core/phone/callView';
import type { RegistrationState } from '../../core/phone/registration';
import type { PhoneStatus } from '../../core/tray/menuModel';
import { contract } from '../contract/client';
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
 * Tells main how the phone stands, so the tray can say so, and whether the user is in a call, so
 * notifications can wait for its end and away when idle leaves the user alone; only changes are
 * sent.
 */
export function reportPhoneStatus(): () => void {
  let reported: PhoneStatus | null = null;
  // Sent once at start too: after a reload in the middle of a call, main must not go on holding.
  let reportedInCall: boolean | null = null;
  const report = ({ registration, calls }: { registration: RegistrationState; calls: readonly Pick<CallView, 'status'>[] }) => {
    const status = phoneStatusOf(registration);
    if (status !== reported) {
      reported = status;
      void contract.invoke('phone:status', { status });
    }
    const inCall = userIsInCall(calls);
    if (inCall !== reportedInCall) {
      reportedInCall = inCall;
      void contract.invoke('phone:in-call', { inCall });
    }
  };
  report(usePhoneStore.getState());
  return usePhoneStore.subscribe(report);
}
