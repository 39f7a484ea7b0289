import { expect, test, type Page } from '@playwright/test';
import { anyWritten, shownEnd } from './support/endTime';
import { newDataDir, startShell, type ShellProcess } from './support/shellProcess';

let shell: ShellProcess | null = null;
test.afterEach(async () => {
  await shell?.stop();
  shell = null;
});

/** Tomorrow at 14:30 in Stockholm, as the digits typed into the date segments, and as the label shown. */
function tomorrowAt1430(): { digits: string; label: RegExp } {
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(Date.now() + 24 * 3_600_000)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return { digits: `${parts.year}${parts.month}${parts.day}1430`, label: new RegExp(`^till \\S+ ${Number(parts.day)} \\S+ 14:30$`) };
}

async function open(page: Page) {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await expect(page.getByRole('list', { name: 'Profiler' }).getByRole('listitem')).toHaveCount(10);
}

test('the clock icon activates a profile until a chosen moment', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Välj sluttid för Möte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Aktivera Möte till …' });
  await expect(dialog).toBeVisible();
  const target = tomorrowAt1430();
  await dialog.getByRole('spinbutton').first().click();
  await page.keyboard.type(target.digits);
  await dialog.getByRole('button', { name: 'Aktivera', exact: true }).click();
  await expect(dialog).toBeHidden();
  const meeting = page.getByRole('button', { name: 'Aktivera Möte' });
  await expect(meeting).toHaveAttribute('aria-pressed', 'true');
  await expect(meeting.locator('.profile__end')).toHaveText(target.label);
});

test('a chosen moment in the past is refused inline and changes nothing', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Välj sluttid för Lunch' }).click();
  const dialog = page.getByRole('dialog', { name: 'Aktivera Lunch till …' });
  await dialog.getByRole('spinbutton').first().click();
  await page.keyboard.type('202001010800');
  await dialog.getByRole('button', { name: 'Aktivera', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Sluttiden måste ligga i framtiden.');
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByRole('button', { name: 'Aktivera Tillgänglig' })).toHaveAttribute('aria-pressed', 'true');
});

test('quick choices in the clock dialog, and the remaining time on the active profile', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Välj sluttid för Tillfälligt ute' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '2 timmar' }).click();
  const out = page.getByRole('button', { name: 'Aktivera Tillfälligt ute' });
  await expect(out).toHaveAttribute('aria-pressed', 'true');
  await expect(out.locator('.profile__remaining')).toHaveText(/^(2 tim 00 min|1 tim 59 min) kvar$/);
});

