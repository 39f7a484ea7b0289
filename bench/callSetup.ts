// Call setup on loopback through the test PBX, whose rtpengine anchors every call's media, driven
// as a user drives it: the app (a browser shell, alice) types the number in the Telefon view's
// dialer and clicks Ring; a bare JsSIP page calls ua.call from a button's click handler. Both are
// timed from the click the page dispatches to SIP messages on its WebSocket (bench/sipWire.ts):
// - to a softphone that answers at once (a second bare page, or bob's shell, who clicks Svara as
//   soon as his phone shows the call): click → INVITE leaves, click → ACK arrives at the callee;
// - to a desk phone (baresip over UDP, answering at once; rtpengine bridges WebRTC to plain RTP):
//   click → INVITE leaves, click → the caller sends the ACK;
// - the app as callee (bob's shell, against a bare callee page): INVITE arrives → 180 leaves.
// The phone's test hook only reads state, to wait for a call's end; it never dials.
//   npm run build && npx tsx bench/callSetup.ts [--calls 30]
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import type * as JsSIPModule from 'jssip';
import type { RTCSessionEvent } from 'jssip/lib/UA';
import { startPbx, type RunningPbx } from '../test/pbx/pbx';
import { DeskPhone } from '../test/support/baresip';
import { ALICE, BOB, pbxUser, showView, startPhoneShell } from '../test/e2e/support/phoneUsers';
import type { ShellProcess } from '../test/e2e/support/shellProcess';
import { serveJsSIPPage } from '../test/support/jssipPage';
import { launchChromium, newPage, summary } from './jssipPage';
import { ackOfAnswer, clearWire, firstOnWire, readWire, waitForAckReceived, waitForAnswerAcked, WIRE_SCRIPT, type Wire } from './sipWire';
import { reportRows, type BenchRow } from './table';

interface BarePhone {
  registered: boolean;
  busy: boolean;
  /** What the page's Ring button calls. */
  target: string;
  hangUp(): void;
}

interface BareWindow {
  JsSIP: typeof JsSIPModule;
  bare: BarePhone;
}

const WARM_UP_CALLS = 3;
const CALL_TIMEOUT_MS = 15_000;
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

const { values } = parseArgs({ options: { calls: { type: 'string', default: '30' } } });
const calls = Number(values.calls);
if (!Number.isInteger(calls) || calls < 1) {
  console.error(`--calls must be a whole number of at least 1, not "${values.calls}"`);
  process.exit(2);
}
if (!existsSync(`${projectRoot}/out/renderer/index.html`)) {
  console.error('The renderer is not built: run `npm run build` first.');
  process.exit(2);
}

/**
 * Runs in the bare page: JsSIP with the same media and ICE settings the app uses, and nothing else,
 * and a Ring button whose click handler calls `ua.call`.
 */
function installBarePhone({
  wsUrl,
  uri,
  password,
  fromUser,
  autoAnswer,
}: {
  wsUrl: string;
  uri: string;
  password: string;
  fromUser: string;
  autoAnswer: boolean;
}): void {
  const w = window as unknown as BareWindow;
  const { JsSIP } = w;
  const media = { mediaConstraints: { audio: true, video: false }, pcConfig: { iceServers: [] } };
  const ua = new JsSIP.UA({ sockets: [new JsSIP.WebSocketInterface(wsUrl)], uri, password, session_timers: false });
  let current: ReturnType<typeof ua.call> | null = null;
  const phone: BarePhone = {
    registered: false,
    busy: false,
    target: '',
    hangUp() {
      current?.terminate();
    },
  };
  const ring = document.createElement('button');
  ring.type = 'button';
  ring.textContent = 'Ring';
  ring.addEventListener('click', () => {
    current = ua.call(phone.target, {
      ...media,
      // the caller ID the way a stock PBX takes it (RFC 3325); the From user stays the digest user
      extraHeaders: [`P-Preferred-Identity: <sip:${fromUser}@${uri.split('@')[1]}>`],
      eventHandlers: { icecandidate: (event) => event.ready() },
    });
  });
  document.body.append(ring);
  ua.on('registered', () => {
    phone.registered = true;
  });
  ua.on('newRTCSession', ({ session, originator }: RTCSessionEvent) => {
    phone.busy = true;
    session.on('ended', () => (phone.busy = false));
    session.on('failed', () => (phone.busy = false));
    if (originator === 'remote' && autoAnswer) {
      session.on('icecandidate', (event) => event.ready());
      session.answer(media);
    }
  });
  w.bare = phone;
  ua.start();
}

