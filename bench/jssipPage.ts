import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../test/support/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/** A page in a context of its own; `initScripts` run before the page's own scripts. */
export async function newPage(browser: Browser, url: string, initScripts: readonly string[] = []): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  // tsx keeps function names with an `__name(…)` helper, which functions sent to the page bring along.
  await page.addInitScript({ content: 'window.__name = (target) => target;' });
  for (const content of initScripts) await page.addInitScript({ content });
  await page.goto(url);
  return page;
}

export function summary(samples: number[]): { median: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { median: at(50), p95: at(95), max: sorted.at(-1) ?? NaN };
}
