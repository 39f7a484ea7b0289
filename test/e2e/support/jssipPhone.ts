// A plain JsSIP page: a colleague's softphone that is not our app, driven from a test.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import type * as JsSIPModule from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest, IncomingResponse } from 'jssip/lib/SIPMessage';
import type { IncomingMessageEvent, OutgoingMessageEvent, RTCSessionEvent } from 'jssip/lib/UA';

export interface SendResult {
  status: number | null;
  reason?: string;
  cause?: string;
  etag?: string | null;
}

export interface CallState {
  originator: string;
  events: string[];
  endCause: string | null;
  /** The final failure response of an outgoing call, as this side got it. */
  failure: { status: number; reason: string } | null;
  /** The INVITE exactly as this side received it (incoming calls only). */
  rawInvite: string | null;
}

export interface SubscriptionState {
  events: string[];
  notifyBodies: string[];
}

export interface ReceivedMessage {
  fromUser: string;
  fromDisplayName: string | null;
  body: string;
  raw: string;
}

export interface PhoneState {
  registrations: number;
  registered: boolean;
  registrationFailure: { cause: string; status: number | null } | null;
  /** How many calls (either way) this phone has had; `call` is the latest. */
  callCount: number;
  call: CallState | null;
  messages: ReceivedMessage[];
  subscriptions: Record<string, SubscriptionState>;
}

export interface RtpCounters {
  packetsReceived: number;
  packetsSent: number;
}

interface InPagePhone {
  state: PhoneState;
  call(target: string, extraHeaders: string[], fromUserName?: string): void;
  answer(): void;
  hold(): void;
  refer(target: string): void;
  hangup(): void;
  rtp(): Promise<RtpCounters>;
  receivedAudioLevel(durationMs: number): Promise<number>;
  sendMessage(target: string, body: string, extraHeaders: string[], fromUserName?: string): Promise<SendResult>;
  subscribe(target: string, event: string, accept: string): void;
  publish(event: string, contentType: string, body: string, options: PublishOptions): Promise<SendResult>;
  stop(): void;
}

export interface PublishOptions {
  /** Seconds the publication lives unless refreshed. */
  expires: number;
  /** The SIP-ETag of the publication this one modifies (RFC 3903 SIP-If-Match); none starts a new one. */
  etag: string | null;
}

export interface JsSIPPhoneConfig {
  wsUrl: string;
  domain: string;
  user: string;
  password: string;
  displayName: string;
}

