// Proves the test PBX (test/pbx) with real clients: JsSIP in Chromium against Kamailio.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import type * as JsSIPModule from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingResponse } from 'jssip/lib/SIPMessage';
import type { IncomingMessageEvent, OutgoingMessageEvent, RTCSessionEvent } from 'jssip/lib/UA';
import { startPbx, type RunningPbx } from '../pbx/pbx';

interface SendResult {
  status: number | null;
  cause?: string;
  etag?: string | null;
}

interface CallState {
  originator: string;
  events: string[];
  endCause: string | null;
  /** Headers of the INVITE as this side saw it. */
  invite: Record<'from' | 'pAssertedIdentity' | 'pPreferredIdentity' | 'privacy', string | null>;
}

interface SubscriptionState {
  events: string[];
  notifyBodies: string[];
}

interface PhoneState {
  registrations: number;
  registered: boolean;
  registrationFailure: { cause: string; status: number | null } | null;
  call: CallState | null;
  messages: { fromUser: string; fromDisplayName: string | null; body: string }[];
  subscriptions: Record<string, SubscriptionState>;
}

interface Phone {
  state: PhoneState;
  call(target: string, extraHeaders: string[]): void;
  answer(): void;
  hangup(): void;
  inboundAudioBytes(): Promise<number>;
  sendMessage(target: string, body: string, fromUserName?: string): Promise<SendResult>;
  subscribe(target: string, event: string, accept: string): void;
  publish(event: string, contentType: string, body: string): Promise<SendResult>;
  stop(): void;
}

interface PhoneConfig {
  wsUrl: string;
  domain: string;
  user: string;
  password: string;
  displayName: string;
}

