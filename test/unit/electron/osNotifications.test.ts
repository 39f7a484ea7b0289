import { afterEach, describe, expect, it } from 'vitest';
import { OsNotifications, type NotificationLike } from '../../../electron/adapters/osNotifications';
import type { CallAction } from '../../../src/core/ipc/contract';
import type { OsNotificationModel } from '../../../src/core/notifications/osNotification';
import { openTestApp, type TestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();
const apps: TestApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.services.dispose();
});

/** A hand-written stand-in for Electron's Notification: the binary cannot run here. */
class StandInNotification implements NotificationLike {
  shown = false;
  readonly #listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  constructor(readonly options: OsNotificationModel) {}
  on(event: string, listener: (...args: never[]) => void): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener as (...args: unknown[]) => void]);
    return this;
  }
  show(): void {
    this.shown = true;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.#listeners.get(event) ?? []) listener(...args);
  }
}

function wire(platform: string) {
  const app = openTestApp(newDir());
  apps.push(app);
  const created: StandInNotification[] = [];
  const actions: CallAction[] = [];
  let raised = 0;
  app.services.onCallAction((action) => actions.push(action));
  const notifications = new OsNotifications(
    (options) => {
      const notification = new StandInNotification(options);
      created.push(notification);
      return notification;
    },
    platform,
    () => ({ answer: 'Svara', decline: 'Avvisa' }),
    (record, gesture) => {
      raised++;
      app.services.respondToNotification(record.id, gesture);
    },
    () => raised++,
  );
  const ring = () => {
    const request = app.services.invoke('notification:request', {
      kind: 'incomingCall',
      title: 'Inkommande samtal',
      body: 'Bertil Berg',
      callId: 'call-7',
    });
    expect(request).toEqual({ ok: true, value: { shown: true } });
    notifications.show(app.services.state.notifications.at(-1)!);
    return created.at(-1)!;
  };
  return { app, ring, actions, raisedCount: () => raised, notifications };
}

describe('OS notifications with call buttons (stand-in Notification, since the Electron binary cannot run here)', () => {
  it('on macOS shows Svara and Avvisa, and each button reaches the renderer as that action on the call', () => {
    const wired = wire('darwin');
    const notification = wired.ring();
    expect(notification.shown).toBe(true);
    expect(notification.options.actions.map((action) => action.text)).toEqual(['Svara', 'Avvisa']);
    expect(wired.raisedCount()).toBe(1);
    notification.emit('action', {}, 0);
    notification.emit('action', {}, 1);
    expect(wired.actions).toEqual([
      { kind: 'answer', callId: 'call-7' },
      { kind: 'decline', callId: 'call-7' },
    ]);
  });

  it('elsewhere has no buttons: a click brings the window forward and touches no call', () => {
    const wired = wire('linux');
    const notification = wired.ring();
    expect(notification.options.actions).toEqual([]);
    notification.emit('click');
    expect(wired.raisedCount()).toBe(2);
    expect(wired.actions).toEqual([]);
  });

  it('keeps each notification until it closes, and refuses a response to one it never showed', () => {
    const wired = wire('darwin');
    const notification = wired.ring();
    expect(wired.notifications.open).toBe(1);
    notification.emit('close');
    expect(wired.notifications.open).toBe(0);
    expect(wired.app.services.respondToNotification('n999', { kind: 'action', index: 0 })).toMatchObject({
      ok: false,
      error: { code: 'notification-unknown' },
    });
    expect(wired.actions).toEqual([]);
  });
});
