import type { UA } from 'jssip/lib/UA';
import type { Subscriber } from 'jssip/lib/Subscriber';
import type { Colleague } from '../../core/account/model';
import { becameAvailable, mergeColleagueState, type ColleagueState } from '../../core/presence/colleagueState';
import { applyDialogInfo, callStateOfDialogState, type DialogState } from '../../core/presence/dialogState';
import { hasMediaType } from '../../core/presence/contentType';
import { OFFLINE_PRESENCE, parseDialogInfo, parsePresence, type ColleaguePresence } from '../../core/presence/parse';
import { PIDF_CONTENT_TYPE } from '../../core/presence/pidf';
import { resubscribeDelayMs } from '../../core/presence/renewal';
import { SUBSCRIBE_WINDOW, SubscribeWindow } from '../../core/presence/subscribeWindow';
import type { Scheduler } from '../../core/time/clock';
import type { ColleagueEntry } from './colleagueStore';
import { onEveryNotify } from './notifyHook';
import { authorizeSubscribesUpFront } from './subscribeCredentials';

const SUBSCRIPTION_EXPIRES = 3600;
const DIALOG_INFO_CONTENT_TYPE = 'application/dialog-info+xml';

/** The two event packages watched for each colleague: RFC 3856 presence, RFC 4235 dialog (BLF). */
type EventPackage = 'presence' | 'dialog';
const PACKAGES: readonly EventPackage[] = ['presence', 'dialog'];
const CONTENT_TYPES: Record<EventPackage, string> = { presence: PIDF_CONTENT_TYPE, dialog: DIALOG_INFO_CONTENT_TYPE };

/** Sees what the subscriptions hear, before parsing: the browser shell's tests read it. */
export interface PresenceObserver {
  /** A NOTIFY body of the presence package, as it arrived ('' for an empty one). */
  notified(uri: string, body: string): void;
  /** A presence subscription to the colleague became active (a new one, or one renewed). */
  activated(uri: string): void;
}

export interface WatcherEnvironment {
  timers: Scheduler;
  random(): number;
  /** The list's updates, batched by the caller. */
  update(uri: string, entry: Partial<ColleagueEntry>): void;
  /** The colleague has just become available (open, not in a call, no away or meeting activity). */
  becameAvailable(colleague: Colleague, state: ColleagueState): void;
  observer: PresenceObserver;
}

interface Watch {
  subscriber: Subscriber;
  /** Consecutive ends without a subscription that became active in between. */
  failures: number;
}

interface Heard {
  presence: ColleaguePresence | null;
  dialog: DialogState | null;
  shown: ColleagueState | null;
}

const key = (uri: string, eventPackage: EventPackage) => `${eventPackage} ${uri}`;

/**
 * Watches the directory's colleagues over one registered UA: a `presence` and a `dialog`
 * subscription each, merged into one colleague state. New watches go a few at a time (see
 * SubscribeWindow), every presence watch before any dialog watch: who is there matters before who is
 * in a call. A subscription that ends without us ending it clears what it told and is renewed with
 * backoff.
 */
export class ColleagueWatcher {
  readonly #watches = new Map<string, Watch>();
  readonly #retries = new Map<string, () => void>();
  readonly #heard = new Map<string, Heard>();
  readonly #colleagues = new Map<string, Colleague>();
  readonly #window = new SubscribeWindow<string>(SUBSCRIBE_WINDOW);
  /** False once the PBX has refused the dialog package before ever granting it: it does not offer it. */
  #dialogOffered: boolean | null = null;

  constructor(
    private readonly ua: UA,
    private readonly env: WatcherEnvironment,
  ) {
    authorizeSubscribesUpFront(ua);
  }

