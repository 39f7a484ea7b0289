// Telling the other party the call is recorded: a plain JsSIP page (Carol) calls alice's app
// through Kamailio and records what reaches it; pocketsphinx, held to a small grammar, judges it.
// Alice answers on a profile that records; with "tell the other party" on, Carol must hear the
// words, rendered by the same speech engine (espeak-ng) as the announcements; with it off, not.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { callerState, callerUrlOf, callFrom, openCaller } from './support/hearingCaller';
import { serveJsSIPPage } from '../support/jssipPage';
import { activeCall, ALICE, CAROL, editProfile, incomingCall, type OpenPhone, pbxUser, PhoneSet } from './support/phoneUsers';

test.describe.configure({ mode: 'serial' });

let pbx: RunningPbx;
let pageServer: Server;
let callerUrl: string;
const phones = new PhoneSet();
let alice: OpenPhone;
let work: string;

/** The notice among a few other sentences, so that what the ear reports can be wrong. */
const NOTICE_GRAMMAR = `#JSGF V1.0;
grammar notice;
public <sentence> = this call is being recorded | i'm in a meeting | i'm at lunch | i've left for the day;
`;

function recognise(wav: string): string {
  const grammar = wav.replace(/\.wav$/, '.gram');
  const mono = wav.replace(/\.wav$/, '-16k.wav');
  writeFileSync(grammar, NOTICE_GRAMMAR);
  execFileSync('sox', [wav, '-r', '16000', '-c', '1', '-b', '16', mono]);
  return execFileSync('pocketsphinx_continuous', ['-infile', mono, '-jsgf', grammar], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
}

/** Seconds alice's recording of the call holds so far: the call's own clock. */
function recordedSeconds(): number {
  const dir = join(alice.shell.dataDir, 'recordings');
  if (!existsSync(dir)) return 0;
  const sizes = readdirSync(dir)
    .filter((name) => name.endsWith('.wav'))
    .map((name) => statSync(join(dir, name)));
  const newest = sizes.sort((a, b) => b.mtimeMs - a.mtimeMs)[0];
  return newest ? (newest.size - 44) / 32_000 : 0;
}

/** Carol calls alice, alice answers, the call runs for `seconds` of recording, alice hangs up; what Carol heard. */
async function callAliceAndListen(caller: Page, name: string, seconds: number): Promise<string> {
  const before = recordedSeconds();
  await callFrom(caller, ALICE.e164.landline);
  await expect(incomingCall(alice.page)).toBeVisible();
  await incomingCall(alice.page)
    .getByRole('button', { name: /^Svara/ })
    .click();
  await expect(activeCall(alice.page)).toHaveAttribute('data-status', 'active');
  await expect(activeCall(alice.page).getByTestId('recording-indicator')).toBeVisible();
  await expect.poll(() => recordedSeconds() !== before && recordedSeconds() >= seconds, { timeout: 30_000 }).toBe(true);
  await activeCall(alice.page).getByRole('button', { name: 'Lägg på' }).click();
  await expect.poll(async () => (await callerState(caller)).events, { timeout: 30_000 }).toContain('ended');
  const wav = join(work, `${name}.wav`);
  writeFileSync(
    wav,
    Buffer.from(await caller.evaluate(() => (window as unknown as { caller: { recording(): string } }).caller.recording()), 'base64'),
  );
  return recognise(wav);
}

test.beforeAll(async ({ browser }) => {
  work = mkdtempSync(join(tmpdir(), 'profiltelefon-notice-'));
  pbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(CAROL)] });
  pageServer = await serveJsSIPPage();
  callerUrl = callerUrlOf(pageServer);
  alice = await phones.open(browser, pbx, ALICE, { addOns: { recording: true }, announcementLanguage: 'en' });
  await expect(alice.page.getByTestId('registration-status')).toHaveAttribute('data-state', 'registered');
});

test.afterAll(async () => {
  await phones.closeAll();
  pageServer?.close();
  await pbx?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('with the profile set to tell the other party, the caller hears "This call is being recorded"', async ({ browser }) => {
  await editProfile(alice.page, 'available', (profile) => ({ ...profile, recordCalls: true, announceRecording: true }));
  const caller = await openCaller(browser, callerUrl, pbx, CAROL);
  const heard = await callAliceAndListen(caller, 'told', 6);
  expect(heard).toContain('this call is being recorded');
});

test('with it off (the default), the call is recorded and the caller hears no notice', async ({ browser }) => {
  await editProfile(alice.page, 'available', (profile) => ({ ...profile, recordCalls: true, announceRecording: false }));
  const caller = await openCaller(browser, callerUrl, pbx, CAROL);
  const heard = await callAliceAndListen(caller, 'not-told', 6);
  expect(heard).not.toContain('recorded');
});
