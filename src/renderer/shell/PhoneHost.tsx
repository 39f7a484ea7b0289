import { useEffect, useRef } from 'react';
import { contract } from '../contract/client';
import { phone } from '../phone/phone';
import { connectPhone } from '../phone/phoneConnection';
import { connectPresence } from '../presence/connectPresence';
import { reportPhoneStatus } from '../phone/reportPhoneStatus';
import { useShallow } from 'zustand/react/shallow';
import { selectRingingCalls, usePhoneStore } from '../phone/phoneStore';
import { connectSipTrace } from '../phone/sipTrace';
import { installTestHook } from '../phone/testHook';
import { IncomingCall } from '../phone/IncomingCall';
import { LinkCallConfirm } from '../phone/LinkCallConfirm';

/**
 * Runs the phone for the whole app, whatever view is open, and shows ringing calls above every
 * view. `onShowPhone` opens the phone view when a call needs its controls.
 */
export function PhoneHost({ onShowPhone }: { onShowPhone(): void }) {
  const showPhone = useRef(onShowPhone);
  useEffect(() => {
    showPhone.current = onShowPhone;
  }, [onShowPhone]);
  useEffect(() => {
    const stopTrace = connectSipTrace();
    const disconnect = connectPhone(phone);
    const presence = connectPresence(() => phone.ua);
    const stopReporting = reportPhoneStatus();
    const stopQuitting = contract.on('app:quitting', () => {
      void presence.signOff().then(async () => {
        phone.stop();
        await contract.invoke('app:ready-to-quit', null);
      });
    });
    const removeHook = installTestHook(phone);
    const unsubscribeDial = contract.on('phone:dial', () => showPhone.current());
    const unsubscribeCallAction = contract.on('phone:call-action', ({ kind, callId }) => {
      if (kind === 'decline') phone.decline(callId);
      else if (phone.answer(callId).ok) showPhone.current();
    });
    return () => {
      unsubscribeCallAction();
      unsubscribeDial();
      removeHook();
      stopQuitting();
      stopReporting();
      presence.disconnect();
      disconnect();
      stopTrace();
    };
  }, []);
  const ringing = usePhoneStore(useShallow(selectRingingCalls));
  return (
    <>
      <LinkCallConfirm />
      {ringing.length > 0 && (
        <div className="phone-host">
          {ringing.map((call, index) => (
            <IncomingCall key={call.id} call={call} shortcuts={index === 0} onAnswered={() => showPhone.current()} />
          ))}
        </div>
      )}
    </>
  );
}
