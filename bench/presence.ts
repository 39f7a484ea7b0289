/*
 * Presence speed on loopback through the test PBX: how long from alice clicking a profile in her switcher to bob's
 * screen showing it, against bare JsSIP (one page PUBLISHes, another gets the NOTIFY) in the same run,
 * and how long one switch takes to reach 200 subscribers.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import type * as JsSIPModule from 'jssip';
import { startPbx, type PbxUser, type RunningPbx } from '../test/pbx/pbx';
import { JsSIPHarness, type JsSIPPhone } from '../test/e2e/support/jssipPhone';
import { ALICE, BOB, pbxUser, startPhoneShell } from '../test/e2e/support/phoneUsers';
import type { ShellProcess } from '../test/e2e/support/shellProcess';
import { launchChromium, newPage, summary } from './jssipPage';
import { serveJsSIPPage } from '../test/support/jssipPage';
import { reportRows } from './table';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const ALICE_URI = 'sip:alice@127.0.0.1';
const SWITCH_PROFILES = [
  ['meeting', 'Möte'],
  ['lunch', 'Lunch'],
  ['temporarily-out', 'Tillfälligt ute'],
  ['available', 'Tillgänglig'],
] as const;
const WAIT_MS = 20_000;

const { values } = parseArgs({ options: { switches: { type: 'string', default: '20' }, watchers: { type: 'string', default: '200' } } });
const switches = Number(values.switches);
const watcherCount = Number(values.watchers);
if (!Number.isInteger(switches) || switches < 1 || !Number.isInteger(watcherCount) || watcherCount < 1) {
  console.error('--switches and --watchers must be whole numbers of at least 1');
  process.exit(2);
}
if (!existsSync(`${projectRoot}/out/renderer/index.html`)) {
  console.error('The renderer is not built: run `npx electron-vite build` first.');
  process.exit(2);
}

interface WatcherWindow {
  JsSIP: typeof JsSIPModule;
  watchers: { active: number; seen: Record<string, number[]> };
}

/** Runs in the bare page: many JsSIP UAs, each subscribed to alice, noting when each profile name arrives. */
function installWatchers({
  wsUrl,
  domain,
  target,
  users,
}: {
  wsUrl: string;
  domain: string;
  target: string;
  users: { user: string; password: string }[];
}): void {
  const w = window as unknown as WatcherWindow;
  w.watchers = { active: 0, seen: {} };
  for (const { user, password } of users) {
    const ua = new w.JsSIP.UA({
      sockets: [new w.JsSIP.WebSocketInterface(wsUrl)],
      uri: `sip:${user}@${domain}`,
      password,
      register: false,
    });
    ua.on('connected', () => {
      const subscriber = ua.subscribe(target, 'presence', 'application/pidf+xml', { expires: 600, contentType: 'application/pidf+xml' });
      subscriber.on('active', () => (w.watchers.active += 1));
      subscriber.on('notify', (_final, _request, body) => {
        const name = /<pp:profile[^>]*>([^<]*)</.exec(body ?? '')?.[1];
        if (name) (w.watchers.seen[name] ??= []).push(Date.now());
      });
      subscriber.subscribe();
    });
    ua.start();
  }
}

interface ClickStampWindow {
  lastClickAt?: number;
}

/** Notes, in the page, when the pointer went down: the user's click, not Playwright's checks before it. */
function stampClicks(): void {
  document.addEventListener('pointerdown', () => ((window as ClickStampWindow).lastClickAt = performance.timeOrigin + performance.now()), {
    capture: true,
  });
}

/** A real click on the profile in the switcher, as the user makes it; resolves to when the press happened. */
async function activate(page: Page, name: string): Promise<number> {
  await page
    .getByRole('list', { name: 'Profiler' })
    .getByRole('button', { name: `Aktivera ${name}`, exact: true })
    .click();
  return page.evaluate(() => (window as ClickStampWindow).lastClickAt ?? Number.NaN);
}

