// Call recording end to end: alice (with the recording add-on) calls bob through a real Kamailio;
// Chromium's fake media devices give both a real microphone track, and alice's renderer mixes the
// call and streams it to disk as WAV, a second at a time. sox from Debian decodes the files.
//
// What runs in real time and what does not: the calls here are real calls of a few seconds, whose
// audio is recorded as it happens. The 10-minute recording is not a 10-minute call: the page sends
// 10 minutes of generated 16 kHz PCM through the same requests (recording:begin, :append, :finish)
// and the same store a call's recorder uses, as fast as they go. Retention runs on the browser
// shell's clock, moved forward with debug:clock-advance.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { RecordingInfo } from '../../src/core/phone/recording';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import {
  activateProfile,
  activeCall,
  ALICE,
  BOB,
  dial,
  editProfile,
  incomingCall,
  type OpenPhone,
  pbxUser,
  PhoneSet,
  type PhoneUser,
  type ProvisionOverrides,
  showView,
} from './support/phoneUsers';

test.describe.configure({ mode: 'serial' });

let pbx: RunningPbx;
const phones = new PhoneSet();
let alice: OpenPhone;
let bob: OpenPhone;

function openPhone(browser: Browser, user: PhoneUser, overrides: ProvisionOverrides = {}): Promise<OpenPhone> {
  return phones.open(browser, pbx, user, overrides);
}

const history = (page: Page) => page.getByTestId('call-history').getByRole('listitem');
const recordingsDir = (phone: OpenPhone) => join(phone.shell.dataDir, 'recordings');

function wavFiles(phone: OpenPhone): string[] {
  const dir = recordingsDir(phone);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.wav'))
        .sort()
    : [];
}

async function recordings(page: Page): Promise<RecordingInfo[]> {
  return page.evaluate(async () => {
    const state = await window.softphone.invoke('state:get', null);
    if (!state.ok) throw new Error(state.error.message);
    return state.value.recordings.items;
  });
}

const fileSize = (phone: OpenPhone, file: string) => statSync(join(recordingsDir(phone), file)).size;
/** Seconds of 16-bit 16 kHz mono after the 44-byte header. */
const secondsOnDisk = (phone: OpenPhone, file: string) => (fileSize(phone, file) - 44) / 32_000;

/** What sox reads from the file: its duration from the samples, and the loudest sample (0–1). */
function decoded(path: string): { seconds: number; maxAmplitude: number } {
  const seconds = Number(execFileSync('soxi', ['-D', path], { encoding: 'utf8' }).trim());
  // sox writes its statistics to stderr.
  const report = spawnSync('sox', [path, '-n', 'stat'], { encoding: 'utf8' }).stderr;
  const maxAmplitude = Number(/Maximum amplitude:\s+([-0-9.]+)/.exec(report)?.[1] ?? Number.NaN);
  return { seconds, maxAmplitude };
}

/** Tillgänglig active, recording calls or not, whatever the tests before left. */
async function onTillganglig(recordCalls: boolean): Promise<void> {
  await editProfile(alice.page, 'available', (profile) => ({ ...profile, recordCalls }));
  await activateProfile(alice.page, 'Tillgänglig');
}

/** A short finished recording with the given party, made through the same requests the recorder uses. */
async function makeRecording(party: string): Promise<void> {
  const made = await alice.page.evaluate(async (party) => {
    const begun = await window.softphone.invoke('recording:begin', { party, direction: 'outgoing', sampleRate: 16000 });
    if (!begun.ok) return begun;
    await window.softphone.invoke('recording:append', { recordingId: begun.value.recordingId, dataBase64: btoa('\u0000'.repeat(32_000)) });
    return window.softphone.invoke('recording:finish', { recordingId: begun.value.recordingId, callId: null });
  }, party);
  expect(made).toMatchObject({ ok: true });
}

