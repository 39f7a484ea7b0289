// The app and a colleague's desk phone, end to end: alice's app (browser shell, WebRTC over
// WebSocket) and dave's baresip (plain RTP over UDP), through Kamailio and rtpengine. Each calls
// the other, the other answers, and audio flows both ways: RTP counters and a received audio
// level on both ends, the app's from WebRTC getStats and WebAudio, baresip's from its own call
// statistics and the recording of what it heard.
import { expect, test, type Page } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { DeskPhone } from '../support/baresip';
import { expectDeskPhoneAudioBothWays } from './support/deskPhoneAudio';
import { latestCallAudioLevel, latestCallRtp, notePeerConnections } from './support/peerConnections';
import { activateProfile, activeCall, ALICE, dial, incomingCall, pbxUser, PhoneSet } from './support/phoneUsers';

test.describe.configure({ mode: 'serial' });

const DAVE = { user: 'dave', password: 'dave-pass', landline: '08-123 456 04', numbers: ['+46812345604'] };
/** A received audio RMS (0…1) above this is a sound, not silence. */
const AUDIBLE_RMS = 0.01;

let pbx: RunningPbx;
const phones = new PhoneSet();
let alice: Page;
let dave: DeskPhone;

const latestHistory = (page: Page) => page.getByTestId('call-history').getByRole('listitem').first();

function header(message: string, name: string): string[] {
  const pattern = new RegExp(`^${name}:\\s*(.*)$`, 'gim');
  return [...message.split('\r\n\r\n')[0]!.matchAll(pattern)].map((match) => match[1]!.trim());
}

/** Dave's INVITE from the app, once his phone rings. */
async function inviteDaveReceives(after: number): Promise<string> {
  await dave.waitFor('CALL_INCOMING', { after });
  return dave.receivedInvites().at(-1)!;
}

/** The app hears dave's tone and sends him its microphone, on the call it has up now. */
async function expectAppAudioBothWays(): Promise<void> {
  await expect.poll(async () => (await latestCallRtp(alice)).packetsReceived).toBeGreaterThan(50);
  await expect.poll(async () => (await latestCallRtp(alice)).packetsSent).toBeGreaterThan(50);
  expect(await latestCallAudioLevel(alice)).toBeGreaterThan(AUDIBLE_RMS);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  pbx = await startPbx({ users: [pbxUser(ALICE), { user: DAVE.user, password: DAVE.password, numbers: DAVE.numbers }] });
  alice = (await phones.open(browser, pbx, ALICE, {}, notePeerConnections)).page;
  dave = await DeskPhone.start({ user: DAVE.user, password: DAVE.password, domain: pbx.domain, outboundProxy: pbx.sipUdpUri });
});

test.afterAll(async () => {
  await dave?.stop();
  await phones.closeAll();
  await pbx?.stop();
});

test('the app calls the desk phone on Tillgänglig: dave sees her landline asserted, answers, and audio flows both ways', async () => {
  await expect(alice.getByTestId('registration-status')).toHaveAttribute('data-state', 'registered');
  const before = dave.eventCount;
  await dial(alice, DAVE.landline);
  const invite = await inviteDaveReceives(before);
  expect(header(invite, 'P-Asserted-Identity')).toEqual([`<sip:${ALICE.e164.landline}@127.0.0.1>`]);
  expect(header(invite, 'P-Preferred-Identity')).toEqual([]);
  expect(header(invite, 'From')[0]).toMatch(/^"Alice Andersson" <sip:alice@127\.0\.0\.1>;tag=/);
  // rtpengine gives the desk phone what it speaks: RTP/AVP without ICE or DTLS
  expect(invite).toMatch(/^m=audio \d+ RTP\/AVP /m);
  expect(invite).not.toMatch(/^a=(candidate|fingerprint|ice-ufrag)/m);

  await dave.answer();
  await dave.waitFor('CALL_ESTABLISHED', { after: before });
  await expect(activeCall(alice)).toHaveAttribute('data-status', 'active');
  await expectAppAudioBothWays();

  await activeCall(alice).getByRole('button', { name: 'Lägg på' }).click();
  await dave.waitFor('CALL_CLOSED', { after: before });
  await expect(activeCall(alice)).toHaveCount(0);
  await expect(latestHistory(alice)).toHaveAttribute('data-outcome', 'answered');
  expectDeskPhoneAudioBothWays(dave);
});

test('on Slutat för dagen the desk phone sees her mobile number asserted', async () => {
  await activateProfile(alice, 'Slutat för dagen');
  const before = dave.eventCount;
  await dial(alice, DAVE.landline);
  const invite = await inviteDaveReceives(before);
  expect(header(invite, 'P-Asserted-Identity')).toEqual([`<sip:${ALICE.e164.mobile}@127.0.0.1>`]);
  await activeCall(alice).getByRole('button', { name: 'Lägg på' }).click();
  await dave.waitFor('CALL_CLOSED', { after: before });
  await expect(activeCall(alice)).toHaveCount(0);
  await activateProfile(alice, 'Tillgänglig');
});

test('the desk phone calls the app: it rings, alice answers, and audio flows both ways', async () => {
  const before = dave.eventCount;
  await dave.dial(`sip:${ALICE.e164.landline}@${pbx.domain}`);
  const ringing = incomingCall(alice);
  await expect(ringing).toBeVisible();
  await expect(ringing.getByTestId('caller-primary')).toHaveText(`${DAVE.user}@127.0.0.1`);
  await dave.waitFor('CALL_RINGING', { after: before });

  await ringing.getByRole('button', { name: /^Svara/ }).click();
  await expect(activeCall(alice)).toHaveAttribute('data-status', 'active');
  await dave.waitFor('CALL_ESTABLISHED', { after: before });
  await expectAppAudioBothWays();

  await dave.hangUp();
  await dave.waitFor('CALL_CLOSED', { after: before });
  await expect(activeCall(alice)).toHaveCount(0);
  await expect(latestHistory(alice)).toHaveAttribute('data-direction', 'incoming');
  await expect(latestHistory(alice)).toHaveAttribute('data-outcome', 'answered');
  expectDeskPhoneAudioBothWays(dave);
});
