/*
 * The Kollegor list of 1,000 colleagues scrolled with the mouse wheel, as a user scrolls it: frame
 * intervals, dropped frames, wheel → next paint and long tasks, measured in the page; first with the
 * list quiet, then while 200 colleagues (real JsSIP clients publishing through the test PBX) change
 * state during the scroll. The anchor, in the same run and browser, is a static page with a plain
 * list of 1,000 rows in a viewport of the same size, scrolled the same way.
 *   npm run build && npx tsx bench/colleagues.ts [--colleagues 1000] [--changing 200]
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import type * as JsSIPModule from 'jssip';
import { startPbx, type PbxUser, type RunningPbx } from '../test/pbx/pbx';
import { JsSIPHarness } from '../test/e2e/support/jssipPhone';
import { BOB, pbxUser, showView, startPhoneShell } from '../test/e2e/support/phoneUsers';
import type { ShellProcess } from '../test/e2e/support/shellProcess';
import { launchChromium, newPage, summary } from './jssipPage';
import { WIRE_SCRIPT, type Wire } from './sipWire';
import { reportRows, type BenchRow } from './table';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: { colleagues: { type: 'string', default: '1000' }, changing: { type: 'string', default: '200' } },
});
const colleagueCount = Number(values.colleagues);
const changingCount = Number(values.changing);
if (!Number.isInteger(colleagueCount) || !Number.isInteger(changingCount) || changingCount < 1 || colleagueCount < changingCount) {
  console.error('--colleagues and --changing must be whole numbers, with 1 ≤ changing ≤ colleagues');
  process.exit(2);
}
if (!existsSync(`${projectRoot}/out/renderer/index.html`)) {
  console.error('The renderer is not built: run `npm run build` first.');
  process.exit(2);
}

const WHEEL_NOTCHES = 240;
const NOTCH_PX = 100;
/** Between two notches: a brisk wheel, about forty notches a second. */
const NOTCH_PAUSE_MS = 25;
const SETTLE_TIMEOUT_MS = 180_000;
type WireWindow = { __sipWire: Wire };

interface ScrollFigures {
  frameIntervalP95: number;
  frameIntervalMedian: number;
  droppedShare: number;
  wheelToHandledP95: number;
  longestLongTask: number;
  longTasks: number;
}

interface ScrollWindow {
  scrollProbe: { frames: number[]; wheelToHandled: number[]; longTasks: number[]; running: boolean };
}

