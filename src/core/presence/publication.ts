/**
 * One SIP PUBLISH publication (RFC 3903): the first request creates it, the server names it with
 * SIP-ETag, later requests modify or refresh it with SIP-If-Match, and Expires: 0 removes it.
 * The transport is a function, so the same logic runs over JsSIP in the app and in unit tests.
 */
import type { Scheduler } from '../time/clock';

export interface PublishRequest {
  etag: string | null;
  expires: number;
  /** null refreshes or removes without a new document. */
  body: string | null;
}

export interface PublishResponse {
  status: number;
  etag: string | null;
  expires: number | null;
  minExpires: number | null;
}

export type SendPublish = (request: PublishRequest) => Promise<PublishResponse>;

export type PublicationState = 'idle' | 'published' | 'failed';

const REFRESH_SHARE = 0.85;
const MAX_RETRIES_PER_REQUEST = 3;

export class PresencePublication {
  #etag: string | null = null;
  #expires: number;
  #document: string | null = null;
  #cancelRefresh: (() => void) | null = null;
  #queue: Promise<void> = Promise.resolve();
  #state: PublicationState = 'idle';
  #lastStatus: number | null = null;
  #left = false;

  constructor(
    private readonly send: SendPublish,
    private readonly timers: Scheduler,
    /** The account's presence lifetime (see PresenceLifetimeSchema). */
    requestedExpires: number,
  ) {
    this.#expires = requestedExpires;
  }

  get state(): PublicationState {
    return this.#state;
  }

  get lastStatus(): number | null {
    return this.#lastStatus;
  }

  /** Publishes a new document, replacing the old one at the server. Calls run one at a time, in order. */
  publish(document: string): Promise<void> {
    this.#document = document;
    return this.#enqueue(() => this.#sendDocument(document));
  }

  /** Removes the publication (Expires: 0), e.g. on quit, so colleagues see the user offline. */
  unpublish(): Promise<void> {
    this.#document = null;
    return this.#enqueue(async () => {
      this.#stopRefresh();
      if (this.#etag === null) return;
      const response = await this.send({ etag: this.#etag, expires: 0, body: null });
      this.#lastStatus = response.status;
      this.#etag = null;
      this.#state = 'idle';
    });
  }

  /**
   * Sends the removal at once, ahead of anything queued, and forgets the publication: the page is
   * closing and will not see the answer. Nothing queued or later is sent after it.
   */
  leave(): void {
    this.#left = true;
    this.#document = null;
    this.#stopRefresh();
    const etag = this.#etag;
    this.#etag = null;
    this.#state = 'idle';
    if (etag !== null) void this.send({ etag, expires: 0, body: null });
  }

  #enqueue(work: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(work, work);
    return this.#queue;
  }

  async #sendDocument(document: string): Promise<void> {
    if (this.#left) return;
    for (let attempt = 0; attempt < MAX_RETRIES_PER_REQUEST; attempt++) {
      const response = await this.send({ etag: this.#etag, expires: this.#expires, body: document });
      this.#lastStatus = response.status;
      if (response.status >= 200 && response.status < 300) return this.#accepted(response);
      if (response.status === 412) {
        // The server forgot our publication (it expired or restarted): start a new one.
        this.#etag = null;
        continue;
      }
      if (response.status === 423 && response.minExpires !== null) {
        this.#expires = response.minExpires;
        continue;
      }
      break;
    }
    this.#state = 'failed';
  }

  async #refresh(): Promise<void> {
    if (this.#etag === null || this.#document === null) return;
    const response = await this.send({ etag: this.#etag, expires: this.#expires, body: null });
    this.#lastStatus = response.status;
    if (response.status >= 200 && response.status < 300) return this.#accepted(response);
    this.#etag = null;
    await this.#sendDocument(this.#document);
  }

  #accepted(response: PublishResponse): void {
    this.#etag = response.etag ?? this.#etag;
    this.#state = 'published';
    const granted = response.expires ?? this.#expires;
    this.#stopRefresh();
    this.#cancelRefresh = this.timers.schedule(() => void this.#enqueue(() => this.#refresh()), granted * 1000 * REFRESH_SHARE);
  }

  #stopRefresh(): void {
    this.#cancelRefresh?.();
    this.#cancelRefresh = null;
  }
}
