import type { CallAction } from '../../src/core/ipc/contract';
import type { DialTarget } from '../../src/core/phone/numbers/phoneNumber';
import type { Scheduler } from '../../src/core/time/clock';
import { Listeners } from './listeners';

const QUIT_GRACE_MS = 3_000;

/**
 * What main asks of the renderer, which owns the phone: dial a number, answer or decline a call,
 * and sign off before the app quits. The shells listen here and carry each request to the page.
 */
export class RendererLink {
  readonly #dialListeners = new Listeners<DialTarget>('dial');
  readonly #callActionListeners = new Listeners<CallAction>('call action');
  readonly #quitListeners = new Listeners<void>('quit');
  #signedOff: (() => void) | null = null;

  constructor(private readonly scheduler: Scheduler) {}

  onDialRequest(listener: (target: DialTarget) => void): () => void {
    return this.#dialListeners.add(listener);
  }

  onCallAction(listener: (action: CallAction) => void): () => void {
    return this.#callActionListeners.add(listener);
  }

  onQuitting(listener: () => void): () => void {
    return this.#quitListeners.add(listener);
  }

  dial(target: DialTarget): void {
    this.#dialListeners.tell(target);
  }

  callAction(action: CallAction): void {
    this.#callActionListeners.tell(action);
  }

  /**
   * Asks the renderer to sign off (remove its presence, unregister) before the app quits, and
   * resolves when it has, or after a grace period if it cannot answer.
   */
  prepareToQuit(): Promise<void> {
    return new Promise((resolve) => {
      let cancelGrace = () => {};
      const finish = () => {
        cancelGrace();
        this.#signedOff = null;
        resolve();
      };
      if (this.#quitListeners.size === 0) return finish();
      this.#signedOff = finish;
      cancelGrace = this.scheduler.schedule(finish, QUIT_GRACE_MS);
      this.#quitListeners.tell();
    });
  }

  /** The renderer's answer to `prepareToQuit`. */
  signedOff(): void {
    this.#signedOff?.();
  }

  dispose(): void {
    this.#dialListeners.clear();
    this.#callActionListeners.clear();
    this.#quitListeners.clear();
  }
}
