// Priority access: bob is on Möte, which answers with an announcement, yet alice, on his list of
// who may always reach him, rings through; carol gets the announcement. Real Chromium, real Kamailio.
import { expect, test, type Page } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { activateProfile, activeCall, ALICE, BOB, CAROL, dial, incomingCall, pbxUser, PhoneSet, showView } from './support/phoneUsers';

test.describe.configure({ mode: 'serial' });

let pbx: RunningPbx;
const phones = new PhoneSet();
let alice: Page;
let bob: Page;
let carol: Page;

const prioritySection = (page: Page) => page.getByRole('region', { name: /Vem som alltid når dig|Who can always reach you/ });
const priorityField = (page: Page) => prioritySection(page).getByRole('combobox');

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  pbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(BOB), pbxUser(CAROL)] });
  alice = (await phones.open(browser, pbx, ALICE)).page;
  bob = (
    await phones.open(browser, pbx, BOB, {
      directory: [
        { name: ALICE.displayName, uri: `sip:${ALICE.user}@${pbx.domain}` },
        { name: CAROL.displayName, uri: `sip:${CAROL.user}@${pbx.domain}` },
      ],
    })
  ).page;
  carol = (await phones.open(browser, pbx, CAROL)).page;
});

/** Bob's priority list, set through the app's own request. */
async function setPriorityList(list: { kind: 'colleague'; uri: string }[]): Promise<void> {
  const updated = await bob.evaluate((priorityAccess) => window.softphone.invoke('account:update', { priorityAccess }), list);
  expect(updated.ok).toBe(true);
}

/** Where the calls below start: alice on bob's priority list, and bob in a meeting. */
async function aliceOnTheListAndBobOnMöte(): Promise<void> {
  await setPriorityList([{ kind: 'colleague', uri: `sip:alice@${pbx.domain}` }]);
  await activateProfile(bob, 'Möte');
}

test.afterAll(async () => {
  await phones.closeAll();
  await pbx?.stop();
});

test('Konto refuses a stranger and a bad number at the field, in Swedish and English, and adds alice by name', async () => {
  await setPriorityList([]);
  await showView(bob, 'Konto');
  const section = prioritySection(bob);
  await expect(section).toContainText('Ingen ännu.');

  await priorityField(bob).fill('Dave Dahl');
  await section.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(priorityField(bob)).toHaveAccessibleDescription('Ingen kollega i katalogen heter så, och det är inget telefonnummer.');
  await priorityField(bob).fill('070-12');
  await section.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(priorityField(bob)).toHaveAccessibleDescription(/Det här är inget giltigt telefonnummer/);
  await expect(section.getByRole('listitem')).toHaveCount(0);

  await bob.locator('.language-picker select').selectOption('en');
  await expect(priorityField(bob)).toHaveAccessibleDescription(/This is not a valid phone number/);
  await bob.locator('.language-picker select').selectOption('sv');

  await priorityField(bob).fill('alice andersson');
  await section.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(section.getByRole('listitem')).toHaveCount(1);
  await expect(section.getByRole('listitem')).toContainText(`${ALICE.displayName} sip:alice@${pbx.domain}`);
  await expect(priorityField(bob)).toHaveValue('');
  const stored = await bob.evaluate(async () => {
    const state = await window.softphone.invoke('state:get', null);
    return state.ok ? state.value.account.priorityAccess : null;
  });
  expect(stored).toEqual([{ kind: 'colleague', name: ALICE.displayName, uri: `sip:alice@${pbx.domain}` }]);
});

test('the switcher says priority contacts ring anyway on Möte', async () => {
  await aliceOnTheListAndBobOnMöte();
  await showView(bob, 'Profiler');
  await expect(bob.locator('.profile--active .profile__priority')).toHaveText('Samtal från 1 prioriterad kontakt ringer ändå');
  await showView(bob, 'Telefon');
});

test('alice, on the list, rings bob on Möte', async () => {
  await aliceOnTheListAndBobOnMöte();
  await dial(alice, BOB.landline);
  await expect(incomingCall(bob)).toBeVisible();
  await expect(incomingCall(bob).getByTestId('caller-primary')).toHaveText(ALICE.landline);
  await expect(activeCall(alice)).toHaveAttribute('data-status', 'alerting');
  await activeCall(alice).getByRole('button', { name: 'Lägg på' }).click();
  await expect(incomingCall(bob)).toHaveCount(0);
});

test('carol, not on the list, gets Möte’s announcement', async () => {
  await aliceOnTheListAndBobOnMöte();
  await dial(carol, BOB.landline);
  await expect(activeCall(carol)).toHaveAttribute('data-status', 'active');
  await expect(activeCall(carol).locator('.phone-announcement')).toContainText('Meddelande: Jag sitter i möte');
  await expect(activeCall(bob)).toHaveAttribute('data-status', 'announcing');
  await expect(incomingCall(bob)).toHaveCount(0);
  await expect(activeCall(carol)).toHaveCount(0, { timeout: 30_000 });
});
