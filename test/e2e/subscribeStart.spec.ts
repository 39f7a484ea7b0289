// The app's start with a directory of 50 colleagues, through a real Kamailio with its stock
// authentication: the SUBSCRIBEs go a few at a time, and after the PBX's first challenge they carry
// credentials, so the PBX challenges almost none of them, and every colleague's state still arrives.
import { expect, test, type Page } from '@playwright/test';
import { startPbx, type PbxUser, type RunningPbx } from '../pbx/pbx';
import { JsSIPHarness, type JsSIPPhone } from './support/jssipPhone';
import { ALICE, pbxUser, PhoneSet, showView } from './support/phoneUsers';

const COLLEAGUES: PbxUser[] = Array.from({ length: 50 }, (_, index) => ({
  user: `kollega${index + 1}`,
  password: `kollega${index + 1}-pass`,
}));
const PACKAGES = ['presence', 'dialog'];
const SUBSCRIPTIONS = COLLEAGUES.length * PACKAGES.length;
/** The app's SubscribeWindow. */
const SUBSCRIBE_WINDOW = 10;
const OPEN_PIDF = (entity: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="${entity}"><tuple id="t1"><status><basic>open</basic></status></tuple></presence>`;

interface SubscribeWire {
  /** Out-of-dialog SUBSCRIBEs sent, each resent one counted again. */
  sent: number;
  /** 401 and 407 answers to SUBSCRIBE. */
  challenged: number;
  /** The most SUBSCRIBE transactions ever waiting for a final answer at once. */
  mostInFlight: number;
  /** `event colleague` of every NOTIFY received. */
  notified: string[];
}

/** An init script: watches the SUBSCRIBEs and NOTIFYs on the page's WebSockets. */
function watchSubscribeWire(): void {
  const wire = { sent: 0, challenged: 0, mostInFlight: 0, notified: [] as string[] };
  (window as unknown as { subscribeWire: SubscribeWire }).subscribeWire = wire;
  const inFlight = new Set<string>();
  const header = (text: string, name: string) => new RegExp(`^${name}:\\s*([^\\r\\n]*)`, 'im').exec(text)?.[1] ?? '';
  const transaction = (text: string) => `${header(text, 'Call-ID')} ${header(text, 'CSeq')}`;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      this.addEventListener('message', (event: MessageEvent) => {
        const text = typeof event.data === 'string' ? event.data : '';
        if (text.startsWith('NOTIFY ')) {
          const colleague = /sip:[^@;>\s]+@[^;>\s]+/.exec(header(text, 'From'))?.[0] ?? '?';
          wire.notified.push(`${header(text, 'Event').split(';')[0]} ${colleague}`);
        }
        const status = /^SIP\/2\.0 (\d{3})/.exec(text)?.[1];
        if (!status || !/ SUBSCRIBE$/.test(header(text, 'CSeq')) || Number(status) < 200) return;
        inFlight.delete(transaction(text));
        if (status === '401' || status === '407') wire.challenged += 1;
      });
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (typeof data === 'string' && data.startsWith('SUBSCRIBE ') && !/;\s*tag=/i.test(header(data, 'To'))) {
        wire.sent += 1;
        inFlight.add(transaction(data));
        wire.mostInFlight = Math.max(wire.mostInFlight, inFlight.size);
      }
      super.send(data);
    }
  };
}

let pbx: RunningPbx;
let harness: JsSIPHarness;
let publisher: JsSIPPhone;
const phones = new PhoneSet();
let alice: Page;

const uriOf = (colleague: PbxUser) => `sip:${colleague.user}@${pbx.domain}`;

test.beforeAll(async ({ browser }) => {
  // A PBX, a JsSIP page and a browser shell: on a busy machine their start alone can take a minute.
  test.setTimeout(180_000);
  pbx = await startPbx({ users: [pbxUser(ALICE), ...COLLEAGUES] });
  harness = await JsSIPHarness.start();
  const first = COLLEAGUES[0]!;
  publisher = await harness.open(browser, {
    wsUrl: pbx.wsUrl,
    domain: pbx.domain,
    user: first.user,
    password: first.password,
    displayName: 'Kollega 1',
  });
  await expect.poll(async () => (await publisher.state()).registered).toBe(true);
  expect((await publisher.publish('presence', 'application/pidf+xml', OPEN_PIDF(uriOf(first)), { expires: 600 })).status).toBe(200);
  const directory = COLLEAGUES.map((colleague, index) => ({ name: `Kollega ${index + 1}`, uri: uriOf(colleague) }));
  alice = (await phones.open(browser, pbx, ALICE, { directory }, watchSubscribeWire)).page;
});

test.afterAll(async () => {
  await phones.closeAll();
  await publisher?.close();
  await harness?.close();
  await pbx?.stop();
});

const wire = () => alice.evaluate(() => (window as unknown as { subscribeWire: SubscribeWire }).subscribeWire);

test('at start every colleague is watched, a few SUBSCRIBEs at a time, and the PBX challenges almost none of them', async () => {
  const everyState = PACKAGES.flatMap((eventPackage) => COLLEAGUES.map((colleague) => `${eventPackage} ${uriOf(colleague)}`)).sort();
  await expect.poll(async () => [...new Set((await wire()).notified)].sort(), { timeout: 60_000 }).toEqual(everyState);
  for (const colleague of COLLEAGUES) {
    expect(await alice.evaluate((uri) => window.presenceTestHook?.activations(uri) ?? 0, uriOf(colleague))).toBeGreaterThanOrEqual(1);
  }
  await showView(alice, 'Kollegor');
  await expect(alice.locator(`li.colleague[data-uri="${uriOf(COLLEAGUES[0]!)}"] .colleague__profile`)).toHaveText('Tillgänglig');
  await expect(alice.locator(`li.colleague[data-uri="${uriOf(COLLEAGUES[1]!)}"] .colleague__profile`)).toHaveText('Inte inloggad');

  const { sent, challenged, mostInFlight } = await wire();
  // Without credentials up front, Kamailio's stock policy challenges every one of them.
  expect(challenged).toBeLessThanOrEqual(SUBSCRIPTIONS / 10);
  expect(sent).toBe(SUBSCRIPTIONS + challenged);
  expect(mostInFlight).toBeLessThanOrEqual(SUBSCRIBE_WINDOW);
});
