import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { newDataDir, startShell, type ShellProcess } from './support/shellProcess';

let shell: ShellProcess | null = null;
test.afterEach(async () => {
  await shell?.stop();
  shell = null;
});

async function restart(page: Page): Promise<void> {
  const dataDir = shell!.dataDir;
  await shell!.stop();
  shell = await startShell(dataDir);
  await page.goto(shell.url);
}

async function openEditor(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Redigera profiler' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Redigera profiler' })).toBeVisible();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function picker(page: Page): Locator {
  return page.getByRole('list', { name: 'Välj profil att redigera' });
}

/** The picker's entry, named "2 Lunch" (and "… Aktiv" for the active profile). */
function pickerItem(page: Page, name: string, number?: number): Locator {
  const numberPattern = number === undefined ? '\\d+' : String(number);
  return picker(page).getByRole('button', { name: new RegExp(`^${numberPattern} ${escapeRegExp(name)}( Aktiv)?$`) });
}

async function pick(page: Page, name: string): Promise<void> {
  await pickerItem(page, name).click();
  await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const group = (page: Page, legend: string) => page.getByRole('group', { name: legend, exact: true });
const save = (page: Page) => page.getByRole('button', { name: 'Spara', exact: true }).click();
const savedNote = (page: Page) => page.getByRole('status').filter({ hasText: 'Sparad' });

/** The error text beside a control: inside the control's own field, and named by its aria-describedby. */
async function expectInlineError(control: Locator, text: string): Promise<void> {
  await expect(control).toHaveAttribute('aria-invalid', 'true');
  await expect(control).toHaveAccessibleDescription(new RegExp(escapeRegExp(text)));
  const errorId = (await control.getAttribute('aria-describedby'))!.split(' ')[0]!;
  const error = control.locator('xpath=ancestor::div[contains(@class, "editor-field")][1]').locator(`[id="${errorId}"]`);
  await expect(error).toBeVisible();
  await expect(error).toHaveText(new RegExp(escapeRegExp(text)));
}

function storedProfiles(dataDir: string): unknown {
  return (JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { profiles: unknown }).profiles;
}

/** Records every IPC request the page sends, to prove that a refused form sends nothing. */
function recordRequests(page: Page): string[] {
  const sent: string[] = [];
  page.on('websocket', (socket) => socket.on('framesent', (frame) => sent.push(String(frame.payload))));
  return sent;
}

test('every editor setting survives a restart of the shell', async ({ page }) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await openEditor(page);
  await pick(page, 'Möte');

  await field(page, 'Namn').fill('Styrelsemöte');
  await field(page, 'Profilnummer').fill('33');
  await page.getByRole('radio', { name: 'Ej tillgänglig' }).check();
  await field(page, 'Statusmeddelande').fill('Nås på mobilen efter mötet');
  await page.getByRole('checkbox', { name: 'Inkommande samtal – Dator' }).check();
  await page.getByRole('checkbox', { name: 'Chatt – Webb' }).uncheck();
  await page.getByRole('checkbox', { name: 'SMS – Mobil' }).uncheck();
  await field(page, 'Vid samtal').selectOption({ label: 'Dold' });
  await field(page, 'Vid SMS').selectOption({ label: 'Växelnummer' });
  await group(page, 'När någon ringer').getByRole('radio', { name: 'Vidarekoppla till…' }).check();
  await field(page, 'Vidarekoppla till').selectOption({ label: 'Annat nummer' });
  await field(page, 'Nummer att vidarekoppla till').fill('070-123 45 67');
  await field(page, 'Vidarekoppla obesvarade samtal').check();
  await field(page, 'Efter antal sekunder').fill('40');
  await field(page, 'Vidarekoppla obesvarade samtal till').selectOption({ label: 'Mobil' });
  await group(page, 'Om du redan är i samtal').getByRole('radio', { name: 'Upptaget' }).check();
  await field(page, 'Standardlängd').selectOption({ label: 'Till klockslag' });
  await field(page, 'Klockslag').fill('13:45');
  await field(page, 'Kalenderprioritet').fill('75');
  await save(page);
  await expect(savedNote(page)).toBeVisible();
  await expect(pickerItem(page, 'Styrelsemöte', 33)).toBeVisible();

  await pick(page, 'Semester');
  await field(page, 'Meddelande till den som ringer').fill('Jag har semester i Spanien');
  await expect(field(page, 'Säg när profilen slutar')).toBeChecked();
  // Fourteen days from now, on a weekday: the day and the date, not a token.
  await expect(page.getByTestId('announcement-preview')).toContainText(
    /Den som ringer hör nu: ”Jag har semester i Spanien till (måndag|tisdag|onsdag|torsdag|fredag) \d{1,2} [a-zé]+( \d{4})?\.”/,
  );
  await group(page, 'Efter meddelandet').getByRole('radio', { name: 'Lägg på' }).check();
  await group(page, 'Om du redan är i samtal').getByRole('radio', { name: 'Vidarekoppla' }).check();
  await field(page, 'Vidarekoppla under pågående samtal till').selectOption({ label: 'Annat nummer' });
  await field(page, 'Nummer under pågående samtal').fill('08-123 456 78');
  await field(page, 'Standardlängd').selectOption({ label: 'Antal dagar' });
  await field(page, 'Antal dagar').fill('14');
  await save(page);
  await expect(savedNote(page)).toBeVisible();

  await pick(page, 'Sjuk');
  await field(page, 'Standardlängd').selectOption({ label: 'Annat antal minuter' });
  await field(page, 'Antal minuter').fill('45');
  await save(page);
  await expect(savedNote(page)).toBeVisible();

  await restart(page);
  await openEditor(page);
  await pick(page, 'Styrelsemöte');
  await expect(field(page, 'Namn')).toHaveValue('Styrelsemöte');
  await expect(field(page, 'Profilnummer')).toHaveValue('33');
  await expect(page.getByRole('radio', { name: 'Ej tillgänglig' })).toBeChecked();
  await expect(field(page, 'Statusmeddelande')).toHaveValue('Nås på mobilen efter mötet');
  await expect(page.getByRole('checkbox', { name: 'Inkommande samtal – Dator' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Inkommande samtal – Mobil' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Chatt – Webb' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Chatt – Dator' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'SMS – Mobil' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'SMS – Webb' })).toBeChecked();
  await expect(field(page, 'Vid samtal')).toHaveValue('hidden');
  await expect(field(page, 'Vid SMS')).toHaveValue('switchboard');
  await expect(group(page, 'När någon ringer').getByRole('radio', { name: 'Vidarekoppla till…' })).toBeChecked();
  await expect(field(page, 'Vidarekoppla till')).toHaveValue('number');
  await expect(field(page, 'Nummer att vidarekoppla till')).toHaveValue('+46701234567');
  await expect(field(page, 'Vidarekoppla obesvarade samtal')).toBeChecked();
  await expect(field(page, 'Efter antal sekunder')).toHaveValue('40');
  await expect(field(page, 'Vidarekoppla obesvarade samtal till')).toHaveValue('mobile');
  await expect(group(page, 'Om du redan är i samtal').getByRole('radio', { name: 'Upptaget' })).toBeChecked();
  await expect(field(page, 'Standardlängd')).toHaveValue('untilTimeOfDay');
  await expect(field(page, 'Klockslag')).toHaveValue('13:45');
  await expect(field(page, 'Kalenderprioritet')).toHaveValue('75');

  await pick(page, 'Semester');
  await expect(group(page, 'När någon ringer').getByRole('radio', { name: 'Meddelande, sedan vidarekoppla eller lägg på' })).toBeChecked();
  await expect(field(page, 'Meddelande till den som ringer')).toHaveValue('Jag har semester i Spanien');
  await expect(field(page, 'Säg när profilen slutar')).toBeChecked();
  await field(page, 'Säg när profilen slutar').uncheck();
  await expect(page.getByTestId('announcement-preview')).toContainText('Den som ringer hör nu: ”Jag har semester i Spanien”');
  await page.getByRole('button', { name: 'Lyssna på meddelandet' }).click();
  await expect(page.getByRole('button', { name: 'Spelar upp…' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lyssna på meddelandet' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('announcement-preview').getByRole('status')).toHaveText('');
  // Back as stored, so moving on asks nothing about unsaved changes.
  await field(page, 'Säg när profilen slutar').check();
  await expect(group(page, 'Efter meddelandet').getByRole('radio', { name: 'Lägg på' })).toBeChecked();
  await expect(group(page, 'Om du redan är i samtal').getByRole('radio', { name: 'Vidarekoppla' })).toBeChecked();
  await expect(field(page, 'Nummer under pågående samtal')).toHaveValue('+46812345678');
  await expect(field(page, 'Standardlängd')).toHaveValue('days');
  await expect(field(page, 'Antal dagar')).toHaveValue('14');

  await pick(page, 'Sjuk');
  await expect(field(page, 'Standardlängd')).toHaveValue('minutes');
  await expect(field(page, 'Antal minuter')).toHaveValue('45');

  // The switcher reads the same stored profiles.
  await page.getByRole('button', { name: 'Profiler', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Aktivera Styrelsemöte' })).toBeVisible();
});

test('inline errors block the save, sit beside their fields, and nothing changes', async ({ page }) => {
  shell = await startShell(newDataDir());
  const before = storedProfiles(shell.dataDir);
  const sent = recordRequests(page);
  await page.goto(shell.url);
  await openEditor(page);
  await pick(page, 'Lunch');

  const name = field(page, 'Namn');
  await name.fill('');
  await name.blur();
  await expectInlineError(name, 'Namnet får inte vara tomt.');
  await name.fill(' möte ');
  await expectInlineError(name, 'Det finns redan en profil med det namnet.');

  const number = field(page, 'Profilnummer');
  await number.fill('3');
  await field(page, 'Standardlängd').selectOption({ label: 'Antal dagar' });
  await field(page, 'Antal dagar').fill('0');
  await group(page, 'När någon ringer').getByRole('radio', { name: 'Vidarekoppla till…' }).check();
  await field(page, 'Vidarekoppla till').selectOption({ label: 'Annat nummer' });
  await field(page, 'Nummer att vidarekoppla till').fill('12345');
  await save(page);

  await expect(page.getByRole('alert').filter({ hasText: 'Profilen sparades inte. Rätta de markerade fälten.' })).toBeVisible();
  await expect(name).toBeFocused();
  await expectInlineError(name, 'Det finns redan en profil med det namnet.');
  await expectInlineError(number, 'Profilnumret används redan av en annan profil.');
  await expectInlineError(field(page, 'Antal dagar'), 'Längden måste vara större än noll.');
  await expectInlineError(field(page, 'Nummer att vidarekoppla till'), 'Det här är inget giltigt telefonnummer.');
  await expect(savedNote(page)).toHaveCount(0);

  // Fixing one field clears its error and leaves the others.
  await number.fill('44');
  await expect(number).not.toHaveAttribute('aria-invalid');
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(3);
  await save(page);
  await expect(name).toBeFocused();

  expect(sent.some((frame) => frame.includes('state:get'))).toBe(true);
  expect(sent.filter((frame) => frame.includes('profile:update') || frame.includes('profile:create'))).toEqual([]);
  await restart(page);
  expect(storedProfiles(shell.dataDir)).toEqual(before);
  await openEditor(page);
  await pick(page, 'Lunch');
  await expect(field(page, 'Namn')).toHaveValue('Lunch');
  await expect(field(page, 'Profilnummer')).toHaveValue('2');
  await expect(field(page, 'Standardlängd')).toHaveValue('minutes-60');
  await expect(group(page, 'När någon ringer').getByRole('radio', { name: 'Meddelande, sedan vidarekoppla eller lägg på' })).toBeChecked();
});

test('profiles are created, duplicated, renamed and deleted; the base and active ones are refused', async ({ page }) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Aktivera Lunch' }).click();
  await expect(page.getByRole('button', { name: 'Aktivera Lunch' })).toHaveAttribute('aria-pressed', 'true');
  await openEditor(page);

  await page.getByRole('button', { name: 'Skapa ny profil' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Ny profil' })).toBeVisible();
  await expect(picker(page).getByText('Ny profil (ej sparad)')).toBeVisible();
  await expect(field(page, 'Profilnummer')).toHaveValue('11');
  await field(page, 'Namn').fill('Fokustid');
  await save(page);
  await expect(savedNote(page)).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Fokustid' })).toBeVisible();
  await expect(pickerItem(page, 'Fokustid', 11)).toHaveAttribute('aria-current', 'true');

  await page.getByRole('button', { name: 'Duplicera' }).click();
  await expect(field(page, 'Namn')).toHaveValue('Fokustid (kopia)');
  await expect(field(page, 'Namn')).toBeFocused();
  await expect(field(page, 'Profilnummer')).toHaveValue('12');
  await save(page);
  await expect(pickerItem(page, 'Fokustid (kopia)', 12)).toHaveAttribute('aria-current', 'true');

  await field(page, 'Namn').fill('Djupt fokus');
  // Leaving with unsaved changes asks first; "Fortsätt redigera" keeps them.
  await pickerItem(page, 'Möte').click();
  const discard = page.getByRole('alertdialog', { name: 'Osparade ändringar' });
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: 'Fortsätt redigera' }).click();
  await expect(discard).toHaveCount(0);
  await expect(field(page, 'Namn')).toHaveValue('Djupt fokus');
  await save(page);
  await expect(pickerItem(page, 'Djupt fokus', 12)).toBeVisible();
  await expect(pickerItem(page, 'Fokustid (kopia)')).toHaveCount(0);

  await page.getByRole('button', { name: 'Ta bort', exact: true }).click();
  const confirmDelete = page.getByRole('alertdialog', { name: 'Ta bort profilen Djupt fokus?' });
  await expect(confirmDelete).toBeVisible();
  await expect(confirmDelete.getByRole('button', { name: 'Behåll profilen' })).toBeFocused();
  await confirmDelete.getByRole('button', { name: 'Ta bort profilen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profilen Djupt fokus har tagits bort.' })).toBeVisible();
  await expect(pickerItem(page, 'Djupt fokus')).toHaveCount(0);

  // The base and the active profile cannot be deleted: the button says so before anything is confirmed.
  const deleteButton = page.getByRole('button', { name: 'Ta bort', exact: true });
  await pick(page, 'Tillgänglig');
  await expect(deleteButton).toBeDisabled();
  await expect(deleteButton).toHaveAccessibleDescription('Grundprofilen kan inte tas bort.');
  await expect(page.getByText('Grundprofilen kan inte tas bort.')).toBeVisible();
  await expect(pickerItem(page, 'Tillgänglig')).toBeVisible();

  await pick(page, 'Lunch');
  await expect(deleteButton).toBeDisabled();
  await expect(deleteButton).toHaveAccessibleDescription('Den aktiva profilen kan inte tas bort. Byt till en annan profil först.');
  await pick(page, 'Möte');
  await expect(deleteButton).toBeEnabled();
  await expect(page.getByText('Den aktiva profilen kan inte tas bort.', { exact: false })).toHaveCount(0);
  await expect(pickerItem(page, 'Lunch')).toHaveAccessibleName('2 Lunch Aktiv');

  await restart(page);
  await openEditor(page);
  await expect(picker(page).getByRole('button')).toHaveCount(11);
  await expect(pickerItem(page, 'Fokustid', 11)).toBeVisible();
  await expect(pickerItem(page, 'Djupt fokus')).toHaveCount(0);
  await expect(pickerItem(page, 'Tillgänglig', 1)).toBeVisible();
  await expect(pickerItem(page, 'Lunch', 2)).toBeVisible();
});

test('call recording and listen-in appear only for an account with those add-ons', async ({ page }) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await openEditor(page);
  await expect(page.getByRole('checkbox', { name: 'Samtalsinspelning' })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Medlyssning' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Tillägg' })).toHaveCount(0);
  await shell.stop();

  const settingsPath = join(shell.dataDir, 'settings.json');
  const settings = JSON.parse(readFileSync(settingsPath, 'utf8')) as {
    account: { addOns: { recording: boolean; listenIn: boolean }; numbers: Record<string, string | null> };
  };
  settings.account.addOns.recording = true;
  settings.account.numbers = { landline: '+46812345678', mobile: '+46701234567', switchboard: null };
  writeFileSync(settingsPath, JSON.stringify(settings, null, 2));
  shell = await startShell(shell.dataDir);
  await page.goto(shell.url);
  await openEditor(page);
  await pick(page, 'Möte');

  const recording = page.getByRole('checkbox', { name: 'Samtalsinspelning' });
  await expect(recording).toBeVisible();
  await expect(recording).not.toBeChecked();
  // Telling the other party is off until chosen.
  const tellOther = page.getByRole('checkbox', { name: 'Berätta för den andra parten att samtalet spelas in' });
  await expect(tellOther).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Medlyssning' })).toHaveCount(0);
  // The caller ID choices show the account's numbers, and the one it lacks cannot be chosen.
  const callsCallerId = field(page, 'Vid samtal');
  await expect(callsCallerId.getByRole('option', { name: 'Fastnummer (08-123 456 78)' })).toBeEnabled();
  await expect(callsCallerId.getByRole('option', { name: 'Mobilnummer (070-123 45 67)' })).toBeEnabled();
  await expect(callsCallerId.getByRole('option', { name: 'Växelnummer (saknas på kontot)' })).toBeDisabled();

  await recording.check();
  await tellOther.check();
  await callsCallerId.selectOption({ label: 'Mobilnummer (070-123 45 67)' });
  await save(page);
  await expect(savedNote(page)).toBeVisible();

  await shell.stop();
  const withListenIn = JSON.parse(readFileSync(settingsPath, 'utf8')) as typeof settings;
  withListenIn.account.addOns.listenIn = true;
  writeFileSync(settingsPath, JSON.stringify(withListenIn, null, 2));
  shell = await startShell(shell.dataDir);
  await page.goto(shell.url);
  await openEditor(page);
  await pick(page, 'Möte');
  await expect(page.getByRole('checkbox', { name: 'Samtalsinspelning' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Berätta för den andra parten att samtalet spelas in' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Medlyssning' })).not.toBeChecked();
  await expect(field(page, 'Vid samtal')).toHaveValue('mobile');

  await page.getByRole('checkbox', { name: 'Medlyssning' }).check();
  await page.getByRole('checkbox', { name: 'Samtalsinspelning' }).uncheck();
  await save(page);
  await expect(savedNote(page)).toBeVisible();
  await restart(page);
  await openEditor(page);
  await pick(page, 'Möte');
  await expect(page.getByRole('checkbox', { name: 'Medlyssning' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Samtalsinspelning' })).not.toBeChecked();
});

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let presses = 0; presses < 120; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}

async function expectVisibleFocus(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  expect(await target.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe('none');
}

test('the editor works with the keyboard alone', async ({ page }) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await expect(page.getByRole('button', { name: 'Aktivera Tillgänglig' })).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Redigera profiler' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Redigera profiler' })).toBeVisible();

  // The picker is one Tab stop; arrows move, Enter opens.
  await tabTo(page, pickerItem(page, 'Tillgänglig'));
  await expectVisibleFocus(pickerItem(page, 'Tillgänglig'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(pickerItem(page, 'Möte')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: 'Möte' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(pickerItem(page, 'Utbildning')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(pickerItem(page, 'Tillgänglig')).toBeFocused();

  await tabTo(page, page.getByRole('button', { name: 'Skapa ny profil' }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: 'Ny profil' })).toBeVisible();

  // A new profile starts in its name. Enter in a field submits; the empty name is refused and keeps focus.
  const name = field(page, 'Namn');
  await expectVisibleFocus(name);
  await page.keyboard.press('Enter');
  await expectInlineError(name, 'Namnet får inte vara tomt.');
  await expect(name).toBeFocused();
  await page.keyboard.type('Kvällspass');

  await tabTo(page, page.getByRole('radio', { name: 'Tillgänglig', exact: true }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Ej tillgänglig' })).toBeChecked();

  await tabTo(page, page.getByRole('checkbox', { name: 'Chatt – Dator' }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Chatt – Dator' })).not.toBeChecked();

  await tabTo(page, field(page, 'Vid SMS'));
  await page.keyboard.press('ArrowDown');
  await expect(field(page, 'Vid SMS')).toHaveValue('mobile');

  await tabTo(page, group(page, 'När någon ringer').getByRole('radio', { name: 'Ring' }));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(group(page, 'När någon ringer').getByRole('radio', { name: 'Vidarekoppla till…' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(field(page, 'Vidarekoppla till')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(field(page, 'Vidarekoppla till')).toHaveValue('number');
  await page.keyboard.press('Tab');
  await expect(field(page, 'Nummer att vidarekoppla till')).toBeFocused();
  await page.keyboard.type('070-123 45 67');

  await tabTo(page, field(page, 'Standardlängd'));
  // From "Tills vidare" down past "Till klockslag", "Till nästa arbetsdag" and "Till arbetsdagens slut".
  for (let step = 0; step < 4; step++) await page.keyboard.press('ArrowDown');
  await expect(field(page, 'Standardlängd')).toHaveValue('days');
  await page.keyboard.press('Tab');
  await expect(field(page, 'Antal dagar')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('3');

  const saveButton = page.getByRole('button', { name: 'Spara', exact: true });
  await tabTo(page, saveButton);
  await expectVisibleFocus(saveButton);
  await page.keyboard.press('Enter');
  await expect(savedNote(page)).toBeVisible();
  await expect(pickerItem(page, 'Kvällspass', 11)).toHaveAttribute('aria-current', 'true');
  await expect(field(page, 'Nummer att vidarekoppla till')).toHaveValue('+46701234567');

  // Delete it: the dialog opens on the safe choice, Escape keeps the profile, Tab reaches the delete.
  const deleteButton = page.getByRole('button', { name: 'Ta bort', exact: true });
  await tabTo(page, deleteButton, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Ta bort profilen Kvällspass?' });
  await expect(dialog.getByRole('button', { name: 'Behåll profilen' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(deleteButton).toBeFocused();
  await page.keyboard.press('Space');
  await expect(dialog.getByRole('button', { name: 'Behåll profilen' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Ta bort profilen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Profilen Kvällspass har tagits bort.' })).toBeVisible();
  await expect(pickerItem(page, 'Kvällspass')).toHaveCount(0);

  // The base profile cannot be deleted: its button is disabled, and says why before anything is tried.
  await tabTo(page, picker(page).locator('button[tabindex="0"]'), 'Shift+Tab');
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: 'Tillgänglig' })).toBeVisible();
  await expect(deleteButton).toBeDisabled();
  await expect(deleteButton).toHaveAccessibleDescription('Grundprofilen kan inte tas bort.');
});

test('the editor states its limits before they are broken, and shows no template tokens', async ({ page }) => {
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  await openEditor(page);
  await pick(page, 'Lunch');

  const name = field(page, 'Namn');
  await expect(name).toHaveAttribute('maxlength', '60');
  await expect(name).toHaveAccessibleDescription(/Högst 60 tecken\.$/);
  await expect(name.locator('xpath=..').getByText('5/60')).toBeVisible();
  await name.fill('L'.repeat(70));
  await expect(name).toHaveValue('L'.repeat(60));
  await expect(name.locator('xpath=..').getByText('60/60')).toBeVisible();

  await expect(field(page, 'Statusmeddelande')).toHaveAttribute('maxlength', '200');
  await expect(field(page, 'Statusmeddelande')).toHaveAccessibleDescription(/Högst 200 tecken\.$/);
  const priority = field(page, 'Kalenderprioritet');
  await expect(priority).toHaveAttribute('min', '0');
  await expect(priority).toHaveAttribute('max', '100');
  await expect(priority).toHaveAccessibleDescription(/Från 0 till 100\.$/);

  // Lunch answers with an announcement: its text has a limit, and the end is a choice, not a token.
  const announcement = field(page, 'Meddelande till den som ringer');
  await expect(announcement).toHaveAttribute('maxlength', '500');
  await expect(announcement).toHaveAccessibleDescription(/Högst 500 tecken\.$/);
  await expect(page.getByRole('checkbox', { name: 'Säg när profilen slutar' })).toBeVisible();
  await expect(page.locator('.editor')).not.toContainText('{end}');
  for (const input of await page.locator('.editor input, .editor textarea').all()) {
    expect(await input.inputValue()).not.toContain('{end}');
  }
});
