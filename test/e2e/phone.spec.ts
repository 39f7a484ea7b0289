// The softphone end to end: two browser shells (alice, bob) with JsSIP, through a real Kamailio.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { anyWritten, spokenEnd } from './support/endTime';
import {
  activateProfile,
  activeCall,
  ALICE,
  BOB,
  CAROL,
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
let alice: Page;
let bobPhone: OpenPhone;
let bob: Page;
let carol: Page;

async function openPhone(browser: Browser, user: PhoneUser, overrides: ProvisionOverrides = {}): Promise<Page> {
  return (await phones.open(browser, pbx, user, overrides)).page;
}

const registration = (page: Page) => page.getByTestId('registration-status');
const history = (page: Page) => page.getByTestId('call-history').getByRole('listitem');
const notifications = (page: Page, kind: string) => page.getByTestId('notification-log').locator(`li[data-kind="${kind}"]`);

/** The INVITEs bob's phone has received, raw, as its SIP trace (Konto › Felsökning) wrote them to his log file. */
function invitesBobReceived(): string[] {
  const log = readFileSync(join(bobPhone.shell.dataDir, 'logs', 'profiltelefon.log'), 'utf8');
  return log
    .split('received text message:')
    .slice(1)
    .map((block) => block.trimStart())
    .filter((block) => block.startsWith('INVITE '));
}

/** The identity headers of the first INVITE bob's phone receives after it had received `before`. */
async function identityHeadersOfNextInvite(before: number) {
  await expect.poll(() => invitesBobReceived().length).toBeGreaterThan(before);
  const invite = invitesBobReceived()[before]!;
  const lines = invite.split(/\r?\n\r?\n/)[0]!.split(/\r?\n/);
  const header = (name: string) => {
    const prefix = `${name.toLowerCase()}:`;
    const line = lines.find((candidate) => candidate.toLowerCase().startsWith(prefix));
    return line === undefined ? null : line.slice(prefix.length).trim();
  };
  return {
    from: header('From'),
    pAssertedIdentity: header('P-Asserted-Identity'),
    pPreferredIdentity: header('P-Preferred-Identity'),
    privacy: header('Privacy'),
  };
}

async function hangUpAll(page: Page): Promise<void> {
  const hangUp = activeCall(page).getByRole('button', { name: 'Lägg på' });
  while ((await hangUp.count()) > 0) await hangUp.first().click();
  await expect(activeCall(page)).toHaveCount(0);
}

/** Alice in an answered call with bob, on her current profile: placed when a test before this one did not leave one. */
async function aliceTalkingWithBob(): Promise<void> {
  if ((await activeCall(alice).count()) > 0 && (await activeCall(bob).count()) > 0) return;
  await dial(alice, BOB.landline);
  await incomingCall(bob)
    .getByRole('button', { name: /^Svara/ })
    .click();
  await expect(activeCall(bob)).toHaveAttribute('data-status', 'active');
  await expect(activeCall(alice)).toHaveAttribute('data-status', 'active');
}

function callerOf(call: Locator) {
  return { primary: call.getByTestId('caller-primary'), secondary: call.getByTestId('caller-secondary') };
}

test.beforeAll(async ({ browser }) => {
  // Three shells to start, on a machine other work shares.
  test.setTimeout(180_000);
  pbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(BOB), pbxUser(CAROL)] });
  alice = await openPhone(browser, ALICE);
  // Bob's voicemail is Carol's phone, so forwards to voicemail can be seen to arrive.
  bobPhone = await phones.open(browser, pbx, BOB, { voicemail: CAROL.landline });
  bob = bobPhone.page;
  // Bob's SIP trace shows the INVITEs as the PBX delivered them.
  await showView(bob, 'Konto');
  const trace = bob.getByRole('checkbox', { name: 'Skriv SIP-trafik till loggfilen' });
  await trace.click();
  await expect(trace).toBeChecked();
  await showView(bob, 'Telefon');
  carol = await openPhone(browser, CAROL);
});

test.afterAll(async () => {
  await phones.closeAll();
  await pbx?.stop();
});

test('alice and bob register with the PBX', async () => {
  await expect(registration(alice)).toHaveAttribute('data-state', 'registered');
  await expect(registration(alice)).toHaveText('Registrerad som alice@127.0.0.1');
  await expect(registration(bob)).toHaveAttribute('data-state', 'registered');
  await expect(registration(bob)).toHaveText('Registrerad som bob@127.0.0.1');
  await expect(alice.getByTestId('caller-id-summary')).toContainText('Samtal visar 08-123 456 01 (fastnummer)');
  await expect(alice.getByTestId('tray-tooltip')).toHaveText('Profiltelefon – Tillgänglig · telefonen är registrerad');
});

