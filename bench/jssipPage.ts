import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, stop as stopEsbuild } from 'esbuild';
import { CHROMIUM_ARGS, chromiumPath } from '../test/support/chromium';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/** A loopback page with JsSIP as `window.JsSIP` and nothing else: the bare baseline and the subscriber crowd. */
export async function serveJsSIPPage(): Promise<Server> {
  const bundle = await build({
    stdin: { contents: 'window.JsSIP = require("jssip");', resolveDir: projectRoot },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  });
  // Its service process would keep Node running after the report.
  await stopEsbuild();
  const script = bundle.outputFiles[0]?.text ?? '';
  const server = createServer((request, response) => {
    if (request.url === '/jssip.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>JsSIP</title><script src="/jssip.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
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
