import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { AppServices } from '../../../electron/services/appServices';
import { createConfBackend } from '../../../electron/services/confBackend';
import { developmentOnlyPlainCipher } from '../../../electron/services/secretStore';
import { INVOKE_CHANNELS, invokeSchemas, type InvokeChannel } from '../../../src/core/ipc/contract';
import { ManualClock } from '../manualClock';
import { KNOWN_ERROR_CODES } from './knownCodes';
import { arbitraryFor } from './fromSchema';
import { attacksOn } from './mutate';

/** An error message quotes input only cut; anything longer echoes what it was sent. */
export const MAX_ERROR_MESSAGE = 600;

/** What one attack did: `ok`, an error code, or what went wrong with the app. */
export type Outcome = { kind: 'ok' } | { kind: 'error'; code: string } | { kind: 'broken'; problem: string };

/**
 * The real services on a real temporary data directory, restartable. Speech runs with no engine
 * (a platform without one), so that generated texts do not start a program thousands of times.
 */
export class AttackedApp {
  readonly dir = mkdtempSync(join(tmpdir(), 'profiltelefon-attack-'));
  readonly clock = new ManualClock('2026-11-23T09:00:00+01:00');
  services: AppServices;
  #ids = 0;

  constructor() {
    this.services = this.#open();
  }

  #open(): AppServices {
    const services = new AppServices({
      dataDir: this.dir,
      openBackend: createConfBackend,
      secretCipher: developmentOnlyPlainCipher,
      clock: this.clock,
      scheduler: this.clock,
      systemTimeZone: 'Europe/Stockholm',
      notificationSink: () => {},
      newId: () => `attack-${++this.#ids}`,
      calendar: { fetchTimeoutMs: 1, refreshIntervalMs: 24 * 3_600_000 },
      platform: 'aix',
    });
    services.start();
    return services;
  }

  /** A new AppServices on the same directory, as after a restart; null when it started, else why not. */
  restart(): string | null {
    this.services.dispose();
    try {
      this.services = this.#open();
      const state = this.services.state;
      return state.tray.items.length > 0 ? null : 'the tray menu is empty after a restart';
    } catch (error) {
      return `the restart failed: ${(error as Error).message}`;
    }
  }

  dispose(): void {
    this.services.dispose();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Everything a refused request must leave as it was: the files, and what the user sees of them. */
  snapshot(): string {
    const file = (name: string) => (existsSync(join(this.dir, name)) ? readFileSync(join(this.dir, name), 'utf8') : '(none)');
    const state = this.services.state;
    return JSON.stringify({
      settingsFile: file('settings.json'),
      historyFile: file('history.json'),
      passwordFile: file('sip-password.bin'),
      settings: this.services.profiles.settings,
      history: state.history,
      notices: state.notices,
      sipPasswordSet: state.sipPasswordSet,
    });
  }
}

/** Sends one payload on one channel and judges the answer. */
export async function attackChannel(app: AttackedApp, channel: InvokeChannel, payload: unknown): Promise<Outcome> {
  let before: string;
  try {
    before = app.snapshot();
  } catch (error) {
    return { kind: 'broken', problem: `the state could not be read before the request: ${(error as Error).message}` };
  }
  let result: unknown;
  try {
    result = await app.services.request(channel, payload);
  } catch (error) {
    return { kind: 'broken', problem: `threw: ${(error as Error).message?.slice(0, 200)}` };
  }
  if (({} as Record<string, unknown>).polluted !== undefined) return { kind: 'broken', problem: 'Object.prototype was polluted' };
  let after: string;
  try {
    after = app.snapshot();
  } catch (error) {
    return { kind: 'broken', problem: `the state cannot be read any more (brick): ${(error as Error).message}` };
  }
  const answer = result as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (answer?.ok === true) return { kind: 'ok' };
  if (answer?.ok !== false || typeof answer.error?.code !== 'string' || typeof answer.error.message !== 'string') {
    return { kind: 'broken', problem: 'the answer is not a Result' };
  }
  const { code, message } = answer.error as { code: string; message: string };
  if (code === 'request-failed') return { kind: 'broken', problem: `a handler threw: ${message.slice(0, 200)}` };
  if (!KNOWN_ERROR_CODES.has(code)) return { kind: 'broken', problem: `unknown error code "${code.slice(0, 60)}"` };
  if (message.length > MAX_ERROR_MESSAGE)
    return { kind: 'broken', problem: `${code}: a message of ${message.length} characters echoes its input` };
  if (after !== before) return { kind: 'broken', problem: `${code}: the request was refused but changed the files or the state` };
  return { kind: 'error', code };
}

/** Valid and broken payloads for every channel, each payload with the channel it goes to. */
export const channelAttack: fc.Arbitrary<{ channel: InvokeChannel; payload: unknown }> = fc.oneof(
  ...INVOKE_CHANNELS.map((channel) => attacksOn(arbitraryFor(invokeSchemas[channel])).map((payload) => ({ channel, payload }))),
);

/** Payloads for one channel. */
export function attacksOnChannel(channel: InvokeChannel): fc.Arbitrary<unknown> {
  return attacksOn(arbitraryFor(invokeSchemas[channel]));
}