test('alice on Tillgänglig calls bob: bob sees her landline number and answers', async () => {
  const invitesBefore = invitesBobReceived().length;
  await dial(alice, BOB.landline);
  await expect(activeCall(alice)).toHaveAttribute('data-status', /dialing|alerting/);

  const ringing = incomingCall(bob);
  await expect(ringing).toBeVisible();
  await expect(callerOf(ringing).primary).toHaveText(ALICE.landline);
  await expect(callerOf(ringing).secondary).toHaveText(ALICE.displayName);
  await expect(notifications(bob, 'incomingCall')).toHaveCount(1);
  // From is alice's own address; the PBX checked her P-Preferred-Identity and asserted the number (RFC 3325).
  const invite = await identityHeadersOfNextInvite(invitesBefore);
  expect(invite.from).toMatch(/^"Alice Andersson" <sip:alice@127\.0\.0\.1>;tag=/);
  expect(invite.pAssertedIdentity).toBe('<sip:+46812345601@127.0.0.1>');
  expect(invite.pPreferredIdentity).toBeNull();
  expect(invite.privacy).toBeNull();

  await ringing.getByRole('button', { name: /^Svara/ }).click();
  await expect(incomingCall(bob)).toHaveCount(0);
  await expect(activeCall(bob)).toHaveAttribute('data-status', 'active');
  await expect(activeCall(alice)).toHaveAttribute('data-status', 'active');
  await expect(activeCall(alice).getByTestId('presented-caller-id')).toHaveText('Du visar 08-123 456 01 (fastnummer)');
});

test('DTMF from alice reaches bob', async () => {
  await aliceTalkingWithBob();
  const call = activeCall(alice);
  await call.getByRole('button', { name: 'Knappsats' }).click();
  const keypad = call.getByRole('group', { name: 'Knappsats' });
  for (const key of ['1', '2', '#']) await keypad.getByRole('button', { name: `Knappton ${key}` }).click();
  await expect(activeCall(bob).getByTestId('dtmf-received')).toHaveText('Mottagna knapptoner: 12#');
  // From the keyboard: digits typed while the keypad has focus are sent too.
  await keypad.getByRole('button', { name: 'Knappton 1' }).focus();
  await alice.keyboard.type('4*');
  await expect(activeCall(bob).getByTestId('dtmf-received')).toHaveText('Mottagna knapptoner: 12#4*');
});

test('mute turns alice’s microphone off and on', async () => {
  await aliceTalkingWithBob();
  const mute = activeCall(alice).getByRole('button', { name: 'Mikrofon av' });
  await mute.click();
  await expect(mute).toHaveAttribute('aria-pressed', 'true');
  await expect(activeCall(alice).getByTestId('call-status')).toContainText('Mikrofonen är avstängd');
  await mute.click();
  await expect(mute).toHaveAttribute('aria-pressed', 'false');
});

test('hold and unhold reach both sides', async () => {
  await aliceTalkingWithBob();
  const hold = activeCall(alice).getByRole('button', { name: 'Parkera' });
  await hold.click();
  await expect(hold).toHaveAttribute('aria-pressed', 'true');
  await expect(activeCall(bob).getByTestId('remote-hold')).toHaveText('Motparten har parkerat samtalet');

  await hold.click();
  await expect(hold).toHaveAttribute('aria-pressed', 'false');
  await expect(activeCall(bob).getByTestId('remote-hold')).toHaveCount(0);
});

test('hanging up ends the call on both sides, and both histories hold it', async () => {
  await aliceTalkingWithBob();
  await activeCall(alice).getByRole('button', { name: 'Lägg på' }).click();
  await expect(activeCall(alice)).toHaveCount(0);
  await expect(activeCall(bob)).toHaveCount(0);

  const aliceLatest = history(alice).first();
  await expect(aliceLatest).toHaveAttribute('data-direction', 'outgoing');
  await expect(aliceLatest).toHaveAttribute('data-outcome', 'answered');
  await expect(aliceLatest).toContainText(BOB.landline);
  await expect(aliceLatest).toContainText('visade fastnummer');
  const bobLatest = history(bob).first();
  await expect(bobLatest).toHaveAttribute('data-direction', 'incoming');
  await expect(bobLatest).toHaveAttribute('data-outcome', 'answered');
  await expect(bobLatest).toContainText(ALICE.landline);
});

