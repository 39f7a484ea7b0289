import { writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { anyWritten, shownEnd } from './support/endTime';
import { newDataDir, startShell, type ShellProcess } from './support/shellProcess';

const PROFILE_NAMES = [
  'Tillgänglig',
  'Lunch',
  'Möte',
  'Slutat för dagen',
  'Semester',
  'Sjuk',
  'Tillfälligt ute',
  'Tjänsteresa',
  'Vård av barn',
  'Utbildning',
];

let shell: ShellProcess | null = null;
test.afterEach(async () => {
  await shell?.stop();
  shell = null;
});

function profileList(page: Page) {
  return page.getByRole('list', { name: 'Profiler' });
}

test('the ten Swedish profiles appear in order, and the numbers toggle shows their numbers', async ({ page }) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  const items = profileList(page).getByRole('listitem');
  await expect(items).toHaveCount(10);
  await expect(items.locator('.profile__name')).toHaveText(PROFILE_NAMES);
  await expect(items.locator('.profile__number')).toHaveCount(0);

  await page.getByRole('checkbox', { name: 'Visa profilnummer' }).check();
  await expect(items.locator('.profile__number')).toHaveText(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  await page.getByRole('checkbox', { name: 'Visa profilnummer' }).uncheck();
  await expect(items.locator('.profile__number')).toHaveCount(0);
});

test('activating Lunch shows it active until one hour ahead, and a restart keeps it', async ({ page }) => {
  const dataDir = newDataDir();
  shell = await startShell(dataDir);
  await page.goto(shell.url);
  const lunch = page.getByRole('button', { name: 'Aktivera Lunch' });
  const clickedAt = Date.now();
  await lunch.click();
  await expect(lunch).toHaveAttribute('aria-pressed', 'true');
  const ends = [clickedAt + 3_600_000, Date.now() + 3_600_000];
  const tillEnd = (until: number, now: number) => `till ${shownEnd(until, now)}`;
  await expect(lunch.locator('.profile__end')).toHaveText(anyWritten(ends, [clickedAt, Date.now()], tillEnd));
  await expect(page.getByRole('button', { name: 'Aktivera Tillgänglig' })).toHaveAttribute('aria-pressed', 'false');

  await shell.stop();
  shell = await startShell(dataDir);
  await page.goto(shell.url);
  await expect(page.getByRole('button', { name: 'Aktivera Lunch' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Aktivera Lunch' }).locator('.profile__end')).toHaveText(
    anyWritten(ends, [clickedAt, Date.now()], tillEnd),
  );
});

test('a corrupt settings file is moved aside, defaults return, and the user is told', async ({ page }) => {
  const dataDir = newDataDir();
  writeFileSync(join(dataDir, 'settings.json'), '{"schemaVersion": 1, "profiles": [ {"name": "halv');
  shell = await startShell(dataDir);
  await page.goto(shell.url);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Inställningsfilen var skadad');
  await expect(alert).toContainText('settings.corrupt-');
  await expect(profileList(page).getByRole('listitem')).toHaveCount(10);
  expect(readdirSync(dataDir).filter((name) => name.startsWith('settings.corrupt-'))).toHaveLength(1);

  await alert.getByRole('button', { name: 'Stäng' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('moving the clock past the end returns the base profile and records a notification', async ({ page }) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Aktivera Tillfälligt ute' }).click();
  await expect(page.getByTestId('tray-tooltip')).toContainText('Tillfälligt ute till');
  await page.getByRole('button', { name: 'Flytta klockan 60 min framåt' }).click();
  await expect(page.getByRole('button', { name: 'Aktivera Tillgänglig' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('notification-log')).toContainText('Profilen Tillfälligt ute har avslutats');
});

test('a click in the tray model switches the profile through the services', async ({ page }) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await page.getByTestId('tray-model').getByRole('menuitemradio', { name: 'Möte' }).click();
  await expect(page.getByRole('button', { name: 'Aktivera Möte' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('tray-model').getByRole('menuitemradio', { name: 'Möte' })).toHaveAttribute('aria-checked', 'true');
});

test('the shell refuses a WebSocket without the right token', async ({ page }) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  const outcomes = await page.evaluate(async () => {
    const attempt = (query: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`ws://${location.host}/__shell/ipc${query}`);
        socket.onopen = () => resolve('open');
        socket.onerror = () => resolve('refused');
      });
    return [await attempt(''), await attempt('?token=wrong')];
  });
  expect(outcomes).toEqual(['refused', 'refused']);
});

test('a bad IPC payload gets a specific error in the page and changes nothing', async ({ page }) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await expect(profileList(page).getByRole('listitem')).toHaveCount(10);
  const result = await page.evaluate(() => window.softphone.invoke('profile:delete', { profileId: 'available' }));
  expect(result).toEqual({
    ok: false,
    error: { code: 'delete-base', message: '"Tillgänglig" is the base profile and cannot be deleted.' },
  });
  await expect(profileList(page).getByRole('listitem')).toHaveCount(10);
});

test('a request after the shell has gone says so in Swedish, and the page does not pretend it worked', async ({ page }) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  const lunch = page.getByRole('button', { name: 'Aktivera Lunch' });
  await expect(lunch).toHaveAttribute('aria-pressed', 'false');
  await shell.stop();
  shell = null;

  await lunch.click();
  const banner = page.locator('.banner--error');
  await expect(banner).toHaveAttribute('data-error-code', 'contract-unreachable');
  await expect(banner).toContainText('Begäran profile:activate nådde inte appen: förbindelsen till den är bruten. Inget har ändrats.');
  await expect(lunch).toHaveAttribute('aria-pressed', 'false');
  const late = await page.evaluate(() => window.softphone.invoke('state:get', null));
  expect(late).toMatchObject({ ok: false, error: { code: 'contract-unreachable', field: 'state:get' } });
});
