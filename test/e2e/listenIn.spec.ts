// Listen-in end to end through Kamailio: alice, on the app, talks with a plain JsSIP caller; each
// browser's microphone is its own espeak-ng file (--use-file-for-fake-audio-capture). Bob, a
// supervisor on the app, listens in from Kollegor; what he receives is judged by pocketsphinx.
// Carol's app thinks she is a supervisor, but alice's directory does not, so she is refused.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium';
import { callerState, callerUrlOf, callFrom, openCaller, recognise } from './support/hearingCaller';
import { serveJsSIPPage } from '../support/jssipPage';
import { JsSIPHarness } from './support/jssipPhone';
import { latestCallRtp, notePeerConnections, recordLatestCallAudio } from './support/peerConnections';
import { activeCall, ALICE, BOB, CAROL, editProfile, incomingCall, pbxUser, PhoneSet, showView } from './support/phoneUsers';

test.describe.configure({ mode: 'serial' });

const CALLER = { user: 'dave', password: 'dave-pass' };
const FORGER = { user: 'eve', password: 'eve-pass' };
const CALLER_WORDS = 'the meeting starts at noon';
const ALICE_WORDS = 'thank you for calling support';
// Distractors, so that a missing voice cannot be heard as the other one's words.
const GRAMMAR = `#JSGF V1.0;
grammar listenin;
public <utterance> = ${CALLER_WORDS} | ${ALICE_WORDS} | please check my order number | send the invoice today | good morning everyone;
`;
// Chromium loops each file, from when each browser opened its microphone. Different lengths make
// the two voices drift apart, so that within a few loops each speaks while the other is silent.
const CALLER_LOOP_S = 6;
const ALICE_LOOP_S = 8;
const LISTEN_ROUND_MS = 13_000;
const LISTEN_ROUNDS = 5;

let work: string;
let pbx: RunningPbx;
let pageServer: Server;
let harness: JsSIPHarness;
const browsers: Browser[] = [];
const phones = new PhoneSet();
let alice: Page;
let bob: Page;
let carol: Page;
let caller: Page;

/** A WAV of `words` spoken by espeak-ng, padded with silence to `loopSeconds`. */
function spokenLoop(name: string, words: string, loopSeconds: number): string {
  const spoken = join(work, `${name}-spoken.wav`);
  const file = join(work, `${name}.wav`);
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', '140', '-w', spoken, words]);
  const seconds = Number(execFileSync('soxi', ['-D', spoken], { encoding: 'utf8' }));
  execFileSync('sox', [spoken, '-r', '48000', '-b', '16', '-c', '1', file, 'pad', '0.3', String(loopSeconds - seconds - 0.3)]);
  return file;
}

async function launch(microphoneFile?: string): Promise<Browser> {
  const args = microphoneFile ? [...CHROMIUM_ARGS, `--use-file-for-fake-audio-capture=${microphoneFile}`] : CHROMIUM_ARGS;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args });
  browsers.push(browser);
  return browser;
}

const listenInStatus = (page: Page) => page.getByTestId('listen-in-status');
const listenerIndicator = (page: Page) => activeCall(page).getByTestId('listener-indicator');

async function listenInOnAlice(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: `Medlyssna på ${ALICE.displayName}` });
  await expect(button).toBeVisible({ timeout: 20_000 });
  await button.click();
}

async function setAliceAllowsListenIn(allow: boolean): Promise<void> {
  await editProfile(alice, 'available', (profile) => ({ ...profile, allowListenIn: allow }));
}

const confirmedCalls = async () => (await callerState(caller)).events.filter((event) => event === 'confirmed').length;

/** Alice in an answered call with the caller: placed again when a test before this one ended it. */
async function aliceTalkingWithCaller(): Promise<void> {
  if ((await activeCall(alice).count()) > 0) return;
  const confirmedBefore = await confirmedCalls();
  await callFrom(caller, ALICE.user, true);
  await expect(incomingCall(alice)).toBeVisible();
  await incomingCall(alice)
    .getByRole('button', { name: /^Svara/ })
    .click();
  await expect(activeCall(alice)).toHaveAttribute('data-status', 'active');
  await expect.poll(confirmedCalls).toBe(confirmedBefore + 1);
}