  watch(colleagues: readonly Colleague[]): void {
    const wanted = new Map(colleagues.map((colleague) => [colleague.uri, colleague]));
    for (const uri of [...this.#colleagues.keys()]) if (!wanted.has(uri)) this.#forget(uri);
    const added = [...wanted.keys()].filter((uri) => !this.#colleagues.has(uri));
    for (const [uri, colleague] of wanted) this.#colleagues.set(uri, colleague);
    for (const uri of added) this.env.update(uri, { subscription: 'pending' });
    this.#resubscribe(this.#window.add(this.#keysOf(added)));
  }

  /** Subscribes anew to everyone, for a PBX that may have lost them all. */
  renew(): void {
    for (const cancel of this.#retries.values()) cancel();
    this.#retries.clear();
    this.#resubscribe(this.#window.begin(this.#keysOf([...this.#colleagues.keys()])));
  }

  stop(): void {
    this.#window.cancel();
    for (const uri of [...this.#colleagues.keys()]) this.#forget(uri);
  }

  #packages(): readonly EventPackage[] {
    return this.#dialogOffered === false ? ['presence'] : PACKAGES;
  }

  /** Every presence watch before any dialog watch. */
  #keysOf(uris: readonly string[]): string[] {
    return this.#packages().flatMap((eventPackage) => uris.map((uri) => key(uri, eventPackage)));
  }

  #forget(uri: string): void {
    this.#colleagues.delete(uri);
    this.#heard.delete(uri);
    for (const eventPackage of PACKAGES) this.#end(key(uri, eventPackage));
  }

  #end(watchKey: string): void {
    this.#retries.get(watchKey)?.();
    this.#retries.delete(watchKey);
    const watch = this.#watches.get(watchKey);
    this.#watches.delete(watchKey);
    watch?.subscriber.terminate();
    // Its own end is now ignored, so its place in the window is given up here.
    this.#resubscribe(this.#window.settle(watchKey));
  }

  #resubscribe(keys: readonly string[]): void {
    for (const watchKey of keys) {
      const [eventPackage, uri] = splitKey(watchKey);
      const old = this.#watches.get(watchKey);
      if (!this.#colleagues.has(uri) || (eventPackage === 'dialog' && this.#dialogOffered === false)) {
        this.#resubscribe(this.#window.settle(watchKey));
        continue;
      }
      // The new one first: the old one's end is then ignored, and what it showed stays shown.
      this.#subscribe(uri, eventPackage, 0);
      old?.subscriber.terminate();
    }
  }

  #subscribe(uri: string, eventPackage: EventPackage, failures: number): void {
    const watchKey = key(uri, eventPackage);
    const contentType = CONTENT_TYPES[eventPackage];
    const subscriber = this.ua.subscribe(uri, eventPackage, contentType, { expires: SUBSCRIPTION_EXPIRES, contentType });
    const watch: Watch = { subscriber, failures };
    this.#watches.set(watchKey, watch);
    if (eventPackage === 'presence' && !this.#heard.has(uri)) this.env.update(uri, { subscription: 'pending' });
    const current = () => this.#watches.get(watchKey) === watch;
    let accepted = false;
    subscriber.on('accepted', () => {
      accepted = true;
      if (eventPackage === 'dialog') this.#dialogOffered = true;
      if (current()) this.#resubscribe(this.#window.settle(watchKey));
    });
    subscriber.on('active', () => {
      if (!current()) return;
      watch.failures = 0;
      if (eventPackage === 'presence') {
        this.env.observer.activated(uri);
        this.env.update(uri, { subscription: 'active' });
      }
    });
    onEveryNotify(subscriber, (body, bodyType) => {
      if (current()) this.#received(uri, eventPackage, body, bodyType);
    });
    subscriber.on('terminated', (code, reason, retryAfter) => {
      if (!current()) return;
      this.#resubscribe(this.#window.settle(watchKey));
      this.#watches.delete(watchKey);
      this.#clear(uri, eventPackage);
      if (eventPackage === 'dialog' && !accepted && this.#dialogOffered === null && code === subscriber.C.SUBSCRIBE_NON_OK_RESPONSE) {
        this.#dialogOffered = false;
        for (const colleague of this.#colleagues.keys()) this.#end(key(colleague, 'dialog'));
        return;
      }
      const delay = resubscribeDelayMs({ reason, retryAfter }, watch.failures, this.env.random);
      if (delay === null) return;
      this.#retries.set(
        watchKey,
        this.env.timers.schedule(() => {
          this.#retries.delete(watchKey);
          if (this.#colleagues.has(uri)) this.#subscribe(uri, eventPackage, watch.failures + 1);
        }, delay),
      );
    });
    subscriber.subscribe();
  }

  /**
   * Every NOTIFY carries the whole state (a dialog one may carry a part of it). A body that cannot be
   * read, or is not of the type subscribed to, replaced what was true before with something unknown:
   * the colleague is then shown as nobody knows them, offline and not in a call, rather than in a
   * state that may no longer hold.
   */
  #received(uri: string, eventPackage: EventPackage, body: string, bodyType: string | null): void {
    const heard = this.#heardOf(uri);
    const empty = body.trim() === '';
    const expectedType = empty || hasMediaType(bodyType, CONTENT_TYPES[eventPackage]);
    if (eventPackage === 'presence') {
      this.env.observer.notified(uri, body);
      const parsed = expectedType ? parsePresence(body) : null;
      heard.presence = parsed?.ok ? parsed.value : { ...OFFLINE_PRESENCE, activities: [] };
    } else {
      const parsed = empty || !expectedType ? null : parseDialogInfo(body);
      heard.dialog = parsed?.ok ? applyDialogInfo(heard.dialog, parsed.value) : null;
    }
    this.#show(uri, heard);
  }

  /** What an ended subscription told is no longer known. */
  #clear(uri: string, eventPackage: EventPackage): void {
    const heard = this.#heard.get(uri);
    if (eventPackage === 'presence') this.env.update(uri, { subscription: 'terminated' });
    if (!heard) return;
    if (eventPackage === 'presence') heard.presence = null;
    else heard.dialog = null;
    this.#show(uri, heard);
  }

  #heardOf(uri: string): Heard {
    const known = this.#heard.get(uri);
    if (known) return known;
    const heard: Heard = { presence: null, dialog: null, shown: null };
    this.#heard.set(uri, heard);
    return heard;
  }

  #show(uri: string, heard: Heard): void {
    const state = mergeColleagueState(heard.presence, heard.dialog === null ? null : callStateOfDialogState(heard.dialog));
    const colleague = this.#colleagues.get(uri);
    if (colleague && becameAvailable(heard.shown, state)) this.env.becameAvailable(colleague, state);
    heard.shown = state;
    this.env.update(uri, { state });
  }
}

function splitKey(watchKey: string): [EventPackage, string] {
  const space = watchKey.indexOf(' ');
  return [watchKey.slice(0, space) as EventPackage, watchKey.slice(space + 1)];
}