test('alice on Slutat för dagen calls: bob sees her mobile number', async () => {
  await activateProfile(alice, 'Slutat för dagen');
  await expect(alice.getByTestId('caller-id-summary')).toContainText('Samtal visar 070-111 00 01 (mobilnummer)');
  await dial(alice, BOB.landline);
  await expect(callerOf(incomingCall(bob)).primary).toHaveText(ALICE.mobile);

  await incomingCall(bob)
    .getByRole('button', { name: /^Avvisa/ })
    .click();
  await expect(activeCall(alice)).toHaveCount(0);
  await expect(history(alice).first()).toHaveAttribute('data-outcome', 'declined');
  await expect(history(bob).first()).toHaveAttribute('data-outcome', 'declined');
});

test('on a profile whose caller ID is Dold, bob sees an anonymous caller', async () => {
  await editProfile(alice, 'meeting', (profile) => ({ ...profile, callerId: { ...profile.callerId, calls: 'hidden' } }));
  await activateProfile(alice, 'Möte');
  const invitesBefore = invitesBobReceived().length;
  await dial(alice, BOB.landline);

  const ringing = incomingCall(bob);
  await expect(ringing).toHaveAttribute('data-anonymous', 'true');
  await expect(callerOf(ringing).primary).toHaveText('Dolt nummer');
  await expect(ringing).not.toContainText('Alice');
  await expect(ringing).not.toContainText(ALICE.landline);
  // RFC 3323: alice asked for Privacy: id under her own From, and the PBX anonymised it and asserted nothing.
  const invite = await identityHeadersOfNextInvite(invitesBefore);
  expect(invite.from).toMatch(/^"Anonymous" <sip:anonymous@anonymous\.invalid>;tag=/);
  expect(invite.privacy).toBe('id');
  expect(invite.pPreferredIdentity).toBeNull();
  expect(invite.pAssertedIdentity).toBeNull();

  await activeCall(alice).getByRole('button', { name: 'Lägg på' }).click();
  await expect(incomingCall(bob)).toHaveCount(0);
  await expect(history(alice).first()).toContainText('visade dolt nummer');
});

test('an SMS carries the profile’s SMS caller ID', async () => {
  await editProfile(alice, 'available', (profile) => ({ ...profile, callerId: { calls: 'landline', sms: 'mobile' } }));
  await activateProfile(alice, 'Tillgänglig');
  await expect(alice.getByTestId('caller-id-summary')).toContainText('SMS visar 070-111 00 01 (mobilnummer)');

  await alice.getByRole('radio', { name: 'SMS' }).check();
  await alice.getByLabel('Till', { exact: true }).fill(BOB.mobile);
  await alice.getByLabel('Meddelande', { exact: true }).fill('Hej Bob, ring mig!');
  await alice.getByRole('button', { name: 'Skicka' }).click();

  const sent = alice.getByTestId('messages').getByRole('listitem').first();
  await expect(sent).toContainText(`SMS till ${BOB.mobile}`);
  await expect(sent).toContainText(`visar ${ALICE.mobile}`);
  await expect(sent).toContainText('skickat');
  const received = bob.getByTestId('messages').getByRole('listitem').first();
  await expect(received).toHaveAttribute('data-kind', 'sms');
  await expect(received).toContainText(`SMS från ${ALICE.mobile}`);
  await expect(received).toContainText('Hej Bob, ring mig!');
  await expect(notifications(bob, 'sms')).toHaveCount(1);
});

test('the dialer refuses a bad number with a specific error, and calls no one', async () => {
  const input = alice.getByLabel('Namn, nummer eller SIP-adress');
  await dial(alice, '12345678');
  const error = alice.locator('.phone-dialer').getByRole('alert');
  await expect(error).toHaveAttribute('data-error-code', 'number-invalid');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await dial(alice, '070-12x 45 67');
  await expect(error).toHaveAttribute('data-error-code', 'number-invalid-characters');
  await expect(error).toHaveText('Numret får bara innehålla siffror, mellanslag och bindestreck, och + först.');
  await expect(activeCall(alice)).toHaveCount(0);

  await input.fill('+46 8 123 456 02');
  await expect(alice.locator('.phone-dialer .phone-hint')).toHaveText('Ringer +46 8 123 456 02');
  await input.fill('');
});

