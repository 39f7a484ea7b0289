import { UA } from 'jssip';
import {
  CONNECTION_TEST_TIMEOUT_MS,
  connectionTestDisconnected,
  connectionTestRefused,
  connectionTestTimedOut,
  type ConnectionTestResult,
} from '../../core/phone/connectionTest';
import type { UaSettings } from '../../core/phone/uaSettings';
import { uaConfiguration } from './uaConfiguration';

/**
 * Registers once with settings that are not saved, on a UA of its own beside the phone's, and
 * unregisters at once: the answer is the PBX's to exactly these values.
 */
export function testConnection(settings: UaSettings, timeoutMs = CONNECTION_TEST_TIMEOUT_MS): Promise<ConnectionTestResult> {
  return new Promise((resolve) => {
    let ua: UA;
    try {
      ua = new UA(uaConfiguration(settings, { register: false }));
    } catch {
      resolve(connectionTestDisconnected(false));
      return;
    }
    let reachedServer = false;
    let settled = false;
    const finish = (result: ConnectionTestResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Stopping unregisters a binding the test made, then closes the socket; JsSIP's reconnects end with it.
      ua.stop();
      resolve(result);
    };
    const timer = setTimeout(() => finish(connectionTestTimedOut(reachedServer)), timeoutMs);
    ua.on('connected', () => {
      reachedServer = true;
      ua.register();
    });
    ua.on('disconnected', () => finish(connectionTestDisconnected(reachedServer)));
    ua.on('registered', () => finish({ kind: 'registered', aor: settings.uri }));
    ua.on('registrationFailed', ({ response, cause }) =>
      finish(connectionTestRefused({ cause: String(cause ?? ''), statusCode: response?.status_code ?? null, reachedServer })),
    );
    ua.start();
  });
}
