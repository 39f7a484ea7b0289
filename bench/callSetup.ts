// Call setup on loopback through the test PBX, whose rtpengine anchors every call's media: the app
// (a browser shell, alice) against a bare JsSIP page doing the same, in the same run, on two paths:
// - to a softphone that answers at once (a second bare page, or bob's shell, who clicks Svara as
//   soon as his phone shows the call): WebRTC on both legs;
// - to a desk phone (baresip over UDP, answering at once): rtpengine bridges WebRTC to plain RTP.
//   npx electron-vite build && npx tsx bench/callSetup.ts [--calls 30]
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
import { ALICE, BOB, pbxUser, startPhoneShell } from '../test/e2e/support/phoneUsers';
import type { ShellProcess } from '../test/e2e/support/shellProcess';
import { launchChromium, newPage, summary } from './jssipPage';
import { serveJsSIPPage } from '../test/support/jssipPage';
import { reportRows } from './table';

interface Timing {
  /** From the dial (ua.call) to the confirmed event: what the user waits for. */
  fromDialMs: number;
  /** From the INVITE leaving to the confirmed event. */
  fromInviteMs: number;
}

interface BarePhone {
  registered: boolean;
  busy: boolean;
  call(target: string): Promise<Timing>;
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
  console.error('The renderer is not built: run `npx electron-vite build` first.');
  process.exit(2);
}

/** Runs in the bare page: JsSIP with the same media and ICE settings the app uses, and nothing else. */
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
    call(target) {
      return new Promise((resolve, reject) => {
        const dialedAt = performance.now();
        let inviteSentAt = dialedAt;
        phone.busy = true;
        current = ua.call(target, {
          ...media,
          // the caller ID the way a stock PBX takes it (RFC 3325); the From user stays the digest user
          extraHeaders: [`P-Preferred-Identity: <sip:${fromUser}@${uri.split('@')[1]}>`],
          eventHandlers: {
            icecandidate: (event) => event.ready(),
            sending: () => {
              inviteSentAt = performance.now();
            },
            confirmed: () => {
              const now = performance.now();
              resolve({ fromDialMs: now - dialedAt, fromInviteMs: now - inviteSentAt });
            },
            failed: (event) => reject(new Error(`call failed: ${event.cause}`)),
          },
        });
      });
    },
    hangUp() {
      current?.terminate();
    },
  };
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

/** The callee's side of one call: called before the call is placed, it returns a wait for the call to be over there. */
type Callee = () => Promise<() => Promise<unknown>>;

const latestHistoryId = (page: Page) => page.evaluate(() => window.phoneTestHook?.latestHistoryId() ?? null);

/** Over once the page has no call and its history has a new entry. */
async function appCallEnded(page: Page, previousHistoryId: string | null): Promise<void> {
  await page.waitForFunction(
    (previous) => window.phoneTestHook?.calls().length === 0 && window.phoneTestHook.latestHistoryId() !== previous,
    previousHistoryId,
    { timeout: CALL_TIMEOUT_MS },
  );
}

function appCallee(page: Page): Callee {
  return async () => {
    const before = await latestHistoryId(page);
    return () => appCallEnded(page, before);
  };
}

function bareCallee(page: Page): Callee {
  return async () => () => page.waitForFunction(() => !(window as unknown as BareWindow).bare.busy, null, { timeout: CALL_TIMEOUT_MS });
}

function deskCallee(phone: DeskPhone): Callee {
  return async () => {
    const after = phone.eventCount;
    return () => phone.waitFor('CALL_CLOSED', { after, timeoutMs: CALL_TIMEOUT_MS });
  };
}

async function appCall(alice: Page, target: string, callee: Callee): Promise<Timing> {
  const before = await latestHistoryId(alice);
  const calleeEnded = await callee();
  const callId = await alice.evaluate((text) => {
    const placed = window.phoneTestHook?.dial(text);
    if (!placed?.ok) throw new Error(`dial refused: ${placed ? placed.error.message : 'no test hook'}`);
    return placed.value;
  }, target);
  const setup = await alice.waitForFunction((id) => window.phoneTestHook?.calls().find((call) => call.id === id)?.setup ?? null, callId, {
    timeout: CALL_TIMEOUT_MS,
  });
  const timing = (await setup.jsonValue()) as Timing;
  await alice.evaluate((id) => window.phoneTestHook?.hangUp(id), callId);
  // Settled: both calls are over, so the next call does not share the CPU with this one's ending.
  await appCallEnded(alice, before);
  await calleeEnded();
  return timing;
}

async function bareCall(alice: Page, target: string, callee: Callee): Promise<Timing> {
  const calleeEnded = await callee();
  const timing = await alice.evaluate((to) => (window as unknown as BareWindow).bare.call(to), target);
  await alice.evaluate(() => (window as unknown as BareWindow).bare.hangUp());
  await bareCallee(alice)().then((ended) => ended());
  await calleeEnded();
  return timing;
}

