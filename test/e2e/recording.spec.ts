// Call recording end to end: alice (with the recording add-on) calls bob through a real Kamailio;
// fake media devices give a real microphone track to record.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Profile } from '../../src/core/profiles/model';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { activeCall, ALICE, BOB, incomingCall, type OpenPhone, pbxUser, PhoneSet, type PhoneUser, type ProvisionOverrides } from './support/phoneUsers';

test.describe.configure({ mode: 'serial' });

let pbx: RunningPbx;
const phones = new PhoneSet();
let alice: OpenPhone;
let bob: OpenPhone;

function openPhone(browser: Browser, user: PhoneUser, overrides: ProvisionOverrides = {}): Promise<OpenPhone> {
  return phones.open(browser, pbx, user, overrides);
}

const history = (page: Page) => page.getByTestId('call-history').getByRole('listitem');

function recordings(phone: OpenPhone): { name: string; size: number }[] {
  const dir = join(phone.shell.dataDir, 'recordings');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((name) => ({ name, size: statSync(join(dir, name)).size }));
}

/** Sets recordCalls on the Tillgänglig profile through the same request the profile editor sends. */
async function setRecordCalls(page: Page, recordCalls: boolean): Promise<void> {
  const profile = await page.evaluate(async () => {
    const state = await window.softphone.invoke('state:get', null);
    if (!state.ok) throw new Error(state.error.message);
    return state.value.profiles.find((candidate) => candidate.name === 'Tillgänglig') ?? null;
  });
  if (!profile) throw new Error('no Tillgänglig profile');
  const next: Profile = { ...profile, recordCalls };
  const updated = await page.evaluate((value) => window.softphone.invoke('profile:update', value), next);
  expect(updated).toMatchObject({ ok: true });
}

async function callBobAndHangUp(expectRecording: boolean): Promise<void> {
  await alice.page.getByLabel('Namn, nummer eller SIP-adress').fill(BOB.landline);
  await alice.page.getByRole('button', { name: 'Ring', exact: true }).click();
  await expect(incomingCall(bob.page)).toBeVisible();
  await incomingCall(bob.page).getByRole('button', { name: /^Svara/ }).click();
  await expect(activeCall(alice.page)).toHaveAttribute('data-status', 'active');
  const indicator = activeCall(alice.page).getByTestId('recording-indicator');
  if (expectRecording) {
    await expect(indicator).toBeVisible();
    await expect(indicator).toHaveText('Spelas in');
    await expect(indicator).toHaveAttribute('role', 'status');
    // A couple of seconds of audio, so the recorder has produced data.
    await alice.page.waitForTimeout(2_000);
  } else {
    await expect(indicator).toHaveCount(0);
  }
  await activeCall(alice.page).getByRole('button', { name: 'Lägg på' }).click();
  await expect(activeCall(alice.page)).toHaveCount(0);
  await expect(activeCall(bob.page)).toHaveCount(0);
}

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

test('a call on a recording profile is recorded to a file and marked in the history', async () => {
  await setRecordCalls(alice.page, true);
  await callBobAndHangUp(true);

  await expect.poll(() => recordings(alice).length).toBe(1);
  const [file] = recordings(alice);
  expect(file?.name).toMatch(/^\d{8}T\d{6}Z_\+46812345602\.(webm|ogg)$/);
  expect(file?.size).toBeGreaterThan(0);
  const latest = history(alice.page).first();
  await expect(latest).toHaveAttribute('data-outcome', 'answered');
  await expect(latest).toContainText('Inspelat');
  // Bob's profile does not record, and his account has no add-on.
  expect(recordings(bob)).toEqual([]);
  await expect(history(bob.page).first()).not.toContainText('Inspelat');
});

test('a call on a profile without recordCalls writes no file', async () => {
  await setRecordCalls(alice.page, false);
  await callBobAndHangUp(false);

  await expect(history(alice.page)).toHaveCount(2);
  await expect(history(alice.page).first()).not.toContainText('Inspelat');
  // Give a stray save the time it would need, then check nothing new was written.
  await alice.page.waitForTimeout(1_000);
  expect(recordings(alice)).toHaveLength(1);
});
