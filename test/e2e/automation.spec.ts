import { expect, test } from '@playwright/test';
import { newDataDir, startShell, type ShellProcess } from './support/shellProcess';

let shell: ShellProcess | null = null;
test.afterEach(async () => {
  await shell?.stop();
  shell = null;
});

test('a second launch with --profile switches the profile in the running instance', async ({ page }) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  const result = await page.evaluate(() =>
    window.softphoneDebug!.invoke('debug:second-launch', {
      argv: ['profiltelefon', '--profile', '3', '--for', '45', '--message', 'Hos kund'],
    }),
  );
  expect(result.ok).toBe(true);
  const meeting = page.getByRole('button', { name: 'Aktivera Möte' });
  await expect(meeting).toHaveAttribute('aria-pressed', 'true');
  await expect(meeting.locator('.profile__remaining')).toHaveText(/^(45|44) min kvar$/);
  await expect(page.locator('.profile--active .profile__message')).toHaveText('Meddelande: Hos kund');
});

test('a second launch with a bad argument is refused with a clear message and changes nothing', async ({ page }) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  const result = await page.evaluate(() =>
    window.softphoneDebug!.invoke('debug:second-launch', { argv: ['profiltelefon', '--profile', 'Lunch', '--for', 'länge'] }),
  );
  expect(result.ok ? null : result.error.code).toBe('args-for-invalid');
  await expect(page.getByRole('alert')).toContainText('Kommandot kunde inte utföras');
  await expect(page.getByRole('alert')).toContainText('--for måste vara ett helt antal minuter, högst ett år.');
  await expect(page.getByRole('button', { name: 'Aktivera Tillgänglig' })).toHaveAttribute('aria-pressed', 'true');
});