async function switchToScreen(alice: Page, bob: Page): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < switches; index++) {
    const [, name] = SWITCH_PROFILES[index % SWITCH_PROFILES.length]!;
    const shown = bob.waitForFunction(
      ([uri, expected]) =>
        document.querySelector(`li.colleague[data-uri="${uri}"] .colleague__profile`)?.textContent === expected &&
        performance.timeOrigin + performance.now(),
      [ALICE_URI, name] as const,
      { polling: 'raf', timeout: WAIT_MS },
    );
    const clickedAt = await activate(alice, name);
    samples.push(((await (await shown).jsonValue()) as number) - clickedAt);
  }
  return samples;
}

const ANCHOR_PUBLISHER = { user: 'anchor-pub', password: 'anchor-pub-pass', displayName: 'Anchor publisher' };
const ANCHOR_WATCHER = { user: 'anchor-watch', password: 'anchor-watch-pass', displayName: 'Anchor watcher' };

function plainPidf(entity: string, note: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="${entity}">` +
    `<tuple id="t1"><status><basic>open</basic></status><note>${note}</note></tuple></presence>`
  );
}

let anchorEtag: string | null = null;

/** The anchor: bare JsSIP PUBLISH → the NOTIFY reaching a bare JsSIP watcher, through the same PBX. */
async function bareJsSIP(publisher: JsSIPPhone, watcher: JsSIPPhone, domain: string): Promise<number[]> {
  const entity = `sip:${ANCHOR_PUBLISHER.user}@${domain}`;
  const samples: number[] = [];
  for (let index = 0; index < switches; index++) {
    const note = `switch-${index}-${Date.now()}`;
    const startedAt = Date.now();
    const arrived = watcher.page.waitForFunction(
      (expected) =>
        (
          window as unknown as { phone: { state: { subscriptions: Record<string, { notifyBodies: string[] }> } } }
        ).phone.state.subscriptions.presence?.notifyBodies.some((body) => body.includes(expected)) === true,
      note,
      { polling: 5, timeout: WAIT_MS },
    );
    const result = await publisher.publish('presence', 'application/pidf+xml', plainPidf(entity, note), { expires: 600, etag: anchorEtag });
    if (result.status !== 200) throw new Error(`the anchor's PUBLISH got ${result.status ?? result.cause}`);
    // One publication, modified as a client does (RFC 3903): a second one would be merged with it.
    anchorEtag = result.etag ?? null;
    await arrived;
    samples.push(Date.now() - startedAt);
  }
  return samples;
}

async function fanOut(alice: Page, watchers: Page, rounds: number): Promise<{ last: number[]; each: number[] }> {
  const last: number[] = [];
  const each: number[] = [];
  for (let index = 0; index < rounds; index++) {
    const [, name] = SWITCH_PROFILES[index % SWITCH_PROFILES.length]!;
    await watchers.evaluate(() => ((window as unknown as WatcherWindow).watchers.seen = {}));
    const startedAt = await activate(alice, name);
    await watchers.waitForFunction(
      ([expected, count]) => ((window as unknown as WatcherWindow).watchers.seen[expected]?.length ?? 0) >= count,
      [name, watcherCount] as const,
      {
        timeout: WAIT_MS,
      },
    );
    const arrivals = (await watchers.evaluate((expected) => (window as unknown as WatcherWindow).watchers.seen[expected] ?? [], name)).map(
      (at) => at - startedAt,
    );
    each.push(...arrivals);
    last.push(Math.max(...arrivals));
  }
  return { last, each };
}