async function callBob(): Promise<number> {
  await dial(alice.page, BOB.landline);
  await expect(incomingCall(bob.page)).toBeVisible();
  await incomingCall(bob.page)
    .getByRole('button', { name: /^Svara/ })
    .click();
  await expect(activeCall(alice.page)).toHaveAttribute('data-status', 'active');
  return Date.now();
}

async function hangUp(): Promise<void> {
  await activeCall(alice.page).getByRole('button', { name: 'Lägg på' }).click();
  await expect(activeCall(alice.page)).toHaveCount(0);
  await expect(activeCall(bob.page)).toHaveCount(0);
}

const indicator = () => activeCall(alice.page).getByTestId('recording-indicator');

test.beforeAll(async ({ browser }) => {
  pbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(BOB)] });
  alice = await openPhone(browser, ALICE, { addOns: { recording: true } });
  bob = await openPhone(browser, BOB);
  await expect(alice.page.getByTestId('registration-status')).toHaveAttribute('data-state', 'registered');
  await expect(bob.page.getByTestId('registration-status')).toHaveAttribute('data-state', 'registered');
});

test.afterAll(async () => {
  await phones.closeAll();
  await pbx?.stop();
});

test('a call on a profile without recording writes no file', async () => {
  await onTillganglig(false);
  const calls = await history(alice.page).count();
  const recorded = await recordings(alice.page);
  const files = wavFiles(alice);
  await callBob();
  await expect(indicator()).toHaveCount(0);
  await hangUp();
  await expect(history(alice.page)).toHaveCount(calls + 1);
  await expect(history(alice.page).first()).not.toContainText('Inspelat');
  expect(await recordings(alice.page)).toEqual(recorded);
  expect(wavFiles(alice)).toEqual(files);
});

