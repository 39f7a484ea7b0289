// No ghosts: however alice's browser shell goes away, a plain watcher sees her offline in time.
import { expect, test, type Browser } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { JsSIPHarness } from './support/jssipPhone';
import { NotifyWitness } from './support/notifyWitness';
import { ALICE, BOB, openPhonePage, pbxUser, showView, type OpenPhone } from './support/phoneUsers';

test.describe.configure({ mode: 'serial' });

const ALICE_URI = 'sip:alice@127.0.0.1';
/** Kamailio's presence module removes expired publications every `clean_period` (stock: 100 s). */
const SERVER_CLEAN_PERIOD_MS = 100_000;
let pbx: RunningPbx;
let harness: JsSIPHarness;
let watcher: NotifyWitness | null = null;
let alice: OpenPhone | null = null;

async function aliceOnlineToWatcher(browser: Browser, presenceLifetimeSeconds?: number): Promise<void> {
  alice = await openPhonePage(browser, pbx, ALICE, presenceLifetimeSeconds === undefined ? {} : { presenceLifetimeSeconds });
  await showView(alice.page, 'Telefon');
  await expect(alice.page.getByTestId('registration-status')).toHaveAttribute('data-state', 'registered');
  const page = await (await browser.newContext()).newPage();
  await page.goto(harness.url);
  watcher = await NotifyWitness.install(page, {
    wsUrl: pbx.wsUrl,
    domain: pbx.domain,
    user: BOB.user,
    password: BOB.password,
    displayName: BOB.displayName,
  });
  await watcher.subscribe(ALICE_URI, 'presence');
  await expect.poll(lastPresence).toContain('<basic>open</basic>');
}

/** The last presence body the watcher got: empty once the publication is gone. */
async function lastPresence(): Promise<string> {
  return ((await watcher?.notifies('presence')) ?? []).at(-1)?.body ?? '';
}

async function expectOfflineWithin(timeoutMs: number): Promise<void> {
  await expect.poll(lastPresence, { timeout: timeoutMs }).not.toContain('<basic>open</basic>');
}

test.beforeAll(async () => {
  pbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(BOB)] });
  harness = await JsSIPHarness.start();
});

test.afterEach(async () => {
  await watcher?.stop();
  await watcher?.page.context().close();
  watcher = null;
  await alice?.page
    .context()
    .close()
    .catch(() => undefined);
  await alice?.shell.stop();
  alice = null;
});

test.afterAll(async () => {
  await harness?.close();
  await pbx?.stop();
});

// The publication lives 300 s here: seeing her offline within seconds proves she signed off.
const SIGNED_OFF_MS = 10_000;

test('closing the shell page signs her off', async ({ browser }) => {
  await aliceOnlineToWatcher(browser);
  await alice!.page.close({ runBeforeUnload: false });
  await expectOfflineWithin(SIGNED_OFF_MS);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal} to the shell signs her off before it exits, as Avsluta does`, async ({ browser }) => {
    await aliceOnlineToWatcher(browser);
    await alice!.shell.signal(signal);
    await expectOfflineWithin(SIGNED_OFF_MS);
  });
}

test('after a crash of page and process, her 30 s publication ends and the watcher sees her offline', async ({ browser }) => {
  const lifetimeSeconds = 30;
  test.setTimeout(lifetimeSeconds * 1000 + SERVER_CLEAN_PERIOD_MS + 60_000);
  await aliceOnlineToWatcher(browser, lifetimeSeconds);
  const cdp = await alice!.page.context().newCDPSession(alice!.page);
  // Page.crash never answers: the renderer it would answer from is gone.
  void cdp.send('Page.crash').catch(() => undefined);
  await expect.poll(() => alice!.page.evaluate(() => true).catch(() => 'crashed')).toBe('crashed');
  await alice!.shell.signal('SIGKILL');
  const crashedAt = Date.now();
  await expect.poll(lastPresence).toContain('<basic>open</basic>');
  await expectOfflineWithin(lifetimeSeconds * 1000 + SERVER_CLEAN_PERIOD_MS + 10_000);
  const offlineAt = (await watcher!.notifies('presence')).at(-1)?.at ?? 0;
  // Not signed off: the publication expired, so it took at least part of its lifetime.
  expect(offlineAt - crashedAt).toBeGreaterThan(5_000);
});
