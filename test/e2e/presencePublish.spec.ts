// What alice publishes, as clients we did not write read it through the real Kamailio: a plain JsSIP
// watcher of her presence and her dialog state (a desk phone's BLF key), and a JsSIP phone she calls.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { JsSIPHarness, type JsSIPPhone } from './support/jssipPhone';
import { NotifyWitness, type WitnessedNotify } from './support/notifyWitness';
import { ALICE, BOB, CAROL, pbxUser, PhoneSet, showView, type OpenPhone } from './support/phoneUsers';

test.describe.configure({ mode: 'serial' });

const ALICE_URI = 'sip:alice@127.0.0.1';
let pbx: RunningPbx;
let harness: JsSIPHarness;
const phones = new PhoneSet();
let alice: Page;
let aliceShell: OpenPhone['shell'];
let carol: JsSIPPhone;
let watcher: NotifyWitness;

async function openWitness(browser: Browser): Promise<NotifyWitness> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(harness.url);
  const witness = await NotifyWitness.install(page, {
    wsUrl: pbx.wsUrl,
    domain: pbx.domain,
    user: BOB.user,
    password: BOB.password,
    displayName: BOB.displayName,
  });
  await witness.subscribe(ALICE_URI, 'presence');
  await witness.subscribe(ALICE_URI, 'dialog');
  await expect.poll(async () => (await witness.notifies('presence')).length).toBeGreaterThan(0);
  await expect.poll(async () => (await witness.notifies('dialog')).length).toBeGreaterThan(0);
  return witness;
}

async function activate(name: string): Promise<void> {
  await showView(alice, 'Profiler');
  const button = alice.getByRole('button', { name: `Aktivera ${name}` });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await showView(alice, 'Telefon');
}

/** The notes of a PIDF body as the watcher's page reads them with the browser's own XML parser. */
function notesIn(page: Page, body: string): Promise<{ tuple: string | null; person: string | null; parsed: boolean }> {
  return page.evaluate((xml) => {
    const document = new DOMParser().parseFromString(xml, 'application/xml');
    if (document.getElementsByTagName('parsererror').length > 0) return { tuple: null, person: null, parsed: false };
    const pidf = 'urn:ietf:params:xml:ns:pidf';
    const dataModel = 'urn:ietf:params:xml:ns:pidf:data-model';
    const tuple = document.getElementsByTagNameNS(pidf, 'tuple')[0];
    const person = document.getElementsByTagNameNS(dataModel, 'person')[0];
    const noteOf = (parent: Element | undefined, ns: string) =>
      [...(parent?.children ?? [])].find((child) => child.namespaceURI === ns && child.localName === 'note')?.textContent ?? null;
    return { tuple: noteOf(tuple, pidf), person: noteOf(person, dataModel), parsed: true };
  }, body);
}

/** The dialog states of a dialog-info body, "state/direction", read with the browser's XML parser. */
function dialogStatesIn(page: Page, body: string): Promise<string[]> {
  return page.evaluate((xml) => {
    if (xml.trim() === '') return [];
    const ns = 'urn:ietf:params:xml:ns:dialog-info';
    const document = new DOMParser().parseFromString(xml, 'application/xml');
    return [...document.getElementsByTagNameNS(ns, 'dialog')].map(
      (dialog) => `${dialog.getElementsByTagNameNS(ns, 'state')[0]?.textContent?.trim()}/${dialog.getAttribute('direction')}`,
    );
  }, body);
}

async function dialogHistory(since: number): Promise<string[]> {
  const { page } = watcher;
  const states: string[] = [];
  for (const notify of (await watcher.notifies('dialog')).slice(since)) {
    const now = (await dialogStatesIn(page, notify.body)).join(',') || 'none';
    if (states.at(-1) !== now) states.push(now);
  }
  return states;
}

function hhmm(epochMs: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    epochMs,
  );
}

test.beforeAll(async ({ browser }) => {
  pbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(BOB), pbxUser(CAROL)] });
  harness = await JsSIPHarness.start();
  ({ page: alice, shell: aliceShell } = await phones.open(browser, pbx, ALICE));
  await expect(alice.getByTestId('registration-status')).toHaveAttribute('data-state', 'registered');
  carol = await harness.open(browser, {
    wsUrl: pbx.wsUrl,
    domain: pbx.domain,
    user: CAROL.user,
    password: CAROL.password,
    displayName: CAROL.displayName,
  });
  await expect.poll(async () => (await carol.state()).registered).toBe(true);
  watcher = await openWitness(browser);
});

