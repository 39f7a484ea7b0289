import { describe, expect, it } from 'vitest';
import { holdsDuringCall, notificationsAfterCall, type HeldSummary } from '../../../src/core/notifications/callHold';

const summary: HeldSummary = (kind, count, titles) => ({ title: `${count} ${kind}`, body: titles.join(', ') });

describe('holding notifications during a call', () => {
  it('holds chat, SMS and the rest only while a call is in progress and the setting is on', () => {
    expect(holdsDuringCall('chat', true, true)).toBe(true);
    expect(holdsDuringCall('sms', true, true)).toBe(true);
    expect(holdsDuringCall('colleagueAvailable', true, true)).toBe(true);
    expect(holdsDuringCall('chat', false, true)).toBe(false);
    expect(holdsDuringCall('chat', true, false)).toBe(false);
  });

  it('never holds a call that arrives during the call', () => {
    expect(holdsDuringCall('incomingCall', true, true)).toBe(false);
  });

  it('shows a kind held once as it was, and several of a kind as one summary naming the senders', () => {
    const after = notificationsAfterCall(
      [
        { kind: 'chat', title: 'Alice', body: 'Hej' },
        { kind: 'sms', title: '070-111 00 03', body: 'Ring mig' },
        { kind: 'chat', title: 'Carol', body: 'Lunch?' },
        { kind: 'chat', title: 'Alice', body: 'Hallå?' },
      ],
      summary,
    );
    expect(after).toEqual([
      { kind: 'chat', title: '3 chat', body: 'Alice, Carol' },
      { kind: 'sms', title: '070-111 00 03', body: 'Ring mig' },
    ]);
  });

  it('shows nothing after a call during which nothing was held', () => {
    expect(notificationsAfterCall([], summary)).toEqual([]);
  });
});
