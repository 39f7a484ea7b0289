// A caller hears the announcement: a plain JsSIP page calls the app on Möte through Kamailio,
// records what reaches it, and pocketsphinx (English) and sox (Swedish) judge the recording.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { callAndRecord, callerUrlOf, endTheEarHears, openCaller, recognise, voicedSeconds } from './support/hearingCaller';
import { serveJsSIPPage } from '../support/jssipPage';
import { activateUntil, ALICE, BOB, CAROL, pbxUser, PhoneSet } from './support/phoneUsers';

test.describe.configure({ mode: 'serial' });

let pbx: RunningPbx;
let pageServer: Server;
let callerUrl: string;
const phones = new PhoneSet();
let bob: Page;
let work: string;

test.beforeAll(async ({ browser }) => {
  work = mkdtempSync(join(tmpdir(), 'profiltelefon-announcement-'));
  pbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(BOB), pbxUser(CAROL)] });
  pageServer = await serveJsSIPPage();
  callerUrl = callerUrlOf(pageServer);
  // Bob's voicemail is Carol's landline.
  bob = (await phones.open(browser, pbx, BOB, { voicemail: CAROL.landline, announcementLanguage: 'en' })).page;
  await expect(bob.getByTestId('registration-status')).toHaveAttribute('data-state', 'registered');
});

test.afterAll(async () => {
  await phones.closeAll();
  pageServer?.close();
  await pbx?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('in English the caller hears "I\'m in a meeting until" the hour Möte ends, then is referred to voicemail', async ({ browser }) => {
  const { until, hour, hourWord } = endTheEarHears(Date.now());
  await activateUntil(bob, 'meeting', until, 'en');
  const alice = await openCaller(browser, callerUrl, pbx, ALICE);
  const { heard, state } = await callAndRecord(alice, BOB.e164.landline, join(work, 'english.wav'));

  expect(state.infos).toEqual([expect.stringMatching(new RegExp(`^I'm in a meeting until (tomorrow at )?${hour} [ap]m\\.$`))]);
  expect(recognise(heard)).toMatch(new RegExp(`in a meeting until (tomorrow at )?${hourWord} [ap] m`));
  expect(state.referTo).toBe(`<sip:${CAROL.e164.landline}@${pbx.domain}>`);
  await alice.context().close();
});

test('in Swedish the caller hears speech as long as the engine makes it, then the call goes to voicemail', async ({ browser }) => {
  const { until } = endTheEarHears(Date.now());
  await activateUntil(bob, 'meeting', until, 'sv');
  const alice = await openCaller(browser, callerUrl, pbx, ALICE);
  const { heard, state } = await callAndRecord(alice, BOB.e164.landline, join(work, 'swedish.wav'));

  const [text] = state.infos;
  expect(text).toMatch(/^Jag sitter i möte till (i morgon )?\d\d:00\.$/);
  const reference = join(work, 'reference.wav');
  execFileSync('espeak-ng', ['-v', 'sv', '-w', reference, text!]);
  const expected = voicedSeconds(reference);
  const received = voicedSeconds(heard);
  expect(expected).toBeGreaterThan(1);
  expect(received).toBeGreaterThan(expected * 0.7);
  expect(received).toBeLessThan(expected * 1.4);
  expect(state.referTo).toBe(`<sip:${CAROL.e164.landline}@${pbx.domain}>`);
  await alice.context().close();
});
