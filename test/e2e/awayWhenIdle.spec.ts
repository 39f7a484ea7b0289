// Away when idle or locked, in real Chromium through the browser shell: the debug panel reports
// idle time, input and the lock through the same service call Electron's powerMonitor uses, the
// clock moves with debug:clock-advance, and a real call goes through the test PBX.
import { expect, test, type Page } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { advanceTo, profileButton, saveAutomation, shellNow } from './support/automationSetup';
import { activeCall, ALICE, BOB, dial, pbxUser, PhoneSet, showView } from './support/phoneUsers';

test.describe.configure({ mode: 'serial' });

const MINUTE = 60_000;
let pbx: RunningPbx;
const phones = new PhoneSet();
let alice: Page;
let bob: Page;

const debugPanel = (page: Page) => page.getByRole('complementary', { name: 'Felsökning (webbskal)' });

async function reportIdleSeconds(page: Page, seconds: number): Promise<void> {
  await debugPanel(page).getByLabel('Sekunder utan aktivitet').fill(String(seconds));
  await debugPanel(page).getByRole('button', { name: 'Rapportera inaktivitet' }).click();
}

const input = (page: Page) => debugPanel(page).getByRole('button', { name: 'Aktivitet nu' }).click();
const lock = (page: Page) => debugPanel(page).getByRole('button', { name: 'Lås skärmen' }).click();
const unlock = (page: Page) => debugPanel(page).getByRole('button', { name: 'Lås upp skärmen' }).click();

async function expectActive(page: Page, name: string): Promise<void> {
  await expect(profileButton(page, name)).toHaveAttribute('aria-pressed', 'true');
}

test.beforeAll(async ({ browser }) => {
  // A PBX and two phones: slow on a busy machine.
  test.setTimeout(180_000);
  pbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(BOB)] });
  [alice, bob] = (await phones.openRegistered(browser, pbx, [ALICE, BOB])) as [Page, Page];
  await saveAutomation(alice, async (view) => {
    await view.getByRole('checkbox', { name: 'Byt profil när datorn är inaktiv' }).check();
    await expect(view.getByLabel('Minuter utan aktivitet')).toHaveValue('10');
    await expect(view.getByRole('checkbox', { name: 'Direkt när skärmen låses' })).toBeChecked();
    await expect(view.getByLabel('Profil när du är borta')).toHaveValue('temporarily-out');
  });
});

test.afterAll(async () => {
  await phones.closeAll();
  await pbx?.stop();
});

test.beforeEach(async () => {
  // Each test starts from an unlocked screen, fresh input, no call and Tillgänglig, whatever ran before.
  await unlock(alice);
  await input(alice);
  await expect(activeCall(alice)).toHaveCount(0);
  await showView(alice, 'Profiler');
  await profileButton(alice, 'Tillgänglig').click();
  await expectActive(alice, 'Tillgänglig');
});

test('ten minutes without input switch to Tillfälligt ute, and input switches back', async () => {
  await expectActive(alice, 'Tillgänglig');
  await reportIdleSeconds(alice, 60);
  await advanceTo(alice, (await shellNow(alice)) + 8 * MINUTE);
  await expectActive(alice, 'Tillgänglig');
  await advanceTo(alice, (await shellNow(alice)) + MINUTE + 5_000);
  await expectActive(alice, 'Tillfälligt ute');
  await expect(alice.locator('.profile--active')).toContainText('du är borta från datorn');
  await input(alice);
  await expectActive(alice, 'Tillgänglig');
});

test('locking the screen switches at once, and unlocking switches back', async () => {
  await lock(alice);
  await expectActive(alice, 'Tillfälligt ute');
  await unlock(alice);
  await expectActive(alice, 'Tillgänglig');
});

test('a profile chosen by hand is left alone, however long the user is away', async () => {
  await profileButton(alice, 'Möte').click();
  await expectActive(alice, 'Möte');
  await advanceTo(alice, (await shellNow(alice)) + MINUTE);
  await reportIdleSeconds(alice, 30);
  await lock(alice);
  await expectActive(alice, 'Möte');
  await advanceTo(alice, (await shellNow(alice)) + 15 * MINUTE);
  await expectActive(alice, 'Möte');
  await unlock(alice);
  await profileButton(alice, 'Tillgänglig').click();
  await expectActive(alice, 'Tillgänglig');
});

test('nothing switches during a call; once it ends, an idle user is away', async () => {
  await showView(alice, 'Telefon');
  await dial(alice, 'sip:bob@127.0.0.1');
  await bob
    .getByTestId('incoming-call')
    .getByRole('button', { name: /^Svara/ })
    .click();
  await expect(activeCall(alice)).toHaveCount(1);
  await reportIdleSeconds(alice, 60);
  await lock(alice);
  await advanceTo(alice, (await shellNow(alice)) + 15 * MINUTE);
  await expect(debugPanel(alice).getByRole('menuitemradio', { name: /Tillgänglig/ })).toHaveAttribute('aria-checked', 'true');
  await showView(alice, 'Profiler');
  await expectActive(alice, 'Tillgänglig');

  await showView(alice, 'Telefon');
  await activeCall(alice).getByRole('button', { name: 'Lägg på' }).click();
  await expect(activeCall(alice)).toHaveCount(0);
  await showView(alice, 'Profiler');
  await expectActive(alice, 'Tillfälligt ute');
  await unlock(alice);
  await expectActive(alice, 'Tillgänglig');
});
