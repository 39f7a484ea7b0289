import { expect, test } from '@playwright/test';
import { icsCalendar } from '../helpers/calendarApp';
import { startRadicale, type RadicaleServer } from '../helpers/radicale';
import { formatRange } from '../../src/renderer/calendar/calendarText';
import { SHELL_TIME_ZONE } from './support/endTime';
import { newDataDir, startShell, type ShellProcess } from './support/shellProcess';

const MINUTE = 60_000;

let radicale: RadicaleServer | null = null;
let shell: ShellProcess | null = null;
test.afterEach(async () => {
  await shell?.stop();
  await radicale?.stop();
  shell = null;
  radicale = null;
});

function notAllDay(): never {
  throw new Error('the board meeting is not an all-day event');
}

test('a calendar on a CalDAV server is connected in Kalender by its address, user name and password, and plans Möte', async ({ page }) => {
  radicale = await startRadicale({ anna: 'hemligt-lösen' });
  const start = Math.ceil(Date.now() / MINUTE) * MINUTE + 90 * MINUTE;
  const end = start + 60 * MINUTE;
  expect(await radicale.as('anna').makeCalendar('arbete')).toBe(201);
  expect(
    await radicale.as('anna').putEvent('arbete', 'styrelse', icsCalendar([{ uid: 'styrelse', summary: '[3] Styrelsemöte', start, end }])),
  ).toBe(201);
  const line = `${formatRange(start, end, Date.now(), 'sv', SHELL_TIME_ZONE, notAllDay)} → Möte (#3)`;

  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name: 'Kalender', exact: true }).click();
  const form = page.getByRole('form', { name: 'Kalender på en CalDAV-server' });
  await form.getByLabel('Serveradress').fill(radicale.url);
  await form.getByLabel('Användarnamn').fill('anna');
  await form.getByLabel('Lösenord', { exact: true }).fill('fel-lösen');
  await form.getByRole('button', { name: 'Anslut kalendern' }).click();

  const password = form.getByLabel('Lösenord', { exact: true });
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/^Servern godtog inte användarnamnet eller lösenordet\./);
  await expect(page.getByText('Inga kalendrar är tillagda ännu.')).toBeVisible();

  await password.fill('hemligt-lösen');
  await form.getByRole('button', { name: 'Anslut kalendern' }).click();
  const sources = page.getByRole('list', { name: 'Kalendrar' });
  await expect(sources.getByRole('listitem')).toContainText(`CalDAV${radicale.calendarUrl('anna', 'arbete')}`);
  await expect(sources.getByRole('listitem')).toContainText(/Senast synkad \d\d:\d\d · 1 händelse/);
  await expect(page.getByRole('list', { name: 'Kommande automatiska byten' }).getByRole('listitem')).toContainText(line);
  await expect(form.getByLabel('Lösenord', { exact: true })).toHaveValue('');
  await expect(form.getByLabel('Lösenord', { exact: true })).toHaveAttribute('aria-invalid', 'false');
});