/** Bob listening in on alice's call, whatever the tests before this one left. */
async function bobListening(): Promise<void> {
  await setAliceAllowsListenIn(true);
  const status = listenInStatus(bob);
  if ((await status.count()) > 0 && (await status.getAttribute('data-state')) === 'listening') return;
  await listenInOnAlice(bob);
  await expect(status).toHaveAttribute('data-state', 'listening');
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  work = mkdtempSync(join(tmpdir(), 'profiltelefon-listen-in-'));
  const aliceBrowser = await launch(spokenLoop('alice', ALICE_WORDS, ALICE_LOOP_S));
  const callerBrowser = await launch(spokenLoop('caller', CALLER_WORDS, CALLER_LOOP_S));
  const othersBrowser = await launch();
  pbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(BOB), pbxUser(CAROL), { ...CALLER, numbers: [] }, { ...FORGER, numbers: [] }] });
  pageServer = await serveJsSIPPage();
  harness = await JsSIPHarness.start();

  const aliceUri = `sip:${ALICE.user}@${pbx.domain}`;
  alice = (
    await phones.open(
      aliceBrowser,
      pbx,
      ALICE,
      {
        addOns: { listenIn: true },
        directory: [
          { name: BOB.displayName, uri: `sip:${BOB.user}@${pbx.domain}`, supervisor: true },
          { name: CAROL.displayName, uri: `sip:${CAROL.user}@${pbx.domain}` },
        ],
      },
      notePeerConnections,
    )
  ).page;
  const supervisorSettings = { addOns: { listenIn: true }, supervisor: true, directory: [{ name: ALICE.displayName, uri: aliceUri }] };
  bob = (await phones.open(othersBrowser, pbx, BOB, supervisorSettings, notePeerConnections)).page;
  carol = (await phones.open(othersBrowser, pbx, CAROL, supervisorSettings)).page;
  for (const page of [alice, bob, carol]) await expect(page.getByTestId('registration-status')).toHaveAttribute('data-state', 'registered');
  await showView(bob, 'Kollegor');
  await showView(carol, 'Kollegor');

  caller = await openCaller(callerBrowser, callerUrlOf(pageServer), pbx, CALLER);
});

test.beforeEach(aliceTalkingWithCaller);

