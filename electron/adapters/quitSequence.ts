/**
 * Quitting waits for the renderer to sign off (presence removed, registration ended); the
 * services bound that wait with a grace period. A second quit while signing off waits for the same.
 */
export class QuitSequence {
  #stage: 'running' | 'signing-off' | 'quitting' = 'running';

  constructor(
    private readonly signOff: () => Promise<void>,
    private readonly quit: () => void,
  ) {}

  /** Windows close for real from the first quit request on, instead of hiding in the tray. */
  get quitting(): boolean {
    return this.#stage !== 'running';
  }

  onBeforeQuit(event: { preventDefault(): void }): void {
    if (this.#stage === 'quitting') return;
    event.preventDefault();
    if (this.#stage === 'signing-off') return;
    this.#stage = 'signing-off';
    void this.signOff()
      .catch(() => undefined)
      .then(() => {
        this.#stage = 'quitting';
        this.quit();
      });
  }
}
