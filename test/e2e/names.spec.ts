// Names everywhere, end to end through a real Kamailio: alice finds colleagues by name in the
// dialer, the transfer field, the chat composer and the editor's forward target; callers and the
// history carry the directory's names; a ringing call takes the focus and has its own keys.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import {
  activateProfile,
  activeCall,
  ALICE,
  BOB,
  dial,
  editProfile,
  incomingCall,
  pbxUser,
  PhoneSet,
  showView,
  type PhoneUser,
} from './support/phoneUsers';

test.describe.configure({ mode: 'serial' });

const BERTIL: PhoneUser = {
  user: 'bertil',
  password: 'bertil-pass',
  displayName: 'B. Berg',
  landline: '08-123 456 04',
  mobile: '070-111 00 04',
  e164: { landline: '+46812345604', mobile: '+46701110004' },
};
/** As the company's directory names him: not the display name his phone sends. */
const BERTIL_NAME = 'Bertil Berglund';

let pbx: RunningPbx;
const phones = new PhoneSet();
let alice: Page;
let bertil: Page;
let bob: Page;

const history = (page: Page) => page.getByTestId('call-history').getByRole('listitem');
const dialer = (page: Page) => page.getByRole('combobox', { name: 'Namn, nummer eller SIP-adress' });
const suggestions = (page: Page) => page.getByRole('listbox', { name: 'Kollegor i katalogen' });

async function hangUpAll(page: Page): Promise<void> {
  const hangUp = activeCall(page).getByRole('button', { name: 'Lägg på' });
  while ((await hangUp.count()) > 0) await hangUp.first().click();
  await expect(activeCall(page)).toHaveCount(0);
}

async function answer(page: Page): Promise<void> {
  await incomingCall(page)
    .getByRole('button', { name: /^Svara/ })
    .click();
  await expect(activeCall(page)).toHaveAttribute('data-status', 'active');
}

/** A history row's visible facts: who, which way, the outcome, when, and how long. */
async function expectRow(
  row: Locator,
  { name, direction, outcome, connected }: { name: string; direction: string; outcome: string; connected: boolean },
) {
  await expect(row.locator('.phone-party__primary')).toHaveText(name);
  await expect(row).toContainText(`${direction}, ${outcome}`);
  // The date is always there ("2 dec. 14:30"), not only the time.
  await expect(row.locator('time')).toHaveText(/^\d{1,2} [a-zåäö]{3}\.? \d{2}:\d{2}$/);
  if (connected) await expect(row.getByTestId('history-duration')).toHaveText(/^längd \d+:\d{2}$/);
  else await expect(row.getByTestId('history-duration')).toHaveCount(0);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  pbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(BERTIL), pbxUser(BOB)] });
  const directory = [
    { name: BERTIL_NAME, uri: `sip:${BERTIL.user}@${pbx.domain}` },
    { name: 'Bob Berg', uri: `sip:${BOB.user}@${pbx.domain}` },
    { name: 'Örjan Öst', uri: `sip:orjan@${pbx.domain}` },
  ];
  alice = (await phones.open(browser, pbx, ALICE, { directory })).page;
  bertil = (await phones.open(browser, pbx, BERTIL)).page;
  bob = (await phones.open(browser, pbx, BOB)).page;
  for (const page of [alice, bertil, bob])
    await expect(page.getByTestId('registration-status')).toHaveAttribute('data-state', 'registered');
});

test.afterAll(async () => {
  await phones.closeAll();
  await pbx?.stop();
});

test('the dialer offers colleagues by name as alice types, and a name nobody has gets its own error', async () => {
  await dialer(alice).fill('orjan');
  await expect(suggestions(alice).getByRole('option')).toHaveText([/^Örjan Öst/]);
  await dialer(alice).press('Escape');
  await expect(suggestions(alice)).toBeHidden();
  await expect(dialer(alice)).toHaveAttribute('aria-expanded', 'false');

  await dialer(alice).fill('nisse');
  await alice.getByRole('button', { name: 'Ring', exact: true }).click();
  const error = alice.getByRole('alert').filter({ hasText: 'Ingen kollega i katalogen heter så' });
  await expect(error).toHaveText('Ingen kollega i katalogen heter så, och det är varken ett telefonnummer eller en SIP-adress.');
  await expect(activeCall(alice)).toHaveCount(0);
  await dialer(alice).fill('');
});

