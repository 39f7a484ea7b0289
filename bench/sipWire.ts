// The SIP messages a page sends and receives over its WebSockets, and its last click, stamped on
// the machine's clock (performance.timeOrigin + performance.now()), so stamps from different pages
// of one browser compare. The same script goes into the app's pages and the bare JsSIP pages.
import type { Page } from '@playwright/test';

export interface WireEvent {
  dir: 'out' | 'in';
  /** The start line: "INVITE sip:…", "SIP/2.0 180 Ringing". */
  line: string;
  /** The CSeq method: a response's tells which request it answers. */
  method: string;
  at: number;
}

export interface Wire {
  events: WireEvent[];
  /** When the page last dispatched a click, before any handler of the page ran. */
  clickAt: number | null;
}

type WireWindow = { __sipWire: Wire };

/** An init script: runs in every page before the page's own scripts, so JsSIP's socket is a stamped one. */
export const WIRE_SCRIPT = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const wire = (window.__sipWire = { events: [], clickAt: null });
  const record = (dir, data) => {
    if (typeof data !== 'string') return;
    const end = data.indexOf('\\r\\n');
    if (end < 0) return;
    const cseq = /\\r\\nCSeq:\\s*\\d+\\s+(\\w+)/i.exec(data);
    wire.events.push({ dir, line: data.slice(0, end), method: cseq ? cseq[1] : '', at: now() });
  };
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    record('out', data);
    return send.call(this, data);
  };
  const Native = window.WebSocket;
  // Added in the constructor, this listener runs before the handler JsSIP sets afterwards.
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => record('in', event.data));
    }
  };
  addEventListener('click', () => { wire.clickAt = now(); }, true);
})();`;

export function clearWire(page: Page): Promise<void> {
  return page.evaluate(() => {
    const wire = (window as unknown as WireWindow).__sipWire;
    wire.events.length = 0;
    wire.clickAt = null;
  });
}

export function readWire(page: Page): Promise<Wire> {
  return page.evaluate(() => structuredClone((window as unknown as WireWindow).__sipWire));
}

/** The first message after `from` whose start line begins with `prefix` (and answers `method`, for a response). */
export function firstOnWire(wire: Wire, dir: WireEvent['dir'], prefix: string, method = '', from = -Infinity): WireEvent | null {
  return (
    wire.events.find(
      (event) => event.dir === dir && event.at >= from && event.line.startsWith(prefix) && (method === '' || event.method === method),
    ) ?? null
  );
}

/** The ACK of the call's 200: the ACKs of the PBX's challenges go out before it. */
export function ackOfAnswer(wire: Wire): WireEvent | null {
  const answer = firstOnWire(wire, 'in', 'SIP/2.0 200', 'INVITE');
  return answer && firstOnWire(wire, 'out', 'ACK ', '', answer.at);
}

/** Waits until the page has sent the ACK of its call's 200. */
export function waitForAnswerAcked(page: Page, timeout: number): Promise<unknown> {
  return page.waitForFunction(
    () => {
      const { events } = (window as unknown as WireWindow).__sipWire;
      const answer = events.findIndex((event) => event.dir === 'in' && event.line.startsWith('SIP/2.0 200') && event.method === 'INVITE');
      return answer >= 0 && events.slice(answer).some((event) => event.dir === 'out' && event.line.startsWith('ACK '));
    },
    null,
    { timeout },
  );
}

/** Waits until the page has received an ACK (the callee's side of a call's answer). */
export function waitForAckReceived(page: Page, timeout: number): Promise<unknown> {
  return page.waitForFunction(
    () => (window as unknown as WireWindow).__sipWire.events.some((event) => event.dir === 'in' && event.line.startsWith('ACK ')),
    null,
    { timeout },
  );
}
