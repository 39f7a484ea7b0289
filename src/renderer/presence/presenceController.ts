import type { UA } from 'jssip/lib/UA';
import type { Subscriber } from 'jssip/lib/Subscriber';
import type { Colleague } from '../../core/account/model';
import { isOffline, parsePresence, type ColleaguePresence } from '../../core/presence/parse';
import { buildPidf, PIDF_CONTENT_TYPE, type PidfInput } from '../../core/presence/pidf';
import { PresencePublication } from '../../core/presence/publication';
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

  /** Publishes again and re-subscribes, for when the server may have lost both (a PBX restart). */
  renew(): void {
    const document = this.#lastDocumentKey;
    this.#lastDocumentKey = null;
    if (document !== null) this.publish(JSON.parse(document) as Omit<PidfInput, 'entity' | 'timestamp'>);
    for (const [uri, subscriber] of this.#subscribers) {
      subscriber.terminate();
      this.#subscribers.delete(uri);
      this.#subscribe(uri);
    }
  }

  async stop(): Promise<void> {
    for (const subscriber of this.#subscribers.values()) subscriber.terminate();
    this.#subscribers.clear();
    this.#lastDocumentKey = null;
    await this.#publication.unpublish();
  }

  #subscribe(uri: string): void {
    const subscriber = this.ua.subscribe(uri, 'presence', PIDF_CONTENT_TYPE, { expires: SUBSCRIPTION_EXPIRES, contentType: PIDF_CONTENT_TYPE });
    this.#subscribers.set(uri, subscriber);
    this.#batcher.add(uri, { subscription: 'pending' });
    subscriber.on('active', () => this.#batcher.add(uri, { subscription: 'active' }));
    subscriber.on('notify', (_isFinal, _request, body) => this.#received(uri, body ?? ''));
    subscriber.on('terminated', () => this.#batcher.add(uri, { subscription: 'terminated', presence: null }));
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
