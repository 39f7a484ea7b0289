import {
  osNotificationModel,
  raisesWindow,
  type CallActionLabels,
  type NotificationGesture,
  type OsNotificationModel,
  type OsPlatform,
} from '../../src/core/notifications/osNotification';
import type { NotificationRecord } from '../../src/core/state/appState';

/** The part of Electron's `Notification` this needs. */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'action', listener: (event: unknown, index: number) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  show(): void;
}

export type NotificationFactory = (options: OsNotificationModel) => NotificationLike;

/**
 * Shows a record as an OS notification (with Svara and Avvisa where the OS has buttons) and
 * reports the user's click or button to `respond`. Each one is kept until it closes, since a
 * notification that is garbage-collected no longer reports its clicks.
 */
export class OsNotifications {
  readonly #shown = new Set<NotificationLike>();

  constructor(
    private readonly create: NotificationFactory,
    private readonly platform: OsPlatform,
    private readonly labels: () => CallActionLabels,
    private readonly respond: (record: NotificationRecord, gesture: NotificationGesture) => void,
    /** Shows and focuses the app's window. */
    private readonly raise: () => void,
  ) {}

  show(record: NotificationRecord): void {
    const notification = this.create(osNotificationModel(record, this.platform, this.labels()));
    this.#shown.add(notification);
    notification.on('click', () => this.respond(record, { kind: 'click' }));
    notification.on('action', (_event, index) => this.respond(record, { kind: 'action', index }));
    notification.on('close', () => this.#shown.delete(notification));
    notification.show();
    if (raisesWindow(record)) this.raise();
  }

  get open(): number {
    return this.#shown.size;
  }
}