/** What the page gets from the bundle (JsSIP has no PUBLISH, so its internals are exposed too). */
interface SpecWindow {
  JsSIP: typeof JsSIPModule;
  JsSIPInternals: {
    OutgoingRequest: new (
      method: string,
      ruri: JsSIPModule.URI,
      ua: JsSIPModule.UA,
      params: Record<string, unknown>,
      extraHeaders: string[],
      body?: string,
    ) => unknown;
    RequestSender: new (
      ua: JsSIPModule.UA,
      request: unknown,
      handlers: {
        onReceiveResponse(response: IncomingResponse): void;
        onRequestTimeout(): void;
        onTransportError(): void;
      },
    ) => { send(): void };
  };
  phone: Phone;
}

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Runs inside the page (serialized by Playwright): no references to this module's scope. */
function installPhone({ wsUrl, domain, user, password, displayName }: PhoneConfig): void {
  const w = window as unknown as SpecWindow;
  const { JsSIP } = w;
  const media = { mediaConstraints: { audio: true, video: false }, pcConfig: { iceServers: [] } };
  const state: PhoneState = {
    registrations: 0,
    registered: false,
    registrationFailure: null,
    call: null,
    messages: [],
    subscriptions: {},
  };
  let session: RTCSession | null = null;

  const ua = new JsSIP.UA({
    sockets: [new JsSIP.WebSocketInterface(wsUrl)],
    uri: `sip:${user}@${domain}`,
    password,
    display_name: displayName,
    session_timers: false,
  });
  ua.on('registered', () => {
    state.registrations += 1;
    state.registered = true;
  });
  ua.on('unregistered', () => {
    state.registered = false;
  });
  ua.on('registrationFailed', (event) => {
    state.registrationFailure = { cause: String(event.cause), status: event.response?.status_code ?? null };
  });
  ua.on('newRTCSession', ({ session: newSession, originator, request }: RTCSessionEvent) => {
    session = newSession;
    const header = (name: string) => request.getHeader(name) ?? null;
    const call: CallState = {
      originator,
      events: [],
      endCause: null,
      invite: {
        from: header('From'),
        pAssertedIdentity: header('P-Asserted-Identity'),
        pPreferredIdentity: header('P-Preferred-Identity'),
        privacy: header('Privacy'),
      },
    };
    state.call = call;
    // Without ready() JsSIP waits for ICE gathering to complete before sending SDP.
    newSession.on('icecandidate', (event) => event.ready());
    newSession.on('progress', () => call.events.push('progress'));
    newSession.on('accepted', () => call.events.push('accepted'));
    newSession.on('confirmed', () => call.events.push('confirmed'));
    newSession.on('ended', (event) => {
      call.events.push('ended');
      call.endCause = event.cause;
    });
    newSession.on('failed', (event) => {
      call.events.push('failed');
      call.endCause = event.cause;
    });
  });
  ua.on('newMessage', (event: IncomingMessageEvent | OutgoingMessageEvent) => {
    if (event.originator !== 'remote') return;
    const { from, body } = event.request;
    state.messages.push({ fromUser: from.uri.user, fromDisplayName: from.display_name || null, body });
  });

  const sipUri = (target: string) => `sip:${target}@${domain}`;
  const resultOf = (response: IncomingResponse | null | undefined, cause?: string): SendResult => ({
    status: response?.status_code ?? null,
    ...(cause === undefined ? {} : { cause }),
  });

  w.phone = {
    state,
    call(target, extraHeaders) {
      ua.call(sipUri(target), { ...media, extraHeaders });
    },
    answer() {
      session?.answer(media);
    },
    hangup() {
      session?.terminate();
    },
    async inboundAudioBytes() {
      let bytes = 0;
      const stats = await session?.connection.getStats();
      stats?.forEach((report: { type: string; kind?: string; bytesReceived?: number }) => {
        if (report.type === 'inbound-rtp' && report.kind === 'audio') bytes += report.bytesReceived ?? 0;
      });
      return bytes;
    },
    sendMessage(target, body, fromUserName) {
      return new Promise((resolve) => {
        ua.sendMessage(sipUri(target), body, {
          ...(fromUserName === undefined ? {} : { fromUserName }),
          eventHandlers: {
            succeeded: ({ response }) => resolve(resultOf(response as IncomingResponse)),
            failed: ({ response, cause }) => resolve(resultOf(response, cause)),
          },
        });
      });
    },
    subscribe(target, event, accept) {
      const subscription: SubscriptionState = { events: [], notifyBodies: [] };
      state.subscriptions[event] = subscription;
      const subscriber = ua.subscribe(sipUri(target), event, accept, { expires: 300, contentType: accept });
      subscriber.on('accepted', () => subscription.events.push('accepted'));
      subscriber.on('active', () => subscription.events.push('active'));
      subscriber.on('terminated', (code) => subscription.events.push(`terminated:${code}`));
      subscriber.on('notify', (_isFinal, _request, body) => subscription.notifyBodies.push(body ?? ''));
      subscriber.subscribe();
    },
    publish(event, contentType, body) {
      const { OutgoingRequest, RequestSender } = w.JsSIPInternals;
      const self = new JsSIP.URI('sip', user, domain);
      const headers = [`Event: ${event}`, 'Expires: 300', `Content-Type: ${contentType}`];
      const request = new OutgoingRequest('PUBLISH', self, ua, { to_uri: self }, headers, body);
      return new Promise((resolve) => {
        new RequestSender(ua, request, {
          onReceiveResponse: (response) => {
            if (response.status_code >= 200) resolve({ ...resultOf(response), etag: response.getHeader('SIP-ETag') ?? null });
          },
          onRequestTimeout: () => resolve({ status: null, cause: 'timeout' }),
          onTransportError: () => resolve({ status: null, cause: 'transport error' }),
        }).send();
      });
    },
    stop() {
      ua.stop();
    },
  };
  ua.start();
}