test('alice dials "bertil" by name with the keyboard; bertil\'s Svara has the focus and Ctrl+Shift+S answers', async () => {
  await dialer(alice).click();
  await alice.keyboard.type('bertil');
  await expect(dialer(alice)).toHaveAttribute('aria-expanded', 'true');
  await alice.keyboard.press('ArrowDown');
  const option = suggestions(alice).getByRole('option', { name: new RegExp(BERTIL_NAME) });
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(dialer(alice)).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
  await alice.keyboard.press('Enter');
  await expect(dialer(alice)).toHaveValue(BERTIL_NAME);
  await alice.keyboard.press('Enter');

  const ringing = incomingCall(bertil);
  await expect(ringing).toBeVisible();
  const svara = ringing.getByRole('button', { name: /^Svara/ });
  await expect(svara).toBeFocused();
  await expect(svara).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+S');
  await expect(ringing.getByRole('button', { name: /^Avvisa/ })).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+D');
  await expect(ringing.getByTestId('incoming-shortcuts')).toHaveText('Ctrl+Skift+S svarar · Ctrl+Skift+D avvisar');
  // From anywhere in the app: the focus is moved away from the banner first.
  await showView(bertil, 'Profiler');
  await bertil.keyboard.press('Control+Shift+S');
  await expect(activeCall(bertil)).toHaveAttribute('data-status', 'active');
  await expect(activeCall(alice)).toHaveAttribute('data-status', 'active');
  await expect(activeCall(alice).locator('.phone-party__primary')).toHaveText(BERTIL_NAME);
  await hangUpAll(alice);
  await expect(activeCall(bertil)).toHaveCount(0);
  await expectRow(history(alice).first(), { name: BERTIL_NAME, direction: 'Utgående', outcome: 'besvarat', connected: true });
});

test("bertil's call shows the directory's name; Ctrl+Shift+D declines it, and alice calls him back from the history", async () => {
  await showView(alice, 'Kollegor');
  await dial(bertil, ALICE.landline);
  const ringing = incomingCall(alice);
  await expect(ringing.getByTestId('caller-secondary')).toHaveText(BERTIL_NAME);
  await expect(ringing.getByTestId('caller-primary')).toHaveText(BERTIL.landline);
  await expect(ringing.getByRole('button', { name: /^Svara/ })).toBeFocused();
  await alice.keyboard.press('Control+Shift+D');
  await expect(incomingCall(alice)).toHaveCount(0);
  await expect(activeCall(bertil)).toHaveCount(0);

  await showView(alice, 'Telefon');
  const row = history(alice).first();
  await expect(row).toHaveAttribute('data-outcome', 'declined');
  await expect(row.locator('.phone-party__secondary')).toHaveText(BERTIL_NAME);
  await expect(row).toContainText('Inkommande, avvisat');
  await row.getByRole('button', { name: `Ring upp ${BERTIL.landline}` }).click();
  await expect(incomingCall(bertil)).toBeVisible();
  await incomingCall(bertil)
    .getByRole('button', { name: /^Avvisa/ })
    .click();
  await expect(activeCall(alice)).toHaveCount(0);
  await expect(history(alice).first()).toHaveAttribute('data-direction', 'outgoing');
});

