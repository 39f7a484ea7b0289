// Incoming calls handled by the number that was dialled: alice's app on Slutat för dagen, called
// through Kamailio by a plain JsSIP page on her landline (the caller hears the announcement, judged
// by pocketsphinx) and on her mobile number (it rings, and she answers).
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import {
  callAndRecord,
  callerState,
  callerUrlOf,
  callFrom,
  endTheEarHears,
  hangUpCaller,
  openCaller,
  recognise,
} from './support/hearingCaller';
import { serveJsSIPPage } from '../support/jssipPage';
import { activateUntil, activeCall, ALICE, BOB, CAROL, incomingCall, pbxUser, PhoneSet, showView } from './support/phoneUsers';

test.describe.configure({ mode: 'serial' });

let pbx: RunningPbx;
let pageServer: Server;
let callerUrl: string;
const phones = new PhoneSet();
let alice: Page;
let work: string;

test.beforeAll(async ({ browser }) => {
  work = mkdtempSync(join(tmpdir(), 'profiltelefon-called-number-'));
  // Alice owns a landline and a mobile number at the PBX, and her app knows both.
  pbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(BOB), pbxUser(CAROL)] });
  pageServer = await serveJsSIPPage();
  callerUrl = callerUrlOf(pageServer);
  // Alice's voicemail is Carol's landline.
  alice = (await phones.open(browser, pbx, ALICE, { voicemail: CAROL.landline, announcementLanguage: 'en' })).page;
  await expect(alice.getByTestId('registration-status')).toHaveAttribute('data-state', 'registered');
});

test.afterAll(async () => {
  await phones.closeAll();
  pageServer?.close();
  await pbx?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the switcher says what Slutat för dagen does with calls to each of alice’s numbers', async () => {
  await showView(alice, 'Profiler');
  await expect(alice.getByRole('button', { name: 'Aktivera Slutat för dagen' })).toHaveAccessibleDescription(
    'Fast nummer: hänvisning och röstbrevlåda · Mobil: ringer',
  );
  await expect(alice.getByRole('button', { name: 'Aktivera Tillgänglig' })).toHaveAccessibleDescription('Ringer');
  await showView(alice, 'Telefon');
});

test('on Slutat för dagen a call to alice’s landline hears the announcement, then goes to voicemail; her phone never rings', async ({
  browser,
}) => {
  const { until, hour, hourWord } = endTheEarHears(Date.now());
  await activateUntil(alice, 'left-for-the-day', until, 'en');
  const bob = await openCaller(browser, callerUrl, pbx, BOB);
  const { heard, state } = await callAndRecord(bob, ALICE.e164.landline, join(work, 'landline.wav'));

  expect(state.infos).toEqual([
    expect.stringMatching(new RegExp(`^I've left for the day and I'm away until (tomorrow at )?${hour} [ap]m\\.$`)),
  ]);
  expect(recognise(heard)).toMatch(new RegExp(`left for the day and i'm away until (tomorrow at )?${hourWord} [ap] m`));
  expect(state.referTo).toBe(`<sip:${CAROL.e164.landline}@${pbx.domain}>`);
  await expect(incomingCall(alice)).toHaveCount(0);
  await bob.context().close();
});

test('on Slutat för dagen a call to alice’s mobile number rings her, and she answers it', async ({ browser }) => {
  const { until } = endTheEarHears(Date.now());
  await activateUntil(alice, 'left-for-the-day', until, 'en');
  const bob = await openCaller(browser, callerUrl, pbx, BOB);
  await callFrom(bob, ALICE.e164.mobile);

  const ringing = incomingCall(alice);
  await expect(ringing).toBeVisible();
  await ringing.getByRole('button', { name: /^Svara/ }).click();
  await expect(activeCall(alice)).toHaveAttribute('data-status', 'active');
  await expect.poll(async () => (await callerState(bob)).events).toContain('confirmed');
  expect((await callerState(bob)).infos).toEqual([]);

  await hangUpCaller(bob);
  await expect(activeCall(alice)).toHaveCount(0);
  await bob.context().close();
});

test('in the editor, Möte set to ring on the mobile number is saved, and the switcher says so', async () => {
  await showView(alice, 'Redigera profiler');
  await alice
    .getByRole('list', { name: 'Välj profil att redigera' })
    .getByRole('button', { name: /^3 Möte/ })
    .click();
  await expect(alice.getByRole('heading', { level: 3, name: 'Möte' })).toBeVisible();

  const sameForAll = alice.getByRole('checkbox', { name: 'Samma för alla nummer' });
  await expect(sameForAll).toBeChecked();
  await expect(alice.getByLabel(/^Samtal till mobilnumret/)).toHaveCount(0);
  await sameForAll.uncheck();
  const mobile = alice.getByLabel(`Samtal till mobilnumret ${ALICE.mobile}`);
  await expect(mobile).toHaveValue('same');
  await mobile.selectOption({ label: 'Ring' });
  await alice.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(alice.getByRole('status').filter({ hasText: 'Sparad' })).toBeVisible();

  const stored = await alice.evaluate(async () => {
    const state = await window.softphone.invoke('state:get', null);
    return state.ok ? state.value.profiles.find((profile) => profile.id === 'meeting')?.incoming.byLine : null;
  });
  expect(stored).toEqual({
    mobile: { action: { kind: 'ring' }, noAnswer: { afterSeconds: 25, target: { kind: 'voicemail' } }, whenBusy: { kind: 'callWaiting' } },
  });

  await showView(alice, 'Profiler');
  await expect(alice.getByRole('button', { name: 'Aktivera Möte' })).toHaveAccessibleDescription(
    'Fast nummer: hänvisning och röstbrevlåda · Mobil: ringer',
  );
});
