// Watching colleagues who use other clients, end to end through a real Kamailio: a plain JsSIP page
// publishing ordinary PIDF, and a baresip desk phone that publishes nothing (the PBX publishes its
// dialogs). Alice's Kollegor shows them by what they and the PBX say.
import { expect, test, type Page } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { DeskPhone } from '../support/baresip';
import { JsSIPHarness, type JsSIPPhone } from './support/jssipPhone';
import { ALICE, pbxUser, PhoneSet, showView } from './support/phoneUsers';

test.describe.configure({ mode: 'serial' });

/** A colleague on another softphone: publishes plain PIDF and RPID, nothing of ours. */
const ERIK = { user: 'erik', password: 'erik-pass', displayName: 'Erik Ek', uri: 'sip:erik@127.0.0.1' };
/** A colleague with only a desk phone. */
const DAVE = { user: 'dave', password: 'dave-pass', displayName: 'Dave Dahl', uri: 'sip:dave@127.0.0.1' };
/** Whom the desk phone calls. */
const FRIDA = { user: 'frida', password: 'frida-pass', displayName: 'Frida Fors' };
const PIDF = 'application/pidf+xml';

let pbx: RunningPbx;
let harness: JsSIPHarness;
const phones = new PhoneSet();
let alice: Page;
let erik: JsSIPPhone;
let frida: JsSIPPhone;
let dave: DeskPhone;
let erikEtag: string | null = null;

const row = (uri: string) => alice.locator(`li.colleague[data-uri="${uri}"]`);
const profileOf = (uri: string) => row(uri).locator('.colleague__profile');
const detailOf = (uri: string) => row(uri).locator('.colleague__detail');
const dotOf = (uri: string) => row(uri).locator('.call-dot');

function pidf(basic: 'open' | 'closed', { activity, note }: { activity?: string; note?: string } = {}): string {
  const person =
    activity === undefined
      ? ''
      : `<dm:person id="p1"><rpid:activities><rpid:${activity}/></rpid:activities>${note === undefined ? '' : `<dm:note>${note}</dm:note>`}</dm:person>`;
  const tupleNote = activity === undefined && note !== undefined ? `<note>${note}</note>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" ` +
    `xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" entity="${ERIK.uri}"><tuple id="sg89ae"><status><basic>${basic}</basic></status>${tupleNote}</tuple>${person}</presence>`
  );
}

/** Erik's client changes its one publication, as a client does (RFC 3903 SIP-If-Match). */
async function erikPublishes(body: string, expires = 300): Promise<void> {
  const result = await erik.publish('presence', PIDF, body, { expires, etag: erikEtag });
  expect(result.status).toBe(200);
  erikEtag = result.etag ?? null;
}

test.beforeAll(async ({ browser }) => {
  // A PBX, two browser pages, a desk phone and a browser shell: on a busy machine their start alone can take a minute.
  test.setTimeout(180_000);
  pbx = await startPbx({
    users: [pbxUser(ALICE), ...[ERIK, DAVE, FRIDA].map(({ user, password }) => ({ user, password }))],
  });
  harness = await JsSIPHarness.start();
  const open = ({ user, password, displayName }: typeof FRIDA) =>
    harness.open(browser, { wsUrl: pbx.wsUrl, domain: pbx.domain, user, password, displayName });
  erik = await open(ERIK);
  frida = await open(FRIDA);
  dave = await DeskPhone.start({ user: DAVE.user, password: DAVE.password, domain: pbx.domain, outboundProxy: pbx.sipUdpUri });
  const directory = [
    { name: ERIK.displayName, uri: ERIK.uri },
    { name: DAVE.displayName, uri: DAVE.uri },
  ];
  alice = (await phones.open(browser, pbx, ALICE, { directory })).page;
  await expect(alice.getByTestId('registration-status')).toHaveAttribute('data-state', 'registered');
  await expect.poll(async () => (await frida.state()).registered).toBe(true);
  await showView(alice, 'Kollegor');
});

test.afterAll(async () => {
  await phones.closeAll();
  await dave?.stop();
  for (const phone of [erik, frida]) await phone?.close();
  await harness?.close();
  await pbx?.stop();
});

test('a colleague who publishes nothing is offline', async () => {
  await expect(profileOf(ERIK.uri)).toHaveText('Inte inloggad');
  await expect(profileOf(DAVE.uri)).toHaveText('Inte inloggad');
  const fridasDialogs = (await erik.state()).subscriptions.dialog?.notifyBodies ?? [];
  expect(fridasDialogs.filter((body) => /<dialog[\s>]/.test(body))).toEqual([]);
});

