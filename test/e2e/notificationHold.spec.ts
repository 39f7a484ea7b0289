// Notifications held during a call: bob talks with alice while carol's chat (a SIP MESSAGE from
// a second client) arrives. With the setting on it is notified only after the call; with it off,
// at once. Real Chromium, real Kamailio; notifications are read from the browser shell's debug panel.
import { expect, test, type Page } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { activeCall, ALICE, BOB, CAROL, dial, incomingCall, pbxUser, PhoneSet, showView } from './support/phoneUsers';

test.describe.configure({ mode: 'serial' });

let pbx: RunningPbx;
const phones = new PhoneSet();
let alice: Page;
let bob: Page;
let carol: Page;

const notifications = (page: Page, kind: string) => page.getByTestId('notification-log').locator(`li[data-kind="${kind}"]`);
const receivedMessages = (page: Page) => page.getByTestId('messages').locator('li[data-kind="chat"]');
const holdSetting = (page: Page) => page.getByRole('checkbox', { name: 'Håll notiser under samtal och visa dem efteråt' });

async function callBob(): Promise<void> {
  await dial(alice, BOB.landline);
  await incomingCall(bob)
    .getByRole('button', { name: /^Svara/ })
    .click();
  await expect(activeCall(bob)).toHaveAttribute('data-status', 'active');
}

async function carolChats(text: string): Promise<void> {
  await carol.getByRole('radio', { name: 'Chatt' }).check();
  await carol.getByLabel('Till', { exact: true }).fill(`bob@${pbx.domain}`);
  await carol.getByLabel('Meddelande', { exact: true }).fill(text);
  await carol.getByRole('button', { name: 'Skicka' }).click();
}

async function hangUp(): Promise<void> {
  await activeCall(bob).getByRole('button', { name: 'Lägg på' }).click();
  await expect(activeCall(bob)).toHaveCount(0);
  await expect(activeCall(alice)).toHaveCount(0);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  pbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(BOB), pbxUser(CAROL)] });
  alice = (await phones.open(browser, pbx, ALICE)).page;
  bob = (await phones.open(browser, pbx, BOB)).page;
  carol = (await phones.open(browser, pbx, CAROL)).page;
  await showView(bob, 'Konto');
  await expect(holdSetting(bob)).not.toBeChecked();
  await showView(bob, 'Telefon');
});

/** Turns bob's setting on or off from Konto, whatever an earlier test left it at. */
async function holdNotifications(on: boolean): Promise<void> {
  await showView(bob, 'Konto');
  // The checkbox shows main's answer, not the click, so it is clicked and then awaited.
  if ((await holdSetting(bob).isChecked()) !== on) await holdSetting(bob).click();
  await expect(holdSetting(bob)).toBeChecked({ checked: on });
  await showView(bob, 'Telefon');
}

test.afterAll(async () => {
  await phones.closeAll();
  await pbx?.stop();
});

test('with the setting on, a chat during a call is notified only after the call, and the profile stays', async () => {
  await holdNotifications(true);
  // Counted from here: an earlier test may have left messages and notifications.
  const messages = await receivedMessages(bob).count();
  const notified = await notifications(bob, 'chat').count();

  await callBob();
  await carolChats('Hinner du luncha?');
  await expect(receivedMessages(bob)).toHaveCount(messages + 1);
  await expect(receivedMessages(bob).nth(messages)).toContainText('Hinner du luncha?');
  // The message is in; its notification must still wait (checked again once more has happened).
  await expect(notifications(bob, 'chat')).toHaveCount(notified);
  await carolChats('Eller i morgon?');
  await expect(receivedMessages(bob)).toHaveCount(messages + 2);
  await expect(notifications(bob, 'chat')).toHaveCount(notified);
  await expect(bob.getByTestId('tray-tooltip')).toContainText('Tillgänglig');

  await hangUp();
  // Two chats held: one notification says how many and from whom.
  await expect(notifications(bob, 'chat')).toHaveCount(notified + 1);
  await expect(notifications(bob, 'chat').nth(notified)).toContainText('Chatt: 2 under samtalet');
  await expect(notifications(bob, 'chat').nth(notified)).toContainText('carol');
  await expect(bob.getByTestId('tray-tooltip')).toContainText('Tillgänglig');
});

test('with the setting off, a chat during a call is notified at once', async () => {
  await holdNotifications(false);
  const messages = await receivedMessages(bob).count();
  const notified = await notifications(bob, 'chat').count();

  await callBob();
  await carolChats('Nu då?');
  await expect(receivedMessages(bob)).toHaveCount(messages + 1);
  await expect(notifications(bob, 'chat')).toHaveCount(notified + 1);
  await expect(notifications(bob, 'chat').last()).toContainText('Nu då?');
  await expect(activeCall(bob)).toHaveAttribute('data-status', 'active');
  await hangUp();
  await expect(notifications(bob, 'chat')).toHaveCount(notified + 1);
});
