import { describe, expect, it } from 'vitest';
import { newCallView, reduceCalls, type CallView } from '../../../src/core/phone/callView';

const call = (id: string, change: Partial<CallView> = {}): CallView =>
  newCallView({
    id,
    direction: 'outgoing',
    remote: { number: '+46812345602', name: 'Bob', uri: 'sip:bob@example.se', anonymous: false },
    status: 'dialing',
    startedAt: 1_000,
    presented: null,
    ...change,
  });

describe('newCallView', () => {
  it('starts with nothing held, muted, sent or recorded', () => {
    expect(call('a')).toMatchObject({
      onHold: false,
      remoteHold: false,
      muted: false,
      answeredAt: null,
      dtmfSent: '',
      dtmfReceived: '',
      announcement: null,
      setup: null,
      transfer: null,
      recording: false,
      callWaiting: false,
    });
    expect(call('a', { callWaiting: true }).callWaiting).toBe(true);
  });
});

describe('reduceCalls', () => {
  it('changes the call an event names, and no other call', () => {
    const calls = [call('a'), call('b')];
    const next = reduceCalls(calls, { kind: 'recording', id: 'a', recording: true });
    expect(next.map((view) => view.recording)).toEqual([true, false]);
    expect(next[1]).toBe(calls[1]);
  });

  it('adds a call at the end, once, and removes it when it ended', () => {
    const one = reduceCalls([], { kind: 'added', view: call('a') });
    const two = reduceCalls(one, { kind: 'added', view: call('b') });
    expect(two.map((view) => view.id)).toEqual(['a', 'b']);
    expect(reduceCalls(two, { kind: 'added', view: call('a', { status: 'ringing' }) }).map((view) => [view.id, view.status])).toEqual([
      ['b', 'dialing'],
      ['a', 'ringing'],
    ]);
    expect(reduceCalls(two, { kind: 'ended', id: 'a' }).map((view) => view.id)).toEqual(['b']);
  });

  it('changes the status, and the answer time with it', () => {
    const [alerting] = reduceCalls([call('a')], { kind: 'status', id: 'a', status: 'alerting' });
    expect(alerting).toMatchObject({ status: 'alerting', answeredAt: null });
    const [active] = reduceCalls([alerting!], { kind: 'status', id: 'a', status: 'active', answeredAt: 5_000 });
    expect(active).toMatchObject({ status: 'active', answeredAt: 5_000 });
  });

  it('keeps local and remote hold apart, and mute', () => {
    let calls = [call('a')];
    calls = reduceCalls(calls, { kind: 'hold', id: 'a', originator: 'remote', held: true });
    expect(calls[0]).toMatchObject({ onHold: false, remoteHold: true });
    calls = reduceCalls(calls, { kind: 'hold', id: 'a', originator: 'local', held: true });
    calls = reduceCalls(calls, { kind: 'hold', id: 'a', originator: 'remote', held: false });
    expect(calls[0]).toMatchObject({ onHold: true, remoteHold: false });
    expect(reduceCalls(calls, { kind: 'mute', id: 'a', muted: true })[0]!.muted).toBe(true);
  });

  it('appends DTMF per direction and keeps only the last 64 tones', () => {
    let calls = [call('a')];
    for (const tone of '12#') calls = reduceCalls(calls, { kind: 'dtmf', id: 'a', originator: 'local', tone });
    calls = reduceCalls(calls, { kind: 'dtmf', id: 'a', originator: 'remote', tone: '*' });
    expect(calls[0]).toMatchObject({ dtmfSent: '12#', dtmfReceived: '*' });
    for (let i = 0; i < 100; i++) calls = reduceCalls(calls, { kind: 'dtmf', id: 'a', originator: 'local', tone: String(i % 10) });
    expect(calls[0]!.dtmfSent).toHaveLength(64);
    expect(calls[0]!.dtmfSent.endsWith('6789')).toBe(true);
  });

  it('shows an announcement cut to 500 characters, the setup time, the transfer state and recording', () => {
    let calls = [call('a')];
    calls = reduceCalls(calls, { kind: 'announcement', id: 'a', text: 'x'.repeat(900) });
    expect(calls[0]!.announcement).toHaveLength(500);
    calls = reduceCalls(calls, { kind: 'setup', id: 'a', setup: { fromDialMs: 120, fromInviteMs: 100 } });
    calls = reduceCalls(calls, { kind: 'transfer', id: 'a', transfer: { state: 'pending' } });
    calls = reduceCalls(calls, { kind: 'recording', id: 'a', recording: true });
    expect(calls[0]).toMatchObject({ setup: { fromDialMs: 120, fromInviteMs: 100 }, transfer: { state: 'pending' }, recording: true });
    const refused = { state: 'failed' as const, error: { code: 'transfer-refused' as const, message: 'The transfer was refused (403)' } };
    expect(reduceCalls(calls, { kind: 'transfer', id: 'a', transfer: refused })[0]!.transfer).toEqual(refused);
  });

  it('changes nothing for a call that is no longer listed', () => {
    const calls = [call('a')];
    expect(reduceCalls(calls, { kind: 'mute', id: 'gone', muted: true })).toEqual(calls);
    expect(reduceCalls(calls, { kind: 'ended', id: 'gone' })).toEqual(calls);
  });
});