test('a call on a recording profile is streamed to disk while it goes on, decodes with its length, and is marked in the history', async () => {
  await editProfile(alice.page, 'available', (profile) => ({ ...profile, recordCalls: true }));
  const answeredAt = await callBob();
  await expect(indicator()).toHaveText('Spelas in');
  await expect(indicator()).toHaveAttribute('role', 'status');
  await expect.poll(() => wavFiles(alice)).toHaveLength(1);
  const [file] = wavFiles(alice);
  expect(file).toMatch(/^\d{8}T\d{6}Z_[A-Za-z0-9+._-]+\.wav$/);
  // On disk during the call, chunk by chunk.
  await expect.poll(() => secondsOnDisk(alice, file!), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  const hungUpAt = Date.now();
  await hangUp();

  await expect.poll(async () => (await recordings(alice.page))[0]?.state).toBe('finished');
  const [info] = await recordings(alice.page);
  expect(info).toMatchObject({ direction: 'outgoing', profile: 'Tillgänglig', file });
  expect(info!.party).toBe('08-123 456 02');
  const sound = decoded(join(recordingsDir(alice), file!));
  expect(Math.abs(sound.seconds * 1000 - info!.durationMs)).toBeLessThan(1000);
  // The recording lasts as long as the call did, from the answer to the hang-up.
  expect(Math.abs(sound.seconds * 1000 - (hungUpAt - answeredAt))).toBeLessThan(1000);
  // Not silence: the fake microphones' tones are in the mix.
  expect(sound.maxAmplitude).toBeGreaterThan(0.05);

  await expect(history(alice.page).first()).toContainText('Inspelat');
  // Bob's profile does not record, and his account has no add-on.
  expect(wavFiles(bob)).toEqual([]);
});

/** A 10-minute recording with `party`, sent as the recorder sends a call, a second at a time, faster than real time. */
function recordTenMinutes(party: string) {
  return alice.page.evaluate(async (party) => {
    const begun = await window.softphone.invoke('recording:begin', { party, direction: 'incoming', sampleRate: 16000 });
    if (!begun.ok) return begun;
    const { recordingId } = begun.value;
    // One second of a 440 Hz tone, sent 600 times, as the recorder sends a second of the call.
    const second = new Int16Array(16000);
    for (let index = 0; index < second.length; index++) second[index] = Math.round(6000 * Math.sin((2 * Math.PI * 440 * index) / 16000));
    const bytes = new Uint8Array(second.buffer);
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    const dataBase64 = btoa(binary);
    for (let chunk = 0; chunk < 600; chunk++) {
      const appended = await window.softphone.invoke('recording:append', { recordingId, dataBase64 });
      if (!appended.ok) return appended;
    }
    return window.softphone.invoke('recording:finish', { recordingId, callId: null });
  }, party);
}

test('a 10-minute recording, sent through the chunk path faster than real time, is written completely and decodes as 10 minutes', async () => {
  await onTillganglig(true);
  expect(await recordTenMinutes('Tio minuter')).toMatchObject({ ok: true });
  const info = (await recordings(alice.page)).find((item) => item.party === 'Tio minuter');
  expect(info).toMatchObject({ state: 'finished', durationMs: 600_000 });
  const sound = decoded(join(recordingsDir(alice), info!.file));
  expect(Math.abs(sound.seconds - 600)).toBeLessThan(1);
  expect(fileSize(alice, info!.file)).toBe(44 + 600 * 32_000);
});

test('Inspelningar lists the recordings, finds them by search, shows the disk use, and plays one', async () => {
  await onTillganglig(true);
  if (!(await recordings(alice.page)).some((item) => item.party === 'Tio minuter')) {
    expect(await recordTenMinutes('Tio minuter')).toMatchObject({ ok: true });
  }
  const stored = await recordings(alice.page);
  const megabytesOnDisk = stored.reduce((total, item) => total + fileSize(alice, item.file), 0) / 1_000_000;
  await showView(alice.page, 'Inspelningar');
  const list = alice.page.getByRole('list', { name: 'Inspelningar' });
  await expect(list.getByRole('listitem')).toHaveCount(stored.length);
  const diskUse = alice.page.getByTestId('recordings-disk-use');
  await expect(diskUse).toContainText(`${stored.length} ${stored.length === 1 ? 'inspelning' : 'inspelningar'} · Inspelningarna tar `);
  const shownMegabytes = Number(/tar (\d+\.\d) MB på disken\./.exec((await diskUse.textContent()) ?? '')?.[1]);
  expect(Math.abs(shownMegabytes - megabytesOnDisk)).toBeLessThanOrEqual(0.1);

  await alice.page.getByLabel('Sök på motpart eller profil').fill('tio');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem').first()).toContainText('10 minuter 0 s');
  await alice.page.getByRole('button', { name: 'Spela upp inspelningen med Tio minuter' }).click();
  const player = alice.page.getByLabel('Inspelningen med Tio minuter', { exact: true });
  await expect(player).toBeVisible();
  // The browser decodes it as 10 minutes, and it plays.
  await expect.poll(() => player.evaluate((audio: HTMLAudioElement) => audio.duration)).toBeCloseTo(600, 0);
  await expect.poll(() => player.evaluate((audio: HTMLAudioElement) => !audio.paused && audio.currentTime > 0)).toBe(true);
  await alice.page.getByLabel('Sök på motpart eller profil').fill('');
  await showView(alice.page, 'Telefon');
});

test('a profile change during the call stops the recording at that moment, and a change back starts a new one', async () => {
  await onTillganglig(true);
  const before = wavFiles(alice);
  const answeredAt = await callBob();
  await expect(indicator()).toBeVisible();
  await expect.poll(() => wavFiles(alice).length).toBe(before.length + 1);
  const first = wavFiles(alice).find((name) => !before.includes(name))!;
  await expect.poll(() => secondsOnDisk(alice, first), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);

  const switchedAt = Date.now();
  await activateProfile(alice.page, 'Lunch');
  await expect(indicator()).toHaveCount(0);
  await expect.poll(async () => (await recordings(alice.page)).find((item) => item.file === first)?.state).toBe('finished');
  await expect(activeCall(alice.page)).toHaveAttribute('data-status', 'active');
  const stoppedSize = fileSize(alice, first);
  const stopped = decoded(join(recordingsDir(alice), first));
  expect(Math.abs(stopped.seconds * 1000 - (switchedAt - answeredAt))).toBeLessThan(1000);

  // Back on a recording profile, a new recording starts from that moment, in the same call.
  await activateProfile(alice.page, 'Tillgänglig');
  await expect(indicator()).toBeVisible();
  await expect.poll(() => wavFiles(alice).length).toBe(before.length + 2);
  const second = wavFiles(alice).find((name) => !before.includes(name) && name !== first)!;
  await expect.poll(() => secondsOnDisk(alice, second), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  // Two seconds of the call went by, and the first recording took none of them.
  expect(fileSize(alice, first)).toBe(stoppedSize);
  await hangUp();
  await expect.poll(async () => (await recordings(alice.page)).find((item) => item.file === second)?.state).toBe('finished');
});

test('a retention out of range is refused in place; once set, recordings are deleted when their time is up on the moved clock', async () => {
  await onTillganglig(true);
  await makeRecording('Dan');
  await makeRecording('Eva');
  await showView(alice.page, 'Inspelningar');
  const field = alice.page.getByLabel('Ta bort inspelningar automatiskt efter (dagar)');
  const count = (await recordings(alice.page)).length;
  expect(count).toBeGreaterThanOrEqual(2);

  await field.fill('0');
  await alice.page.getByRole('button', { name: 'Spara' }).click();
  await expect(alice.page.getByRole('alert')).toHaveText(
    'Ange ett helt antal dagar från 1 till 3650, eller lämna fältet tomt. Inget har ändrats.',
  );
  await expect(alice.page.getByTestId('recordings-retention')).toHaveText('Inspelningar sparas tills du tar bort dem.');

  await field.fill('2');
  await alice.page.getByRole('button', { name: 'Spara' }).click();
  await expect(alice.page.getByTestId('recordings-retention')).toHaveText('Inspelningar tas bort efter 2 dagar.');
  expect(await recordings(alice.page)).toHaveLength(count);

  const moved = await alice.page.evaluate(() => window.softphoneDebug!.invoke('debug:clock-advance', { ms: 24 * 60 * 60_000 }));
  expect(moved).toMatchObject({ ok: true });
  expect(await recordings(alice.page)).toHaveLength(count);
  await alice.page.evaluate(() => window.softphoneDebug!.invoke('debug:clock-advance', { ms: 24 * 60 * 60_000 + 60 * 60_000 }));
  await expect(alice.page.getByRole('list', { name: 'Inspelningar' })).toHaveCount(0);
  await expect(alice.page.getByText('Inga inspelningar ännu.')).toBeVisible();
  expect(wavFiles(alice)).toEqual([]);
  // The history no longer says Inspelat for a recording that is gone.
  await showView(alice.page, 'Telefon');
  await expect(history(alice.page).filter({ hasText: 'Inspelat' })).toHaveCount(0);
});

test('a recording is deleted only after confirmation', async () => {
  await onTillganglig(true);
  const before = wavFiles(alice).length;
  await makeRecording('Carol');
  await showView(alice.page, 'Inspelningar');
  const remove = alice.page.getByRole('button', { name: 'Ta bort inspelningen med Carol' });
  await remove.click();
  const dialog = alice.page.getByRole('alertdialog', { name: 'Ta bort inspelningen?' });
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toHaveCount(0);
  expect(wavFiles(alice)).toHaveLength(before + 1);
  await remove.click();
  await dialog.getByRole('button', { name: 'Ta bort' }).click();
  await expect(remove).toHaveCount(0);
  expect(wavFiles(alice)).toHaveLength(before);
});
