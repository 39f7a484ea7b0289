// Caller ID and hidden number through a PBX with Kamailio's stock policies (RFC 3325, RFC 3323):
// the app (alice) against a plain JsSIP page (bob), whose raw INVITE and MESSAGE are the evidence.
import { createServer } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { JsSIPHarness, type JsSIPPhone, type PhoneState } from './support/jssipPhone';
import {
  activateProfile,
  activeCall,
  ALICE,
  BOB,
  CAROL,
  dial,
  editProfile,
  incomingCall,
  pbxUser,
  PhoneSet,
  showView,
} from './support/phoneUsers';

test.describe.configure({ mode: 'serial' });

/** A switchboard number the app's account has, but the PBX has not given alice. */
const UNOWNED_SWITCHBOARD = '+46855500099';

let pbx: RunningPbx;
let harness: JsSIPHarness;
let bob: JsSIPPhone;
let alice: Page;
const phones = new PhoneSet();

const history = (page: Page) => page.getByTestId('call-history').getByRole('listitem');

/** The header lines of a raw SIP message (everything before the blank line that starts the body). */
function headerLines(raw: string): string[] {
  return raw.split(/\r\n\r\n/)[0]!.split(/\r\n/);
}

function header(raw: string, name: string): string | null {
  const prefix = `${name.toLowerCase()}:`;
  const line = headerLines(raw).find((candidate) => candidate.toLowerCase().startsWith(prefix));
  return line === undefined ? null : line.slice(prefix.length).trim();
}

const callIdOf = (raw: string | null) => (raw === null ? null : header(raw, 'Call-ID'));

/** Waits for an INVITE at bob's page other than the one he had before, and returns it raw. */
async function nextInvite(before: PhoneState): Promise<string> {
  const previous = callIdOf(before.call?.rawInvite ?? null);
  const fresh = async () => {
    const raw = (await bob.state()).call?.rawInvite ?? null;
    return raw !== null && callIdOf(raw) !== previous ? raw : null;
  };
  await expect.poll(fresh).not.toBeNull();
  const raw = await fresh();
  if (raw === null) throw new Error('the INVITE went away');
  return raw;
}

/** Alice calls bob's landline; bob's page gets the INVITE; alice hangs up before he answers. */
async function inviteBobReceives(): Promise<string> {
  const before = await bob.state();
  await dial(alice, BOB.landline);
  const invite = await nextInvite(before);
  await activeCall(alice).getByRole('button', { name: 'Lägg på' }).click();
  await expect(activeCall(alice)).toHaveCount(0);
  await expect.poll(async () => (await bob.state()).call?.events.includes('failed')).toBe(true);
  return invite;
}

/** A loopback port nothing listens on: taken from the OS, then let go. */
async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function setCallerIdPolicy(
  page: Page,
  policy: { presentation?: 'p-preferred-identity' | 'from-user'; hiding?: 'pbx' | 'client' },
): Promise<void> {
  expect(await page.evaluate((callerIdPolicy) => window.softphone.invoke('account:update', { callerIdPolicy }), policy)).toMatchObject({
    ok: true,
  });
}

test.beforeAll(async ({ browser }) => {
  pbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(BOB)] });
  harness = await JsSIPHarness.start();
  bob = await harness.open(browser, {
    wsUrl: pbx.wsUrl,
    domain: pbx.domain,
    user: BOB.user,
    password: BOB.password,
    displayName: BOB.displayName,
  });
  alice = (await phones.open(browser, pbx, ALICE)).page;
  await expect(alice.getByTestId('registration-status')).toHaveAttribute('data-state', 'registered');
  await expect.poll(async () => (await bob.state()).registered).toBe(true);
});

test.afterAll(async () => {
  await phones.closeAll();
  await bob?.close();
  await harness?.close();
  await pbx?.stop();
});

test('on Tillgänglig the callee sees the landline in P-Asserted-Identity, under alice’s own From', async () => {
  const invite = await inviteBobReceives();
  expect(header(invite, 'P-Asserted-Identity')).toBe(`<sip:${ALICE.e164.landline}@127.0.0.1>`);
  expect(header(invite, 'From')).toMatch(/^"Alice Andersson" <sip:alice@127\.0\.0\.1>;tag=/);
  expect(header(invite, 'P-Preferred-Identity')).toBeNull();
  expect(header(invite, 'Privacy')).toBeNull();
});

