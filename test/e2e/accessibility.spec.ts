// Every view, as a Swedish user sees it: axe-core finds nothing in light or dark, and no view
// scrolls sideways in a narrow window.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { newDataDir, startShell, type ShellProcess } from './support/shellProcess';

const VIEWS = ['Profiler', 'Telefon', 'Kollegor', 'Redigera profiler', 'Kalender', 'Automatik', 'Inspelningar', 'Konto'] as const;

let shell: ShellProcess;
test.beforeAll(async () => {
  shell = await startShell(newDataDir());
});
test.afterAll(async () => {
  await shell.stop();
});

async function showView(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name, exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByRole('status').filter({ hasText: 'Läser in vyn' })).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
}

/**
 * The browser shell's debug panel is left out: it stands in for the OS (the tray menu drawn as
 * nested <details>, the notifications) and is not part of the app's window in Electron.
 */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude('.debug-panel').analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme}`, () => {
    test.use({ colorScheme });

    test(`axe-core finds no violation on any view, nor in the switcher popover (${colorScheme})`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(shell.url);
      for (const view of VIEWS) {
        await showView(page, view);
        expect(await violations(page), view).toEqual([]);
      }
      await page
        .getByRole('banner')
        .getByRole('button', { name: /^Byt profil/ })
        .click();
      await expect(page.getByRole('dialog', { name: 'Profilbytaren' })).toBeVisible();
      expect(await violations(page), 'the switcher popover').toEqual([]);
    });
  });
}

for (const width of [360, 420]) {
  test.describe(`${width} px`, () => {
    test.use({ viewport: { width, height: 720 } });

    test(`no view scrolls sideways at ${width} px, and the navigation is a bar at the bottom`, async ({ page }) => {
      await page.goto(shell.url);
      for (const view of VIEWS) {
        await showView(page, view);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.scrollingElement!.scrollWidth,
          clientWidth: document.scrollingElement!.clientWidth,
        }));
        expect(scrollWidth, view).toBeLessThanOrEqual(clientWidth);
        for (const item of await page.getByRole('navigation', { name: 'Vyer' }).getByRole('button').all()) {
          const box = await item.boundingBox();
          expect(box && box.x >= 0 && box.x + box.width <= width + 0.5, `${view}: a navigation item is off screen`).toBe(true);
        }
      }
      const bar = await page.getByRole('navigation', { name: 'Vyer' }).boundingBox();
      expect(bar!.y + bar!.height).toBeCloseTo(720, 0);
    });
  });
}
