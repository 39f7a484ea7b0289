// A plain JsSIP watcher that keeps every NOTIFY it receives exactly as it came, empty ones included:
// JsSIP itself reports only NOTIFYs with a body, so the witness reads them as the UA receives them.
import type { Page } from '@playwright/test';
import type * as JsSIPModule from 'jssip';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import type { JsSIPPhoneConfig } from './jssipPhone';

export interface WitnessedNotify {
  event: string;
  subscriptionState: string;
  contentType: string;
  body: string;
  /** Epoch ms when it arrived. */
  at: number;
}

interface WitnessWindow {
  JsSIP: typeof JsSIPModule;
  notifyWitness: {
    notifies: WitnessedNotify[];
    subscribe(target: string, event: string, accept: string, expires: number): void;
    stop(): void;
  };
}

/** Runs inside a JsSIP harness page (serialized by Playwright). */
function installWitness({ wsUrl, domain, user, password, displayName }: JsSIPPhoneConfig): Promise<void> {
  const w = window as unknown as WitnessWindow;
  const ua = new w.JsSIP.UA({
    sockets: [new w.JsSIP.WebSocketInterface(wsUrl)],
    uri: `sip:${user}@${domain}`,
    password,
    display_name: displayName,
    register: false,
  });
  const notifies: WitnessedNotify[] = [];
  const internal = ua as unknown as { receiveRequest(request: IncomingRequest): void };
  const receive = internal.receiveRequest.bind(ua);
  internal.receiveRequest = (request) => {
    if (request.method === 'NOTIFY') {
      notifies.push({
        event: request.getHeader('Event') ?? '',
        subscriptionState: request.getHeader('Subscription-State') ?? '',
        contentType: request.getHeader('Content-Type') ?? '',
        body: request.body ?? '',
        at: Date.now(),
      });
    }
    receive(request);
  };
  w.notifyWitness = {
    notifies,
    subscribe(target, event, accept, expires) {
      ua.subscribe(target, event, accept, { expires, contentType: accept }).subscribe();
    },
    stop: () => ua.stop(),
  };
  const connected = new Promise<void>((resolve) => ua.once('connected', () => resolve()));
  ua.start();
  return connected;
}

export class NotifyWitness {
  /** The watcher's page: a plain browser page with JsSIP, and its own DOMParser. */
  private constructor(readonly page: Page) {}

  /** `page` is a JsSIP harness page (it has `window.JsSIP`); the witness signs in as `config.user` without registering. */
  static async install(page: Page, config: JsSIPPhoneConfig): Promise<NotifyWitness> {
    await page.evaluate(installWitness, config);
    return new NotifyWitness(page);
  }

  async subscribe(target: string, event: 'presence' | 'dialog', expires = 600): Promise<void> {
    const accept = event === 'presence' ? 'application/pidf+xml' : 'application/dialog-info+xml';
    await this.page.evaluate(
      ([to, name, type, seconds]) => (window as unknown as WitnessWindow).notifyWitness.subscribe(to, name, type, seconds),
      [target, event, accept, expires] as const,
    );
  }

  /** Every NOTIFY of `event` so far, oldest first. */
  notifies(event: 'presence' | 'dialog'): Promise<WitnessedNotify[]> {
    return this.page.evaluate(
      (name) => (window as unknown as WitnessWindow).notifyWitness.notifies.filter((notify) => notify.event.split(';')[0]!.trim() === name),
      event,
    );
  }

  async stop(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as WitnessWindow).notifyWitness.stop()).catch(() => undefined);
  }
}
