import { expect, test, type Page } from '@playwright/test';
import { icsCalendar } from '../helpers/calendarApp';
import { startIcsFeedServer, type IcsFeedServer } from '../helpers/icsFeedServer';
import { formatRange } from '../../src/renderer/calendar/calendarText';
import { SHELL_TIME_ZONE, shownEnd } from './support/endTime';
import { newDataDir, startShell, type ShellProcess } from './support/shellProcess';

const MINUTE = 60_000;

let shell: ShellProcess | null = null;
let feed: IcsFeedServer | null = null;
test.afterEach(async () => {
  await shell?.stop();
  await feed?.close();
  shell = null;
  feed = null;
});

function notAllDay(): never {
  throw new Error('the board meeting is not an all-day event');
}

/**
 * A "#3" board meeting starting on the first whole minute 30 minutes from now, lasting an hour, and
 * its line in the list of upcoming switches, written as the app writes it (near midnight it names
 * the day too).
 */
function boardMeeting() {
  const start = Math.ceil(Date.now() / MINUTE) * MINUTE + 30 * MINUTE;
  const end = start + 60 * MINUTE;
  const ics = icsCalendar([{ uid: 'board@e2e.test', summary: '#3 Styrelsemöte', start, end }]);
  const range = formatRange(start, end, Date.now(), 'sv', SHELL_TIME_ZONE, notAllDay);
  return { start, end, ics, line: `${range} → Möte (#3)` };
}

/** Moves the shell's clock forward; returns its time afterwards. */
async function advanceClock(page: Page, minutes: number): Promise<number> {
  const result = await page.evaluate((ms) => window.softphoneDebug?.invoke('debug:clock-advance', { ms }), minutes * MINUTE);
  if (!result?.ok) throw new Error(`the clock did not move: ${JSON.stringify(result)}`);
  return (result.value as { now: number }).now;
}

async function openCalendarView(page: Page, url: string): Promise<void> {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name: 'Kalender', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Kalenderintegration' })).toBeVisible();
  await page.getByLabel('ICS-fil eller webbadress').fill(url);
  await page.getByRole('button', { name: 'Lägg till' }).click();
}

function sources(page: Page) {
  return page.getByRole('list', { name: 'Kalendrar' });
}

function upcoming(page: Page) {
  return page.getByRole('list', { name: 'Kommande automatiska byten' });
}

function trayTooltip(page: Page) {
  return page.getByTestId('tray-tooltip');
}

test('a feed added in the view switches to Möte at the meeting start and gives back the earlier profile at its end', async ({ page }) => {
  const meeting = boardMeeting();
  feed = await startIcsFeedServer({ kind: 'ics', body: meeting.ics, etag: '"1"' });
  await openCalendarView(page, feed.url);

  await expect(sources(page).getByRole('listitem')).toContainText(feed.url);
  await expect(sources(page).getByRole('listitem')).toContainText(/Senast synkad \d\d:\d\d · 1 händelse/);
  await expect(upcoming(page).getByRole('listitem')).toHaveText(new RegExp(`${escape(meeting.line)}.*Hoppa över`));
  await expect(page.getByRole('button', { name: `Hoppa över ${meeting.line}`, exact: false })).toBeVisible();

  const earlier = await page.evaluate(
    (until) =>
      window.softphone.invoke('profile:activate', {
        profileId: 'temporarily-out',
        length: { kind: 'until', until },
        temporaryMessage: null,
      }),
    Date.now() + 24 * 60 * MINUTE,
  );
  expect(earlier.ok).toBe(true);
  await expect(trayTooltip(page)).toContainText('Tillfälligt ute till');

  const now = await advanceClock(page, 31);
  await expect(trayTooltip(page)).toHaveText(`Profiltelefon – Möte till ${shownEnd(meeting.end, now)}`);
  await expect(page.getByRole('status').filter({ hasText: 'från kalendern' })).toHaveText(
    `Just nu: Möte från kalendern, till ${shownEnd(meeting.end, now)}. Sedan: Tillfälligt ute.`,
  );
  await expect(upcoming(page).getByRole('listitem')).toContainText('Aktiv nu');
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name: 'Profiler', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Aktivera Möte' })).toContainText('från kalendern');
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name: 'Kalender' }).click();

  await advanceClock(page, 60);
  await expect(trayTooltip(page)).toContainText('Profiltelefon – Tillfälligt ute till');
  await expect(page.getByRole('status').filter({ hasText: 'från kalendern' })).toHaveCount(0);
  await expect(page.getByText('Inga möten med profilnummer de närmaste två veckorna.')).toBeVisible();
});

