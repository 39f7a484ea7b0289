import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { icsCalendar } from '../helpers/calendarApp';
import { ALICE, pbxUser, showView } from './support/phoneUsers';
import { newDataDir, startShell, type ShellProcess } from './support/shellProcess';

const MINUTE = 60_000;

let pbx: RunningPbx;
let shell: ShellProcess | null = null;

test.beforeAll(async () => {
  pbx = await startPbx({ users: [pbxUser(ALICE)] });
});
test.afterAll(async () => {
  await pbx?.stop();
});
test.afterEach(async () => {
  await shell?.stop();
  shell = null;
});

/** A shell with no account yet, opened in the page; returns its data directory. */
async function openFreshShell(page: Page): Promise<string> {
  const dataDir = newDataDir();
  shell = await startShell(dataDir);
  await page.goto(shell.url);
  return dataDir;
}

const settingsFile = (dataDir: string) => readFileSync(join(dataDir, 'settings.json'), 'utf8');

/** Types alice's account into Konto as a user would, with `password`. */
async function typeAliceAccount(page: Page, password: string): Promise<void> {
  await page.getByLabel('Växelns WebSocket-adress').fill(pbx.wsUrl);
  await page.getByLabel('SIP-adress').first().fill(`sip:${ALICE.user}@${pbx.domain}`);
  await page.getByLabel('Visningsnamn').fill(ALICE.displayName);
  await page.getByLabel('Lösenord').fill(password);
}

const connectionTest = (page: Page) => page.getByTestId('connection-test');

test('with no account, the first start says one is needed and offers a provisioning file or setting up by hand', async ({ page }) => {
  await openFreshShell(page);
  const firstStart = page.getByRole('region', { name: 'Välkommen till Profiltelefon' });
  await expect(firstStart).toBeVisible();
  await expect(firstStart.getByText('Ett konto behövs', { exact: false })).toBeVisible();

  await firstStart.getByRole('button', { name: 'Ställ in för hand' }).click();
  await expect(page.getByRole('heading', { name: 'Konto', level: 2 })).toBeVisible();

  await showView(page, 'Profiler');
  await expect(firstStart).toBeVisible();
  await firstStart.getByLabel('Importera provisioneringsfil').setInputFiles({
    name: 'foretaget.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({ account: { sip: { serverUrl: pbx.wsUrl, uri: `sip:${ALICE.user}@${pbx.domain}` }, password: ALICE.password } }),
    ),
  });
  await expect(firstStart).toBeHidden();
  await showView(page, 'Konto');
  await expect(page.getByLabel('Växelns WebSocket-adress')).toHaveValue(pbx.wsUrl);
  await expect(page.getByLabel('SIP-adress').first()).toHaveValue(`sip:${ALICE.user}@${pbx.domain}`);
});

test('"Testa anslutningen" reports success and failure in place, in Swedish, and saves nothing', async ({ page }) => {
  const dataDir = await openFreshShell(page);
  await showView(page, 'Konto');
  const before = settingsFile(dataDir);

  await typeAliceAccount(page, ALICE.password);
  await page.getByRole('button', { name: 'Testa anslutningen' }).click();
  await expect(connectionTest(page)).toHaveText(`Anslutningen fungerar: registrerad som ${ALICE.user}@${pbx.domain}. Inget är sparat än.`);
  expect(settingsFile(dataDir)).toBe(before);

  await page.getByLabel('Lösenord').fill('fel-lösenord');
  await page.getByRole('button', { name: 'Testa anslutningen' }).click();
  await expect(connectionTest(page)).toHaveAttribute('data-outcome', 'auth-failed');
  await expect(connectionTest(page)).toContainText('Anslutningen fungerar inte: Växeln godkände inte');
  await expect(page.getByText('Authentication Error', { exact: false })).toHaveCount(0);
  expect(settingsFile(dataDir)).toBe(before);

  await page.reload();
  await showView(page, 'Konto');
  await expect(page.getByLabel('Växelns WebSocket-adress')).toHaveValue('');
  await expect(page.getByText('Ett lösenord är sparat.', { exact: false })).toHaveCount(0);
});

test('after a working account is saved, Konto shows that the phone is registered', async ({ page }) => {
  await openFreshShell(page);
  await showView(page, 'Konto');
  await typeAliceAccount(page, ALICE.password);
  await page.getByRole('button', { name: 'Spara konto' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kontot är sparat.' })).toBeVisible();
  const registration = page.getByRole('region', { name: 'Konto' }).getByTestId('registration-status');
  await expect(registration).toHaveText(`Registrerad som ${ALICE.user}@${pbx.domain}`);
});

test('a bad server address shows its error at the field, which takes focus, and nothing is saved', async ({ page }) => {
  const dataDir = await openFreshShell(page);
  await showView(page, 'Konto');
  const before = settingsFile(dataDir);
  const server = page.getByLabel('Växelns WebSocket-adress');
  await server.fill('https://vaxel.example.se');
  await page.getByLabel('SIP-adress').first().fill(`sip:${ALICE.user}@${pbx.domain}`);
  await page.getByRole('button', { name: 'Spara konto' }).click();
  await expect(server).toHaveAttribute('aria-invalid', 'true');
  await expect(server).toHaveAccessibleDescription(/SIP-servern måste vara en WebSocket-adress \(wss:\/\/ eller ws:\/\/\)\./);
  await expect(server).toBeFocused();
  expect(settingsFile(dataDir)).toBe(before);
});

test('Kalender: a chosen .ics file is added and its meeting named; a file that is no calendar is refused with its reason', async ({
  page,
}) => {
  await openFreshShell(page);
  await showView(page, 'Kalender');
  const chooser = page.getByLabel('Välj kalenderfil…');
  const sources = page.getByText('Inga kalendrar är tillagda ännu.');

  await chooser.setInputFiles({ name: 'anteckningar.ics', mimeType: 'text/calendar', buffer: Buffer.from('inköpslista: mjölk, bröd') });
  await expect(page.getByRole('alert')).toHaveText(
    'Filen lades inte till: Det här är ingen iCalendar-fil (ingen BEGIN:VCALENDAR) – kanske en webb- eller inloggningssida.',
  );
  await expect(sources).toBeVisible();

  const start = Math.ceil(Date.now() / MINUTE) * MINUTE + 30 * MINUTE;
  const ics = icsCalendar([{ uid: 'board@e2e.test', summary: '#3 Styrelsemöte', start, end: start + 60 * MINUTE }]);
  await chooser.setInputFiles({ name: 'kalender.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Kalendrar' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Kommande automatiska byten' })).toContainText('Mötet: #3 Styrelsemöte');
});