/** Runs inside bob's page: clicks the answer button of every call his phone shows ringing, the moment it appears. */
function answerEveryCall(): void {
  const answer = () => document.querySelector<HTMLButtonElement>('[data-testid="incoming-call"] .phone-button--answer')?.click();
  new MutationObserver(answer).observe(document.body, { childList: true, subtree: true });
}

/** What one call yields, in ms from the click that placed it. */
interface CallerTiming {
  toInvite: number;
  /** To the ACK arriving at the callee, or, for a desk phone, leaving the caller. */
  toAck: number;
}

/** Both ends of a call, as the benchmark drives and waits for them. */
interface Caller {
  page: Page;
  /** Clicks Ring for `target`, as the user (or the bare page's user) does. */
  ring(target: string): Promise<void>;
  hangUp(): Promise<void>;
  /** Called before the call; the returned wait ends once the caller is idle again. */
  idle(): Promise<() => Promise<unknown>>;
}

interface Callee {
  /** The callee's page, whose WebSocket the ACK arrives on; null for the desk phone. */
  page: Page | null;
  /** Called before the call; the returned wait ends once the call is over there. */
  ended(): Promise<() => Promise<unknown>>;
}

const latestHistoryId = (page: Page) => page.evaluate(() => window.phoneTestHook?.latestHistoryId() ?? null);

/** Over once the page has no call and its history has a new entry. */
function appIdle(page: Page): () => Promise<() => Promise<unknown>> {
  return async () => {
    const before = await latestHistoryId(page);
    return () =>
      page.waitForFunction(
        (previous) => window.phoneTestHook?.calls().length === 0 && window.phoneTestHook.latestHistoryId() !== previous,
        before,
        { timeout: CALL_TIMEOUT_MS },
      );
  };
}

function bareIdle(page: Page): () => Promise<() => Promise<unknown>> {
  return async () => () => page.waitForFunction(() => !(window as unknown as BareWindow).bare.busy, null, { timeout: CALL_TIMEOUT_MS });
}

function appCaller(page: Page): Caller {
  return {
    page,
    async ring(target) {
      await page.getByLabel('Namn, nummer eller SIP-adress').fill(target);
      await page.getByRole('button', { name: 'Ring', exact: true }).click();
    },
    async hangUp() {
      await page.getByTestId('active-call').getByRole('button', { name: 'Lägg på' }).click();
    },
    idle: appIdle(page),
  };
}

function bareCaller(page: Page): Caller {
  return {
    page,
    async ring(target) {
      await page.evaluate((to) => ((window as unknown as BareWindow).bare.target = to), target);
      await page.getByRole('button', { name: 'Ring', exact: true }).click();
    },
    async hangUp() {
      await page.evaluate(() => (window as unknown as BareWindow).bare.hangUp());
    },
    idle: bareIdle(page),
  };
}

function pageCallee(page: Page, idle: () => Promise<() => Promise<unknown>>): Callee {
  return { page, ended: idle };
}

function deskCallee(phone: DeskPhone): Callee {
  return {
    page: null,
    ended: async () => {
      const after = phone.eventCount;
      return () => phone.waitFor('CALL_CLOSED', { after, timeoutMs: CALL_TIMEOUT_MS });
    },
  };
}

/** One call, from the click on Ring to both ends idle again; returns the caller's and the callee's wire. */
async function placeCall(caller: Caller, target: string, callee: Callee): Promise<{ caller: Wire; callee: Wire | null }> {
  const callerIdle = await caller.idle();
  const calleeEnded = await callee.ended();
  await clearWire(caller.page);
  if (callee.page) await clearWire(callee.page);
  await caller.ring(target);
  await waitForAnswerAcked(caller.page, CALL_TIMEOUT_MS);
  if (callee.page) await waitForAckReceived(callee.page, CALL_TIMEOUT_MS);
  const wires = { caller: await readWire(caller.page), callee: callee.page ? await readWire(callee.page) : null };
  await caller.hangUp();
  // Settled: both calls are over, so the next call does not share the CPU with this one's ending.
  await callerIdle();
  await calleeEnded();
  return wires;
}

