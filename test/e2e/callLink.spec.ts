// A tel:/sip:/callto: link never rings by itself: the phone shows the number and asks (Ring / Avbryt).
import { expect, test, type Page } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { activeCall, ALICE, BOB, incomingCall, pbxUser, PhoneSet } from './support/phoneUsers';

test.describe.configure({ mode: 'serial' });

let pbx: RunningPbx;
const phones = new PhoneSet();
let alice: Page;
let bob: Page;

const confirmation = (page: Page) => page.getByRole('alertdialog');
const calls = (page: Page) => page.evaluate(() => window.phoneTestHook?.calls() ?? null);

/** What the OS does when a link is clicked while the app runs: a second launch with the link. */
function openLink(page: Page, link: string) {
  return page.evaluate((argv) => window.softphoneDebug?.invoke('debug:second-launch', { argv }), ['/usr/bin/profiltelefon', link]);
}

test.beforeAll(async ({ browser }) => {
  // A PBX and two phones: slow on a busy machine.
  test.setTimeout(180_000);
  pbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(BOB)] });
  [alice, bob] = (await phones.openRegistered(browser, pbx, [ALICE, BOB])) as [Page, Page];
});

test.afterAll(async () => {
  await phones.closeAll();
  await pbx?.stop();
});

test.beforeEach(async () => {
  // Each test starts from a phone with no question open and no call, whatever ran before it.
  const open = confirmation(alice);
  if ((await open.count()) > 0) await open.getByRole('button', { name: 'Avbryt' }).click();
  await expect(open).toHaveCount(0);
  await expect.poll(() => calls(alice)).toEqual([]);
});

test('a link shows the number and asks; Avbryt places no call', async () => {
  expect((await openLink(alice, 'tel:+46-8-123-456-02'))?.ok).toBe(true);
  const dialog = confirmation(alice);
  await expect(dialog.getByRole('heading')).toHaveText('Ring +46 8 123 456 02?');
  await expect(dialog).toContainText('En länk vill ringa +46 8 123 456 02. Inget samtal rings förrän du väljer Ring.');
  await expect(dialog).not.toContainText('betalnummer');
  // Nothing rings while the question is open.
  expect(await calls(alice)).toEqual([]);

  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await calls(alice)).toEqual([]);
  await expect(activeCall(alice)).toHaveCount(0);
  await expect(incomingCall(bob)).toHaveCount(0);
});

test('Escape is Avbryt too', async () => {
  await openLink(alice, 'sip:bob@127.0.0.1');
  await expect(confirmation(alice).getByRole('heading')).toHaveText('Ring sip:bob@127.0.0.1?');
  await alice.keyboard.press('Escape');
  await expect(confirmation(alice)).toHaveCount(0);
  expect(await calls(alice)).toEqual([]);
});

test('a premium-rate number gets an explicit warning', async () => {
  await openLink(alice, 'tel:0900-123 45 67');
  const dialog = confirmation(alice);
  await expect(dialog.getByRole('heading')).toHaveText('Ring +46 900 12 34 567?');
  await expect(dialog).toContainText('Varning: +46 900 12 34 567 är ett betalnummer. Samtalet kan kosta mycket mer än ett vanligt samtal.');
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  expect(await calls(alice)).toEqual([]);
});

test('a bad link is refused visibly and asks nothing', async () => {
  const refused = await openLink(alice, 'tel:+46-8-abc');
  expect(refused).toMatchObject({ ok: false, error: { code: 'link-invalid-number' } });
  await expect(confirmation(alice)).toHaveCount(0);
  expect(await calls(alice)).toEqual([]);
});

test('Ring places the call (the link opened from the debug panel)', async () => {
  await alice.getByLabel('Länk från ett annat program').fill('callto:08-123 456 02');
  await alice.getByRole('button', { name: 'Öppna länken' }).click();
  await confirmation(alice).getByRole('button', { name: 'Ring' }).click();
  await expect(confirmation(alice)).toHaveCount(0);
  await expect(incomingCall(bob)).toHaveCount(1);
  expect((await calls(alice))?.map((call) => call.direction)).toEqual(['outgoing']);
  const hangUp = activeCall(alice).getByRole('button', { name: 'Lägg på' });
  await hangUp.click();
  await expect(incomingCall(bob)).toHaveCount(0);
});