test.afterAll(async () => {
  await phones.closeAll();
  for (const browser of browsers.splice(0)) await browser.close();
  pageServer?.close();
  await harness?.close();
  await pbx?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('on a profile that does not allow listen-in, bob is told so and alice’s call goes on untouched', async () => {
  await setAliceAllowsListenIn(false);
  await listenInOnAlice(bob);
  await expect(listenInStatus(bob)).toHaveAttribute('data-state', 'refused');
  await expect(listenInStatus(bob)).toHaveText(
    `Medlyssning nekades. Den aktiva profilen hos ${ALICE.displayName} tillåter inte medlyssning.`,
  );
  await expect(listenerIndicator(alice)).toHaveCount(0);
  await expect(incomingCall(alice)).toHaveCount(0);
  await expect(activeCall(alice)).toHaveAttribute('data-status', 'active');
  expect((await callerState(caller)).events).not.toContain('ended');
});

test('bob listens in: he hears both alice and the caller, alice sees him and hears nothing from him', async () => {
  test.setTimeout(150_000);
  await bobListening();
  await expect(listenInStatus(bob)).toContainText(`Du lyssnar på samtalet hos ${ALICE.displayName}.`);
  await expect(listenerIndicator(alice)).toHaveText(`${BOB.displayName} lyssnar`);
  await expect(listenerIndicator(alice)).toHaveAttribute('role', 'status');
  await expect(incomingCall(alice)).toHaveCount(0);

  // Until both voices were heard once each apart from the other, a few rounds at most.
  const heard = new Set<string>();
  for (let round = 0; round < LISTEN_ROUNDS && !(heard.has(CALLER_WORDS) && heard.has(ALICE_WORDS)); round++) {
    const wav = join(work, `bob-heard-${round}.wav`);
    await recordLatestCallAudio(bob, LISTEN_ROUND_MS, wav);
    for (const line of recognise(wav, GRAMMAR).split('\n')) heard.add(line.trim());
  }
  expect([...heard]).toEqual(expect.arrayContaining([CALLER_WORDS, ALICE_WORDS]));

  // The listen-in is alice's newest connection: it sends the mix and receives nothing.
  const rtp = await latestCallRtp(alice);
  expect(rtp.packetsSent).toBeGreaterThan(0);
  expect(rtp.packetsReceived).toBe(0);
  const directions = await alice.evaluate(() =>
    (window as unknown as { peerConnections: RTCPeerConnection[] }).peerConnections
      .at(-1)!
      .getTransceivers()
      .map((transceiver) => transceiver.currentDirection),
  );
  expect(directions).toEqual(['sendonly']);
  await expect(activeCall(alice)).toHaveAttribute('data-status', 'active');
});

test('carol, whom alice’s directory does not make a supervisor, is refused with the same marker', async () => {
  await bobListening();
  await listenInOnAlice(carol);
  await expect(listenInStatus(carol)).toHaveAttribute('data-state', 'refused');
  await expect(listenInStatus(carol)).toHaveText(
    `Medlyssning nekades. Telefonen hos ${ALICE.displayName} känner inte igen dig som arbetsledare.`,
  );
  await expect(listenerIndicator(alice)).toHaveCount(1);
  await expect(listenInStatus(bob)).toHaveAttribute('data-state', 'listening');
});

test('a caller who names himself bob and forges bob’s P-Asserted-Identity is refused: the PBX asserts who he is', async () => {
  await bobListening();
  const eve = await harness.open(browsers[2]!, {
    wsUrl: pbx.wsUrl,
    domain: pbx.domain,
    user: FORGER.user,
    password: FORGER.password,
    displayName: BOB.displayName,
  });
  const aliceUri = `sip:${ALICE.user}@${pbx.domain}`;
  await eve.call(aliceUri, [
    `Call-Info: <${aliceUri}>;purpose=listen-in;answer-after=0`,
    `P-Asserted-Identity: "${BOB.displayName}" <sip:${BOB.user}@${pbx.domain}>`,
  ]);
  await expect.poll(async () => (await eve.state()).call?.failure).toEqual({ status: 403, reason: 'Not a supervisor' });
  await expect(incomingCall(alice)).toHaveCount(0);
  await expect(listenerIndicator(alice)).toHaveCount(1);
  await expect(activeCall(alice)).toHaveAttribute('data-status', 'active');
  await eve.page.context().close();
});

test('a profile change that no longer allows listen-in ends it at once; the call goes on', async () => {
  await bobListening();
  await setAliceAllowsListenIn(false);
  await expect(listenInStatus(bob)).toHaveAttribute('data-state', 'ended');
  await expect(listenInStatus(bob)).toHaveText(`Medlyssningen hos ${ALICE.displayName} har avslutats.`);
  await expect(listenerIndicator(alice)).toHaveCount(0);
  await expect(activeCall(alice)).toHaveAttribute('data-status', 'active');
});

test('the supervisor can stop, and a listen-in ends with the call', async () => {
  await bobListening();
  await bob.getByRole('button', { name: 'Sluta lyssna' }).click();
  await expect(listenInStatus(bob)).toHaveAttribute('data-state', 'ended');
  await expect(listenerIndicator(alice)).toHaveCount(0);

  await listenInOnAlice(bob);
  await expect(listenerIndicator(alice)).toHaveCount(1);
  await activeCall(alice).getByRole('button', { name: 'Lägg på' }).click();
  await expect(activeCall(alice)).toHaveCount(0);
  await expect(listenInStatus(bob)).toHaveAttribute('data-state', 'ended');
});