function stamp(event: { at: number } | null, what: string): number {
  if (!event) throw new Error(`${what} was not seen on the wire`);
  return event.at;
}

async function timedCall(caller: Caller, target: string, callee: Callee): Promise<CallerTiming> {
  const wires = await placeCall(caller, target, callee);
  const clickAt = stamp(wires.caller.clickAt === null ? null : { at: wires.caller.clickAt }, 'the click on Ring');
  const invite = stamp(firstOnWire(wires.caller, 'out', 'INVITE '), 'the INVITE');
  const ack = wires.callee
    ? stamp(firstOnWire(wires.callee, 'in', 'ACK '), "the callee's ACK")
    : stamp(ackOfAnswer(wires.caller), "the caller's ACK");
  return { toInvite: invite - clickAt, toAck: ack - clickAt };
}

/** At the callee: from its INVITE arriving to its 180 leaving. */
async function ringingCall(caller: Caller, target: string, callee: Callee): Promise<number> {
  const wires = await placeCall(caller, target, callee);
  if (!wires.callee) throw new Error('the callee has no page to read');
  const invite = stamp(firstOnWire(wires.callee, 'in', 'INVITE '), 'the INVITE at the callee');
  return stamp(firstOnWire(wires.callee, 'out', 'SIP/2.0 180', 'INVITE', invite), 'the 180') - invite;
}

/** The bare pages register as users of their own: two registrations of one user would both ring. */
const BARE_ALICE = { user: 'bare-alice', password: 'bare-alice-pass', numbers: ['+46812345611'] };
const BARE_BOB = { user: 'bare-bob', password: 'bare-bob-pass', numbers: ['+46812345612'] };
/** A colleague's desk phone, which both callers call in turn. */
const DESK = { user: 'desk', password: 'desk-pass', numbers: ['+46812345613'] };

/** Warms up, then runs `calls` calls of each kind, interleaved, so drift in the machine's load hits both alike. */
async function measure<T>(path: { app: () => Promise<T>; bare: () => Promise<T> }): Promise<{ app: T[]; bare: T[] }> {
  for (let index = 0; index < WARM_UP_CALLS; index++) {
    await path.app();
    await path.bare();
  }
  const app: T[] = [];
  const bare: T[] = [];
  for (let index = 0; index < calls; index++) {
    app.push(await path.app());
    bare.push(await path.bare());
  }
  return { app, bare };
}

