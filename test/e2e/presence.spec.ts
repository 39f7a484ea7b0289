// Presence end to end: alice publishes, bob watches her through a real Kamailio, carol takes calls.
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Profile } from '../../src/core/profiles/model';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { anyWritten, shownEnd } from './support/endTime';
import { ALICE, BOB, CAROL, pbxUser, PhoneSet, showView, type PhoneUser, type ProvisionOverrides } from './support/phoneUsers';

test.describe.configure({ mode: 'serial' });

const ALICE_URI = 'sip:alice@127.0.0.1';
let pbx: RunningPbx;
const phones = new PhoneSet();
let alice: Page;
let bob: Page;
let carol: Page;
/** Set by a test that quits alice's app: the next test starts it again. */
let aliceQuit = false;

async function openPhone(browser: Browser, user: PhoneUser, overrides: ProvisionOverrides = {}): Promise<Page> {
  const { page } = await phones.open(browser, pbx, user, overrides);
  await expect(page.getByTestId('registration-status')).toHaveAttribute('data-state', 'registered');
  return page;
}

const aliceRow = () => bob.locator(`li.colleague[data-uri="${ALICE_URI}"]`);
const bodiesBobReceived = () => bob.evaluate((uri) => window.presenceTestHook?.receivedBodies(uri) ?? [], ALICE_URI);

async function activate(page: Page, name: string, message = ''): Promise<void> {
  await showView(page, 'Profiler');
  const button = page.getByRole('button', { name: `Aktivera ${name}` });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  if (message === '') return;
  await page.getByLabel('Tillfälligt statusmeddelande').fill(message);
  await page.getByLabel('Tillfälligt statusmeddelande').press('Enter');
  await expect(page.locator('.profile--active .profile__message')).toHaveText(`Meddelande: ${message}`);
}

test.beforeAll(async ({ browser }) => {
  pbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(BOB), pbxUser(CAROL)] });
  alice = await openPhone(browser, ALICE);
  bob = await openPhone(browser, BOB, { directory: [{ name: 'Alice Andersson', uri: ALICE_URI }] });
  carol = await openPhone(browser, CAROL);
  await showView(bob, 'Kollegor');
});

test.afterAll(async () => {
  await phones.closeAll();
  await pbx?.stop();
});

/** Alice's meeting profile as the app ships it, to undo what a test changed in it. */
async function meetingProfile(): Promise<Profile> {
  return alice.evaluate(async () => {
    const state = await window.softphone.invoke('state:get', null);
    if (!state.ok) throw new Error(state.error.message);
    return state.value.profiles.find((profile) => profile.id === 'meeting')!;
  });
}
let meetingAsShipped: Profile;

async function aliceNow(): Promise<number> {
  return alice.evaluate(async () => {
    const state = await window.softphone.invoke('state:get', null);
    if (!state.ok) throw new Error(state.error.message);
    return state.value.now;
  });
}

test.beforeEach(async ({ browser }) => {
  // Every test starts with alice's app running, on Tillgänglig, with her meeting profile as shipped, whatever ran before.
  if (aliceQuit) {
    alice = await openPhone(browser, ALICE);
    aliceQuit = false;
  }
  meetingAsShipped ??= await meetingProfile();
  expect((await alice.evaluate((profile) => window.softphone.invoke('profile:update', profile), meetingAsShipped)).ok).toBe(true);
  await activate(alice, 'Tillgänglig');
  await expect(aliceRow().locator('.colleague__profile')).toHaveText('Tillgänglig');
});

test("bob's list shows alice's switch to Möte with its message and end time", async () => {
  await expect(aliceRow().locator('.colleague__profile')).toHaveText('Tillgänglig');
  await expect(aliceRow().locator('.colleague__detail')).toHaveText('Ej i samtal');
  const switchedAt = Date.now();
  // Alice's clock sets the end; a test that moved it forward may have run before.
  const aliceSwitchedAt = await aliceNow();
  await activate(alice, 'Möte');
  await expect(aliceRow().locator('.colleague__profile')).toHaveText('Möte');
  const ends = [aliceSwitchedAt + 3_600_000, (await aliceNow()) + 3_600_000];
  await expect(aliceRow().locator('.colleague__detail')).toHaveText(
    anyWritten(ends, [switchedAt, Date.now()], (until, now) => `Ej i samtal · till ${shownEnd(until, now)}`),
  );
});

