// Start-up, as a user meets it, against anchors measured in the same run:
// - the browser shell's spawn → the URL it prints, against the same launcher (npx tsx) running a
//   script that prints a URL at once;
// - page load → the ten profiles shown (navigation start to the tenth item of the Profiler list in
//   the DOM), in a fresh browser context each time, against a static page with a list of ten.
//   npm run build && npx tsx bench/start.ts [--runs 5]
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { newDataDir, startShell } from '../test/e2e/support/shellProcess';
import { launchChromium, summary } from './jssipPage';
import { reportRows } from './table';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a whole number of at least 1, not "${values.runs}"`);
  process.exit(2);
}
if (!existsSync(`${projectRoot}/out/renderer/index.html`)) {
  console.error('The renderer is not built: run `npm run build` first.');
  process.exit(2);
}

const URL_PATTERN = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/;
const TRIVIAL_SCRIPT = "console.log('http://127.0.0.1:1/?token=anchor')";

/** Milliseconds from spawning `npx tsx -e <trivial script>` to its URL on stdout. */
function trivialScriptToUrl(): Promise<number> {
  const started = performance.now();
  const child = spawn('npx', ['tsx', '-e', TRIVIAL_SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (URL_PATTERN.test(output)) resolve(performance.now() - started);
    });
    child.once('exit', (code) => (URL_PATTERN.test(output) ? undefined : reject(new Error(`the trivial script exited (${code})`))));
  });
}

/** Milliseconds from spawning the browser shell on a new data directory to the URL it prints. */
async function shellToUrl(): Promise<{ ms: number; url: string; stop: () => Promise<void> }> {
  const dataDir = newDataDir();
  const started = performance.now();
  const shell = await startShell(dataDir);
  const ms = performance.now() - started;
  return {
    ms,
    url: shell.url,
    stop: async () => {
      await shell.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs in the page before its own scripts: notes when the Profiler list first holds ten items. */
const TEN_PROFILES_WATCH = `
  new MutationObserver((_, observer) => {
    if (document.querySelectorAll('ul[aria-label="Profiler"] > li').length >= 10) {
      window.tenProfilesAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

const STATIC_PAGE = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Profiler</title></head><body>
<ul aria-label="Profiler">${Array.from({ length: 10 }, (_, index) => `<li><button>Profil ${index + 1}</button></li>`).join('')}</ul>
</body></html>`;

function serveStaticPage(): Promise<Server> {
  const server = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(STATIC_PAGE));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Milliseconds from navigation start to the tenth profile in the DOM, in a context with an empty cache. */
async function loadToTenProfiles(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: TEN_PROFILES_WATCH });
    await page.goto(url);
    const handle = await page.waitForFunction(() => (window as unknown as { tenProfilesAt?: number }).tenProfilesAt, null, {
      timeout: 20_000,
    });
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const spawnApp: number[] = [];
  const spawnAnchor: number[] = [];
  const loadApp: number[] = [];
  const loadAnchor: number[] = [];
  const browser = await launchChromium();
  const staticPage = await serveStaticPage();
  const staticUrl = `http://127.0.0.1:${(staticPage.address() as AddressInfo).port}/`;
  try {
    // A warm-up of each, so the first run's disk cache does not count for one side alone.
    await trivialScriptToUrl();
    await (await shellToUrl()).stop();
    for (let run = 0; run < runs; run++) {
      spawnAnchor.push(await trivialScriptToUrl());
      const shell = await shellToUrl();
      spawnApp.push(shell.ms);
      try {
        await loadToTenProfiles(browser, shell.url);
        for (let load = 0; load < 2; load++) {
          loadAnchor.push(await loadToTenProfiles(browser, staticUrl));
          loadApp.push(await loadToTenProfiles(browser, shell.url));
        }
      } finally {
        await shell.stop();
      }
    }
  } finally {
    staticPage.close();
    await browser.close();
  }
  const median = (samples: number[]) => summary(samples).median;
  console.log(
    `spawn → URL, ${runs} runs: app median ${median(spawnApp).toFixed(0)} ms, trivial script ${median(spawnAnchor).toFixed(0)} ms`,
  );
  console.log(
    `page load → ten profiles, ${loadApp.length} loads: app median ${median(loadApp).toFixed(0)} ms, static page ${median(loadAnchor).toFixed(0)} ms`,
  );
  reportRows([
    {
      figure: 'start: shell spawn → URL (median)',
      definition:
        'from spawning the browser shell on a new data directory to the URL on its stdout, against npx tsx running a script that prints one',
      unit: 'ms',
      app: median(spawnApp),
      anchorName: 'trivial script',
      anchor: median(spawnAnchor),
      maxRatio: 1.5,
    },
    {
      figure: 'start: page load → 10 profiles shown (median)',
      definition:
        "from navigation start to the tenth item in the Profiler list, in a fresh browser context, against a static page's list of ten",
      unit: 'ms',
      app: median(loadApp),
      anchorName: 'static page',
      anchor: median(loadAnchor),
      maxApp: 300,
    },
  ]);
}

// Child processes and handles (Chromium, the shells) must not keep a finished benchmark alive.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