/** Runs in the page being scrolled: notes every frame, every wheel event's next paint, and every long task, until stopped. */
function startProbe(): void {
  const probe: ScrollWindow['scrollProbe'] = { frames: [], wheelToHandled: [], longTasks: [], running: true };
  (window as unknown as ScrollWindow).scrollProbe = probe;
  const frame = (at: number) => {
    probe.frames.push(at);
    if (probe.running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // A wheel moves the list in the next frame's scroll event; what the page queues while handling that
  // event (React renders the rows for a scroll in a task of its own) runs before a message posted
  // in answer to a message posted during the event.
  const channel = new MessageChannel();
  let wheelsWaiting: number[] = [];
  const scrollsHandling: number[][] = [];
  channel.port1.onmessage = (message: MessageEvent<'again' | 'done'>) => {
    if (message.data === 'again') return channel.port2.postMessage('done');
    const now = performance.now();
    for (const stamp of scrollsHandling.shift() ?? []) probe.wheelToHandled.push(now - stamp);
  };
  addEventListener('wheel', (event) => probe.running && wheelsWaiting.push(event.timeStamp), { capture: true, passive: true });
  addEventListener(
    'scroll',
    () => {
      if (wheelsWaiting.length === 0) return;
      scrollsHandling.push(wheelsWaiting);
      wheelsWaiting = [];
      channel.port2.postMessage('again');
    },
    { capture: true, passive: true },
  );
  new PerformanceObserver((list) => {
    if (probe.running) for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
}

async function scrollWithWheel(page: Page, viewport: string, direction: 1 | -1): Promise<void> {
  const box = await page.locator(viewport).boundingBox();
  if (!box) throw new Error(`${viewport} is not on the page`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // A wheel at the end of a short list scrolls nothing, so its probe would wait for a scroll that never comes.
  const scrollable = await page.locator(viewport).evaluate((element) => element.scrollHeight - element.clientHeight);
  const notches = Math.min(WHEEL_NOTCHES, Math.floor(scrollable / NOTCH_PX));
  for (let notch = 0; notch < notches; notch++) {
    await page.mouse.wheel(0, direction * NOTCH_PX);
    await page.waitForTimeout(NOTCH_PAUSE_MS);
  }
}

/** Scrolls the list down and back up with the wheel while `during` runs, and reads the probe. */
async function measureScroll(
  page: Page,
  viewport: string,
  framePeriod: number | null,
  during: () => Promise<void> = async () => {},
): Promise<ScrollFigures> {
  await page.evaluate(startProbe);
  await Promise.all([
    (async () => {
      await scrollWithWheel(page, viewport, 1);
      await scrollWithWheel(page, viewport, -1);
    })(),
    during(),
  ]);
  const probe = await page.evaluate(() => {
    const { scrollProbe } = window as unknown as ScrollWindow;
    scrollProbe.running = false;
    return structuredClone(scrollProbe);
  });
  const intervals = probe.frames.slice(1).map((at, index) => at - probe.frames[index]!);
  const period = framePeriod ?? summary(intervals).median;
  // A frame that took k periods stands for k − 1 frames the display did not get.
  const missed = intervals.reduce((sum, interval) => sum + Math.max(0, Math.round(interval / period) - 1), 0);
  return {
    frameIntervalP95: summary(intervals).p95,
    frameIntervalMedian: summary(intervals).median,
    droppedShare: (100 * missed) / (missed + intervals.length),
    wheelToHandledP95: summary(probe.wheelToHandled).p95,
    longestLongTask: Math.max(0, ...probe.longTasks),
    longTasks: probe.longTasks.length,
  };
}

/** The anchor: a plain list of as many rows, as tall as the app's, in a viewport of the same height. */
function staticListPage(rows: number): string {
  const items = Array.from(
    { length: rows },
    (_, index) => `<li style="height:56px;margin:0;border-bottom:1px solid #ddd">Kollega ${index + 1}<br><small>Tillgänglig</small></li>`,
  ).join('');
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Kollegor</title></head><body>
<div class="viewport" style="height:448px;overflow-y:auto;width:480px"><ul style="list-style:none;margin:0;padding:0">${items}</ul></div>
</body></html>`;
}

function serve(html: string): Promise<Server> {
  const server = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface CrowdWindow {
  JsSIP: typeof JsSIPModule;
  JsSIPInternals: {
    OutgoingRequest: new (
      method: string,
      ruri: unknown,
      ua: unknown,
      params: Record<string, unknown>,
      headers: string[],
      body?: string,
    ) => unknown;
    RequestSender: new (
      ua: unknown,
      request: unknown,
      handlers: Record<string, (response: { status_code: number; getHeader(name: string): string | undefined }) => void>,
    ) => { send(): void };
  };
  crowd: { publishAll(round: number, spreadMs: number): Promise<number> };
}

/** Runs in a JsSIP page: one client per colleague, each publishing plain PIDF (RFC 3903) for itself, as another softphone would. */
function startCrowd({ wsUrl, domain, users }: { wsUrl: string; domain: string; users: PbxUser[] }): Promise<void> {
  const w = window as unknown as CrowdWindow;
  const clients = users.map(({ user, password }) => {
    const ua = new w.JsSIP.UA({
      sockets: [new w.JsSIP.WebSocketInterface(wsUrl)],
      uri: `sip:${user}@${domain}`,
      password,
      register: false,
    });
    return { ua, self: new w.JsSIP.URI('sip', user, domain), etag: null as string | null };
  });
  const publish = (client: (typeof clients)[number], note: string) =>
    new Promise<number>((resolve) => {
      const entity = client.self.toString();
      const body =
        `<?xml version="1.0" encoding="UTF-8"?>\n<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="${entity}">` +
        `<tuple id="t1"><status><basic>${note.endsWith('0') ? 'closed' : 'open'}</basic></status><note>${note}</note></tuple></presence>`;
      const headers = ['Event: presence', 'Expires: 600', 'Content-Type: application/pidf+xml'];
      if (client.etag !== null) headers.push(`SIP-If-Match: ${client.etag}`);
      const request = new w.JsSIPInternals.OutgoingRequest('PUBLISH', client.self, client.ua, { to_uri: client.self }, headers, body);
      new w.JsSIPInternals.RequestSender(client.ua, request, {
        onReceiveResponse: (response) => {
          if (response.status_code < 200) return;
          client.etag = response.getHeader('SIP-ETag') ?? client.etag;
          resolve(response.status_code);
        },
        onRequestTimeout: () => resolve(408),
        onTransportError: () => resolve(503),
      }).send();
    });
  w.crowd = {
    async publishAll(round, spreadMs) {
      const results = await Promise.all(
        clients.map(
          (client, index) =>
            new Promise<number>((resolve) =>
              setTimeout(() => void publish(client, `Runda ${round} · ${index}`).then(resolve), (spreadMs * index) / clients.length),
            ),
        ),
      );
      return results.filter((status) => status === 200).length;
    },
  };
  return Promise.all(clients.map(({ ua }) => new Promise<void>((resolve) => (ua.on('connected', () => resolve()), ua.start())))).then(
    () => undefined,
  );
}

/** Waits until the app has a NOTIFY per subscription and its wire has then been quiet for a second. */
async function settled(page: Page, notifies: number): Promise<void> {
  const notifiesSeen = () =>
    page.evaluate(
      () =>
        (window as unknown as WireWindow).__sipWire.events.filter((event) => event.dir === 'in' && event.line.startsWith('NOTIFY ')).length,
    );
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (let seen = await notifiesSeen(); seen < notifies; seen = await notifiesSeen()) {
    if (Date.now() > deadline) throw new Error(`the app had ${seen} of ${notifies} NOTIFYs after ${SETTLE_TIMEOUT_MS / 1_000} s`);
    await page.waitForTimeout(500);
  }
  for (let last = -1; ;) {
    const count = await page.evaluate(() => (window as unknown as WireWindow).__sipWire.events.length);
    if (count === last) return;
    last = count;
    await page.waitForTimeout(1_000);
  }
}

function print(label: string, figures: ScrollFigures): void {
  console.log(
    `  ${label}: frame interval median ${figures.frameIntervalMedian.toFixed(1)} ms, p95 ${figures.frameIntervalP95.toFixed(1)} ms; ` +
      `dropped ${figures.droppedShare.toFixed(1)}%; wheel → scroll handled p95 ${figures.wheelToHandledP95.toFixed(1)} ms; ` +
      `${figures.longTasks} long tasks, longest ${figures.longestLongTask.toFixed(0)} ms`,
  );
}

function rowsFor(label: string, app: ScrollFigures, anchor: ScrollFigures, anchorName: string): BenchRow[] {
  return [
    {
      figure: `colleagues${label}: scroll frame interval (p95)`,
      definition: `requestAnimationFrame intervals while the wheel scrolls the list of ${colleagueCount} down and up (up to ${WHEEL_NOTCHES} notches each way), against ${anchorName}`,
      unit: 'ms',
      app: app.frameIntervalP95,
      anchorName,
      anchor: anchor.frameIntervalP95,
      maxApp: 17,
    },
    {
      figure: `colleagues${label}: dropped frames`,
      definition: `frames the display did not get (an interval of k frame periods misses k − 1), as a share of all, during the same scroll`,
      unit: '%',
      app: app.droppedShare,
      anchorName,
      anchor: anchor.droppedShare,
      maxApp: 2,
    },
    {
      figure: `colleagues${label}: wheel → scroll handled (p95)`,
      definition: `from a wheel event's timestamp until the scroll it causes is handled: the scroll event and the tasks it queued (the rows' render) have run`,
      unit: 'ms',
      app: app.wheelToHandledP95,
      anchorName,
      anchor: anchor.wheelToHandledP95,
      maxApp: 20,
    },
    {
      figure: `colleagues${label}: longest long task`,
      definition: `the longest entry a PerformanceObserver for 'longtask' saw during the scroll (0 when none)`,
      unit: 'ms',
      app: app.longestLongTask,
      anchorName,
      anchor: anchor.longestLongTask,
      maxApp: 50,
    },
  ];
}

async function main(): Promise<void> {
  const colleagues: PbxUser[] = Array.from({ length: colleagueCount }, (_, index) => ({
    user: `c${index + 1}`,
    password: `c${index + 1}-pass`,
  }));
  // Spread through the list, so changes land in view all along the scroll.
  const changing = colleagues.filter((_, index) => index % Math.floor(colleagueCount / changingCount) === 0).slice(0, changingCount);
  const pbx: RunningPbx = await startPbx({ users: [pbxUser(BOB), ...colleagues] });
  let shell: ShellProcess | null = null;
  let browser: Browser | null = null;
  let harness: JsSIPHarness | null = null;
  const staticPage = await serve(staticListPage(colleagueCount));
  try {
    browser = await launchChromium();
    harness = await JsSIPHarness.start();
    const crowd = await newPage(browser, harness.url);
    await crowd.evaluate(startCrowd, { wsUrl: pbx.wsUrl, domain: pbx.domain, users: changing });
    const published = await crowd.evaluate(() => (window as unknown as CrowdWindow).crowd.publishAll(0, 0));
    if (published !== changing.length) throw new Error(`only ${published} of ${changing.length} colleagues could publish`);

    const anchorPage = await newPage(browser, `http://127.0.0.1:${(staticPage.address() as AddressInfo).port}/`);
    const anchorQuiet = await measureScroll(anchorPage, '.viewport', null);

    const directory = colleagues.map(({ user }, index) => ({ name: `Kollega ${index + 1}`, uri: `sip:${user}@${pbx.domain}` }));
    shell = await startPhoneShell(pbx, BOB, { directory });
    const app = await newPage(browser, shell.url, [WIRE_SCRIPT]);
    await showView(app, 'Kollegor');
    await settled(app, colleagueCount * 2);
    const quiet = await measureScroll(app, '.colleagues__viewport', anchorQuiet.frameIntervalMedian);

    let changed = 0;
    const changingScroll = await measureScroll(app, '.colleagues__viewport', anchorQuiet.frameIntervalMedian, async () => {
      const scrollMs = 2 * WHEEL_NOTCHES * NOTCH_PAUSE_MS;
      for (let round = 1; round <= 2; round++)
        changed += await crowd.evaluate(([r, spread]) => (window as unknown as CrowdWindow).crowd.publishAll(r, spread), [
          round,
          scrollMs / 2,
        ] as const);
    });
    const anchorAgain = await measureScroll(anchorPage, '.viewport', anchorQuiet.frameIntervalMedian);

    console.log(`Scrolling ${colleagueCount} colleagues with the wheel (up to ${WHEEL_NOTCHES} notches of ${NOTCH_PX} px down, then up):`);
    print('static list (anchor)', anchorQuiet);
    print('the app, quiet', quiet);
    print(`the app, ${changed} state changes from ${changing.length} colleagues during the scroll`, changingScroll);
    print('static list again (anchor)', anchorAgain);
    reportRows([
      ...rowsFor('', quiet, anchorQuiet, 'static list'),
      ...rowsFor(`, ${changing.length} changing`, changingScroll, anchorAgain, 'static list'),
    ]);
  } finally {
    await browser?.close();
    await harness?.close();
    staticPage.close();
    await shell?.stop();
    await pbx.stop();
  }
}

// Child processes and handles (Chromium, the shell, the PBX) must not keep a finished benchmark alive.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
