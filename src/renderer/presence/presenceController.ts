import type { UA } from 'jssip/lib/UA';
import type { Subscriber } from 'jssip/lib/Subscriber';
import type { Colleague } from '../../core/account/model';
import { isOffline, parsePresence, type ColleaguePresence } from '../../core/presence/parse';
import { buildPidf, PIDF_CONTENT_TYPE, type PidfInput } from '../../core/presence/pidf';
import { PresencePublication } from '../../core/presence/publication';
import { RENEWAL_WINDOW, RenewalWindow } from '../../core/presence/renewal';
import { FrameBatcher, useColleagueStore } from './colleagueStore';
import { jssipSendPublish } from './jssipPublish';

const SUBSCRIPTION_EXPIRES = 600;
export const browserTimers = {
  schedule(callback: () => void, delayMs: number) {
    const handle = setTimeout(callback, delayMs);
    return () => clearTimeout(handle);
  },
};

function isNowAvailable(before: ColleaguePresence | null, after: ColleaguePresence): boolean {
  const available = (presence: ColleaguePresence | null) => presence !== null && !isOffline(presence) && presence.callState === 'idle';
  return !available(before) && available(after);
}

/** Sees what the subscriptions hear, before parsing: the browser shell's tests read it. */
export interface PresenceObserver {
  /** A NOTIFY body, as it arrived. */
  notified(uri: string, body: string): void;
  /** A subscription to the colleague became active (a new one, or one renewed). */
  activated(uri: string): void;
}

const NO_OBSERVER: PresenceObserver = { notified: () => {}, activated: () => {} };

/** Publishes the user's profile and watches colleagues, over one registered JsSIP UA. */
export class PresenceController {
  readonly #publication: PresencePublication;
  readonly #subscribers = new Map<string, Subscriber>();
  readonly #batcher = new FrameBatcher((updates) => useColleagueStore.getState().apply(updates));
  readonly #renewal = new RenewalWindow<string>(RENEWAL_WINDOW);
  #renewalRun = 0;
  #lastDocumentKey: string | null = null;

  constructor(
    private readonly ua: UA,
    private readonly aor: string,
    lifetimeSeconds: number,
    private readonly observer: PresenceObserver = NO_OBSERVER,
  ) {
    this.#publication = new PresencePublication(jssipSendPublish(ua, aor, 'presence', PIDF_CONTENT_TYPE), browserTimers, lifetimeSeconds);
  }

  /** Republishes when anything colleagues can see has changed. */
  publish(input: Omit<PidfInput, 'entity' | 'timestamp'>): void {
    if (JSON.stringify(input) !== this.#lastDocumentKey) void this.#publish(input);
  }

  watch(colleagues: readonly Colleague[]): void {
    const wanted = new Set(colleagues.map((colleague) => colleague.uri));
    for (const [uri, subscriber] of this.#subscribers) {
      if (!wanted.has(uri)) {
        subscriber.terminate();
        this.#subscribers.delete(uri);
      }
    }
    for (const uri of wanted) if (!this.#subscribers.has(uri)) this.#subscribe(uri);
  }

  /**
   * Publishes `input` again, then re-subscribes, for when the server may have lost both (a PBX
   * restart). The publication goes first, as colleagues see the user by it; the SUBSCRIBEs then go
   * a few at a time (see RenewalWindow).
   */
  renew(input: Omit<PidfInput, 'entity' | 'timestamp'>): void {
    const run = ++this.#renewalRun;
    this.#renewal.cancel();
    void this.#publish(input).then(() => {
      if (run === this.#renewalRun) this.#resubscribe(this.#renewal.begin([...this.#subscribers.keys()]));
    });
  }

  async stop(): Promise<void> {
    this.#renewalRun += 1;
    this.#renewal.cancel();
    for (const subscriber of this.#subscribers.values()) subscriber.terminate();
    this.#subscribers.clear();
    this.#lastDocumentKey = null;
    await this.#publication.unpublish();
  }

  /** The page is closing: the removal goes out at once; nothing after it will run. */
  leave(): void {
    this.#renewal.cancel();
    this.#lastDocumentKey = null;
    this.#publication.leave();
  }

  #publish(input: Omit<PidfInput, 'entity' | 'timestamp'>): Promise<void> {
    this.#lastDocumentKey = JSON.stringify(input);
    return this.#publication.publish(buildPidf({ ...input, entity: this.aor, timestamp: Date.now() }));
  }

  #resubscribe(uris: readonly string[]): void {
    for (const uri of uris) {
      const old = this.#subscribers.get(uri);
      // The directory dropped this colleague while the renewal waited.
      if (!old) {
        this.#resubscribe(this.#renewal.settle(uri));
        continue;
      }
      // The new one first: the old one's end is then ignored, and the colleague's presence stays shown.
      this.#subscribe(uri);
      old.terminate();
    }
  }

  #subscribe(uri: string): void {
    const subscriber = this.ua.subscribe(uri, 'presence', PIDF_CONTENT_TYPE, { expires: SUBSCRIPTION_EXPIRES, contentType: PIDF_CONTENT_TYPE });
    this.#subscribers.set(uri, subscriber);
    this.#batcher.add(uri, { subscription: 'pending' });
    // A renewed subscription replaces this one; what the old one still hears must not undo the new one.
    const replaced = () => {
      const current = this.#subscribers.get(uri);
      return current !== undefined && current !== subscriber;
    };
    // Answered or failed: a renewal in progress may send its next SUBSCRIBE.
    const settled = () => {
      if (!replaced()) this.#resubscribe(this.#renewal.settle(uri));
    };
    subscriber.on('accepted', settled);
    subscriber.on('active', () => {
      if (replaced()) return;
      this.observer.activated(uri);
      this.#batcher.add(uri, { subscription: 'active' });
    });
    subscriber.on('notify', (_isFinal, _request, body) => {
      if (!replaced()) this.#received(uri, body ?? '');
    });
    subscriber.on('terminated', () => {
      settled();
      if (!replaced()) this.#batcher.add(uri, { subscription: 'terminated', presence: null });
    });
    subscriber.subscribe();
  }

  #received(uri: string, body: string): void {
    this.observer.notified(uri, body);
    const parsed = parsePresence(body);
    if (!parsed.ok) return;
    const store = useColleagueStore.getState();
    if (store.watching[uri] && isNowAvailable(store.byUri[uri]?.presence ?? null, parsed.value)) {
      store.announce(uri);
      store.toggleWatch(uri);
    }
    this.#batcher.add(uri, { presence: parsed.value });
  }
}