test('a profile chosen by hand during the meeting is kept', async ({ page }) => {
  const meeting = boardMeeting();
  feed = await startIcsFeedServer({ kind: 'ics', body: meeting.ics });
  await openCalendarView(page, feed.url);
  await expect(upcoming(page).getByRole('listitem')).toContainText(meeting.line);

  const now = await advanceClock(page, 31);
  await expect(trayTooltip(page)).toHaveText(`Profiltelefon – Möte till ${shownEnd(meeting.end, now)}`);

  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name: 'Profiler', exact: true }).click();
  await page.getByRole('button', { name: 'Aktivera Lunch' }).click();
  await expect(page.getByRole('button', { name: 'Aktivera Lunch' })).toHaveAttribute('aria-pressed', 'true');

  await advanceClock(page, 20);
  await expect(page.getByRole('button', { name: 'Aktivera Lunch' })).toHaveAttribute('aria-pressed', 'true');
  await expect(trayTooltip(page)).toContainText('Profiltelefon – Lunch till');
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name: 'Kalender', exact: true }).click();
  await expect(upcoming(page).getByRole('listitem')).toContainText('Du valde en annan profil under mötet');
});

test('a broken feed shows its error and the cached schedule keeps working', async ({ page }) => {
  const meeting = boardMeeting();
  feed = await startIcsFeedServer({ kind: 'ics', body: meeting.ics, etag: '"1"' });
  await openCalendarView(page, feed.url);
  const source = sources(page).getByRole('listitem');
  await expect(source).toContainText('Senast synkad');
  const syncedAt = (await source.textContent())?.match(/Senast synkad (\d\d:\d\d)/)?.[1];
  expect(syncedAt).toMatch(/^\d\d:\d\d$/);

  feed.serve({ kind: 'status', status: 500 });
  await page.getByRole('button', { name: 'Synka nu' }).click();
  await expect(source).toContainText(
    `Senaste synken misslyckades: Servern svarade med felkod 500. Kopian från ${syncedAt} används tills vidare.`,
  );
  await expect(upcoming(page).getByRole('listitem')).toContainText(meeting.line);

  feed.serve({ kind: 'body', body: '<!doctype html><title>Logga in – Office 365</title>', contentType: 'text/html' });
  await page.getByRole('button', { name: 'Synka nu' }).click();
  await expect(source).toContainText('Senaste synken misslyckades: Det här är ingen iCalendar-fil (ingen BEGIN:VCALENDAR)');
  await expect(upcoming(page).getByRole('listitem')).toContainText(meeting.line);

  const now = await advanceClock(page, 31);
  await expect(trayTooltip(page)).toHaveText(`Profiltelefon – Möte till ${shownEnd(meeting.end, now)}`);
});

test('a non-https address is refused inline, from the keyboard, and nothing is added', async ({ page }) => {
  await openCalendarView(page, 'http://kalender.example.com/anna.ics');
  const field = page.getByLabel('ICS-fil eller webbadress');
  await expect(page.getByRole('alert')).toHaveText(
    'Bara https:// (eller webcal://) är tillåtet. http:// går bara för adresser på den här datorn (127.0.0.1 eller localhost).',
  );
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Inga kalendrar är tillagda ännu.')).toBeVisible();

  await field.fill('kalender.ics');
  await field.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Ange hela sökvägen från roten, t.ex. /home/anna/kalender.ics.');
  await expect(sources(page)).toHaveCount(0);
});

test('an unknown profile number is shown as a warning on its meeting, and a meeting can be skipped and taken back', async ({ page }) => {
  const start = Math.ceil(Date.now() / MINUTE) * MINUTE + 30 * MINUTE;
  const ics = icsCalendar([
    { uid: 'known@e2e.test', summary: '[10] Kurs', start, end: start + 30 * MINUTE },
    { uid: 'unknown@e2e.test', summary: '#42 Hemligt', start: start + 60 * MINUTE, end: start + 90 * MINUTE },
  ]);
  feed = await startIcsFeedServer({ kind: 'ics', body: ics });
  await openCalendarView(page, feed.url);
  const rows = upcoming(page).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('→ profilnummer #42 finns inte');
  await expect(rows.nth(0)).toContainText('Mötet: [10] Kurs');
  await expect(rows.nth(1)).toContainText('Mötet: #42 Hemligt');
  await expect(page.getByText('Mötenas rubriker syns bara här, för dig.', { exact: false })).toBeVisible();

  await rows
    .nth(0)
    .getByRole('button', { name: /^Hoppa över .* → Utbildning \(#10\)$/ })
    .click();
  await expect(rows.nth(0)).toContainText('Hoppas över');
  await advanceClock(page, 31);
  await expect(trayTooltip(page)).toHaveText('Profiltelefon – Tillgänglig');
  await rows
    .nth(0)
    .getByRole('button', { name: /^Ångra överhoppningen av/ })
    .click();
  await expect(trayTooltip(page)).toContainText('Profiltelefon – Utbildning till');
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
