import type { UA } from 'jssip/lib/UA';
import type { Subscriber } from 'jssip/lib/Subscriber';
import type { Colleague } from '../../core/account/model';
import { isOffline, parsePresence, type ColleaguePresence } from '../../core/presence/parse';
import { buildPidf, PIDF_CONTENT_TYPE, type PidfInput } from '../../core/presence/pidf';
import { PresencePublication } from '../../core/presence/publication';
import { renewalDelayMs } from '../../core/presence/renewal';
import { FrameBatcher, useColleagueStore } from './colleagueStore';
import { jssipSendPublish } from './jssipPublish';

const SUBSCRIPTION_EXPIRES = 600;
const browserTimers = {
  schedule(callback: () => void, delayMs: number) {
    const handle = setTimeout(callback, delayMs);
    return () => clearTimeout(handle);
  },
};

function isNowAvailable(before: ColleaguePresence | null, after: ColleaguePresence): boolean {
  const available = (presence: ColleaguePresence | null) => presence !== null && !isOffline(presence) && presence.callState === 'idle';
  return !available(before) && available(after);
}

/** Publishes the user's profile and watches colleagues, over one registered JsSIP UA. */
export class PresenceController {
  readonly #publication: PresencePublication;
  readonly #subscribers = new Map<string, Subscriber>();
  readonly #batcher = new FrameBatcher((updates) => useColleagueStore.getState().apply(updates));
  readonly #renewals = new Set<ReturnType<typeof setTimeout>>();
  #lastDocumentKey: string | null = null;

  constructor(
    private readonly ua: UA,
    private readonly aor: string,
    /** Sees every NOTIFY body as it arrived, before parsing: the browser shell's tests read them. */
    private readonly onBody: (uri: string, body: string) => void = () => {},
  ) {
    this.#publication = new PresencePublication(jssipSendPublish(ua, aor, 'presence', PIDF_CONTENT_TYPE), browserTimers);
  }

  /** Republishes when anything colleagues can see has changed. */
  publish(input: Omit<PidfInput, 'entity' | 'timestamp'>): void {
    const key = JSON.stringify(input);
    if (key === this.#lastDocumentKey) return;
    this.#lastDocumentKey = key;
    void this.#publication.publish(buildPidf({ ...input, entity: this.aor, timestamp: Date.now() }));
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
   * Publishes again and re-subscribes, for when the server may have lost both (a PBX restart). The
   * SUBSCRIBEs go out a batch at a time, so the PBX that has just come back is not flooded.
   */
  renew(): void {
    const document = this.#lastDocumentKey;
    this.#lastDocumentKey = null;
    if (document !== null) this.publish(JSON.parse(document) as Omit<PidfInput, 'entity' | 'timestamp'>);
    this.#cancelRenewals();
    [...this.#subscribers.keys()].forEach((uri, index) => {
      const timer = setTimeout(() => {
        this.#renewals.delete(timer);
        this.#resubscribe(uri);
      }, renewalDelayMs(index));
      this.#renewals.add(timer);
    });
  }

  async stop(): Promise<void> {
    this.#cancelRenewals();
    for (const subscriber of this.#subscribers.values()) subscriber.terminate();
    this.#subscribers.clear();
    this.#lastDocumentKey = null;
    await this.#publication.unpublish();
  }

  #resubscribe(uri: string): void {
    const old = this.#subscribers.get(uri);
    // The directory dropped this colleague while the renewal waited.
    if (!old) return;
    // The new one first: the old one's end is then ignored, and the colleague's presence stays shown.
    this.#subscribe(uri);
    old.terminate();
  }

  #cancelRenewals(): void {
    for (const timer of this.#renewals) clearTimeout(timer);
    this.#renewals.clear();
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
    subscriber.on('active', () => {
      if (!replaced()) this.#batcher.add(uri, { subscription: 'active' });
    });
    subscriber.on('notify', (_isFinal, _request, body) => {
      if (!replaced()) this.#received(uri, body ?? '');
    });
    subscriber.on('terminated', () => {
      if (!replaced()) this.#batcher.add(uri, { subscription: 'terminated', presence: null });
    });
    subscriber.subscribe();
  }

  #received(uri: string, body: string): void {
    this.onBody(uri, body);
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
