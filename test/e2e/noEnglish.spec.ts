import { expect, test, type Page } from '@playwright/test';
import { catalogue } from '../../src/core/i18n/messages';
import { newDataDir, startShell, type ShellProcess } from './support/shellProcess';

/** Wording of libraries and servers that once reached the Swedish screen as it came. */
const LIBRARY_PHRASES = [
  'is not a web address',
  'needs the form user@host',
  'Invalid payload',
  'Too small',
  'Authentication Error',
  'browser shell closed the connection',
  'could not be read',
  'invalid line',
  'no token',
  'ECONNREFUSED',
  'ENOENT',
  'EACCES',
  'ENOTFOUND',
];

/** A message's own words without its {arguments}: what can be searched for on the page. */
function literalParts(pattern: string): string[] {
  let depth = 0;
  let text = '';
  for (const char of pattern) {
    if (char === '{') depth++;
    if (depth === 0) text += char;
    else if (char === '}' && --depth === 0) text += '\u0000';
  }
  return text.split('\u0000').map((part) => part.trim());
}

/** Every English text that the Swedish catalogue does not also hold, long enough to be English prose and not a shared word. */
function englishOnlyPhrases(): string[] {
  const swedish = Object.values(catalogue('sv')).join('\n');
  const phrases = new Set<string>();
  for (const english of Object.values(catalogue('en'))) {
    for (const part of literalParts(english)) {
      if (part.length >= 12 && !swedish.includes(part)) phrases.add(part);
    }
  }
  return [...phrases];
}

const ENGLISH = englishOnlyPhrases();

/** Everything the page shows now that is English: a catalogue phrase or a library's own words. */
async function englishOnScreen(page: Page): Promise<string[]> {
  const visible = await page.locator('body').innerText();
  return [...ENGLISH, ...LIBRARY_PHRASES].filter((phrase) => visible.includes(phrase));
}

let shell: ShellProcess | null = null;
test.afterEach(async () => {
  await shell?.stop();
  shell = null;
});

const view = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name, exact: true }).click();

test('the Swedish UI shows no English, in every view and in every error provoked', async ({ page }) => {
  test.setTimeout(120_000);
  expect(ENGLISH.length).toBeGreaterThan(300);
  shell = await startShell(newDataDir());
  await page.goto(shell.url);
  const seen: string[] = [];
  const check = async (where: string) => {
    for (const phrase of await englishOnScreen(page)) seen.push(`${where}: ${phrase}`);
  };

  await expect(page.getByRole('heading', { name: 'Välkommen till Profiltelefon' })).toBeVisible();
  await check('first start');

  await view(page, 'Konto');
  await page.getByLabel('Växelns WebSocket-adress').fill('vaxel.foretaget.se');
  await page.getByLabel('SIP-adress').first().fill('anna');
  await page.getByLabel('Mobilnummer').fill('ring mig');
  await page.getByRole('button', { name: 'Spara konto' }).click();
  await expect(page.getByText('SIP-servern är ingen giltig webbadress.')).toBeVisible();
  await expect(page.getByText('Kontots SIP-adress är ogiltig.')).toBeVisible();
  await check('Konto, the SIP form');
  await page.getByRole('button', { name: 'Lägg till kollega' }).click();
  await expect(page.getByText('Skriv kollegans namn.')).toBeVisible();
  await check('Konto, an empty colleague');

  await view(page, 'Kalender');
  await page.getByLabel('ICS-fil eller webbadress').fill('kalender.ics');
  await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(page.getByText('Ange hela sökvägen från roten', { exact: false })).toBeVisible();
  await check('Kalender, a relative path');
  await page.getByLabel('ICS-fil eller webbadress').fill('/finns/inte/kalender.ics');
  await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(page.getByText('Filen finns inte.', { exact: false })).toBeVisible();
  await check('Kalender, a missing file');
  await page.getByLabel('Välj kalenderfil…').setInputFiles({
    name: 'trasig.ics',
    mimeType: 'text/calendar',
    buffer: Buffer.from('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nthis is no line\r\n'),
  });
  await expect(page.getByText('Filen lades inte till', { exact: false })).toBeVisible();
  await check('Kalender, a broken ICS file');

  await view(page, 'Redigera profiler');
  await page.getByRole('list', { name: 'Välj profil att redigera' }).getByRole('button', { name: /Lunch/ }).click();
  const name = page.getByLabel('Namn', { exact: true });
  await name.fill('');
  await name.blur();
  await expect(page.getByText('Namnet får inte vara tomt.')).toBeVisible();
  await check('Redigera profiler, an empty name');

  await view(page, 'Automatik');
  await check('Automatik');
  await view(page, 'Kollegor');
  await check('Kollegor');

  await view(page, 'Telefon');
  await page.getByLabel('Namn, nummer eller SIP-adress').fill('###');
  await page.getByRole('button', { name: 'Ring', exact: true }).click();
  await expect(page.getByLabel('Namn, nummer eller SIP-adress')).toHaveAttribute('aria-invalid', 'true');
  await check('Telefon, a number that cannot be dialled');

  await view(page, 'Profiler');
  await check('Profiler');

  // The shell goes away: the request that cannot reach it is refused in Swedish.
  await shell.stop();
  shell = null;
  await page.getByRole('button', { name: 'Aktivera Lunch' }).click();
  await expect(page.getByText('nådde inte appen', { exact: false })).toBeVisible();
  await check('Profiler, the shell gone');

  expect(seen).toEqual([]);
});
