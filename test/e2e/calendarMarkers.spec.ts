// The Kalender view's marker rules: the short forms and private meetings, switched in the view,
// change what a real feed plans. Real Chromium, a real loopback feed.
import { expect, test } from '@playwright/test';
import { icsCalendar } from '../helpers/calendarApp';
import { startIcsFeedServer, type IcsFeedServer } from '../helpers/icsFeedServer';
import { newDataDir, startShell, type ShellProcess } from './support/shellProcess';

const MINUTE = 60_000;
let shell: ShellProcess | null = null;
let feed: IcsFeedServer | null = null;
test.afterEach(async () => {
  await shell?.stop();
  await feed?.close();
});

test('short forms and private meetings follow the switches in the Kalender view', async ({ page }) => {
  const start = Math.ceil(Date.now() / MINUTE) * MINUTE + 60 * MINUTE;
  const hour = (n: number) => start + n * 60 * MINUTE;
  const ics = icsCalendar([
    { uid: 'doctor@e2e.test', summary: '[3] Läkarbesök', start: hour(0), end: hour(1), classification: 'PRIVATE' },
    { uid: 'client@e2e.test', summary: '4: Kundbesök', start: hour(2), end: hour(3) },
    { uid: 'info@e2e.test', summary: '[i] #3 Flytten', start: hour(4), end: hour(5) },
  ]);
  feed = await startIcsFeedServer({ kind: 'ics', body: ics, etag: '"1"' });
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name: 'Kalender', exact: true }).click();
  await page.getByLabel('ICS-fil eller webbadress').fill(feed.url);
  await page.getByRole('button', { name: 'Lägg till' }).click();
  const rows = page.getByRole('list', { name: 'Kommande automatiska byten' }).getByRole('listitem');
  const shortForms = page.getByRole('checkbox', { name: 'Läs även andra växlars korta former' });
  const ignorePrivate = page.getByRole('checkbox', { name: 'Bortse från privata möten' });

  // By default: only #N and [N], private meetings too.
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Möte (#3)');
  await expect(rows.nth(1)).toContainText('Möte (#3)');
  await expect(shortForms).not.toBeChecked();
  await expect(ignorePrivate).not.toBeChecked();

  await shortForms.click();
  await expect(shortForms).toBeChecked();
  // "4: Kundbesök" now plans Kundbesök (#4); "[i]" keeps the information meeting from switching.
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Möte (#3)');
  await expect(rows.nth(1)).toContainText('(#4)');

  await ignorePrivate.click();
  await expect(ignorePrivate).toBeChecked();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText('(#4)');
});