test.afterAll(async () => {
  await watcher?.stop();
  await carol?.close();
  await phones.closeAll();
  await harness?.close();
  await pbx?.stop();
});

test('a plain JsSIP watcher reads "Möte", its end and the message from <note>', async () => {
  const updated = await alice.evaluate(async () => {
    const state = await window.softphone.invoke('state:get', null);
    if (!state.ok) throw new Error(state.error.message);
    const meeting = state.value.profiles.find((profile) => profile.id === 'meeting')!;
    return window.softphone.invoke('profile:update', { ...meeting, statusMessage: 'Chatta mig om det är viktigt' });
  });
  expect(updated.ok).toBe(true);
  const switchedAt = Date.now();
  await activate('Möte');
  const ends = [hhmm(switchedAt + 3_600_000), hhmm(Date.now() + 3_600_000)];
  const expected = ends.map((end) => `Möte till ${end} – Chatta mig om det är viktigt`);
  const lastNotes = async () => {
    const last = (await watcher.notifies('presence')).at(-1);
    return last ? notesIn(watcher.page, last.body) : null;
  };
  await expect.poll(async () => (await lastNotes())?.tuple ?? null).toMatch(new RegExp(`^(${expected.join('|')})$`));
  const notes = await lastNotes();
  expect(notes?.parsed).toBe(true);
  expect(expected).toContain(notes?.tuple);
  expect(expected).toContain(notes?.person);
});

test('on Tillgänglig, the BLF watcher sees her call go trying, early, confirmed and terminated', async () => {
  await activate('Tillgänglig');
  const before = (await watcher.notifies('dialog')).length;
  const callsBefore = (await carol.state()).callCount;
  await alice.getByLabel('Namn, nummer eller SIP-adress').fill(CAROL.landline);
  await alice.getByRole('button', { name: 'Ring', exact: true }).click();
  await expect.poll(async () => (await carol.state()).callCount).toBe(callsBefore + 1);
  await expect.poll(() => dialogHistory(before)).toEqual(['trying/initiator', 'early/initiator']);
  await carol.answer();
  await expect(alice.getByTestId('active-call')).toHaveAttribute('data-status', 'active');
  await expect.poll(() => dialogHistory(before)).toEqual(['trying/initiator', 'early/initiator', 'confirmed/initiator']);
  await alice.getByTestId('active-call').getByRole('button', { name: 'Lägg på' }).click();
  await expect
    .poll(() => dialogHistory(before))
    .toEqual(['trying/initiator', 'early/initiator', 'confirmed/initiator', 'terminated/initiator']);
});

test('an incoming call rings on the BLF key as an early dialog of the recipient', async () => {
  const before = (await watcher.notifies('dialog')).length;
  await carol.call(ALICE.e164.landline);
  await expect(alice.getByTestId('incoming-call')).toBeVisible();
  await expect.poll(() => dialogHistory(before)).toEqual(['early/recipient']);
  await carol.hangUp();
  await expect.poll(() => dialogHistory(before)).toEqual(['early/recipient', 'terminated/recipient']);
});

