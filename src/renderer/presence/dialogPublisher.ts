import type { UA } from 'jssip/lib/UA';
import {
  buildDialogInfo,
  DIALOG_INFO_CONTENT_TYPE,
  nextDialogs,
  type PhoneCall,
  type PublishedDialog,
} from '../../core/presence/dialogInfo';
import type { Scheduler } from '../../core/time/clock';
import { PresencePublication } from '../../core/presence/publication';
import { jssipSendPublish } from './jssipPublish';

/**
 * Publishes the user's calls as RFC 4235 dialog state (Event: dialog), which desk phones' BLF keys
 * watch. The publication exists only while there is a call to show: the last document of a call
 * says `terminated`, and then it is removed. Under a profile that hides call state it is emptied and
 * removed at once, so nothing of a call still going on stays visible.
 */
export class DialogPublisher {
  readonly #publication: PresencePublication;
  #published: PublishedDialog[] = [];
  #version = 0;
  /** Our own dialog ids: the phone's call ids hold the SIP Call-ID, which names no one's business. */
  readonly #dialogIds = new Map<string, string>();

  constructor(
    ua: UA,
    private readonly aor: string,
    timers: Scheduler,
    lifetimeSeconds: number,
  ) {
    this.#publication = new PresencePublication(jssipSendPublish(ua, aor, 'dialog', DIALOG_INFO_CONTENT_TYPE), timers, lifetimeSeconds);
  }

  /** `calls` null: the active profile hides call state. */
  update(calls: readonly PhoneCall[] | null): void {
    if (calls === null) {
      const shown = this.#published.some((dialog) => dialog.state !== 'terminated');
      this.#forget();
      // The server tells watchers of a removal with the last document it held (Kamailio does), so a
      // call still shown is first replaced by a document with no dialogs.
      if (shown) void this.#publication.publish(buildDialogInfo({ entity: this.aor, version: this.#version++, dialogs: [] }));
      void this.#publication.unpublish();
      return;
    }
    const dialogs = nextDialogs(
      this.#published,
      calls.map((call) => ({ ...call, id: this.#dialogId(call.id) })),
    );
    if (sameDialogs(dialogs, this.#published)) return;
    this.#published = dialogs;
    if (dialogs.length === 0) {
      void this.#publication.unpublish();
      return;
    }
    void this.#publication.publish(buildDialogInfo({ entity: this.aor, version: this.#version++, dialogs }));
    if (dialogs.every((dialog) => dialog.state === 'terminated')) {
      this.#forget();
      void this.#publication.unpublish();
    }
  }

  /** Publishes the current dialogs again, for when the server may have lost them (a PBX restart). */
  renew(calls: readonly PhoneCall[] | null): void {
    this.#published = [];
    this.update(calls);
  }

  stop(): Promise<void> {
    this.#forget();
    return this.#publication.unpublish();
  }

  /** Removes the publication without waiting for anything: the page is going away. */
  leave(): void {
    this.#forget();
    this.#publication.leave();
  }

  #forget(): void {
    this.#published = [];
    this.#dialogIds.clear();
  }

  #dialogId(callId: string): string {
    let id = this.#dialogIds.get(callId);
    if (id === undefined) {
      id = crypto.randomUUID();
      this.#dialogIds.set(callId, id);
    }
    return id;
  }
}

function sameDialogs(a: readonly PublishedDialog[], b: readonly PublishedDialog[]): boolean {
  return a.length === b.length && a.every((dialog, index) => dialog.id === b[index]?.id && dialog.state === b[index]?.state);
}