async function bundleJsSIP(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        window.JsSIP = require('jssip');
        window.JsSIPInternals = {
          OutgoingRequest: require('jssip/lib/SIPMessage').OutgoingRequest,
          RequestSender: require('jssip/lib/RequestSender'),
        };`,
      resolveDir: projectRoot,
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no JsSIP bundle');
  return output.text;
}

async function serveHarness(jssip: string): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url === '/jssip.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(jssip);
    } else {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>pbx</title><script src="/jssip.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const stateOf = (page: Page) => page.evaluate(() => (window as unknown as SpecWindow).phone.state);

test.describe.configure({ mode: 'serial' });

let pbx: RunningPbx;
let harness: Server;
let harnessUrl: string;
let alice: Page;
let bob: Page;

async function openPhone(browser: Browser, user: string, password: string, displayName: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(harnessUrl);
  await page.evaluate(installPhone, { wsUrl: pbx.wsUrl, domain: pbx.domain, user, password, displayName });
  return page;
}

test.beforeAll(async ({ browser }) => {
  pbx = await startPbx({
    users: [
      { user: 'alice', password: 'alice-pass' },
      { user: 'bob', password: 'bob-pass' },
      { user: 'carol', password: 'carol-pass' },
    ],
  });
  harness = await serveHarness(await bundleJsSIP());
  harnessUrl = `http://127.0.0.1:${(harness.address() as AddressInfo).port}/`;
  alice = await openPhone(browser, 'alice', 'alice-pass', 'Alice Example');
  bob = await openPhone(browser, 'bob', 'bob-pass', 'Bob Example');
});

test.afterAll(async () => {
  for (const page of [alice, bob]) await page?.context().close();
  harness?.close();
  await pbx?.stop();
});

test('alice and bob register', async () => {
  await expect.poll(async () => (await stateOf(alice)).registered).toBe(true);
  await expect.poll(async () => (await stateOf(bob)).registered).toBe(true);
});

test('a wrong password fails registration with 401', async ({ browser }) => {
  const intruder = await openPhone(browser, 'bob', 'not-bobs-password', 'Intruder');
  await expect.poll(async () => (await stateOf(intruder)).registrationFailure).toEqual({
    cause: 'Authentication Error',
    status: 401,
  });
  expect((await stateOf(intruder)).registered).toBe(false);
  await intruder.context().close();
});

test('alice calls bob, bob answers, audio flows, alice hangs up', async () => {
  await alice.evaluate(() =>
    (window as unknown as SpecWindow).phone.call('bob', [
      'P-Preferred-Identity: <sip:+4930123456@127.0.0.1>',
      'Privacy: id',
    ]),
  );
  await expect.poll(async () => (await stateOf(bob)).call?.originator).toBe('remote');

  // Kamailio forwards the caller's identity headers untouched and adds no P-Asserted-Identity.
  const { invite } = (await stateOf(bob)).call!;
  expect(invite.from).toMatch(/^"Alice Example" <sip:alice@127\.0\.0\.1>;tag=/);
  expect(invite.pAssertedIdentity).toBeNull();
  expect(invite.pPreferredIdentity).toBe('<sip:+4930123456@127.0.0.1>');
  expect(invite.privacy).toBe('id');

  await bob.evaluate(() => (window as unknown as SpecWindow).phone.answer());
  await expect.poll(async () => (await stateOf(alice)).call?.events).toContain('confirmed');
  await expect.poll(async () => (await stateOf(bob)).call?.events).toContain('confirmed');

  const audioBytes = (page: Page) => page.evaluate(() => (window as unknown as SpecWindow).phone.inboundAudioBytes());
  await expect.poll(() => audioBytes(alice)).toBeGreaterThan(0);
  await expect.poll(() => audioBytes(bob)).toBeGreaterThan(0);

  await alice.evaluate(() => (window as unknown as SpecWindow).phone.hangup());
  await expect.poll(async () => (await stateOf(bob)).call?.endCause).toBe('Terminated');
  expect((await stateOf(alice)).call?.endCause).toBe('Terminated');
});