test('her temporary message replaces the permanent one, and is gone after the next switch', async () => {
  await activate(alice, 'Möte');
  const meeting = await meetingProfile();
  expect(
    (
      await alice.evaluate((next) => window.softphone.invoke('profile:update', next), {
        ...meeting,
        statusMessage: 'Chatta mig om det är viktigt',
      })
    ).ok,
  ).toBe(true);
  await expect(aliceRow().locator('.colleague__detail')).toContainText('Chatta mig om det är viktigt');

  await activate(alice, 'Möte', 'Hos kund i Kista');
  await expect(aliceRow().locator('.colleague__detail')).toContainText('Hos kund i Kista');
  await expect(aliceRow().locator('.colleague__detail')).not.toContainText('Chatta mig');

  await activate(alice, 'Möte');
  await expect(aliceRow().locator('.colleague__detail')).toContainText('Chatta mig om det är viktigt');
  await expect(aliceRow().locator('.colleague__detail')).not.toContainText('Hos kund');
});

async function aliceCallsCarol(): Promise<void> {
  await showView(alice, 'Telefon');
  await alice.getByLabel('Namn, nummer eller SIP-adress').fill(CAROL.landline);
  await alice.getByRole('button', { name: 'Ring', exact: true }).click();
  await expect(carol.getByTestId('incoming-call')).toBeVisible();
}

async function carolAnswersThenAliceHangsUp(duringCall: () => Promise<void>): Promise<void> {
  await carol
    .getByTestId('incoming-call')
    .getByRole('button', { name: /^Svara/ })
    .click();
  await expect(alice.getByTestId('active-call')).toHaveAttribute('data-status', 'active');
  await duringCall();
  await alice.getByTestId('active-call').getByRole('button', { name: 'Lägg på' }).click();
  await expect(alice.getByTestId('active-call')).toHaveCount(0);
}

test('on a Tillgänglig profile, bob sees alice ringing, busy in a call with carol, and idle after the hang-up', async () => {
  await activate(alice, 'Tillgänglig');
  await expect(aliceRow().locator('.colleague__detail')).toHaveText('Ej i samtal');
  await aliceCallsCarol();
  await expect(aliceRow().locator('.colleague__detail')).toHaveText('Utgående ringning');
  await carolAnswersThenAliceHangsUp(async () => {
    await expect(aliceRow().locator('.colleague__detail')).toHaveText('Upptagen i samtal');
  });
  await expect(aliceRow().locator('.colleague__detail')).toHaveText('Ej i samtal');
});

test('on an Ej tillgänglig profile, no call state reaches bob: not on screen, not in any SIP body', async () => {
  const before = (await bodiesBobReceived()).length;
  await activate(alice, 'Utbildning');
  await expect(aliceRow().locator('.colleague__profile')).toHaveText('Utbildning');
  await aliceCallsCarol();
  await carolAnswersThenAliceHangsUp(async () => {
    await expect(aliceRow().locator('.colleague__detail')).toContainText('Ej synlig samtalsstatus');
  });
  await expect(aliceRow().locator('.colleague__detail')).toContainText('Ej synlig samtalsstatus');
  const since = (await bodiesBobReceived()).slice(before);
  expect(since.length).toBeGreaterThan(0);
  for (const body of since) {
    expect(body).not.toContain('on-the-phone');
    expect(body).not.toContain('callstate');
    expect(body).not.toContain('dialog');
  }
});

test("when alice's timed profile ends, bob sees the base profile", async () => {
  await activate(alice, 'Tillfälligt ute');
  await expect(aliceRow().locator('.colleague__profile')).toHaveText('Tillfälligt ute');
  const advanced = await alice.evaluate(() => window.softphoneDebug!.invoke('debug:clock-advance', { ms: 31 * 60_000 }));
  expect(advanced.ok).toBe(true);
  await expect(aliceRow().locator('.colleague__profile')).toHaveText('Tillgänglig');
});

test('when alice quits from the tray, she signs off first and bob sees her offline', async () => {
  aliceQuit = true;
  await alice.getByTestId('tray-model').getByRole('menuitem', { name: 'Avsluta' }).click();
  await expect(aliceRow().locator('.colleague__profile')).toHaveText('Inte inloggad');
  const lastBody = (await bodiesBobReceived()).at(-1) ?? '';
  expect(lastBody.includes('Tillgänglig') && lastBody.includes('<basic>open</basic>')).toBe(false);
});