test('a tel: link handed to a second launch dials from the running app', async () => {
  const launched = await alice.evaluate(() =>
    window.softphoneDebug?.invoke('debug:second-launch', { argv: ['/usr/bin/profiltelefon', 'tel:+46-8-123-456-02'] }),
  );
  expect(launched?.ok).toBe(true);
  await alice.getByRole('alertdialog').getByRole('button', { name: 'Ring' }).click();
  await expect(callerOf(incomingCall(bob)).primary).toHaveText(ALICE.landline);
  await hangUpAll(alice);
  await expect(incomingCall(bob)).toHaveCount(0);
});

test('bob transfers alice to carol (blind transfer)', async () => {
  await dial(alice, BOB.landline);
  await incomingCall(bob)
    .getByRole('button', { name: /^Svara/ })
    .click();
  await expect(activeCall(bob)).toHaveAttribute('data-status', 'active');

  await activeCall(bob).getByRole('button', { name: 'Koppla vidare' }).click();
  await activeCall(bob).getByLabel('Koppla vidare till').fill(CAROL.landline);
  await activeCall(bob).getByRole('button', { name: 'Koppla', exact: true }).click();
  await expect(activeCall(bob)).toHaveCount(0);

  // Alice's phone follows the REFER and calls carol, presenting her own caller ID.
  await expect(callerOf(incomingCall(carol)).primary).toHaveText(ALICE.landline);
  await incomingCall(carol)
    .getByRole('button', { name: /^Svara/ })
    .click();
  await expect(activeCall(alice)).toHaveCount(1);
  await expect(activeCall(alice)).toContainText(CAROL.landline);
  await expect(activeCall(alice)).toHaveAttribute('data-status', 'active');
  await hangUpAll(alice);
  await expect(activeCall(carol)).toHaveCount(0);
  await expect(history(bob).first()).toHaveAttribute('data-outcome', 'answered');
});

test('a second call waits while bob is in a call; answering it holds the first', async () => {
  await dial(alice, BOB.landline);
  await incomingCall(bob)
    .getByRole('button', { name: /^Svara/ })
    .click();
  await expect(activeCall(alice)).toHaveAttribute('data-status', 'active');

  await dial(carol, BOB.landline);
  const waiting = incomingCall(bob);
  await expect(waiting.getByRole('heading')).toHaveText('Samtal väntar');
  await expect(callerOf(waiting).primary).toHaveText(CAROL.landline);
  await waiting.getByRole('button', { name: /^Svara/ }).click();

  await expect(activeCall(bob)).toHaveCount(2);
  await expect(activeCall(alice).getByTestId('remote-hold')).toBeVisible();
  await expect(activeCall(carol)).toHaveAttribute('data-status', 'active');
  await hangUpAll(bob);
  await expect(activeCall(alice)).toHaveCount(0);
  await expect(activeCall(carol)).toHaveCount(0);
});

test('a profile that forwards sends the call on with 302, and the PBX follows it', async () => {
  await editProfile(bob, 'temporarily-out', (profile) => ({
    ...profile,
    incoming: { ...profile.incoming, action: { kind: 'forward', target: { kind: 'number', number: CAROL.e164.landline } } },
  }));
  await activateProfile(bob, 'Tillfälligt ute');
  await dial(alice, BOB.landline);
  await expect(callerOf(incomingCall(carol)).primary).toHaveText(ALICE.landline);
  await expect(incomingCall(bob)).toHaveCount(0);
  await expect(history(bob).first()).toHaveAttribute('data-outcome', 'forwarded');

  await incomingCall(carol)
    .getByRole('button', { name: /^Avvisa/ })
    .click();
  await expect(activeCall(alice)).toHaveCount(0);
});

