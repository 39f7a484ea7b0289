import type { NotificationRecord } from '../state/appState';

/** Electron's `process.platform` values that matter here. */
export type OsPlatform = 'darwin' | 'win32' | 'linux' | (string & {});

export interface CallActionLabels {
  answer: string;
  decline: string;
}

/** What the OS notification shows, as Electron's Notification takes it. */
export interface OsNotificationModel {
  title: string;
  body: string;
  /** Buttons on the notification: only macOS shows Electron's `actions`; elsewhere a click opens the window. */
  actions: { type: 'button'; text: string }[];
  /** A ringing call stays until it is handled, and asks the OS to let it through. */
  urgency: 'critical' | 'normal';
  timeoutType: 'never' | 'default';
}

/** What the user did with a notification: answer or decline a call, or just open the app. */
export type NotificationResponse = { kind: 'answer' | 'decline'; callId: string } | { kind: 'show-window' };

export type NotificationGesture = { kind: 'click' } | { kind: 'action'; index: number };

const CALL_ACTIONS = ['answer', 'decline'] as const;

function isRingingCall(record: NotificationRecord): record is NotificationRecord & { callId: string } {
  return record.kind === 'incomingCall' && record.callId !== undefined;
}

export function osNotificationModel(record: NotificationRecord, platform: OsPlatform, labels: CallActionLabels): OsNotificationModel {
  const call = isRingingCall(record);
  return {
    title: record.title,
    body: record.body,
    actions: call && platform === 'darwin' ? CALL_ACTIONS.map((action) => ({ type: 'button', text: labels[action] })) : [],
    urgency: call ? 'critical' : 'normal',
    timeoutType: call ? 'never' : 'default',
  };
}

/** A ringing call brings the window forward, so that its Svara (which takes the focus) is a key press away. */
export function raisesWindow(record: NotificationRecord): boolean {
  return isRingingCall(record);
}

/** The response to a click or a button: the buttons' order is the model's. */
export function notificationResponse(record: NotificationRecord, gesture: NotificationGesture): NotificationResponse {
  if (gesture.kind === 'click' || !isRingingCall(record)) return { kind: 'show-window' };
  const action = CALL_ACTIONS[gesture.index];
  return action === undefined ? { kind: 'show-window' } : { kind: action, callId: record.callId };
}