test('on Slutat för dagen the callee sees the mobile number in P-Asserted-Identity', async () => {
  await activateProfile(alice, 'Slutat för dagen');
  await expect(alice.getByTestId('caller-id-summary')).toContainText('Samtal visar 070-111 00 01 (mobilnummer)');
  const invite = await inviteBobReceives();
  expect(header(invite, 'P-Asserted-Identity')).toBe(`<sip:${ALICE.e164.mobile}@127.0.0.1>`);
  expect(header(invite, 'From')).toMatch(/<sip:alice@127\.0\.0\.1>/);
  await activateProfile(alice, 'Tillgänglig');
});

test('on Dold the callee sees anonymous, and no header names alice or any of her numbers', async () => {
  await editProfile(alice, 'available', (profile) => ({ ...profile, callerId: { ...profile.callerId, calls: 'hidden' } }));
  await expect(alice.getByTestId('caller-id-summary')).toContainText('Samtal visar dolt nummer');
  const invite = await inviteBobReceives();
  expect(header(invite, 'From')).toMatch(/^"Anonymous" <sip:anonymous@anonymous\.invalid>;tag=/);
  expect(header(invite, 'P-Asserted-Identity')).toBeNull();
  const revealing = [
    ALICE.user,
    ALICE.displayName,
    'Andersson',
    ...Object.values(ALICE.e164),
    ...Object.values(ALICE.e164).map((number) => number.slice(1)),
    '0812345601',
    '0701110001',
  ];
  for (const line of headerLines(invite)) {
    for (const word of revealing) expect(line.toLowerCase(), `${line} names ${word}`).not.toContain(word.toLowerCase());
  }
  await expect(history(alice).first()).toContainText('visade dolt nummer');
  await editProfile(alice, 'available', (profile) => ({ ...profile, callerId: { ...profile.callerId, calls: 'landline' } }));
});

test('an SMS arrives with the SMS caller ID asserted by the PBX', async () => {
  await editProfile(alice, 'available', (profile) => ({ ...profile, callerId: { calls: 'landline', sms: 'mobile' } }));
  await alice.getByRole('radio', { name: 'SMS' }).check();
  await alice.getByLabel('Till', { exact: true }).fill(BOB.mobile);
  await alice.getByLabel('Meddelande', { exact: true }).fill('Ring mig på mobilen');
  await alice.getByRole('button', { name: 'Skicka' }).click();

  const sent = alice.getByTestId('messages').getByRole('listitem').first();
  await expect(sent).toContainText('skickat');
  await expect.poll(async () => (await bob.state()).messages.length).toBe(1);
  const [message] = (await bob.state()).messages;
  expect(message!.body).toBe('Ring mig på mobilen');
  expect(header(message!.raw, 'P-Asserted-Identity')).toBe(`<sip:${ALICE.e164.mobile}@127.0.0.1>`);
  expect(message!.fromUser).toBe(ALICE.user);
});

test('a caller ID the PBX refuses is explained in Swedish, in the call view and in the history', async () => {
  const updated = await alice.evaluate(
    (number) => window.softphone.invoke('account:update', { numbers: { switchboard: number } }),
    UNOWNED_SWITCHBOARD,
  );
  expect(updated).toMatchObject({ ok: true });
  await editProfile(alice, 'available', (profile) => ({ ...profile, callerId: { calls: 'switchboard', sms: 'switchboard' } }));
  const invitesBefore = callIdOf((await bob.state()).call?.rawInvite ?? null);
  const messagesBefore = (await bob.state()).messages.length;

  await dial(alice, BOB.landline);
  const ended = alice.getByTestId('last-call');
  await expect(ended).toHaveAttribute('data-failure', 'caller-id-refused');
  await expect(ended).toHaveText(
    'Samtalet med 08-123 456 02 är avslutat: misslyckades. Växeln tillåter inte numret du visar. Välj ett av dina egna nummer i profilens nummervisning, eller be växelns administratör om numret.',
  );
  const latest = history(alice).first();
  await expect(latest).toHaveAttribute('data-outcome', 'failed');
  await expect(latest.getByTestId('history-failure')).toHaveText(/^Orsak: Växeln tillåter inte numret du visar\./);
  expect(callIdOf((await bob.state()).call?.rawInvite ?? null)).toBe(invitesBefore);

  // The same refusal for an SMS, beside the message.
  await alice.getByRole('radio', { name: 'SMS' }).check();
  await alice.getByLabel('Till', { exact: true }).fill(BOB.mobile);
  await alice.getByLabel('Meddelande', { exact: true }).fill('Det här får inte gå iväg');
  await alice.getByRole('button', { name: 'Skicka' }).click();
  const refused = alice.getByTestId('messages').getByRole('listitem').first();
  await expect(refused).toHaveAttribute('data-failure', 'caller-id-refused');
  await expect(refused).toContainText('kunde inte skickas: Växeln tillåter inte numret du visar.');
  await expect(refused).not.toContainText('403');
  expect((await bob.state()).messages).toHaveLength(messagesBefore);

  // In English the same reason is English.
  await alice.getByLabel('Språk').selectOption('en');
  await expect(latest.getByTestId('history-failure')).toHaveText(/^Reason: The PBX does not allow the number you present\./);
  await alice.getByLabel('Language').selectOption('sv');
  await editProfile(alice, 'available', (profile) => ({ ...profile, callerId: { calls: 'landline', sms: 'landline' } }));
});

