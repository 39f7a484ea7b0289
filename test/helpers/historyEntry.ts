import type { CallHistoryEntry } from '../../src/core/phone/history';

/** A call from or to Bob that was answered after 5 s and lasted a minute. */
export function answeredCall(id: string, startedAt: number, change: Partial<CallHistoryEntry> = {}): CallHistoryEntry {
  return {
    id,
    direction: 'incoming',
    remoteUri: 'sip:bob@127.0.0.1',
    remoteName: 'Bob',
    remoteNumber: null,
    startedAt,
    answeredAt: startedAt + 5_000,
    endedAt: startedAt + 60_000,
    outcome: 'answered',
    callerIdShown: 'landline',
    ...change,
  };
}

/** A call from Bob's number that rang 20 s and was not answered. */
export function missedCall(id: string, startedAt: number): CallHistoryEntry {
  return answeredCall(id, startedAt, {
    remoteNumber: '+46812345678',
    answeredAt: null,
    endedAt: startedAt + 20_000,
    outcome: 'missed',
    callerIdShown: null,
  });
}
