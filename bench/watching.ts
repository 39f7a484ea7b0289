/*
 * What watching a directory of colleagues costs on the wire, through the test PBX: the SUBSCRIBE
 * traffic at start-up and the refreshes per hour, for the app (presence + dialog per colleague) and,
 * as the anchor in the same run, a bare JsSIP page subscribing to the same packages. Also what RFC
 * 4662 resource lists (Kamailio's rls) would leave of it.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import type * as JsSIPModule from 'jssip';
import { startPbx, type PbxUser, type RunningPbx } from '../test/pbx/pbx';
import { BOB, CAROL, pbxUser, startPhoneShell } from '../test/e2e/support/phoneUsers';
import type { ShellProcess } from '../test/e2e/support/shellProcess';
import { launchChromium } from './jssipPage';
import { serveJsSIPPage } from '../test/support/jssipPage';
import { reportRows } from './table';

const { values } = parseArgs({ options: { colleagues: { type: 'string', default: '1000' } } });
const colleagueCount = Number(values.colleagues);
if (!Number.isInteger(colleagueCount) || colleagueCount < 1) {
  console.error('--colleagues must be a whole number of at least 1');
  process.exit(2);
}
const PACKAGES = [
  ['presence', 'application/pidf+xml'],
  ['dialog', 'application/dialog-info+xml'],
] as const;
const SETTLE_TIMEOUT_MS = 180_000;

interface WireCounts {
  /** By start line: `SUBSCRIBE`, `NOTIFY`, `407 SUBSCRIBE` (a response and its CSeq method). */
  sent: Record<string, { count: number; bytes: number }>;
  received: Record<string, { count: number; bytes: number }>;
  /** The Expires the PBX granted in each 2xx to a SUBSCRIBE. */
  grantedExpires: number[];
  firstAt: number | null;
  lastAt: number | null;
}

/** Runs in the page before anything else: counts every SIP message its WebSockets carry. */
function countSipOnTheWire(): void {
  const counts: WireCounts = { sent: {}, received: {}, grantedExpires: [], firstAt: null, lastAt: null };
  (window as unknown as { sipWire: WireCounts }).sipWire = counts;
  const startLine = /^(?:SIP\/2\.0 (\d{3})[^\r\n]*|([A-Z]+) \S+ SIP\/2\.0)\r\n/;
  const classify = (text: string): string | null => {
    const match = startLine.exec(text);
    if (!match) return null;
    if (match[2]) return match[2];
    const method = /^CSeq:\s*\d+\s+([A-Z]+)/im.exec(text)?.[1] ?? '?';
    return `${match[1]} ${method}`;
  };
  const note = (table: WireCounts['sent'], kind: string, text: string) => {
    const entry = (table[kind] ??= { count: 0, bytes: 0 });
    entry.count += 1;
    entry.bytes += new TextEncoder().encode(text).length;
    const now = performance.now();
    counts.firstAt ??= now;
    counts.lastAt = now;
  };
  const Native = window.WebSocket;
  class CountingWebSocket extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event: MessageEvent) => {
        if (typeof event.data !== 'string') return;
        const kind = classify(event.data);
        if (kind === null) return;
        note(counts.received, kind, event.data);
        if (/^2\d\d SUBSCRIBE$/.test(kind)) {
          const expires = /^Expires:\s*(\d+)/im.exec(event.data)?.[1];
          if (expires !== undefined) counts.grantedExpires.push(Number(expires));
        }
      });
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (typeof data === 'string') {
        const kind = classify(data);
        if (kind !== null) note(counts.sent, kind, data);
      }
      super.send(data);
    }
  }
  window.WebSocket = CountingWebSocket;
}

/** Runs in the bare page: one registered JsSIP UA watching every colleague's presence and dialog. */
function watchAll({
  wsUrl,
  domain,
  user,
  password,
  targets,
  packages,
}: {
  wsUrl: string;
  domain: string;
  user: string;
  password: string;
  targets: string[];
  packages: (readonly [string, string])[];
}): void {
  const { JsSIP } = window as unknown as { JsSIP: typeof JsSIPModule };
  const ua = new JsSIP.UA({ sockets: [new JsSIP.WebSocketInterface(wsUrl)], uri: `sip:${user}@${domain}`, password });
  ua.on('registered', () => {
    for (const target of targets) {
      for (const [event, contentType] of packages) ua.subscribe(target, event, contentType, { expires: 3600, contentType }).subscribe();
    }
  });
  ua.start();
}

