// alice's PUBLISHes through the real Kamailio and its stock digest policy, as they cross her page's
// WebSocket to the PBX: once the first one was challenged, a profile switch is accepted at once,
// in one round trip, with the credentials for the nonce the PBX handed out.
import { expect, test, type Page } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { ALICE, BOB, dial, pbxUser, showView, startPhoneShell } from './support/phoneUsers';
import type { ShellProcess } from './support/shellProcess';

interface SentPublish {
  key: string;
  event: string;
  withCredentials: boolean;
}

interface PublishWire {
  sent: SentPublish[];
  /** The final status of each PUBLISH by its Call-ID and CSeq, and every status it got on the way. */
  statuses: Map<string, number[]>;
}

function headersOf(message: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of message.split('\r\n\r\n')[0]!.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** The PUBLISH that a request or a response belongs to: its Call-ID and CSeq number, or null for another method. */
function publishKey(headers: Map<string, string>): string | null {
  const [number, method] = (headers.get('cseq') ?? '').split(/\s+/);
  const callId = headers.get('call-id') ?? headers.get('i');
  return method === 'PUBLISH' && callId ? `${callId}/${number}` : null;
}

/** Notes every PUBLISH the page sends to the PBX and every answer it gets, from the frames of its WebSocket. */
function watchPublishes(page: Page, wsUrl: string): PublishWire {
  const wire: PublishWire = { sent: [], statuses: new Map() };
  page.on('websocket', (socket) => {
    if (!socket.url().startsWith(wsUrl)) return;
    socket.on('framesent', ({ payload }) => {
      const text = String(payload);
      if (!text.startsWith('PUBLISH ')) return;
      const headers = headersOf(text);
      const key = publishKey(headers);
      if (key) wire.sent.push({ key, event: headers.get('event') ?? '', withCredentials: headers.has('proxy-authorization') });
    });
    socket.on('framereceived', ({ payload }) => {
      const text = String(payload);
      const status = /^SIP\/2\.0 (\d{3})/.exec(text)?.[1];
      const key = publishKey(headersOf(text));
      if (status && Number(status) >= 200 && key) wire.statuses.set(key, [...(wire.statuses.get(key) ?? []), Number(status)]);
    });
  });
  return wire;
}

/** The final status of each PUBLISH of `event` sent since the `from`th, null while it is unanswered. */
function finalStatuses(wire: PublishWire, from: number, event = 'presence'): (number | null)[] {
  return wire.sent
    .slice(from)
    .filter((publish) => publish.event === event)
    .map((publish) => wire.statuses.get(publish.key)?.at(-1) ?? null);
}

let pbx: RunningPbx;
let shell: ShellProcess;

test.beforeAll(async () => {
  pbx = await startPbx({ users: [pbxUser(ALICE), pbxUser(BOB)] });
  shell = await startPhoneShell(pbx, ALICE);
});

test.afterAll(async () => {
  await shell?.stop();
  await pbx?.stop();
});

test('once her first PUBLISH was challenged, each profile switch is accepted with 200 at once, never with a 407', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const wire = watchPublishes(page, pbx.wsUrl);
  await page.goto(shell.url);
  await showView(page, 'Telefon');
  await expect(page.getByTestId('registration-status')).toHaveAttribute('data-state', 'registered');
  // Her first publication: the PBX challenges it (stock Kamailio), and the answer to the challenge is accepted.
  await expect.poll(() => finalStatuses(wire, 0)).toContain(200);
  const first = wire.sent.find((publish) => publish.event === 'presence')!;
  expect(first.withCredentials).toBe(false);
  expect(wire.statuses.get(first.key)).toEqual([407]);

  for (const name of ['Möte', 'Tillgänglig']) {
    const from = wire.sent.length;
    await showView(page, 'Profiler');
    const button = page.getByRole('button', { name: `Aktivera ${name}` });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => finalStatuses(wire, from).length > 0 && !finalStatuses(wire, from).includes(null)).toBe(true);

    const switched = wire.sent.slice(from).filter((publish) => publish.event === 'presence');
    expect(switched.map((publish) => wire.statuses.get(publish.key))).toEqual(switched.map(() => [200]));
    expect(switched.every((publish) => publish.withCredentials)).toBe(true);
  }
  await page.context().close();
});

test('the dialog PUBLISH of a call carries the credentials her presence already earned: it is never challenged itself', async ({
  browser,
}) => {
  const page = await (await browser.newContext()).newPage();
  const wire = watchPublishes(page, pbx.wsUrl);
  await page.goto(shell.url);
  await showView(page, 'Telefon');
  await expect(page.getByTestId('registration-status')).toHaveAttribute('data-state', 'registered');
  await expect.poll(() => finalStatuses(wire, 0)).toContain(200);

  const from = wire.sent.length;
  // bob has an account but no phone registered, so the PBX turns the call away: the call's dialog state is published all the same.
  await dial(page, BOB.landline);
  await expect.poll(() => finalStatuses(wire, from, 'dialog').length > 0 && !finalStatuses(wire, from, 'dialog').includes(null)).toBe(true);
  const dialogs = wire.sent.slice(from).filter((publish) => publish.event === 'dialog');
  expect(dialogs.every((publish) => publish.withCredentials)).toBe(true);
  expect(dialogs.map((publish) => wire.statuses.get(publish.key))).toEqual(dialogs.map(() => [200]));
  await page.context().close();
});
