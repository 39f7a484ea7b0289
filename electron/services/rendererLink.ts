import type { CallAction } from '../../src/core/ipc/contract';
import type { DialTarget } from '../../src/core/phone/numbers/phoneNumber';
import type { Scheduler } from '../../src/core/time/clock';

const QUIT_GRACE_MS = 3_000;

/**
 * What main asks of the renderer, which owns the phone: dial a number, answer or decline a call,
 * and sign off before the app quits. The shells listen here and carry each request to the page.
 */
export class RendererLink {
  readonly #dialListeners = new Set<(target: DialTarget) => void>();
  readonly #callActionListeners = new Set<(action: CallAction) => void>();
  readonly #quitListeners = new Set<() => void>();
  #signedOff: (() => void) | null = null;

  constructor(private readonly scheduler: Scheduler) {}

  onDialRequest(listener: (target: DialTarget) => void): () => void {
    this.#dialListeners.add(listener);
    return () => this.#dialListeners.delete(listener);
  }

  onCallAction(listener: (action: CallAction) => void): () => void {
    this.#callActionListeners.add(listener);
    return () => this.#callActionListeners.delete(listener);
  }

  onQuitting(listener: () => void): () => void {
    this.#quitListeners.add(listener);
    return () => this.#quitListeners.delete(listener);
  }

  dial(target: DialTarget): void {
    for (const listener of this.#dialListeners) listener(target);
  }

  callAction(action: CallAction): void {
    for (const listener of this.#callActionListeners) listener(action);
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
      for (const listener of this.#quitListeners) listener();
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
