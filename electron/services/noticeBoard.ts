import { describeInput } from '../../src/core/describeInput';
import { fail, ok, type AppError, type Result } from '../../src/core/errors';
import type { Notice } from '../../src/core/state/appState';
import type { Clock } from '../../src/core/time/clock';

/** What the next screen tells the user about: a recovered file, a refused launch, a failure in the background. */
export class NoticeBoard {
  #notices: Notice[];

  constructor(
    initial: readonly (Notice | null)[],
    private readonly clock: Clock,
    private readonly changed: () => void,
  ) {
    this.#notices = initial.filter((notice): notice is Notice => notice !== null);
  }

  get notices(): Notice[] {
    return this.#notices;
  }

  launchRefused(error: AppError): void {
    this.#add({ id: `launch-${this.clock.now()}`, kind: 'launch-refused', error });
  }

  /**
   * A failure in the background (a call's history, a recording, the expiry timer) is shown as a
   * notice, since the user did not ask for it where an answer could be shown; one per kind.
   */
  reportFailure(error: AppError): { ok: false; error: AppError } {
    console.error(error.message);
    if (!this.#notices.some((notice) => notice.kind === 'failure' && notice.error.code === error.code)) {
      this.#add({ id: `failure-${error.code}-${this.clock.now()}`, kind: 'failure', error });
    }
    return { ok: false, error };
  }

  dismiss(noticeId: string): Result<null> {
    if (!this.#notices.some((notice) => notice.id === noticeId)) {
      return fail('notice-unknown', `There is no notice ${describeInput(noticeId)}.`, 'noticeId');
    }
    this.#notices = this.#notices.filter((notice) => notice.id !== noticeId);
    this.changed();
    return ok(null);
  }

  #add(notice: Notice): void {
    this.#notices = [...this.#notices, notice];
    this.changed();
  }
}