test('her call leaves before anything about it is published: the INVITE goes out ahead of the PUBLISHes it causes', async () => {
  await activate('Tillgänglig');
  expect(await alice.evaluate(() => window.softphone.invoke('ui:update', { sipTrace: true }))).toMatchObject({ ok: true });
  const logged = () => readFileSync(join(aliceShell.dataDir, 'logs', 'profiltelefon.log'), 'utf8');
  const start = logged().length;
  const callsBefore = (await carol.state()).callCount;
  await alice.getByLabel('Namn, nummer eller SIP-adress').fill(CAROL.landline);
  await alice.getByRole('button', { name: 'Ring', exact: true }).click();
  await expect.poll(async () => (await carol.state()).callCount).toBe(callsBefore + 1);
  // Her ringing reaches the BLF watcher, so the PUBLISHes the call causes have been sent.
  await expect.poll(async () => ((await watcher.notifies('dialog')).at(-1)?.body ?? '').includes('early')).toBe(true);
  await alice.getByTestId('active-call').getByRole('button', { name: 'Lägg på' }).click();
  await expect(alice.getByTestId('active-call')).toHaveCount(0);
  await expect.poll(async () => (await carol.state()).call?.events).toContain('failed');
  // The page sends its trace lines in batches: wait for both before the trace is turned off.
  const inviteLine = `INVITE sip:${CAROL.e164.landline}@`;
  await expect.poll(() => logged().slice(start)).toContain(inviteLine);
  await expect.poll(() => logged().slice(start)).toContain('PUBLISH sip:alice@');
  expect(await alice.evaluate(() => window.softphone.invoke('ui:update', { sipTrace: false }))).toMatchObject({ ok: true });

  const trace = logged().slice(start);
  expect(trace.indexOf('PUBLISH sip:alice@')).toBeGreaterThan(trace.indexOf(inviteLine));
});

const CALL_STATE_IN_PIDF = /on-the-phone|callstate/;

test('on Sjuk, no call state of hers reaches any watcher: not in presence, not in dialog, not an earlier call still live', async ({
  browser,
}) => {
  const callsAtStart = (await carol.state()).callCount;
  await alice.getByLabel('Namn, nummer eller SIP-adress').fill(CAROL.landline);
  await alice.getByRole('button', { name: 'Ring', exact: true }).click();
  await expect.poll(async () => (await carol.state()).callCount).toBe(callsAtStart + 1);
  await carol.answer();
  await expect(alice.getByTestId('active-call')).toHaveAttribute('data-status', 'active');
  await expect.poll(async () => ((await watcher.notifies('dialog')).at(-1)?.body ?? '').includes('confirmed')).toBe(true);

  const presenceBefore = (await watcher.notifies('presence')).length;
  const dialogBefore = (await watcher.notifies('dialog')).length;
  await activate('Sjuk');
  // The call goes on; what she was in must be gone at once, in both packages.
  await expect
    .poll(async () =>
      (await watcher.notifies('dialog'))
        .slice(dialogBefore)
        .map((notify) => notify.body.includes('<dialog '))
        .at(-1),
    )
    .toBe(false);
  await expect.poll(async () => (await watcher.notifies('presence')).at(-1)?.body ?? '').toContain('Sjuk');

  // A watcher that starts now, while the call is still up, learns nothing of it either.
  const late = await openWitness(browser);
  await expect.poll(async () => (await late.notifies('dialog')).length).toBeGreaterThan(0);
  await expect.poll(async () => (await late.notifies('presence')).length).toBeGreaterThan(0);

  await alice.getByTestId('active-call').getByRole('button', { name: 'Lägg på' }).click();
  await expect(alice.getByTestId('active-call')).toHaveCount(0);
  // A whole new call under Sjuk: ringing, answered, hung up.
  const callsBefore = (await carol.state()).callCount;
  await alice.getByLabel('Namn, nummer eller SIP-adress').fill(CAROL.landline);
  await alice.getByRole('button', { name: 'Ring', exact: true }).click();
  await expect.poll(async () => (await carol.state()).callCount).toBe(callsBefore + 1);
  await carol.answer();
  await expect(alice.getByTestId('active-call')).toHaveAttribute('data-status', 'active');
  await alice.getByTestId('active-call').getByRole('button', { name: 'Lägg på' }).click();
  await expect(alice.getByTestId('active-call')).toHaveCount(0);

  const bodies = (notifies: WitnessedNotify[]) => notifies.map((notify) => notify.body);
  const presence = [...bodies((await watcher.notifies('presence')).slice(presenceBefore)), ...bodies(await late.notifies('presence'))];
  const dialog = [...bodies((await watcher.notifies('dialog')).slice(dialogBefore)), ...bodies(await late.notifies('dialog'))];
  expect(presence.length).toBeGreaterThan(1);
  expect(dialog.length).toBeGreaterThan(1);
  for (const body of presence) expect(body).not.toMatch(CALL_STATE_IN_PIDF);
  for (const body of dialog) expect(body).not.toMatch(/<dialog[\s>]|<state>|trying|early|confirmed/);
  await late.stop();
});