test('alice sends bob a MESSAGE with her identity intact', async () => {
  const result = await alice.evaluate(() => (window as unknown as SpecWindow).phone.sendMessage('bob', 'Hello Bob'));
  expect(result.status).toBe(200);
  await expect
    .poll(async () => (await stateOf(bob)).messages)
    .toEqual([{ fromUser: 'alice', fromDisplayName: 'Alice Example', body: 'Hello Bob' }]);
});

test('a MESSAGE to an unregistered user gets 480, to an unknown user 404', async () => {
  const send = (target: string) =>
    alice.evaluate((to) => (window as unknown as SpecWindow).phone.sendMessage(to, 'anyone there?'), target);
  expect(await send('carol')).toEqual({ status: 480, cause: 'Unavailable' });
  expect(await send('nobody')).toEqual({ status: 404, cause: 'Not Found' });
});

test('a request whose From user is not the authenticated user gets 403', async () => {
  const result = await alice.evaluate(() =>
    (window as unknown as SpecWindow).phone.sendMessage('bob', 'spoofed', '+4930123456'),
  );
  expect(result).toEqual({ status: 403, cause: 'Rejected' });
});

test('bob watches alice: presence and dialog subscriptions become active and carry her PUBLISH', async () => {
  await bob.evaluate(() => {
    const { phone } = window as unknown as SpecWindow;
    phone.subscribe('alice', 'presence', 'application/pidf+xml');
    phone.subscribe('alice', 'dialog', 'application/dialog-info+xml');
  });
  await expect.poll(async () => (await stateOf(bob)).subscriptions.presence?.events).toEqual(['accepted', 'active']);
  await expect.poll(async () => (await stateOf(bob)).subscriptions.dialog?.events).toEqual(['accepted', 'active']);

  const pidf = `<?xml version="1.0" encoding="UTF-8"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:alice@127.0.0.1">
  <tuple id="softphone"><status><basic>open</basic></status><note>In a meeting</note></tuple>
</presence>`;
  const published = await alice.evaluate(
    (body) => (window as unknown as SpecWindow).phone.publish('presence', 'application/pidf+xml', body),
    pidf,
  );
  expect(published.status).toBe(200);
  expect(published.etag).toBeTruthy();
  await expect
    .poll(async () => (await stateOf(bob)).subscriptions.presence?.notifyBodies.at(-1))
    .toMatch(/<basic>open<\/basic>[\s\S]*<note>In a meeting<\/note>/);

  const dialogInfo = `<?xml version="1.0" encoding="UTF-8"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="0" state="full" entity="sip:alice@127.0.0.1">
  <dialog id="call-1" direction="initiator"><state>confirmed</state></dialog>
</dialog-info>`;
  const publishedDialog = await alice.evaluate(
    (body) => (window as unknown as SpecWindow).phone.publish('dialog', 'application/dialog-info+xml', body),
    dialogInfo,
  );
  expect(publishedDialog.status).toBe(200);
  await expect
    .poll(async () => (await stateOf(bob)).subscriptions.dialog?.notifyBodies.at(-1))
    .toMatch(/<state>confirmed<\/state>/);
});

test('after a PBX restart alice and bob re-register by themselves', async () => {
  const before = { alice: (await stateOf(alice)).registrations, bob: (await stateOf(bob)).registrations };
  await pbx.restart();
  // JsSIP's first reconnect attempt comes about 2 s after the socket closes.
  await expect.poll(async () => (await stateOf(alice)).registrations, { timeout: 20_000 }).toBeGreaterThan(before.alice);
  await expect.poll(async () => (await stateOf(bob)).registrations, { timeout: 20_000 }).toBeGreaterThan(before.bob);

  const result = await alice.evaluate(() => (window as unknown as SpecWindow).phone.sendMessage('bob', 'Still there?'));
  expect(result.status).toBe(200);
  await expect.poll(async () => (await stateOf(bob)).messages.at(-1)?.body).toBe('Still there?');
});