test('plain PIDF, open with a note, shows the colleague available (green) with the note', async () => {
  await erikPublishes(pidf('open', { note: 'Jobbar hemma idag' }));
  await expect(profileOf(ERIK.uri)).toHaveText('Tillgänglig');
  await expect(detailOf(ERIK.uri)).toHaveText('Jobbar hemma idag');
  await expect(dotOf(ERIK.uri)).toHaveClass(/call-dot--idle/);
  await expect(row(ERIK.uri)).not.toContainText('Ej synlig samtalsstatus');
});

test('RPID away reads "Borta" with the note; on-the-phone reads "I telefon", busy in a call', async () => {
  await erikPublishes(pidf('open', { activity: 'away', note: 'Tillbaka kl 14' }));
  await expect(profileOf(ERIK.uri)).toHaveText('Borta');
  await expect(detailOf(ERIK.uri)).toHaveText('Tillbaka kl 14');
  await expect(dotOf(ERIK.uri)).toHaveClass(/call-dot--hidden/);

  await erikPublishes(pidf('open', { activity: 'on-the-phone' }));
  await expect(profileOf(ERIK.uri)).toHaveText('I telefon');
  await expect(detailOf(ERIK.uri)).toHaveText('Upptagen i samtal');
  await expect(dotOf(ERIK.uri)).toHaveClass(/call-dot--busy/);
});

test('basic closed shows the colleague offline', async () => {
  await erikPublishes(pidf('closed', { note: 'Hemma' }));
  await expect(profileOf(ERIK.uri)).toHaveText('Inte inloggad');
  await expect(detailOf(ERIK.uri)).toHaveText('');
});

test('"Meddela mig" for a plain-PIDF colleague raises a desktop notification when he becomes available', async () => {
  await erikPublishes(pidf('open', { activity: 'meeting', note: 'Styrelsemöte' }));
  await expect(profileOf(ERIK.uri)).toHaveText('I möte');
  const bell = row(ERIK.uri).getByRole('button', { name: `Meddela mig när ${ERIK.displayName} blir tillgänglig` });
  await bell.click();
  await expect(bell).toHaveAttribute('aria-pressed', 'true');
  const told = alice.getByTestId('notification-log').locator('li[data-kind="colleagueAvailable"]');
  // Away is not available either: nothing yet.
  await erikPublishes(pidf('open', { activity: 'away' }));
  await expect(profileOf(ERIK.uri)).toHaveText('Borta');
  await expect(told).toHaveCount(0);

  await erikPublishes(pidf('open', { note: 'Ledig för samtal' }));
  await expect(told).toHaveCount(1);
  await expect(told).toHaveText(`${ERIK.displayName} är nu tillgänglig Ledig för samtal`);
  await expect(alice.locator('.colleagues__announcement')).toHaveText(`${ERIK.displayName} är nu tillgänglig.`);
  await expect(bell).toHaveAttribute('aria-pressed', 'false');
});

test('an expired publication (the PBX sends an empty NOTIFY) shows the colleague offline', async () => {
  await erikPublishes(pidf('open', { note: 'Snart borta' }), 4);
  await expect(detailOf(ERIK.uri)).toHaveText('Snart borta');
  const bodies = () => alice.evaluate((uri) => window.presenceTestHook?.receivedBodies(uri) ?? [], ERIK.uri);
  const before = (await bodies()).length;
  // Kamailio removes expired publications on its clean_period timer (test/pbx/README.md).
  await expect(profileOf(ERIK.uri)).toHaveText('Inte inloggad', { timeout: 30_000 });
  expect((await bodies()).slice(before)).toContain('');
  erikEtag = null;
});

test('a desk phone colleague shows busy during its call, from the dialog state the PBX publishes', async () => {
  // Frida's softphone publishes its own dialogs, if any: the PBX publishes only the desk phone's end.
  await erik.subscribe(FRIDA.user, 'dialog', 'application/dialog-info+xml');
  await expect.poll(async () => (await erik.state()).subscriptions.dialog?.events ?? []).toContain('active');
  const calls = (await frida.state()).callCount;
  await dave.dial(`sip:${FRIDA.user}@${pbx.domain}`);
  await expect.poll(async () => (await frida.state()).callCount).toBeGreaterThan(calls);
  await expect(detailOf(DAVE.uri)).toHaveText('Utgående ringning');
  await frida.answer();
  await dave.waitFor('CALL_ESTABLISHED');
  await expect(detailOf(DAVE.uri)).toHaveText('Upptagen i samtal');
  await expect(dotOf(DAVE.uri)).toHaveClass(/call-dot--busy/);
  await dave.hangUp();
  await dave.waitFor('CALL_CLOSED');
  await expect(profileOf(DAVE.uri)).toHaveText('Inte inloggad');
  const fridasDialogs = (await erik.state()).subscriptions.dialog?.notifyBodies ?? [];
  expect(fridasDialogs.filter((body) => /<dialog[\s>]/.test(body))).toEqual([]);
});
