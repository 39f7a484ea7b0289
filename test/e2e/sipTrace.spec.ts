// The SIP trace: off by default, turned on under Konto › Felsökning, and it writes JsSIP's real
// REGISTER exchange with the test PBX to the log file, with no password, digest answer or token.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { ALICE, pbxUser, PhoneSet, showView, type OpenPhone } from './support/phoneUsers';

test.describe.configure({ mode: 'serial' });

let pbx: RunningPbx;
const phones = new PhoneSet();
let alice: OpenPhone;

const logText = () => readFileSync(join(alice.shell.dataDir, 'logs', 'profiltelefon.log'), 'utf8');
const sipLines = () =>
  logText()
    .split('\n')
    .filter((line) => line.includes('(sip)')).length;
const traceSwitch = (page: Page) => page.getByRole('checkbox', { name: 'Skriv SIP-trafik till loggfilen' });

/** The switch shows what main saved, after a round trip, so it is clicked rather than `check`ed. */
async function turnTraceOn(page: Page): Promise<void> {
  if (!(await traceSwitch(page).isChecked())) await traceSwitch(page).click();
  await expect(traceSwitch(page)).toBeChecked();
}

async function registerAgain(page: Page): Promise<void> {
  await page.reload();
  await showView(page, 'Telefon');
  await expect(page.getByTestId('registration-status')).toHaveAttribute('data-state', 'registered');
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  pbx = await startPbx({ users: [pbxUser(ALICE)] });
  alice = await phones.open(browser, pbx, ALICE);
  await expect(alice.page.getByTestId('registration-status')).toHaveAttribute('data-state', 'registered');
});

test.afterAll(async () => {
  await phones.closeAll();
  await pbx?.stop();
});

test('the trace is off by default: registering writes no SIP line', async () => {
  await showView(alice.page, 'Konto');
  await expect(traceSwitch(alice.page)).not.toBeChecked();
  expect(logText()).toContain('Profiltelefon starts');
  expect(sipLines()).toBe(0);
});

test('turned on, it logs the REGISTER exchange, redacted', async () => {
  await showView(alice.page, 'Konto');
  await turnTraceOn(alice.page);
  await registerAgain(alice.page);

  // The log file is written after the registration shows, so the poll waits for the 200 that answers the authorised REGISTER.
  await expect.poll(() => logText()).toMatch(/Authorization: Digest [^\n]*response="\[redacted\]"[\s\S]*SIP\/2\.0 200 OK/);
  const log = logText();
  expect(log).toContain('REGISTER sip:127.0.0.1 SIP/2.0');
  expect(log).toContain('SIP/2.0 401 Unauthorized');
  expect(log).toContain('username="alice"');
  expect(log).not.toContain(ALICE.password);
  expect(log).not.toContain(new URL(alice.shell.url).searchParams.get('token'));
  // A digest response or cnonce left in the clear could be attacked offline for the password.
  expect(log).not.toMatch(/\bresponse="?[0-9a-f]{32}/);
  expect(log).not.toMatch(/\bcnonce="(?!\[redacted\])/);
});

test('turned off again, registering writes no more SIP lines', async () => {
  await showView(alice.page, 'Konto');
  await turnTraceOn(alice.page);
  await traceSwitch(alice.page).click();
  await expect(traceSwitch(alice.page)).not.toBeChecked();
  const before = sipLines();
  await registerAgain(alice.page);
  expect(sipLines()).toBe(before);
});
