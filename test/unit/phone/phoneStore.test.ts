import { describe, expect, it } from 'vitest';
import { shallow } from 'zustand/shallow';
import { newCallView, reduceCalls, type CallView } from '../../../src/core/phone/callView';
import { UNKNOWN_PARTY } from '../../../src/core/phone/remoteParty';
import { selectCallsInProgress, selectRingingCalls, type PhoneStore } from '../../../src/renderer/phone/phoneStore';

const STORE: Omit<PhoneStore, 'calls'> = {
  registration: { kind: 'stopped' },
  registrations: 0,
  messages: [],
  lastEnded: null,
  error: null,
  problems: [],
};

function call(id: string, status: CallView['status']): CallView {
  return newCallView({
    id,
    direction: id.startsWith('in') ? 'incoming' : 'outgoing',
    remote: UNKNOWN_PARTY,
    status,
    startedAt: 0,
    presented: null,
  });
}

describe('the call selectors', () => {
  const before: PhoneStore = { ...STORE, calls: [call('out-1', 'active'), call('in-1', 'ringing')] };

  it('part the calls into ringing and in progress', () => {
    expect(selectRingingCalls(before).map((view) => view.id)).toEqual(['in-1']);
    expect(selectCallsInProgress(before).map((view) => view.id)).toEqual(['out-1']);
  });

  it('keep the ringing calls equal, item by item, when only a call in progress changes', () => {
    const after: PhoneStore = { ...before, calls: reduceCalls(before.calls, { kind: 'mute', id: 'out-1', muted: true }) };
    expect(shallow(selectRingingCalls(before), selectRingingCalls(after))).toBe(true);
    expect(shallow(selectCallsInProgress(before), selectCallsInProgress(after))).toBe(false);
  });

  it('keep the calls in progress equal while a ringing call changes, and change them when it is answered', () => {
    const waiting: PhoneStore = {
      ...before,
      calls: reduceCalls(before.calls, { kind: 'dtmf', id: 'in-1', originator: 'remote', tone: '5' }),
    };
    expect(shallow(selectCallsInProgress(before), selectCallsInProgress(waiting))).toBe(true);
    const answered: PhoneStore = {
      ...before,
      calls: reduceCalls(before.calls, { kind: 'status', id: 'in-1', status: 'active', answeredAt: 1 }),
    };
    expect(selectCallsInProgress(answered).map((view) => view.id)).toEqual(['out-1', 'in-1']);
    expect(selectRingingCalls(answered)).toEqual([]);
  });
});
