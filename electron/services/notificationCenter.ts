import { allowsNotification } from '../../src/core/notifications/policy';
import type { NotificationKind, Profile } from '../../src/core/profiles/model';
import type { NotificationRecord } from '../../src/core/state/appState';

export interface NotificationRequest {
  kind: NotificationKind;
  title: string;
  body: string;
}

/** Where an allowed notification goes: Electron's Notification, or the browser shell's record. */
export type NotificationSink = (record: NotificationRecord) => void;

const KEPT_RECORDS = 50;

export class NotificationCenter {
  readonly #records: NotificationRecord[] = [];
  #sequence = 0;

  constructor(
    private readonly sink: NotificationSink,
    private readonly now: () => number,
  ) {}

  /** Shows the notification only if the active profile allows its kind on the desktop. */
  request(activeProfile: Profile, request: NotificationRequest): NotificationRecord | null {
    if (!allowsNotification(activeProfile, request.kind, 'desktop')) return null;
    const record: NotificationRecord = { id: `n${++this.#sequence}`, at: this.now(), ...request };
    this.#records.push(record);
    if (this.#records.length > KEPT_RECORDS) this.#records.shift();
    this.sink(record);
    return record;
  }

  get records(): readonly NotificationRecord[] {
    return this.#records;
  }
}
