// The work schedule in real Chromium through the browser shell: the clock is moved with
// debug:clock-advance, and everything is read from what the page shows.
import { expect, test, type Page } from '@playwright/test';
import { isoWeekday, zoned } from '../../src/core/time/workingHours';
import { advanceTo, dayOf, profileButton, saveAutomation, shellNow, stockholm, trayTooltip } from './support/automationSetup';
import { shownEnd, SHELL_TIME_ZONE } from './support/endTime';
import { newDataDir, startShell, type ShellProcess } from './support/shellProcess';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let shell: ShellProcess | null = null;
test.afterEach(async () => {
  await shell?.stop();
  shell = null;
});

async function openWithSchedule(page: Page): Promise<void> {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await saveAutomation(page, async (view) => {
    await expect(view.getByLabel('Arbetsdagen börjar')).toHaveValue('08:00');
    await expect(view.getByLabel('Arbetsdagen slutar')).toHaveValue('17:00');
    await view.getByRole('checkbox', { name: 'Byt profil efter arbetstid' }).check();
  });
}

/** A time of day on the next Friday at least a day away, in Stockholm, and the Monday 08:00 after it. */
async function nextFriday(page: Page): Promise<{ fridayAt(hour: number, minute?: number): number; monday8: number }> {
  let moment = (await shellNow(page)) + DAY;
  while (isoWeekday(zoned(moment, SHELL_TIME_ZONE)) !== 5) moment += DAY;
  const friday = dayOf(moment);
  const fridayAt = (hour: number, minute = 0) => stockholm(friday.year, friday.month, friday.day, hour, minute);
  return { fridayAt, monday8: fridayAt(8) + 3 * DAY };
}

test('with Monday–Friday 08:00–17:00, 17:00 on Friday switches to Slutat för dagen until Monday 08:00, then back to Tillgänglig', async ({
  page,
}) => {
  await openWithSchedule(page);
  const { fridayAt, monday8 } = await nextFriday(page);

  await advanceTo(page, fridayAt(16, 59));
  await expect(profileButton(page, 'Tillgänglig')).toHaveAttribute('aria-pressed', 'true');

  const evening = await advanceTo(page, fridayAt(17, 0) + 5_000);
  await expect(profileButton(page, 'Slutat för dagen')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.profile--active')).toContainText('från arbetstiden');
  await expect(trayTooltip(page)).toHaveText(`Profiltelefon – Slutat för dagen till ${shownEnd(monday8, evening)}`);

  const sunday = await advanceTo(page, monday8 - DAY);
  await expect(trayTooltip(page)).toHaveText(`Profiltelefon – Slutat för dagen till ${shownEnd(monday8, sunday)}`);
  await advanceTo(page, monday8 - MINUTE);
  await expect(profileButton(page, 'Slutat för dagen')).toHaveAttribute('aria-pressed', 'true');

  await advanceTo(page, monday8 + 5_000);
  await expect(profileButton(page, 'Tillgänglig')).toHaveAttribute('aria-pressed', 'true');
  await expect(trayTooltip(page)).toHaveText('Profiltelefon – Tillgänglig');
});

test('a public holiday is skipped: from julafton 17:00 over Juldagen to the next working day 08:00', async ({ page }) => {
  await openWithSchedule(page);
  const now = await shellNow(page);
  // Julafton is a working day by law; Juldagen and Annandag jul are public holidays. A year whose
  // julafton falls on Monday–Thursday puts Juldagen on a working weekday.
  let year = dayOf(now).year;
  while (
    stockholm(year, 12, 24, 16, 59) <= now + MINUTE ||
    ![1, 2, 3, 4].includes(isoWeekday(zoned(stockholm(year, 12, 24, 12), SHELL_TIME_ZONE)))
  )
    year += 1;
  let next = stockholm(year, 12, 27, 8);
  while (isoWeekday(zoned(next, SHELL_TIME_ZONE)) > 5) next += DAY;

  await advanceTo(page, stockholm(year, 12, 24, 16, 59));
  await expect(profileButton(page, 'Tillgänglig')).toHaveAttribute('aria-pressed', 'true');
  const evening = await advanceTo(page, stockholm(year, 12, 24, 17, 0) + 5_000);
  await expect(trayTooltip(page)).toHaveText(`Profiltelefon – Slutat för dagen till ${shownEnd(next, evening)}`);

  const juldagen = await advanceTo(page, stockholm(year, 12, 25, 9));
  await expect(profileButton(page, 'Slutat för dagen')).toHaveAttribute('aria-pressed', 'true');
  await expect(trayTooltip(page)).toHaveText(`Profiltelefon – Slutat för dagen till ${shownEnd(next, juldagen)}`);
});

test('a profile chosen by hand at 16:50 until 18:00 is kept until 18:00, then the schedule applies', async ({ page }) => {
  await openWithSchedule(page);
  const { fridayAt, monday8 } = await nextFriday(page);

  await advanceTo(page, fridayAt(16, 50));
  // Möte chosen by hand, for 70 minutes: through the tray's "Aktivera en viss tid" there is no 70,
  // so as a launch argument, which activates exactly as the switcher does.
  const launched = await page.evaluate(() =>
    window.softphoneDebug!.invoke('debug:second-launch', { argv: ['profiltelefon', '--profile', 'Möte', '--for', '70'] }),
  );
  expect(launched.ok).toBe(true);
  await expect(profileButton(page, 'Möte')).toHaveAttribute('aria-pressed', 'true');

  await advanceTo(page, fridayAt(17, 0) + 5_000);
  await expect(profileButton(page, 'Möte')).toHaveAttribute('aria-pressed', 'true');
  await advanceTo(page, fridayAt(17, 59));
  await expect(profileButton(page, 'Möte')).toHaveAttribute('aria-pressed', 'true');

  const six = await advanceTo(page, fridayAt(18, 0) + 30_000);
  await expect(profileButton(page, 'Slutat för dagen')).toHaveAttribute('aria-pressed', 'true');
  await expect(trayTooltip(page)).toHaveText(`Profiltelefon – Slutat för dagen till ${shownEnd(monday8, six)}`);
});

test('a working day that ends before it starts is refused at its field, in Swedish and in English, and changes nothing', async ({
  page,
}) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name: 'Automatik', exact: true }).click();
  await page.getByLabel('Arbetsdagen slutar').fill('07:00');
  await page.getByRole('button', { name: 'Spara automatik' }).click();
  await expect(page.getByLabel('Arbetsdagen slutar')).toHaveAccessibleDescription('Arbetsdagen måste sluta efter att den börjar.');
  await page.getByLabel('Minuter utan aktivitet').fill('0');
  await page.getByLabel('Arbetsdagen slutar').fill('17:00');
  await page.getByRole('button', { name: 'Spara automatik' }).click();
  await expect(page.getByLabel('Minuter utan aktivitet')).toHaveAccessibleDescription('Ange ett helt antal minuter från 1 till 240.');

  await page.getByLabel('Språk').selectOption('en');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Automation', exact: true }).click();
  await page.getByLabel('Minutes without activity').fill('999');
  await page.getByRole('button', { name: 'Save automation' }).click();
  await expect(page.getByLabel('Minutes without activity')).toHaveAccessibleDescription('Enter a whole number of minutes from 1 to 240.');
  const state = await page.evaluate(() => window.softphone.invoke('state:get', null));
  expect(state.ok && state.value.workingHours).toEqual({ start: '08:00', end: '17:00', days: [1, 2, 3, 4, 5] });
  expect(state.ok && state.value.automation.away.idleMinutes).toBe(10);
});
