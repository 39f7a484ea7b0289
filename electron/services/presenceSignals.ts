import { afterActivity, type ActivitySignal } from '../../src/core/automation/activity';
import { PRESENT, type AwayState } from '../../src/core/automation/away';
import type { Clock } from '../../src/core/time/clock';

/**
 * What the shells tell of the user (Electron's powerMonitor, the browser shell's debug panel) and
 * what the renderer tells of its calls, kept for the profile service's away rule. Kept in memory:
 * after a restart the user is present until the computer says otherwise.
 */
export class PresenceSignals {
  #state: AwayState = PRESENT;

  constructor(
    private readonly clock: Clock,
    private readonly onChange: () => void,
  ) {}

  get state(): AwayState {
    return this.#state;
  }

  /** One call for every report of the computer: idle time, lock and unlock, suspend and resume. */
  userActivity(signal: ActivitySignal): void {
    this.#set(afterActivity(this.#state, signal, this.clock.now()));
  }

  callActive(inCall: boolean): void {
    this.#set(this.#state.inCall === inCall ? this.#state : { ...this.#state, inCall });
  }

  #set(next: AwayState): void {
    if (next === this.#state) return;
    this.#state = next;
    this.onChange();
  }
}