const wire = (page: Page) => page.evaluate(() => (window as unknown as { sipWire: WireCounts }).sipWire);

async function pageWithCounter(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript({ content: 'window.__name = (target) => target;' });
  await page.addInitScript(countSipOnTheWire);
  await page.goto(url);
  return page;
}

/** Waits until the page has had a NOTIFY for each subscription, then until its traffic has been quiet for a second. */
async function settled(page: Page, subscriptions: number): Promise<WireCounts> {
  await page.waitForFunction(
    (expected) => ((window as unknown as { sipWire: WireCounts }).sipWire.received.NOTIFY?.count ?? 0) >= expected,
    subscriptions,
    {
      timeout: SETTLE_TIMEOUT_MS,
      polling: 200,
    },
  );
  for (let last: number | null = null; ;) {
    const counts = await wire(page);
    if (counts.lastAt === last) return counts;
    last = counts.lastAt;
    await page.waitForTimeout(1_000);
  }
}

/** JsSIP refreshes a subscription granted E ≥ 140 s after E/2 + (E/2 − 70)·U(0,1) seconds (Subscriber._scheduleSubscribe). */
function refreshesPerHour(grantedExpires: number[]): number {
  if (grantedExpires.length === 0) return Number.NaN;
  const perSubscription = grantedExpires.map((expires) => 3600 / (expires >= 140 ? expires / 2 + (expires / 2 - 70) / 2 : expires - 5));
  return perSubscription.reduce((sum, rate) => sum + rate, 0);
}

interface StartUp {
  startMessages: number;
  subscribes: number;
  challenges: number;
  refreshPerHour: number;
}

function report(label: string, counts: WireCounts, subscriptions: number): StartUp {
  const sent = (kind: string) => counts.sent[kind] ?? { count: 0, bytes: 0 };
  const received = (kind: string) => counts.received[kind] ?? { count: 0, bytes: 0 };
  const subscribes = sent('SUBSCRIBE');
  const challenged = received('401 SUBSCRIBE').count + received('407 SUBSCRIBE').count;
  const notifies = received('NOTIFY');
  // SUBSCRIBE and NOTIFY with their answers; not the REGISTER or the app's own PUBLISH.
  const watching = [...Object.entries(counts.sent), ...Object.entries(counts.received)]
    .filter(([kind]) => /(^| )(SUBSCRIBE|NOTIFY)$/.test(kind))
    .map(([, entry]) => entry);
  const messages = watching.reduce((sum, entry) => sum + entry.count, 0);
  const bytes = watching.reduce((sum, entry) => sum + entry.bytes, 0);
  const seconds = counts.firstAt !== null && counts.lastAt !== null ? (counts.lastAt - counts.firstAt) / 1000 : Number.NaN;
  const perHour = refreshesPerHour(counts.grantedExpires.slice(-subscriptions));
  const meanExpires = counts.grantedExpires.reduce((sum, value) => sum + value, 0) / Math.max(1, counts.grantedExpires.length);
  console.log(`  ${label}`);
  console.log(
    `    start-up: ${subscribes.count} SUBSCRIBE (${(subscribes.bytes / 1024).toFixed(0)} kB), ${challenged} of them challenged, ${notifies.count} NOTIFY (${(notifies.bytes / 1024).toFixed(0)} kB)`,
  );
  console.log(
    `              ${(challenged / colleagueCount).toFixed(3)} challenges per colleague, ${(subscribes.count / subscriptions).toFixed(2)} SUBSCRIBE per subscription`,
  );
  console.log(`              ${messages} SIP messages, ${(bytes / 1024).toFixed(0)} kB both ways, in ${seconds.toFixed(1)} s`);
  console.log(
    `    refresh:  Expires granted ${meanExpires.toFixed(0)} s → ${perHour.toFixed(0)} re-SUBSCRIBE per hour, each with its 200 and a NOTIFY and its 200: ${(perHour * 4).toFixed(0)} SIP messages per hour`,
  );
  return { startMessages: messages, subscribes: subscribes.count, challenges: challenged, refreshPerHour: perHour };
}