/** What the page gets from the bundle (JsSIP has no PUBLISH, so its internals are exposed too). */
interface HarnessWindow {
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
  phone: InPagePhone;
}

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs inside the page (serialized by Playwright): no references to this module's scope. */
function installPhone({ wsUrl, domain, user, password, displayName }: JsSIPPhoneConfig): void {
  const w = window as unknown as HarnessWindow;
  const { JsSIP } = w;
  const media = { mediaConstraints: { audio: true, video: false }, pcConfig: { iceServers: [] } };
  const state: PhoneState = {
    registrations: 0,
    registered: false,
    registrationFailure: null,
    callCount: 0,
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
    const call: CallState = {
      originator,
      events: [],
      endCause: null,
      failure: null,
      rawInvite: originator === 'remote' ? (request as IncomingRequest & { data: string }).data : null,
    };
    state.call = call;
    state.callCount += 1;
    // Without ready() JsSIP waits for ICE gathering to complete before sending SDP.
    newSession.on('icecandidate', (event) => event.ready());
    newSession.on('progress', () => call.events.push('progress'));
    newSession.on('accepted', () => call.events.push('accepted'));
    newSession.on('confirmed', () => call.events.push('confirmed'));
    newSession.on('hold', (event) => call.events.push(`hold:${event.originator}`));
    // A transfer request is noted and declined: the referrer learns it through the REFER's NOTIFY.
    newSession.on('refer', (event) => {
      const { refer_to: referTo } = event.request as IncomingRequest & { refer_to: { uri: { user: string } } };
      call.events.push(`referred:${referTo.uri.user}`);
      event.reject();
    });
    newSession.on('ended', (event) => {
      call.events.push('ended');
      call.endCause = event.cause;
    });
    newSession.on('failed', (event) => {
      call.events.push('failed');
      call.endCause = event.cause;
      const response = event.message as IncomingResponse | undefined;
      if (event.originator === 'remote' && response?.status_code) {
        call.failure = { status: response.status_code, reason: response.reason_phrase };
      }
    });
  });
  ua.on('newMessage', (event: IncomingMessageEvent | OutgoingMessageEvent) => {
    if (event.originator !== 'remote') return;
    const request = event.request as IncomingRequest & { data: string };
    state.messages.push({
      fromUser: request.from.uri.user,
      fromDisplayName: request.from.display_name || null,
      body: request.body,
      raw: request.data,
    });
  });

  const sipUri = (target: string) => (target.includes(':') ? target : `sip:${target}@${domain}`);
  const resultOf = (response: IncomingResponse | null | undefined, cause?: string): SendResult => ({
    status: response?.status_code ?? null,
    ...(response ? { reason: response.reason_phrase } : {}),
    ...(cause === undefined ? {} : { cause }),
  });
  const remoteAudio = () => {
    const track = session?.connection?.getReceivers().find((receiver) => receiver.track.kind === 'audio')?.track;
    if (!track) throw new Error('no remote audio track');
    return new MediaStream([track]);
  };

  w.phone = {
    state,
    call(target, extraHeaders, fromUserName) {
      ua.call(sipUri(target), { ...media, extraHeaders, ...(fromUserName === undefined ? {} : { fromUserName }) });
    },
    answer() {
      session?.answer(media);
    },
    hold() {
      session?.hold();
    },
    refer(target) {
      const call = state.call;
      if (!session || !call) return;
      session.refer(sipUri(target), {
        eventHandlers: {
          requestSucceeded: () => call.events.push('refer:202'),
          requestFailed: () => call.events.push('refer:refused'),
          accepted: () => call.events.push('refer:accepted'),
          failed: () => call.events.push('refer:failed'),
        },
      });
    },
    hangup() {
      session?.terminate();
    },
    async rtp() {
      const counters: RtpCounters = { packetsReceived: 0, packetsSent: 0 };
      const stats = await session?.connection?.getStats();
      stats?.forEach((report: { type: string; kind?: string; packetsReceived?: number; packetsSent?: number }) => {
        if (report.kind !== 'audio') return;
        if (report.type === 'inbound-rtp') counters.packetsReceived += report.packetsReceived ?? 0;
        if (report.type === 'outbound-rtp') counters.packetsSent += report.packetsSent ?? 0;
      });
      return counters;
    },
    async receivedAudioLevel(durationMs) {
      const stream = remoteAudio();
      // Chromium feeds WebAudio from a remote WebRTC track only while a media element plays it.
      const element = new Audio();
      element.muted = true;
      element.srcObject = stream;
      await element.play();
      const context = new AudioContext();
      const analyser = context.createAnalyser();
      analyser.fftSize = 2048;
      context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      let peakRms = 0;
      const until = performance.now() + durationMs;
      while (performance.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const sample of samples) sum += sample * sample;
        peakRms = Math.max(peakRms, Math.sqrt(sum / samples.length));
      }
      await context.close();
      element.srcObject = null;
      return peakRms;
    },
    sendMessage(target, body, extraHeaders, fromUserName) {
      return new Promise((resolve) => {
        ua.sendMessage(sipUri(target), body, {
          extraHeaders,
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
    publish(event, contentType, body, { expires, etag }) {
      const { OutgoingRequest, RequestSender } = w.JsSIPInternals;
      const self = new JsSIP.URI('sip', user, domain);
      const headers = [
        `Event: ${event}`,
        `Expires: ${expires}`,
        `Content-Type: ${contentType}`,
        ...(etag === null ? [] : [`SIP-If-Match: ${etag}`]),
      ];
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

/** A loopback HTTP server for the page and its JsSIP bundle. */
export class JsSIPHarness {
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<JsSIPHarness> {
    const jssip = await bundleJsSIP();
    const server = createServer((request, response) => {
      if (request.url === '/jssip.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(jssip);
      } else {
        response
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!doctype html><title>JsSIP</title><script src="/jssip.js"></script>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new JsSIPHarness(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  }

  /** A page of its own (own browser context) with a JsSIP UA registering as `config.user`. */
  async open(browser: Browser, config: JsSIPPhoneConfig): Promise<JsSIPPhone> {
    const page = await (await browser.newContext()).newPage();
    // Code run by tsx (the benches) keeps function names with an `__name(…)` helper, which functions
    // sent to the page bring along.
    await page.addInitScript({ content: 'window.__name = (target) => target;' });
    await page.goto(this.url);
    await page.evaluate(installPhone, config);
    return new JsSIPPhone(page);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export class JsSIPPhone {
  constructor(readonly page: Page) {}

  state(): Promise<PhoneState> {
    return this.page.evaluate(() => (window as unknown as HarnessWindow).phone.state);
  }

  /** Calls `target` (a user, a number or a SIP URI); `fromUserName` replaces the From user. */
  async call(target: string, extraHeaders: string[] = [], fromUserName?: string): Promise<void> {
    await this.page.evaluate(
      ([to, headers, fromUser]) => (window as unknown as HarnessWindow).phone.call(to, headers, fromUser ?? undefined),
      [target, extraHeaders, fromUserName ?? null] as const,
    );
  }

  /** Asks the other side to call `target` (REFER); it declines, and tells us in a NOTIFY. */
  async refer(target: string): Promise<void> {
    await this.page.evaluate((to) => (window as unknown as HarnessWindow).phone.refer(to), target);
  }

  /** The INVITE of the first incoming call after `callCount` calls, as this page received it. */
  async incomingInvite(callCount: number, timeoutMs = 10_000): Promise<string> {
    let invite: string | null = null;
    await expect
      .poll(
        async () => {
          const { callCount: now, call } = await this.state();
          invite = now > callCount && call?.originator === 'remote' && call.rawInvite ? call.rawInvite : null;
          return invite !== null;
        },
        { message: `an incoming call after ${callCount} calls`, timeout: timeoutMs },
      )
      .toBe(true);
    if (invite === null) throw new Error('no incoming INVITE');
    return invite;
  }

  /** Puts the call on hold: a re-INVITE with a sendonly offer. */
  async hold(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as HarnessWindow).phone.hold());
  }

  async answer(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as HarnessWindow).phone.answer());
  }

  async hangUp(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as HarnessWindow).phone.hangup());
  }

  /** Audio RTP packets received and sent in the current call (RTCPeerConnection.getStats). */
  rtp(): Promise<RtpCounters> {
    return this.page.evaluate(() => (window as unknown as HarnessWindow).phone.rtp());
  }

  /** The loudest RMS (0…1) of the call's received audio over `durationMs`, through a WebAudio analyser. */
  receivedAudioLevel(durationMs = 1_500): Promise<number> {
    return this.page.evaluate((ms) => (window as unknown as HarnessWindow).phone.receivedAudioLevel(ms), durationMs);
  }

  sendMessage(target: string, body: string, extraHeaders: string[] = [], fromUserName?: string): Promise<SendResult> {
    return this.page.evaluate(
      ([to, text, headers, fromUser]) => (window as unknown as HarnessWindow).phone.sendMessage(to, text, headers, fromUser ?? undefined),
      [target, body, extraHeaders, fromUserName ?? null] as const,
    );
  }

  async subscribe(target: string, event: string, accept: string): Promise<void> {
    await this.page.evaluate(([to, name, type]) => (window as unknown as HarnessWindow).phone.subscribe(to, name, type), [
      target,
      event,
      accept,
    ] as const);
  }

  /** By default a new publication (no SIP-If-Match) of 300 s. */
  publish(event: string, contentType: string, body: string, options: Partial<PublishOptions> = {}): Promise<SendResult> {
    const full: PublishOptions = { expires: 300, etag: null, ...options };
    return this.page.evaluate(([name, type, text, opts]) => (window as unknown as HarnessWindow).phone.publish(name, type, text, opts), [
      event,
      contentType,
      body,
      full,
    ] as const);
  }

  async close(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as HarnessWindow).phone.stop()).catch(() => undefined);
    await this.page.context().close();
  }
}