test('a temporary message applies to the active profile on Enter, and is gone when the profile changes', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Aktivera Möte' }).click();
  await expect(page.getByRole('button', { name: 'Aktivera Möte' })).toHaveAttribute('aria-pressed', 'true');
  const field = page.getByLabel('Tillfälligt statusmeddelande');
  await field.fill('Hos kund i Kista');
  await field.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Meddelandet visas nu med Möte.' })).toBeVisible();
  await expect(page.locator('.profile--active .profile__message')).toHaveText('Meddelande: Hos kund i Kista');
  await expect(page.getByRole('banner').locator('.me__message')).toHaveText('Hos kund i Kista');
  await expect(page.getByRole('button', { name: 'Aktivera Möte' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Aktivera Lunch' }).click();
  await expect(page.getByRole('button', { name: 'Aktivera Lunch' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.profile__message')).toHaveCount(0);
  await expect(field).toHaveValue('');
});

test('a message over 200 characters sent past the field is refused, and nothing changes', async ({ page }) => {
  await open(page);
  const refused = await page.evaluate(() => window.softphone.invoke('profile:set-message', { temporaryMessage: 'x'.repeat(201) }));
  expect(refused).toMatchObject({ ok: false, error: { code: 'message-too-long' } });
  const malformed = await page.evaluate(() => window.softphone.invoke('profile:set-message', { message: 'Hej' } as never));
  expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  await expect(page.locator('.profile__message')).toHaveCount(0);
});

test('the tray model offers each profile for a quick length, through the same service call', async ({ page }) => {
  await open(page);
  const tray = page.getByTestId('tray-model');
  await tray.getByText('Aktivera en viss tid').click();
  await tray.locator('summary', { hasText: 'Lunch' }).click();
  await tray.getByRole('menuitem', { name: '30 min' }).first().click();
  await expect(page.getByRole('button', { name: 'Aktivera Lunch' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('tray-tooltip')).toContainText('Lunch till');
});

test('a profile whose desktop column forbids a kind produces no notification of that kind', async ({ page }) => {
  await open(page);
  const result = await page.evaluate(async () => {
    const state = await window.softphone.invoke('state:get', null);
    if (!state.ok) throw new Error(state.error.message);
    const base = (state.value as import('../../src/core/state/appState').AppState).profiles[0]!;
    const silenced = { ...base.notifications, profileEnding: { desktop: false, mobile: true, web: true } };
    return window.softphone.invoke('profile:update', { ...base, notifications: silenced });
  });
  expect(result.ok).toBe(true);
  await page.getByRole('button', { name: 'Välj sluttid för Möte' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '30 min' }).click();
  await page.getByRole('button', { name: 'Flytta klockan 60 min framåt' }).click();
  await expect(page.getByRole('button', { name: 'Aktivera Tillgänglig' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('notification-log')).not.toContainText('har avslutats');
});

test('the profile list is one Tab stop: arrows move through it, Enter activates, → reaches the clock', async ({ page }) => {
  await open(page);
  await page.getByLabel('Tillfälligt statusmeddelande').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Aktivera Tillgänglig' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'Aktivera Lunch' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Aktivera Lunch' })).toHaveAttribute('aria-pressed', 'true');

  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('button', { name: 'Välj sluttid för Lunch' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Aktivera Lunch till …' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: '30 min' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Aktivera Lunch' }).locator('.profile__remaining')).toHaveText(
    /^(1 tim 00 min|59 min) kvar$/,
  );

  // One Tab leaves the list, whichever row has the focus.
  await page.getByRole('button', { name: 'Aktivera Lunch' }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('button', { name: 'Aktivera Utbildning' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByRole('button', { name: 'Aktivera Tillgänglig' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('.profile-list')).not.toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.closest('.profile-list') === null)).toBe(true);
});

test('"me" shows the active profile, its end, time left and message, and opens the switcher as a popover', async ({ page }) => {
  await open(page);
  const me = page.getByRole('banner').getByRole('button', { name: /^Byt profil\./ });
  await expect(me).toHaveAccessibleName('Byt profil. Status: Tillgänglig. Nu: Tillgänglig tills vidare');
  await me.click();
  const popover = page.getByRole('dialog', { name: 'Profilbytaren' });
  await expect(popover).toBeVisible();
  // The focus lands on the active profile, and the arrows move through the popover's list.
  await expect(popover.getByRole('button', { name: 'Aktivera Tillgänglig' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(popover.getByRole('button', { name: 'Aktivera Möte' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();
  await expect(me).toBeFocused();
  await expect(me).toHaveAccessibleName(/^Byt profil\. Status: Tillgänglig\. Nu: Möte till .+ · (1 tim 00 min|59 min) kvar$/);
  await expect(page.getByRole('button', { name: 'Aktivera Möte' })).toHaveAttribute('aria-pressed', 'true');

  // The message typed in the popover applies to Möte at once.
  await me.click();
  const field = popover.getByLabel('Tillfälligt statusmeddelande');
  await field.fill('Åter 15:00');
  await field.press('Enter');
  await expect(popover.getByRole('status')).toHaveText('Meddelandet visas nu med Möte.');
  await expect(page.getByRole('banner').locator('.me__message')).toHaveText('Åter 15:00');
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();

  // The clock in the popover opens the end-time dialog, one control per row.
  await me.click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect(popover.getByRole('button', { name: 'Välj sluttid för Slutat för dagen' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Aktivera Slutat för dagen till …' });
  await dialog.getByRole('button', { name: '2 timmar' }).click();
  await expect(me).toHaveAccessibleName(/^Byt profil\. Status: Ej tillgänglig\. Nu: Slutat för dagen till/);
  await expect(page.getByRole('banner').locator('.me__message')).toHaveCount(0);
  await expect(page.getByRole('banner').locator('.avatar')).toHaveClass(/avatar--unavailable/);
});

test('English can be chosen, and times follow the language', async ({ page }) => {
  await open(page);
  await page.getByLabel('Språk').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Profiles', exact: true })).toBeVisible();
  const clickedAt = Date.now();
  await page.getByRole('button', { name: 'Activate Lunch' }).click();
  const ends = [clickedAt + 3_600_000, Date.now() + 3_600_000];
  await expect(page.getByRole('button', { name: 'Activate Lunch' }).locator('.profile__end')).toHaveText(
    anyWritten(ends, [clickedAt, Date.now()], (until, now) => `until ${shownEnd(until, now, 'en')}`),
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
