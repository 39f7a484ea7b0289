/**
 * `npm run screenshots -- [DIR]`: PNGs of every view for review, at 420×720 and 1280×800, light and
 * dark, Swedish and English, written to DIR (default `screenshots/`). Beside the views: the first
 * start, the switcher popover, a ringing call with the caller's name, and the call history with
 * names, between two provisioned shells on a local Kamailio. Needs `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startPbx } from '../test/pbx/pbx';
import { CHROMIUM_ARGS, chromiumPath } from '../test/support/chromium';
import { ALICE, BOB, pbxUser, startPhoneShell } from '../test/e2e/support/phoneUsers';
import { newDataDir, startShell, type ShellProcess } from '../test/e2e/support/shellProcess';

const SIZES = [
  { name: 'narrow', width: 420, height: 720 },
  { name: 'wide', width: 1280, height: 800 },
] as const;
const SCHEMES = ['light', 'dark'] as const;
const LANGUAGES = ['sv', 'en'] as const;
type Language = (typeof LANGUAGES)[number];

/** Each view by its navigation label in both languages. */
const VIEWS = [
  { id: 'profiles', sv: 'Profiler', en: 'Profiles' },
  { id: 'phone', sv: 'Telefon', en: 'Phone' },
  { id: 'colleagues', sv: 'Kollegor', en: 'Colleagues' },
  { id: 'editor', sv: 'Redigera profiler', en: 'Edit profiles' },
  { id: 'calendar', sv: 'Kalender', en: 'Calendar' },
  { id: 'automation', sv: 'Automatik', en: 'Automation' },
  { id: 'account', sv: 'Konto', en: 'Account' },
] as const;

const outDir = resolve(process.argv[2] ?? 'screenshots');

async function setLanguage(page: Page, language: Language): Promise<void> {
  await page.locator('.language-picker select').selectOption(language);
  await page.locator(`html[lang="${language}"]`).waitFor();
}

async function showView(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: label, exact: true }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /Läser in vyn|Loading the view/ })
    .waitFor({ state: 'detached' });
}

/** Every combination of size, scheme and language, one page each, on the same shell. */
async function eachLook(
  browser: Browser,
  url: string,
  shoot: (page: Page, language: Language, suffix: string) => Promise<void>,
): Promise<void> {
  for (const size of SIZES) {
    for (const colorScheme of SCHEMES) {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        colorScheme,
        locale: 'sv-SE',
        timezoneId: 'Europe/Stockholm',
      });
      const page = await context.newPage();
      await page.goto(url);
      await page.getByRole('navigation').waitFor();
      for (const language of LANGUAGES) {
        await setLanguage(page, language);
        await shoot(page, language, `${size.name}-${colorScheme}-${language}`);
      }
      await context.close();
    }
  }
}

function registered(page: Page): Promise<void> {
  return page.locator('[data-testid="registration-status"][data-state="registered"]').waitFor();
}

async function save(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(outDir, `${name}.png`) });
  console.log(`${name}.png`);
}

async function firstStartAndViews(browser: Browser): Promise<void> {
  const shell = await startShell(newDataDir());
  try {
    await eachLook(browser, shell.url, async (page, language, suffix) => {
      await showView(page, VIEWS[0][language]);
      await save(page, `first-start-${suffix}`);
    });
  } finally {
    await shell.stop();
  }
}

async function phoneViews(browser: Browser): Promise<void> {
  const pbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(BOB)] });
  const shells: ShellProcess[] = [];
  try {
    const directory = [
      { name: 'Alice Andersson', uri: `sip:${ALICE.user}@${pbx.domain}` },
      { name: 'Bob Berg', uri: `sip:${BOB.user}@${pbx.domain}` },
      { name: 'Cecilia Ceder', uri: `sip:cecilia@${pbx.domain}` },
    ];
    const alice = await startPhoneShell(pbx, ALICE, { directory });
    const bob = await startPhoneShell(pbx, BOB, { directory });
    shells.push(alice, bob);
    const caller = await (await browser.newContext()).newPage();
    await caller.goto(bob.url);
    await showView(caller, 'Telefon');
    await registered(caller);
    const callAlice = async () => {
      await caller.getByRole('combobox', { name: 'Namn, nummer eller SIP-adress' }).fill(`sip:${ALICE.user}@${pbx.domain}`);
      await caller.getByRole('button', { name: 'Ring', exact: true }).click();
    };

    // A call alice missed, so the history holds more than the calls answered below.
    const first = await (await browser.newContext()).newPage();
    await first.goto(alice.url);
    await showView(first, 'Telefon');
    await registered(first);
    await callAlice();
    await first.getByTestId('incoming-call').waitFor();
    await caller.getByTestId('active-call').getByRole('button', { name: 'Lägg på' }).click();
    await first.getByTestId('incoming-call').waitFor({ state: 'detached' });
    await first.context().close();

    await eachLook(browser, alice.url, async (page, language, suffix) => {
      await showView(page, VIEWS[1][language]);
      await registered(page);
      for (const view of VIEWS) {
        await showView(page, view[language]);
        await save(page, `${view.id}-${suffix}`);
      }
      await showView(page, VIEWS[0][language]);
      await page.locator('.me__button').click();
      await page.getByRole('dialog').waitFor();
      await save(page, `switcher-popover-${suffix}`);
      await page.keyboard.press('Escape');

      await callAlice();
      await page.getByTestId('incoming-call').waitFor();
      await save(page, `incoming-call-${suffix}`);
      await page.getByTestId('incoming-call').getByRole('button').first().click();
      await page.getByTestId('active-call').and(page.locator('[data-status="active"]')).waitFor();
      await save(page, `active-call-${suffix}`);
      await page
        .getByTestId('active-call')
        .getByRole('button', { name: /^(Lägg på|Hang up)$/ })
        .click();
      await page.getByTestId('active-call').waitFor({ state: 'detached' });
      await showView(page, VIEWS[1][language]);
      await page.getByTestId('call-history').scrollIntoViewIfNeeded();
      await save(page, `history-${suffix}`);
    });
  } finally {
    for (const shell of shells) await shell.stop();
    await pbx.stop();
  }
}

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  await firstStartAndViews(browser);
  await phoneViews(browser);
} finally {
  await browser.close();
}
console.log(`written to ${outDir}`);
