import type { UA } from 'jssip';
import { backoffDelayMs, describeRegistrationFailure, REGISTRATION_BACKOFF, type RegistrationState } from '../../core/phone/registration';
import { countRegistration, showRegistration } from './phoneStore';

/**
 * Mirrors a UA's connection and registration in the phone store. JsSIP reconnects a dropped socket
 * by itself (with its own backoff) and registers again once connected; what it does not retry is
 * a registration the PBX refused while the socket stayed up, so that is retried here, with backoff,
 * unless only the user can fix it (a wrong password).
 */
export class RegistrationWatcher {
  #failedAttempts = 0;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #stopped = false;

  constructor(
    private readonly ua: UA,
    private readonly aor: string,
  ) {
    const set = (registration: RegistrationState) => {
      if (!this.#stopped) showRegistration(registration);
    };
    let attempt = 0;
    let reachedServer = false;
    // A PBX that was never reached is a wrong address or a network that does not get there; a dropped one is a restart or an outage.
    const retrying = (attempts: number) => ({ kind: reachedServer ? 'reconnecting' : 'unreachable', attempt: attempts }) as const;
    ua.on('connecting', ({ attempts }) => {
      attempt = attempts;
      set(attempts === 0 ? { kind: 'connecting' } : retrying(attempts));
    });
    ua.on('connected', () => {
      reachedServer = true;
    });
    ua.on('disconnected', () => set(retrying(attempt + 1)));
    ua.on('registered', () => {
      this.#failedAttempts = 0;
      this.#clearRetry();
      if (this.#stopped) return;
      countRegistration(this.aor);
    });
    ua.on('registrationFailed', ({ response, cause }) => {
      const { failure, retry } = describeRegistrationFailure({
        cause: String(cause ?? ''),
        statusCode: response?.status_code ?? null,
        reachedServer,
      });
      // A lost socket is JsSIP's to recover; retrying here would only race it.
      const retryInMs = retry && ua.isConnected() ? this.#scheduleRetry() : null;
      set({ kind: 'failed', failure, retryInMs });
    });
  }

  stop(): void {
    this.#stopped = true;
    this.#clearRetry();
  }

  #scheduleRetry(): number {
    this.#failedAttempts += 1;
    const delay = backoffDelayMs(this.#failedAttempts, REGISTRATION_BACKOFF, Math.random());
    this.#clearRetry();
    this.#retryTimer = setTimeout(() => this.ua.register(), delay);
    return delay;
  }

  #clearRetry(): void {
    if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }
}