async function main(): Promise<void> {
  const pbx: RunningPbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(BOB), BARE_ALICE, BARE_BOB, DESK] });
  const shells: ShellProcess[] = [];
  let desk: DeskPhone | null = null;
  let browser: Browser | null = null;
  let harness: Server | null = null;
  try {
    shells.push(await startPhoneShell(pbx, ALICE), await startPhoneShell(pbx, BOB));
    harness = await serveJsSIPPage();
    browser = await launchChromium();
    const appAlice = await newPage(browser, shells[0]!.url, [WIRE_SCRIPT]);
    const appBob = await newPage(browser, shells[1]!.url, [WIRE_SCRIPT]);
    for (const page of [appAlice, appBob]) {
      await page.waitForFunction(() => window.phoneTestHook?.registered() === true, null, { timeout: CALL_TIMEOUT_MS });
      await showView(page, 'Telefon');
    }
    await appBob.evaluate(answerEveryCall);

    const harnessUrl = `http://127.0.0.1:${(harness.address() as AddressInfo).port}/`;
    const bareAlice = await newPage(browser, harnessUrl, [WIRE_SCRIPT]);
    const bareBob = await newPage(browser, harnessUrl, [WIRE_SCRIPT]);
    const install = (page: Page, user: typeof BARE_ALICE, autoAnswer: boolean) =>
      page.evaluate(installBarePhone, {
        wsUrl: pbx.wsUrl,
        uri: `sip:${user.user}@${pbx.domain}`,
        password: user.password,
        fromUser: user.numbers[0]!,
        autoAnswer,
      });
    await install(bareAlice, BARE_ALICE, false);
    await install(bareBob, BARE_BOB, true);
    for (const page of [bareAlice, bareBob]) {
      await page.waitForFunction(() => (window as unknown as BareWindow).bare.registered, null, { timeout: CALL_TIMEOUT_MS });
    }
    desk = await DeskPhone.start({
      user: DESK.user,
      password: DESK.password,
      domain: pbx.domain,
      outboundProxy: pbx.sipUdpUri,
      answerMode: 'auto',
    });

    const app = appCaller(appAlice);
    const bare = bareCaller(bareAlice);
    const appBobCallee = pageCallee(appBob, appIdle(appBob));
    const bareBobCallee = pageCallee(bareBob, bareIdle(bareBob));
    const deskPhone = deskCallee(desk);
    const sip = (number: string) => `sip:${number}@${pbx.domain}`;
    // Both dial a number and present one, so both take the same path through the PBX.
    const softphones = await measure({
      app: () => timedCall(app, BOB.landline, appBobCallee),
      bare: () => timedCall(bare, sip(BARE_BOB.numbers[0]!), bareBobCallee),
    });
    const deskNumber = DESK.numbers[0]!;
    const deskPhones = await measure({
      app: () => timedCall(app, deskNumber, deskPhone),
      bare: () => timedCall(bare, sip(deskNumber), deskPhone),
    });
    const ringing = await measure({
      app: () => ringingCall(bare, sip(BOB.e164.landline), appBobCallee),
      bare: () => ringingCall(bare, sip(BARE_BOB.numbers[0]!), bareBobCallee),
    });
    reportRows([
      ...callerRows(
        'to a softphone',
        'the ACK arrives at the callee (WebRTC on both legs, through rtpengine)',
        'click → ACK at callee',
        softphones,
      ),
      ...callerRows(
        'to a desk phone',
        'the caller sends the ACK (rtpengine bridges WebRTC to RTP over UDP)',
        'click → ACK sent',
        deskPhones,
      ),
      {
        figure: 'app as callee: INVITE → 180 (median)',
        definition:
          "from the INVITE arriving on the callee's WebSocket to its 180 leaving; a bare JsSIP page called by the same caller as anchor",
        unit: 'ms',
        app: summary(ringing.app).median,
        anchorName: 'bare JsSIP',
        anchor: summary(ringing.bare).median,
      },
    ]);
    printSpread('INVITE → 180 at the callee', ringing.app, ringing.bare);
  } catch (error) {
    console.error(`Kamailio's log ends with:\n${readFileSync(pbx.logFile, 'utf8').split('\n').slice(-40).join('\n')}`);
    throw error;
  } finally {
    await desk?.stop();
    await browser?.close();
    harness?.closeAllConnections();
    harness?.close();
    for (const shell of shells) await shell.stop();
    await pbx.stop();
  }
}

function callerRows(
  path: string,
  ackDefinition: string,
  ackFigure: string,
  { app, bare }: { app: CallerTiming[]; bare: CallerTiming[] },
): BenchRow[] {
  const median = (timings: CallerTiming[], pick: (timing: CallerTiming) => number) => summary(timings.map(pick)).median;
  printSpread(
    `call ${path}: click → INVITE leaves`,
    app.map((t) => t.toInvite),
    bare.map((t) => t.toInvite),
  );
  printSpread(
    `call ${path}: ${ackFigure}`,
    app.map((t) => t.toAck),
    bare.map((t) => t.toAck),
  );
  return [
    {
      figure: `call ${path}: click → INVITE leaves (median)`,
      definition:
        "from the click on Ring (the Telefon view's dialer; the bare page's button) to the first INVITE on the caller's WebSocket",
      unit: 'ms',
      app: median(app, (timing) => timing.toInvite),
      anchorName: 'bare JsSIP',
      anchor: median(bare, (timing) => timing.toInvite),
      maxRatio: 1.1,
    },
    {
      figure: `call ${path}: ${ackFigure} (median)`,
      definition: `from the click on Ring until ${ackDefinition}`,
      unit: 'ms',
      app: median(app, (timing) => timing.toAck),
      anchorName: 'bare JsSIP',
      anchor: median(bare, (timing) => timing.toAck),
    },
  ];
}

function printSpread(title: string, app: number[], bare: number[]): void {
  const format = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
  const line = (name: string, samples: number[]) => {
    const { median, p95 } = summary(samples);
    return `  ${name.padEnd(11)} median ${format(median)}   p95 ${format(p95)}`;
  };
  console.log(
    `\n${title}, ${app.length} calls each (after ${WARM_UP_CALLS} warm-up calls)\n${line('bare JsSIP', bare)}\n${line('app', app)}`,
  );
}

// Child processes and handles (Chromium, esbuild) must not keep a finished benchmark alive.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
