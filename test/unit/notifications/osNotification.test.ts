import { describe, expect, it } from 'vitest';
import { notificationResponse, osNotificationModel, raisesWindow } from '../../../src/core/notifications/osNotification';
import type { NotificationRecord } from '../../../src/core/state/appState';

const labels = { answer: 'Svara', decline: 'Avvisa' };
const ringing: NotificationRecord = {
  id: 'n1',
  kind: 'incomingCall',
  title: 'Inkommande samtal',
  body: 'Bertil Berg',
  at: 0,
  callId: 'call-7',
};
const chat: NotificationRecord = { id: 'n2', kind: 'chat', title: 'Chatt från Bertil', body: 'Hej', at: 0 };

describe('osNotificationModel', () => {
  it('gives a ringing call Svara and Avvisa on macOS, which shows notification buttons, and keeps it until handled', () => {
    expect(osNotificationModel(ringing, 'darwin', labels)).toEqual({
      title: 'Inkommande samtal',
      body: 'Bertil Berg',
      actions: [
        { type: 'button', text: 'Svara' },
        { type: 'button', text: 'Avvisa' },
      ],
      urgency: 'critical',
      timeoutType: 'never',
    });
  });

  it('shows no buttons where the OS has none: there a click opens the window', () => {
    expect(osNotificationModel(ringing, 'win32', labels).actions).toEqual([]);
    expect(osNotificationModel(ringing, 'linux', labels).actions).toEqual([]);
  });

  it('gives other notifications, and a call notification without its call, no buttons and the usual timeout', () => {
    expect(osNotificationModel(chat, 'darwin', labels)).toMatchObject({ actions: [], urgency: 'normal', timeoutType: 'default' });
    const { callId: _omitted, ...withoutCall } = ringing;
    expect(osNotificationModel(withoutCall, 'darwin', labels).actions).toEqual([]);
  });
});

describe('notificationResponse', () => {
  it('answers or declines the call by the button pressed, and a click only opens the window', () => {
    expect(notificationResponse(ringing, { kind: 'action', index: 0 })).toEqual({ kind: 'answer', callId: 'call-7' });
    expect(notificationResponse(ringing, { kind: 'action', index: 1 })).toEqual({ kind: 'decline', callId: 'call-7' });
    expect(notificationResponse(ringing, { kind: 'click' })).toEqual({ kind: 'show-window' });
  });

  it('does nothing to a call for an unknown button or another kind of notification', () => {
    expect(notificationResponse(ringing, { kind: 'action', index: 2 })).toEqual({ kind: 'show-window' });
    expect(notificationResponse(chat, { kind: 'action', index: 0 })).toEqual({ kind: 'show-window' });
  });

  it('brings the window forward for a ringing call only', () => {
    expect(raisesWindow(ringing)).toBe(true);
    expect(raisesWindow(chat)).toBe(false);
  });
});