test('a call the announcement handled is listed as hänvisning, not missat', async () => {
  await editProfile(alice, 'lunch', (profile) => ({
    ...profile,
    incoming: { ...profile.incoming, action: { kind: 'announcement', text: 'Jag är på lunch', sayEnd: false, then: { kind: 'hangup' } } },
  }));
  await activateProfile(alice, 'Lunch');
  await dial(bertil, ALICE.landline);
  await expect(activeCall(alice)).toHaveAttribute('data-status', 'announcing');
  // The phone hangs up once the words are spoken.
  await expect(activeCall(bertil)).toHaveCount(0, { timeout: 30_000 });
  await expect(activeCall(alice)).toHaveCount(0);
  const row = history(alice).first();
  await expect(row).toHaveAttribute('data-outcome', 'announcement');
  await expectRow(row, { name: BERTIL.landline, direction: 'Inkommande', outcome: 'hänvisning', connected: false });
  await expect(row).not.toContainText('missat');
  await activateProfile(alice, 'Tillgänglig');
});

test('alice transfers a call to "bertil" by name, and chats to him by name', async () => {
  await dial(bob, ALICE.landline);
  await answer(alice);
  await activeCall(alice).getByRole('button', { name: 'Koppla vidare' }).click();
  const transferTo = activeCall(alice).getByRole('combobox', { name: 'Koppla vidare till' });
  // Typed in full and sent without picking: the name alone is enough.
  await transferTo.fill('bertil');
  await activeCall(alice).getByRole('button', { name: 'Koppla', exact: true }).click();
  await expect(activeCall(alice)).toHaveCount(0);
  await expect(incomingCall(bertil)).toBeVisible();
  await answer(bertil);
  await hangUpAll(bertil);
  await expect(activeCall(bob)).toHaveCount(0);

  await alice.getByRole('radio', { name: 'Chatt' }).check();
  const to = alice.getByRole('combobox', { name: 'Till', exact: true });
  await to.fill('berg');
  await suggestions(alice)
    .getByRole('option', { name: new RegExp(BERTIL_NAME) })
    .click();
  await expect(to).toHaveValue(BERTIL_NAME);
  await alice.getByLabel('Meddelande', { exact: true }).fill('Tack för hjälpen');
  await alice.getByRole('button', { name: 'Skicka' }).click();
  const sent = alice.getByTestId('messages').getByRole('listitem').first();
  await expect(sent).toContainText(`Chatt till ${BERTIL_NAME}`);
  const received = bertil.getByTestId('messages').getByRole('listitem').first();
  await expect(received).toContainText('Tack för hjälpen');
});

test('a colleague picked in the editor is a forward target: the PBX takes the 302 to bertil', async () => {
  await showView(alice, 'Redigera profiler');
  await alice
    .getByRole('list', { name: 'Välj profil att redigera' })
    .getByRole('button', { name: /^7 Tillfälligt ute/ })
    .click();
  await alice.getByLabel('Vidarekoppla till', { exact: true }).selectOption({ label: 'En kollega' });
  const colleague = alice.getByRole('combobox', { name: 'Kollega', exact: true });
  await colleague.fill('bert');
  await colleague.press('ArrowDown');
  await colleague.press('Enter');
  await expect(colleague).toHaveValue(BERTIL_NAME);
  await alice.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(alice.getByRole('status').filter({ hasText: 'Sparad' })).toBeVisible();

  await activateProfile(alice, 'Tillfälligt ute');
  await dial(bob, ALICE.landline);
  await expect(incomingCall(bertil)).toBeVisible();
  await expect(incomingCall(alice)).toHaveCount(0);
  await answer(bertil);
  await hangUpAll(bertil);
  await expect(activeCall(bob)).toHaveCount(0);
  await expect(history(alice).first()).toHaveAttribute('data-outcome', 'forwarded');
  await activateProfile(alice, 'Tillgänglig');
});

test("Svara on the ringing call's notification answers it, through the same service call as Electron's button", async () => {
  await dial(alice, BERTIL.landline);
  await expect(incomingCall(bertil)).toBeVisible();
  const notification = bertil.getByTestId('notification-log').getByRole('listitem').filter({ hasText: 'Inkommande samtal' }).last();
  await notification.getByRole('button', { name: 'Svara', exact: true }).click();
  await expect(activeCall(bertil)).toHaveAttribute('data-status', 'active');
  await hangUpAll(alice);
  await expect(activeCall(bertil)).toHaveCount(0);
});
