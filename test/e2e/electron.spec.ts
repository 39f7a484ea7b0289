import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { newDataDir } from './support/shellProcess';

/** Electron downloads its binary on first run; where no host can be reached it is absent, and the suite cannot run. */
function electronBinary(): string | null {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const SKIP_REASON = 'skipped: no Electron binary is installed here (node_modules/electron/dist is missing)';

test.describe(binary === null ? `Electron app, ${SKIP_REASON}` : 'Electron app', () => {
  test.skip(binary === null, SKIP_REASON);

  test('the Electron window has no Node in the page and shows the ten profiles', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: ['.', '--no-sandbox'],
      env: { ...process.env, PROFILTELEFON_DATA_DIR: newDataDir() },
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('list', { name: 'Profiler' }).getByRole('listitem')).toHaveCount(10);
      const globals = await page.evaluate(() => [
        typeof window.softphone.invoke,
        typeof (globalThis as { require?: unknown }).require,
        typeof (globalThis as { process?: unknown }).process,
      ]);
      expect(globals).toEqual(['function', 'undefined', 'undefined']);
    } finally {
      await app.close();
    }
  });
});
