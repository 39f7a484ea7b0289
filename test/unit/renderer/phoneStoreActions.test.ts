import { beforeEach, describe, expect, it } from 'vitest';
import { newCallView, type CallView } from '../../../src/core/phone/callView';
import { UNKNOWN_PARTY } from '../../../src/core/phone/remoteParty';
import {
  addCall,
  addMessage,
  countRegistration,
  dispatchCall,
  endCall,
  showPhoneError,
  showProblems,
  showRegistration,
  updateMessage,
  usePhoneStore,
  type MessageView,
} from '../../../src/renderer/phone/phoneStore';

const INITIAL = usePhoneStore.getState();

function call(id: string, status: CallView['status']): CallView {
  return newCallView({ id, direction: 'incoming', remote: UNKNOWN_PARTY, status, startedAt: 0, presented: null });
}

function message(id: string): MessageView {
  return {
    id,
    direction: 'incoming',
    kind: 'chat',
    remote: UNKNOWN_PARTY,
    body: id,
    at: 0,
    status: 'received',
    presentedNumber: null,
    failure: null,
  };
}

beforeEach(() => usePhoneStore.setState(INITIAL, true));

describe('the phone store actions', () => {
  it('add a call, change it through the core reducer, and leave the other calls the same objects', () => {
    addCall(call('in-1', 'ringing'));
    addCall(call('in-2', 'ringing'));
    const untouched = usePhoneStore.getState().calls[1];
    dispatchCall({ kind: 'status', id: 'in-1', status: 'active', answeredAt: 5 });
    const calls = usePhoneStore.getState().calls;
    expect(calls.map((view) => [view.id, view.status])).toEqual([
      ['in-1', 'active'],
      ['in-2', 'ringing'],
    ]);
    expect(calls[1]).toBe(untouched);
  });

  it('remove an ended call and keep why it ended, until the next call appears', () => {
    addCall(call('in-1', 'ringing'));
    const ended = { id: 'in-1', remote: UNKNOWN_PARTY, outcome: 'missed' as const, failure: null };
    endCall(ended);
    expect(usePhoneStore.getState()).toMatchObject({ calls: [], lastEnded: ended });
    addCall(call('in-2', 'ringing'));
    expect(usePhoneStore.getState().lastEnded).toBeNull();
  });

  it('show the problems of the last incoming call, and leave the store alone while there were none and are none', () => {
    const before = usePhoneStore.getState();
    showProblems([]);
    expect(usePhoneStore.getState()).toBe(before);
    const problem = { code: 'forward-colleague-missing' as const, message: 'No number to forward to' };
    showProblems([problem]);
    expect(usePhoneStore.getState().problems).toEqual([problem]);
    showProblems([]);
    expect(usePhoneStore.getState().problems).toEqual([]);
  });

  it('show the registration, and count each successful one', () => {
    showRegistration({ kind: 'connecting' });
    expect(usePhoneStore.getState().registration).toEqual({ kind: 'connecting' });
    countRegistration('sip:alice@example.se');
    countRegistration('sip:alice@example.se');
    expect(usePhoneStore.getState()).toMatchObject({ registration: { kind: 'registered', aor: 'sip:alice@example.se' }, registrations: 2 });
  });

  it('show the last refused action until it is cleared', () => {
    showPhoneError({ code: 'phone-offline', message: 'No connection' });
    expect(usePhoneStore.getState().error?.code).toBe('phone-offline');
    showPhoneError(null);
    expect(usePhoneStore.getState().error).toBeNull();
  });

  it('keep the newest 100 messages first, and change one by its id', () => {
    for (let index = 0; index < 105; index++) addMessage(message(`m${index}`));
    const { messages } = usePhoneStore.getState();
    expect(messages).toHaveLength(100);
    expect([messages[0]!.id, messages[99]!.id]).toEqual(['m104', 'm5']);
    updateMessage('m100', { status: 'failed' });
    expect(
      usePhoneStore
        .getState()
        .messages.filter((kept) => kept.status === 'failed')
        .map((kept) => kept.id),
    ).toEqual(['m100']);
  });
});