async function main(): Promise<void> {
  const colleagues: PbxUser[] = Array.from({ length: colleagueCount }, (_, index) => ({
    user: `c${index + 1}`,
    password: `c${index + 1}-pass`,
  }));
  const pbx: RunningPbx = await startPbx({ users: [pbxUser(BOB), pbxUser(CAROL), ...colleagues] });
  const targets = colleagues.map(({ user }) => `sip:${user}@${pbx.domain}`);
  const subscriptions = colleagueCount * PACKAGES.length;
  let shell: ShellProcess | null = null;
  let browser: Browser | null = null;
  let bareServer: Server | null = null;
  try {
    browser = await launchChromium();
    bareServer = await serveJsSIPPage();
    const bare = await pageWithCounter(browser, `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/`);
    await bare.evaluate(watchAll, {
      wsUrl: pbx.wsUrl,
      domain: pbx.domain,
      user: CAROL.user,
      password: CAROL.password,
      targets,
      packages: PACKAGES.map((entry) => [...entry] as const),
    });
    const bareCounts = await settled(bare, subscriptions);

    shell = await startPhoneShell(pbx, BOB, { directory: targets.map((uri, index) => ({ name: `Kollega ${index + 1}`, uri })) });
    const app = await pageWithCounter(browser, shell.url);
    const appCounts = await settled(app, subscriptions);

    console.log(
      `Watching ${colleagueCount} colleagues (presence + dialog each, ${subscriptions} subscriptions) through Kamailio on loopback:`,
    );
    const anchor = report('bare JsSIP (anchor):', bareCounts, subscriptions);
    const ours = report('the app:', appCounts, subscriptions);
    console.log(
      `  the app against the anchor: start-up ×${(ours.startMessages / anchor.startMessages).toFixed(2)}, refresh ×${(ours.refreshPerHour / anchor.refreshPerHour).toFixed(2)}`,
    );
    reportRows([
      {
        figure: `watching ${colleagueCount} colleagues: start-up SIP messages`,
        definition: 'SUBSCRIBE and NOTIFY with their answers until every subscription is active, against bare JsSIP watching the same list',
        unit: 'count',
        app: ours.startMessages,
        anchorName: 'bare JsSIP',
        anchor: anchor.startMessages,
      },
      {
        figure: `watching ${colleagueCount} colleagues: start-up challenges`,
        definition: `401/407 answers to SUBSCRIBE until every subscription is active (${subscriptions} subscriptions), against bare JsSIP`,
        unit: 'count',
        app: ours.challenges,
        anchorName: 'bare JsSIP',
        anchor: anchor.challenges,
      },
      {
        figure: `watching ${colleagueCount} colleagues: start-up SUBSCRIBEs`,
        definition: 'SUBSCRIBE requests sent until every subscription is active, a challenged one counted twice, against bare JsSIP',
        unit: 'count',
        app: ours.subscribes,
        anchorName: 'bare JsSIP',
        anchor: anchor.subscribes,
      },
      {
        figure: `watching ${colleagueCount} colleagues: re-SUBSCRIBE per hour`,
        definition: 'refreshes per hour from the Expires the server granted, against bare JsSIP',
        unit: 'count',
        app: ours.refreshPerHour,
        anchorName: 'bare JsSIP',
        anchor: anchor.refreshPerHour,
      },
    ]);
    const before = refreshesPerHour(Array.from({ length: colleagueCount }, () => 600));
    console.log(
      `  before this change (presence only, Expires 600 s): ${before.toFixed(0)} re-SUBSCRIBE per hour, ${(before * 4).toFixed(0)} SIP messages per hour`,
    );
    const rlsRefresh = refreshesPerHour(appCounts.grantedExpires.slice(0, PACKAGES.length));
    console.log(
      `  with RFC 4662 resource lists (one list subscription per package): start-up ${PACKAGES.length} SUBSCRIBE instead of ${subscriptions}, ` +
        `refresh ${rlsRefresh.toFixed(1)} re-SUBSCRIBE per hour instead of ${ours.refreshPerHour.toFixed(0)}; ` +
        `the colleagues' states come in multipart NOTIFYs, batched by the server (rls max_notify_body_length), instead of one NOTIFY each`,
    );
  } finally {
    await browser?.close();
    bareServer?.closeAllConnections();
    bareServer?.close();
    await shell?.stop();
    await pbx.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