async function main(): Promise<void> {
  const watcherUsers: PbxUser[] = Array.from({ length: watcherCount }, (_, index) => ({
    user: `w${index + 1}`,
    password: `w${index + 1}-pass`,
  }));
  const anchorUsers = [ANCHOR_PUBLISHER, ANCHOR_WATCHER].map(({ user, password }) => ({ user, password }));
  const pbx: RunningPbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(BOB), ...anchorUsers, ...watcherUsers] });
  const shells: ShellProcess[] = [];
  let browser: Browser | null = null;
  let watcherServer: Server | null = null;
  let harness: JsSIPHarness | null = null;
  try {
    shells.push(
      await startPhoneShell(pbx, ALICE),
      await startPhoneShell(pbx, BOB, { directory: [{ name: 'Alice Andersson', uri: ALICE_URI }] }),
    );
    browser = await launchChromium();
    const alice = await newPage(browser, shells[0]!.url);
    const bob = await newPage(browser, shells[1]!.url);
    for (const page of [alice, bob])
      await page.waitForFunction(() => window.phoneTestHook?.registered() === true, null, { timeout: WAIT_MS });
    await bob.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name: 'Kollegor', exact: true }).click();
    await alice.evaluate(stampClicks);
    await alice.getByRole('navigation', { name: 'Vyer' }).getByRole('button', { name: 'Profiler', exact: true }).click();
    await bob.waitForFunction(
      (uri) => document.querySelector(`li.colleague[data-uri="${uri}"] .colleague__profile`)?.textContent === 'Tillgänglig',
      ALICE_URI,
      { timeout: WAIT_MS },
    );

    await switchToScreen(alice, bob);
    const toScreen = summary(await switchToScreen(alice, bob));

    harness = await JsSIPHarness.start();
    const anchorConfig = { wsUrl: pbx.wsUrl, domain: pbx.domain };
    const publisher = await harness.open(browser, { ...anchorConfig, ...ANCHOR_PUBLISHER });
    const watcher = await harness.open(browser, { ...anchorConfig, ...ANCHOR_WATCHER });
    for (const phone of [publisher, watcher]) {
      await phone.page.waitForFunction(
        () => (window as unknown as { phone: { state: { registered: boolean } } }).phone.state.registered,
        null,
        { timeout: WAIT_MS },
      );
    }
    await watcher.subscribe(`sip:${ANCHOR_PUBLISHER.user}@${pbx.domain}`, 'presence', 'application/pidf+xml');
    await bareJsSIP(publisher, watcher, pbx.domain);
    const anchor = summary(await bareJsSIP(publisher, watcher, pbx.domain));

    watcherServer = await serveJsSIPPage();
    const watchers = await newPage(browser, `http://127.0.0.1:${(watcherServer.address() as AddressInfo).port}/`);
    await watchers.evaluate(installWatchers, { wsUrl: pbx.wsUrl, domain: pbx.domain, target: ALICE_URI, users: watcherUsers });
    await watchers.waitForFunction((count) => (window as unknown as WatcherWindow).watchers.active >= count, watcherCount, {
      timeout: 60_000,
    });
    const fan = await fanOut(alice, watchers, 5);

    const format = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`;
    console.log(`Presence on loopback through Kamailio (${switches} switches after ${switches} warm-up):`);
    console.log(
      `  alice clicks a profile → bob's screen shows it: median ${format(toScreen.median)}   p95 ${format(toScreen.p95)}   max ${format(toScreen.max)}`,
    );
    console.log(
      `  anchor, bare JsSIP PUBLISH → NOTIFY:    median ${format(anchor.median)}   p95 ${format(anchor.p95)}   max ${format(anchor.max)}`,
    );
    const last = summary(fan.last);
    const each = summary(fan.each);
    console.log(`Fan-out of one switch to ${watcherCount} subscribers (5 switches):`);
    console.log(`  until the last subscriber has it: median ${format(last.median)}   p95 ${format(last.p95)}   max ${format(last.max)}`);
    console.log(`  per subscriber:                   median ${format(each.median)}   p95 ${format(each.p95)}`);
    reportRows([
      {
        figure: "presence: switch → colleague's screen (median)",
        definition:
          "from alice's click on a profile in her switcher until bob's app shows it, against a bare JsSIP PUBLISH until its NOTIFY arrives",
        unit: 'ms',
        app: toScreen.median,
        anchorName: 'bare PUBLISH → NOTIFY',
        anchor: anchor.median,
        maxRatio: 1.2,
      },
      {
        figure: `presence: fan-out to ${watcherCount} subscribers, last (median)`,
        definition: 'from the click until the last of the subscribers has its NOTIFY, against one bare PUBLISH → NOTIFY',
        unit: 'ms',
        app: last.median,
        anchorName: 'bare PUBLISH → NOTIFY',
        anchor: anchor.median,
      },
    ]);
  } finally {
    await browser?.close();
    await harness?.close();
    watcherServer?.closeAllConnections();
    watcherServer?.close();
    for (const shell of shells) await shell.stop();
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
