import {
  holdsDuringCall,
  MAX_HELD_NOTIFICATIONS,
  notificationsAfterCall,
  type HeldNotification,
  type HeldSummary,
} from '../../src/core/notifications/callHold';
import { allowsNotification } from '../../src/core/notifications/policy';
import type { NotificationKind, Profile } from '../../src/core/profiles/model';
import type { NotificationRecord } from '../../src/core/state/appState';

export interface NotificationRequest {
  kind: NotificationKind;
  title: string;
  body: string;
  callId?: string | undefined;
}

/** Where an allowed notification goes: Electron's Notification, or the browser shell's record. */
export type NotificationSink = (record: NotificationRecord) => void;

export interface CallHoldOptions {
  /** The user's setting: hold notifications while a call is in progress. */
  enabled(): boolean;
  /** The one notification that stands for several of a kind, in the UI's language. */
  summary: HeldSummary;
}

const KEPT_RECORDS = 50;

export class NotificationCenter {
  readonly #records: NotificationRecord[] = [];
  readonly #held: HeldNotification[] = [];
  #sequence = 0;
  #inCall = false;

  constructor(
    private readonly sink: NotificationSink,
    private readonly now: () => number,
    private readonly callHold: CallHoldOptions = {
      enabled: () => false,
      summary: (kind, count) => ({ title: `${count} × ${kind}`, body: '' }),
    },
  ) {}

  /**
   * Shows the notification only if the active profile allows its kind on the desktop. During a
   * call, with the setting on, an allowed one is held instead and shown when the call ends.
   */
  request(activeProfile: Profile, request: NotificationRequest): NotificationRecord | null {
    if (!allowsNotification(activeProfile, request.kind, 'desktop')) return null;
    if (holdsDuringCall(request.kind, this.#inCall, this.callHold.enabled())) {
      this.#held.push({ kind: request.kind, title: request.title, body: request.body });
      if (this.#held.length > MAX_HELD_NOTIFICATIONS) this.#held.shift();
      return null;
    }
    return this.#show(request);
  }

  /** The phone's calls began or all ended; at the end, what was held is shown. */
  setInCall(inCall: boolean): void {
    this.#inCall = inCall;
    if (inCall) return;
    const held = this.#held.splice(0);
    for (const notification of notificationsAfterCall(held, this.callHold.summary)) this.#show(notification);
  }

  get records(): readonly NotificationRecord[] {
    return this.#records;
  }

  #show(request: NotificationRequest): NotificationRecord {
    const record: NotificationRecord = { id: `n${++this.#sequence}`, at: this.now(), ...request };
    this.#records.push(record);
    if (this.#records.length > KEPT_RECORDS) this.#records.shift();
    this.sink(record);
    return record;
  }
}