test('Lunch answers with its announcement, then passes the caller to voicemail', async () => {
  const activatedAt = Date.now();
  await activateProfile(bob, 'Lunch');
  const ends = [activatedAt + 3_600_000, Date.now() + 3_600_000];
  await dial(alice, BOB.landline);
  const call = activeCall(alice);
  await expect(call).toHaveAttribute('data-status', 'active');
  // Late in the evening lunch's end falls on the next day, which the text then names.
  await expect(call.locator('.phone-announcement')).toHaveText(
    anyWritten(ends, [activatedAt, Date.now()], (until, now) => `Meddelande: Jag är på lunch ${spokenEnd(until, now)}.`),
  );
  await expect(activeCall(bob)).toHaveAttribute('data-status', 'announcing');

  // After the announcement bob's phone REFERs alice to his voicemail, which is carol's phone.
  await expect(callerOf(incomingCall(carol)).primary).toHaveText(ALICE.landline);
  await expect(activeCall(bob)).toHaveCount(0);
  await expect(history(bob).first()).toHaveAttribute('data-outcome', 'forwarded');
  await incomingCall(carol)
    .getByRole('button', { name: /^Avvisa/ })
    .click();
  await expect(activeCall(alice)).toHaveCount(0);
  await activateProfile(bob, 'Tillgänglig');
});

test('an unanswered call is a missed call for bob, notified only when his profile allows it', async () => {
  // Bob's Tillgänglig allows missed-call notifications on the desktop.
  const missedBefore = await notifications(bob, 'missedCall').count();
  await dial(alice, BOB.landline);
  await expect(incomingCall(bob)).toBeVisible();
  await activeCall(alice).getByRole('button', { name: 'Lägg på' }).click();
  await expect(incomingCall(bob)).toHaveCount(0);
  await expect(history(bob).first()).toHaveAttribute('data-outcome', 'missed');
  await expect(history(bob).first()).toContainText(ALICE.landline);
  await expect(notifications(bob, 'missedCall')).toHaveCount(missedBefore + 1);
  await expect(notifications(bob, 'missedCall').last()).toContainText(`Missat samtal ${ALICE.landline} (${ALICE.displayName})`);
  await expect(history(alice).first()).toHaveAttribute('data-outcome', 'cancelled');

  // Now his profile still rings, but keeps missed calls off the desktop.
  await editProfile(bob, 'available', (profile) => ({
    ...profile,
    notifications: { ...profile.notifications, missedCall: { ...profile.notifications.missedCall, desktop: false } },
  }));
  const missedEntries = await bob.getByTestId('call-history').locator('li[data-outcome="missed"]').count();
  await dial(alice, BOB.landline);
  await expect(incomingCall(bob)).toBeVisible();
  await activeCall(alice).getByRole('button', { name: 'Lägg på' }).click();
  await expect(bob.getByTestId('call-history').locator('li[data-outcome="missed"]')).toHaveCount(missedEntries + 1);
  await expect(notifications(bob, 'missedCall')).toHaveCount(missedBefore + 1);
});

test('after Kamailio restarts, both phones register again by themselves', async () => {
  const count = async (page: Page) => Number(await registration(page).getAttribute('data-registrations'));
  const before = { alice: await count(alice), bob: await count(bob) };
  await pbx.restart();
  // JsSIP's first reconnect comes about 2 s after the socket drops, the next ones later.
  await expect.poll(() => count(alice), { timeout: 30_000 }).toBeGreaterThan(before.alice);
  await expect.poll(() => count(bob), { timeout: 30_000 }).toBeGreaterThan(before.bob);
  await expect(registration(alice)).toHaveAttribute('data-state', 'registered');
  await expect(registration(bob)).toHaveAttribute('data-state', 'registered');

  await alice.getByRole('radio', { name: 'Chatt' }).check();
  await alice.getByLabel('Till', { exact: true }).fill('bob@127.0.0.1');
  await alice.getByLabel('Meddelande', { exact: true }).fill('Är du kvar?');
  await alice.getByRole('button', { name: 'Skicka' }).click();
  const received = bob.getByTestId('messages').getByRole('listitem').first();
  await expect(received).toContainText(`Chatt från ${ALICE.displayName}`);
  await expect(received).toContainText('Är du kvar?');
});

test('a wrong password shows a clear registration error', async ({ browser }) => {
  const intruder = await openPhone(browser, CAROL, { password: 'not-carols-password' });
  await expect(registration(intruder)).toHaveAttribute('data-state', 'failed');
  await expect(registration(intruder)).toHaveAttribute('data-failure', 'auth-failed');
  await expect(registration(intruder)).toHaveText(
    'Registreringen misslyckades: Växeln godkände inte användarnamnet eller lösenordet. Kontrollera lösenordet under Konto.',
  );
  await expect(intruder.getByTestId('tray-tooltip')).toHaveText('Profiltelefon – Tillgänglig · telefonen är inte ansluten');
});
