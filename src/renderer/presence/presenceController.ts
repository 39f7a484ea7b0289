import type { UA } from 'jssip/lib/UA';
import type { Colleague } from '../../core/account/model';
import { buildPidf, PIDF_CONTENT_TYPE, type PidfInput } from '../../core/presence/pidf';
import { PresencePublication } from '../../core/presence/publication';
import { ColleagueWatcher, type PresenceObserver, type WatcherEnvironment } from './colleagueWatcher';
import { FrameBatcher, useColleagueStore } from './colleagueStore';
import { jssipSendPublish } from './jssipPublish';

export type { PresenceObserver } from './colleagueWatcher';

export const browserTimers = {
  schedule(callback: () => void, delayMs: number) {
    const handle = setTimeout(callback, delayMs);
    return () => clearTimeout(handle);
  },
};

const NO_OBSERVER: PresenceObserver = { notified: () => {}, activated: () => {} };

/** Publishes the user's profile and watches colleagues, over one registered JsSIP UA. */
export class PresenceController {
  readonly #publication: PresencePublication;
  readonly #batcher = new FrameBatcher((updates) => useColleagueStore.getState().apply(updates));
  readonly #watcher: ColleagueWatcher;
  #renewalRun = 0;
  #lastDocumentKey: string | null = null;

  constructor(
    ua: UA,
    private readonly aor: string,
    lifetimeSeconds: number,
    observer: PresenceObserver = NO_OBSERVER,
    onAvailable: WatcherEnvironment['becameAvailable'] = () => {},
  ) {
    this.#publication = new PresencePublication(jssipSendPublish(ua, aor, 'presence', PIDF_CONTENT_TYPE), browserTimers, lifetimeSeconds);
    this.#watcher = new ColleagueWatcher(ua, {
      timers: browserTimers,
      random: Math.random,
      update: (uri, entry) => this.#batcher.add(uri, entry),
      becameAvailable: onAvailable,
      observer,
    });
  }

  /** Republishes when anything colleagues can see has changed. */
  publish(input: Omit<PidfInput, 'entity' | 'timestamp'>): void {
    if (JSON.stringify(input) !== this.#lastDocumentKey) void this.#publish(input);
  }

  watch(colleagues: readonly Colleague[]): void {
    this.#watcher.watch(colleagues);
  }

  /**
   * Publishes `input` again, then re-subscribes, for when the server may have lost both (a PBX
   * restart). The publication goes first, as colleagues see the user by it; the SUBSCRIBEs then go
   * a few at a time (see SubscribeWindow).
   */
  renew(input: Omit<PidfInput, 'entity' | 'timestamp'>): void {
    const run = ++this.#renewalRun;
    void this.#publish(input).then(() => {
      if (run === this.#renewalRun) this.#watcher.renew();
    });
  }

  async stop(): Promise<void> {
    this.#renewalRun += 1;
    this.#watcher.stop();
    this.#lastDocumentKey = null;
    await this.#publication.unpublish();
  }

  /** The page is closing: the removal goes out at once; nothing after it will run. */
  leave(): void {
    this.#renewalRun += 1;
    this.#lastDocumentKey = null;
    this.#publication.leave();
    this.#watcher.stop();
  }

  #publish(input: Omit<PidfInput, 'entity' | 'timestamp'>): Promise<void> {
    this.#lastDocumentKey = JSON.stringify(input);
    return this.#publication.publish(buildPidf({ ...input, entity: this.aor, timestamp: Date.now() }));
  }
}