/** The bare pages register as users of their own: two registrations of one user would both ring. */
const BARE_ALICE = { user: 'bare-alice', password: 'bare-alice-pass', numbers: ['+46812345611'] };
const BARE_BOB = { user: 'bare-bob', password: 'bare-bob-pass', numbers: ['+46812345612'] };
/** A colleague's desk phone, which both callers call in turn. */
const DESK = { user: 'desk', password: 'desk-pass', numbers: ['+46812345613'] };

/** One caller, one callee: how the benchmark places a call and waits for both ends to be over. */
interface CallPath {
  app: () => Promise<Timing>;
  bare: () => Promise<Timing>;
}

/** Warms up, then runs `calls` calls of each kind, interleaved, so drift in the machine's load hits both alike. */
async function measure(path: CallPath): Promise<{ app: Timing[]; bare: Timing[] }> {
  for (let index = 0; index < WARM_UP_CALLS; index++) {
    await path.app();
    await path.bare();
  }
  const app: Timing[] = [];
  const bare: Timing[] = [];
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
    const appAlice = await newPage(browser, shells[0]!.url);
    const appBob = await newPage(browser, shells[1]!.url);
    for (const page of [appAlice, appBob]) {
      await page.waitForFunction(() => window.phoneTestHook?.registered() === true, null, { timeout: CALL_TIMEOUT_MS });
    }
    await appBob.evaluate(answerEveryCall);

    const harnessUrl = `http://127.0.0.1:${(harness.address() as AddressInfo).port}/`;
    const bareAlice = await newPage(browser, harnessUrl);
    const bareBob = await newPage(browser, harnessUrl);
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
    const deskPhone = desk;

    // Both dial a number and present one, so both take the same path through the PBX.
    const softphones = await measure({
      app: () => appCall(appAlice, BOB.landline, appCallee(appBob)),
      bare: () => bareCall(bareAlice, `sip:${BARE_BOB.numbers[0]}@${pbx.domain}`, bareCallee(bareBob)),
    });
    const deskNumber = DESK.numbers[0]!;
    const deskPhones = await measure({
      app: () => appCall(appAlice, deskNumber, deskCallee(deskPhone)),
      bare: () => bareCall(bareAlice, `sip:${deskNumber}@${pbx.domain}`, deskCallee(deskPhone)),
    });
    report('to a softphone (WebRTC on both legs, through rtpengine)', softphones);
    report('to a desk phone (rtpengine bridges WebRTC to plain RTP over UDP)', deskPhones);
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

function report(path: string, { app, bare }: { app: Timing[]; bare: Timing[] }): void {
  const row = (label: string, samples: number[]) => {
    const { median, p95 } = summary(samples);
    return { label, median, p95 };
  };
  const format = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
  console.log(`\nCall setup on loopback through Kamailio ${path}, ${app.length} calls each (after ${WARM_UP_CALLS} warm-up calls):`);
  for (const [title, pick] of [
    ['INVITE sent → confirmed', (timing: Timing) => timing.fromInviteMs],
    ['dial → confirmed (media, offer, INVITE, answer, ACK)', (timing: Timing) => timing.fromDialMs],
  ] as const) {
    const appRow = row('app', app.map(pick));
    const bareRow = row('bare JsSIP', bare.map(pick));
    console.log(`\n${title}`);
    console.log(`  ${'bare JsSIP'.padEnd(11)} median ${format(bareRow.median)}   p95 ${format(bareRow.p95)}`);
    console.log(`  ${'app'.padEnd(11)} median ${format(appRow.median)}   p95 ${format(appRow.p95)}`);
    console.log(`  ratio app/bare: median ${(appRow.median / bareRow.median).toFixed(2)}, p95 ${(appRow.p95 / bareRow.p95).toFixed(2)}`);
  }
  const beforeInvite = (timing: Timing) => timing.fromDialMs - timing.fromInviteMs;
  const medianOf = (timings: Timing[], pick: (timing: Timing) => number) => summary(timings.map(pick)).median;
  reportRows([
    {
      figure: `call ${path}: dial → confirmed (median)`,
      definition: 'from the dial request to the confirmed dialog at the caller, through Kamailio and rtpengine',
      unit: 'ms',
      app: medianOf(app, (timing) => timing.fromDialMs),
      anchorName: 'bare JsSIP',
      anchor: medianOf(bare, (timing) => timing.fromDialMs),
    },
    {
      figure: `call ${path}: dial → INVITE sent (median)`,
      definition: "from the dial request until the INVITE leaves the caller (media, offer and the app's own work)",
      unit: 'ms',
      app: medianOf(app, beforeInvite),
      anchorName: 'bare JsSIP',
      anchor: medianOf(bare, beforeInvite),
      maxRatio: 1.1,
    },
  ]);
}

// Child processes and handles (Chromium, esbuild) must not keep a finished benchmark alive.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