test('an incoming call shows the caller from P-Asserted-Identity, and a withheld caller as Dolt nummer', async () => {
  await bob.call(ALICE.e164.landline, [`P-Preferred-Identity: <sip:${BOB.e164.mobile}@127.0.0.1>`]);
  const ringing = incomingCall(alice);
  await expect(ringing.getByTestId('caller-primary')).toHaveText(BOB.mobile);
  await bob.hangUp();
  await expect(incomingCall(alice)).toHaveCount(0);

  await bob.call(ALICE.e164.landline, ['Privacy: id']);
  await expect(ringing).toHaveAttribute('data-anonymous', 'true');
  await expect(ringing.getByTestId('caller-primary')).toHaveText('Dolt nummer');
  await expect(ringing).not.toContainText('Bob');
  await bob.hangUp();
  await expect(incomingCall(alice)).toHaveCount(0);
});

test('the account option for a PBX that authenticates an anonymous From sends one, still naming nobody to the callee', async () => {
  await setCallerIdPolicy(alice, { hiding: 'client' });
  await editProfile(alice, 'available', (profile) => ({ ...profile, callerId: { ...profile.callerId, calls: 'hidden' } }));
  const invite = await inviteBobReceives();
  expect(header(invite, 'From')).toMatch(/^"Anonymous" <sip:anonymous@anonymous\.invalid>;tag=/);
  expect(header(invite, 'Privacy')).toBe('id');
  for (const line of headerLines(invite)) expect(line.toLowerCase()).not.toContain(ALICE.user);
  await setCallerIdPolicy(alice, { hiding: 'pbx' });
  await editProfile(alice, 'available', (profile) => ({ ...profile, callerId: { ...profile.callerId, calls: 'landline' } }));
});

test('the number in the From user, on a PBX that wants the digest user there, is explained as a refused sign-in', async () => {
  await setCallerIdPolicy(alice, { presentation: 'from-user' });
  const before = callIdOf((await bob.state()).call?.rawInvite ?? null);
  await dial(alice, BOB.landline);
  const ended = alice.getByTestId('last-call');
  await expect(ended).toHaveAttribute('data-failure', 'auth-failed');
  await expect(ended).toContainText('Växeln godkände inte inloggningen');
  await expect(ended).not.toContainText('Authentication');
  expect(callIdOf((await bob.state()).call?.rawInvite ?? null)).toBe(before);

  // Back on the default, the same call goes through.
  await setCallerIdPolicy(alice, { presentation: 'p-preferred-identity' });
  expect(header(await inviteBobReceives(), 'P-Asserted-Identity')).toBe(`<sip:${ALICE.e164.landline}@127.0.0.1>`);
});

test('a PBX that was never reached is told apart from a lost connection, in Telefon and in Konto', async ({ browser }) => {
  const nowhere = { ...pbx, wsUrl: `ws://127.0.0.1:${await closedLoopbackPort()}` };
  const page = (await phones.open(browser, nowhere, CAROL)).page;
  const status = page.getByTestId('registration-status');
  await expect(status).toHaveAttribute('data-state', 'unreachable');
  await expect(status).toContainText('Växeln går inte att nå');
  await expect(status).toContainText('Kontrollera växelns adress under Konto');
  await showView(page, 'Konto');
  await expect(page.getByTestId('registration-status')).toHaveAttribute('data-state', 'unreachable');
  await expect(page.getByTestId('caller-id-policy')).toContainText('I P-Preferred-Identity (standard)');
  await expect(page.getByRole('radio', { name: /Växeln döljer numret/ })).toBeChecked();
});
