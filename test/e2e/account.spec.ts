import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { newDataDir, startShell, type ShellProcess } from './support/shellProcess';

let shell: ShellProcess | null = null;
test.afterEach(async () => {
  await shell?.stop();
  shell = null;
});

async function openAccount(page: Page, dataDir = newDataDir()) {
  shell = await startShell(dataDir);
  await page.goto(shell.url);
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name: 'Konto' }).click();
  return dataDir;
}

test('account settings are saved normalised, survive a restart, and the password stays out of the settings file', async ({ page }) => {
  const dataDir = await openAccount(page);
  await page.getByLabel('Växelns WebSocket-adress').fill('wss://vaxel.example.se/ws');
  await page.getByLabel('SIP-adress').first().fill('sip:anna@example.se');
  await page.getByLabel('Visningsnamn').fill('Anna Andersson');
  await page.getByLabel('Lösenord').fill('hemligt-lösen-42');
  await page.getByLabel('Fastnummer').fill('08-123 456 78');
  await page.getByLabel('Mobilnummer').fill('070-123 45 67');
  await page.getByLabel('Samtalsinspelning').check();
  await page.getByRole('button', { name: 'Spara konto' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kontot är sparat.' })).toBeVisible();

  const settings = readFileSync(join(dataDir, 'settings.json'), 'utf8');
  expect(settings).not.toContain('hemligt-lösen-42');
  expect(JSON.parse(settings).account.numbers).toEqual({ landline: '+46812345678', mobile: '+46701234567', switchboard: null });

  await shell!.stop();
  await openAccount(page, dataDir);
  await expect(page.getByLabel('Fastnummer')).toHaveValue('+46812345678');
  await expect(page.getByLabel('Växelns WebSocket-adress')).toHaveValue('wss://vaxel.example.se/ws');
  await expect(page.getByLabel('Samtalsinspelning')).toBeChecked();
  await expect(page.getByText('Ett lösenord är sparat.')).toBeVisible();
});

test('bad account input is shown beside each field and changes nothing', async ({ page }) => {
  const dataDir = await openAccount(page);
  const before = readFileSync(join(dataDir, 'settings.json'), 'utf8');
  await page.getByLabel('Växelns WebSocket-adress').fill('https://vaxel.example.se');
  await page.getByLabel('Mobilnummer').fill('ring mig');
  await page.getByRole('button', { name: 'Spara konto' }).click();
  await expect(page.getByLabel('Växelns WebSocket-adress')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('SIP-servern måste vara en WebSocket-adress (wss:// eller ws://).')).toBeVisible();
  await expect(page.getByLabel('Mobilnummer')).toHaveAttribute('aria-invalid', 'true');
  expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).toBe(before);
});

test('a provisioning file is imported whole, and a bad one lists its errors and changes nothing', async ({ page }) => {
  const dataDir = await openAccount(page);
  const fileInput = page.getByLabel('Importera provisioneringsfil');

  const before = readFileSync(join(dataDir, 'settings.json'), 'utf8');
  await fileInput.setInputFiles({
    name: 'fel.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ account: { sip: { serverUrl: 42 } }, colour: 'blå' })),
  });
  await expect(page.getByText('Filen importerades inte. Inget ändrades.')).toBeVisible();
  await expect(page.getByText('Provisioneringsfilen har ett ogiltigt värde i account.sip.serverUrl. Inget har ändrats.')).toBeVisible();
  await expect(
    page.getByText('Provisioneringsfilen har inställningen colour, som appen inte känner till. Inget har ändrats.'),
  ).toBeVisible();
  expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).toBe(before);

  await fileInput.setInputFiles({
    name: 'foretaget.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        account: { sip: { serverUrl: 'wss://vaxel.example.se/ws', uri: 'sip:bo@example.se' }, numbers: { mobile: '0701234567' } },
      }),
    ),
  });
  await expect(page.getByText('Provisioneringsfilen är importerad.')).toBeVisible();
  await expect(page.getByLabel('Mobilnummer')).toHaveValue('+46701234567');
});

test('a phone without an account says what to set up', async ({ page }) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name: 'Telefon', exact: true }).click();
  await expect(page.getByTestId('registration-status')).toHaveText(
    'Telefonen är inte inställd. Ange växelns adress och din SIP-adress under Konto.',
  );
});
