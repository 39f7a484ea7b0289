import { expect, test, type Page } from '@playwright/test';
import { newDataDir, startShell, type ShellProcess } from './support/shellProcess';

/** Each view other than Profiler, the chunk it loads from, and the heading it shows. */
const VIEWS = [
  ['Redigera profiler', 'ProfileEditorPage', 'Redigera profiler'],
  ['Kalender', 'CalendarPage', 'Kalenderintegration'],
  ['Automatik', 'AutomationPage', 'Automatik'],
  ['Telefon', 'PhoneView', 'Telefon'],
  ['Kollegor', 'ColleaguesView', 'Kollegor'],
  ['Konto', 'AccountView', 'Konto'],
] as const;

let shell: ShellProcess | null = null;
test.afterEach(async () => {
  await shell?.stop();
  shell = null;
});

/** The renderer chunks the page has asked for, by name without the content hash. */
function recordChunks(page: Page): Set<string> {
  const requested = new Set<string>();
  page.on('request', (request) => {
    const match = /\/assets\/([A-Za-z]+)-[\w-]+\.js$/.exec(new URL(request.url()).pathname);
    if (match) requested.add(match[1] as string);
  });
  return requested;
}

test('the Profiler view loads without the other views or the end-time dialog, the phone starts on its own, and each loads its chunk when opened', async ({
  page,
}) => {
  shell = await startShell(newDataDir());
  const requested = recordChunks(page);
  await page.goto(shell.url);
  await expect(page.getByRole('list', { name: 'Profiler' }).getByRole('listitem')).toHaveCount(10);
  // The phone registers and rings whatever view is shown, so its chunk loads without Telefon being opened.
  await expect.poll(() => requested.has('PhoneHost')).toBe(true);
  await page.waitForLoadState('networkidle');
  for (const [, chunk] of VIEWS) expect(requested, `${chunk} loaded before its view was opened`).not.toContain(chunk);
  expect(requested, 'the end-time dialog loaded before its clock was pressed').not.toContain('EndTimeDialog');

  await page.getByRole('button', { name: 'Välj sluttid för Lunch' }).click();
  await expect(page.getByRole('dialog', { name: 'Aktivera Lunch till …' })).toBeVisible();
  expect(requested).toContain('EndTimeDialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const nav = page.getByRole('navigation', { name: 'Vyer' });
  for (const [label, chunk, heading] of VIEWS) {
    await nav.getByRole('button', { name: label, exact: true }).click();
    await expect(page.getByRole('main').getByRole('heading', { name: heading, exact: true, level: 2 })).toBeVisible();
    expect(requested).toContain(chunk);
    await expect(page.getByRole('status').filter({ hasText: 'Läser in vyn' })).toHaveCount(0);
  }
});
