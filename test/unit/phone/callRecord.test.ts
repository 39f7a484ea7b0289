import { describe, expect, it } from 'vitest';
import { callOutcome, historyEntry, type CallEnding } from '../../../src/core/phone/callRecord';
import { CallHistoryEntrySchema } from '../../../src/core/phone/history';

const ending = (change: Partial<CallEnding>): CallEnding => ({
  direction: 'incoming',
  answered: false,
  cause: 'Terminated',
  originator: 'remote',
  phoneAction: null,
  statusCode: null,
  ...change,
});

describe('callOutcome', () => {
  it.each([
    [ending({ answered: true }), 'answered'],
    [ending({ cause: 'Canceled', originator: 'remote' }), 'missed'],
    [ending({ cause: 'Rejected', originator: 'local' }), 'declined'],
    [ending({ cause: 'Rejected', originator: 'local', phoneAction: 'rejected-busy' }), 'busy'],
    [ending({ cause: 'Rejected', originator: 'local', phoneAction: 'forwarded' }), 'forwarded'],
    [ending({ cause: 'Rejected', originator: 'local', phoneAction: 'forwarded-no-answer' }), 'missed'],
    [ending({ answered: true, phoneAction: 'announced' }), 'announcement'],
    [ending({ answered: true, phoneAction: 'announced-transferred' }), 'forwarded'],
    [ending({ answered: true, phoneAction: 'transferred' }), 'answered'],
    [ending({ direction: 'outgoing', answered: true }), 'answered'],
    [ending({ direction: 'outgoing', cause: 'Canceled', originator: 'local' }), 'cancelled'],
    [ending({ direction: 'outgoing', cause: 'Busy' }), 'busy'],
    [ending({ direction: 'outgoing', cause: 'Rejected', statusCode: 603 }), 'declined'],
    [ending({ direction: 'outgoing', cause: 'Rejected', statusCode: 403 }), 'failed'],
    [ending({ direction: 'outgoing', cause: 'Not Found' }), 'failed'],
    [ending({ direction: 'outgoing', cause: 'Redirected' }), 'forwarded'],
  ])('%j → %s', (input, outcome) => {
    expect(callOutcome(input)).toBe(outcome);
  });
});

describe('historyEntry', () => {
  it('fits the history schema whatever the network sent', () => {
    const entry = historyEntry({
      id: 'x'.repeat(300),
      direction: 'incoming',
      remote: { number: null, name: 'N'.repeat(300), uri: `sip:${'u'.repeat(400)}@example.se`, anonymous: false },
      startedAt: 2_000,
      answeredAt: null,
      endedAt: 1_000,
      outcome: 'missed',
      callerIdShown: 'landline',
      failure: null,
    });
    expect(CallHistoryEntrySchema.safeParse(entry).success).toBe(true);
    expect(entry.endedAt).toBe(2_000);
    expect(entry.callerIdShown).toBeNull();
    expect('failure' in entry).toBe(false);
  });

  it('keeps why a call failed, and reads entries written before the reason was kept', () => {
    const failure = { context: 'call' as const, reason: 'caller-id-refused' as const, statusCode: 403 };
    const entry = historyEntry({
      id: 'out-1',
      direction: 'outgoing',
      remote: { number: '+46812345602', name: '', uri: 'sip:+46812345602@example.se', anonymous: false },
      startedAt: 1_000,
      answeredAt: null,
      endedAt: 1_500,
      outcome: 'failed',
      callerIdShown: 'mobile',
      failure,
    });
    expect(CallHistoryEntrySchema.parse(entry).failure).toEqual(failure);
    const { failure: _absent, ...older } = entry;
    expect(CallHistoryEntrySchema.safeParse(older).success).toBe(true);
    expect(CallHistoryEntrySchema.safeParse({ ...entry, failure: { ...failure, reason: 'gremlins' } }).success).toBe(false);
  });
});
