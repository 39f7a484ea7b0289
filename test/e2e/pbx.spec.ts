// Proves the test PBX (test/pbx) with clients we did not write: plain JsSIP pages in Chromium
// against Kamailio with its stock policies, RFC 3325 caller ID, RFC 3323 privacy and rtpengine.
import { expect, test } from '@playwright/test';
import { startPbx, type RunningPbx } from '../pbx/pbx';
import { DeskPhone } from '../support/baresip';
import { expectDeskPhoneAudioBothWays } from './support/deskPhoneAudio';
import { JsSIPHarness, type JsSIPPhone } from './support/jssipPhone';

const ALICE = { user: 'alice', password: 'alice-pass', displayName: 'Alice Example', numbers: ['+46812345601', '+46701110001'] };
const BOB = { user: 'bob', password: 'bob-pass', displayName: 'Bob Example', numbers: ['+46812345602'] };
const CAROL = { user: 'carol', password: 'carol-pass', displayName: 'Carol Example', numbers: ['+46812345603'] };
/** A colleague's desk phone: baresip over UDP. */
const DAVE = { user: 'dave', password: 'dave-pass', displayName: 'Dave Desk', numbers: ['+46812345604'] };

/** A received audio RMS (0…1) above this is a sound, not silence. */
const AUDIBLE_RMS = 0.01;

test.describe.configure({ mode: 'serial' });

let pbx: RunningPbx;
let harness: JsSIPHarness;
let alice: JsSIPPhone;
let bob: JsSIPPhone;
let dave: DeskPhone;

test.beforeAll(async ({ browser }) => {
  pbx = await startPbx({ users: [ALICE, BOB, CAROL, DAVE].map(({ user, password, numbers }) => ({ user, password, numbers })) });
  harness = await JsSIPHarness.start();
  const open = ({ user, password, displayName }: typeof ALICE) =>
    harness.open(browser, { wsUrl: pbx.wsUrl, domain: pbx.domain, user, password, displayName });
  alice = await open(ALICE);
  bob = await open(BOB);
  dave = await DeskPhone.start({ user: DAVE.user, password: DAVE.password, domain: pbx.domain, outboundProxy: pbx.sipUdpUri });
});

test.afterAll(async () => {
  await dave?.stop();
  for (const phone of [alice, bob]) await phone?.close();
  await harness?.close();
  await pbx?.stop();
});

/** Alice calls bob; returns the INVITE as bob received it. */
async function aliceCallsBob(extraHeaders: string[]): Promise<string> {
  const { callCount } = await bob.state();
  await alice.call('bob', extraHeaders);
  return bob.incomingInvite(callCount);
}

function header(message: string, name: string): string[] {
  const pattern = new RegExp(`^${name}:\\s*(.*)$`, 'gim');
  return [...message.split('\r\n\r\n')[0]!.matchAll(pattern)].map((match) => match[1]!.trim());
}

/** rtpengine anchors the media: the SDP names only its ports, as ICE candidates for a WebRTC client. */
function expectMediaThroughRtpengine(message: string): void {
  const ports = [...message.matchAll(/^m=audio (\d+) /gm), ...message.matchAll(/^a=candidate:\S+ \d+ udp \d+ \S+ (\d+) typ/gim)].map(
    (match) => Number(match[1]),
  );
  expect(ports.length).toBeGreaterThan(1);
  for (const port of ports) {
    expect(port).toBeGreaterThanOrEqual(pbx.rtpPorts.min);
    expect(port).toBeLessThanOrEqual(pbx.rtpPorts.max);
  }
  expect(message).toContain('UDP/TLS/RTP/SAVPF');
  expect(message).toMatch(/^a=fingerprint:/m);
}

async function endCall(by: JsSIPPhone, other: JsSIPPhone): Promise<void> {
  await by.hangUp();
  await expect.poll(async () => (await other.state()).call?.endCause).toBe('Terminated');
  expect((await by.state()).call?.endCause).toBe('Terminated');
}

test('alice and bob register', async () => {
  await expect.poll(async () => (await alice.state()).registered).toBe(true);
  await expect.poll(async () => (await bob.state()).registered).toBe(true);
});

test('a wrong password fails registration with 401', async ({ browser }) => {
  const intruder = await harness.open(browser, {
    wsUrl: pbx.wsUrl,
    domain: pbx.domain,
    user: 'bob',
    password: 'not-bobs-password',
    displayName: 'Intruder',
  });
  await expect.poll(async () => (await intruder.state()).registrationFailure).toEqual({ cause: 'Authentication Error', status: 401 });
  expect((await intruder.state()).registered).toBe(false);
  await intruder.close();
});

test('alice presents her own number: bob sees it asserted, not preferred; audio flows both ways through rtpengine', async () => {
  const invite = await aliceCallsBob(['P-Preferred-Identity: <sip:+46701110001@127.0.0.1>']);
  expect(header(invite, 'P-Asserted-Identity')).toEqual(['<sip:+46701110001@127.0.0.1>']);
  expect(header(invite, 'P-Preferred-Identity')).toEqual([]);
  expect(header(invite, 'From')[0]).toMatch(/^"Alice Example" <sip:alice@127\.0\.0\.1>;tag=/);
  expectMediaThroughRtpengine(invite);

  await bob.answer();
  await expect.poll(async () => (await alice.state()).call?.events).toContain('confirmed');
  await expect.poll(async () => (await bob.state()).call?.events).toContain('confirmed');

  await expect.poll(async () => (await alice.rtp()).packetsReceived).toBeGreaterThan(20);
  await expect.poll(async () => (await bob.rtp()).packetsReceived).toBeGreaterThan(20);
  expect(await alice.receivedAudioLevel()).toBeGreaterThan(AUDIBLE_RMS);
  expect(await bob.receivedAudioLevel()).toBeGreaterThan(AUDIBLE_RMS);

  await endCall(alice, bob);
});

test('without P-Preferred-Identity the PBX asserts the caller’s address of record, and drops the one the caller asserted himself', async () => {
  const invite = await aliceCallsBob(['P-Asserted-Identity: <sip:+46812345602@127.0.0.1>']);
  expect(header(invite, 'P-Asserted-Identity')).toEqual(['<sip:alice@127.0.0.1>']);
  // alice gives up before bob answers: CANCEL
  await alice.hangUp();
  await expect.poll(async () => (await bob.state()).call?.endCause).toBe('Canceled');
});

test('a tel: P-Preferred-Identity of an owned number is asserted as given', async () => {
  const invite = await aliceCallsBob(['P-Preferred-Identity: <tel:+46812345601>']);
  expect(header(invite, 'P-Asserted-Identity')).toEqual(['<tel:+46812345601>']);
  await alice.hangUp();
  await expect.poll(async () => (await bob.state()).call?.endCause).toBe('Canceled');
});

test('a number alice does not own gets 403 with the reason, and bob never rings', async () => {
  const bobCallsBefore = (await bob.state()).call;
  await alice.call('bob', ['P-Preferred-Identity: <sip:+46812345602@127.0.0.1>']);
  await expect
    .poll(async () => (await alice.state()).call?.failure)
    .toEqual({ status: 403, reason: 'Caller ID not allowed: the number is not yours' });
  expect((await bob.state()).call).toEqual(bobCallsBefore);
});

test('a P-Preferred-Identity that is not a number of this PBX gets 403 with the reason', async () => {
  await alice.call('bob', ['P-Preferred-Identity: <sip:+46701110001@elsewhere.example>']);
  await expect
    .poll(async () => (await alice.state()).call?.failure)
    .toEqual({ status: 403, reason: 'P-Preferred-Identity must be sip:+number@127.0.0.1 or tel:+number' });
});

test('stock policy: a From user other than the digest user is refused, even one of his own numbers', async () => {
  await alice.call('bob', [], '+46812345601');
  // Kamailio's default config challenges again; JsSIP gives up after the second 407.
  await expect.poll(async () => (await alice.state()).call?.failure?.status).toBe(407);
  expect((await alice.state()).call?.endCause).toBe('Authentication Error');

  const message = await alice.sendMessage('bob', 'spoofed', [], '+46812345601');
  expect(message).toMatchObject({ status: 407, cause: 'Authentication Error' });
});

test('Privacy: id: bob sees an anonymous From and nothing that names alice in any header; hold, REFER and BYE work both ways', async () => {
  const invite = await aliceCallsBob(['P-Preferred-Identity: <sip:+46812345601@127.0.0.1>', 'Privacy: id']);
  expect(header(invite, 'From')[0]).toMatch(/^"Anonymous" <sip:anonymous@anonymous\.invalid>;tag=/);
  expect(header(invite, 'P-Asserted-Identity')).toEqual([]);
  expect(header(invite, 'P-Preferred-Identity')).toEqual([]);
  const names = [ALICE.user, ALICE.displayName, ...ALICE.numbers, ...ALICE.numbers.map((number) => number.slice(3))];
  for (const name of names) expect(invite.toLowerCase()).not.toContain(name.toLowerCase());

  await bob.answer();
  await expect.poll(async () => (await alice.state()).call?.events).toContain('confirmed');
  await expect.poll(async () => (await bob.state()).call?.events).toContain('confirmed');

  // A re-INVITE from the caller reaches bob, whose dialog knows alice only as anonymous.
  await alice.hold();
  await expect.poll(async () => (await bob.state()).call?.events).toContain('hold:remote');
  await expect.poll(async () => (await alice.state()).call?.events).toContain('hold:local');

  // bob's REFER goes To: anonymous; the PBX restores alice's address, and her NOTIFY comes back.
  await bob.refer('carol');
  await expect.poll(async () => (await alice.state()).call?.events).toContain('referred:carol');
  await expect.poll(async () => (await bob.state()).call?.events).toEqual(expect.arrayContaining(['refer:202', 'refer:failed']));

  // so does bob's BYE
  await endCall(bob, alice);
});

test('Privacy: id on a call that alice ends: her BYE reaches bob', async () => {
  await aliceCallsBob(['Privacy: id']);
  await bob.answer();
  await expect.poll(async () => (await bob.state()).call?.events).toContain('confirmed');
  await endCall(alice, bob);
});

test('a JsSIP page calls the desk phone: rtpengine bridges WebRTC to plain RTP, audio flows both ways', async () => {
  const before = dave.eventCount;
  await alice.call('dave', ['P-Preferred-Identity: <sip:+46812345601@127.0.0.1>']);
  await dave.waitFor('CALL_INCOMING', { after: before });
  const invite = dave.receivedInvites().at(-1)!;
  expect(header(invite, 'P-Asserted-Identity')).toEqual(['<sip:+46812345601@127.0.0.1>']);
  // what a desk phone understands: RTP/AVP, no ICE, no DTLS, RTCP apart
  expect(invite).toMatch(/^m=audio \d+ RTP\/AVP /m);
  expect(invite).not.toMatch(/^a=(candidate|fingerprint|ice-ufrag|rtcp-mux)/m);

  await dave.answer();
  await dave.waitFor('CALL_ESTABLISHED', { after: before });
  await expect.poll(async () => (await alice.state()).call?.events).toContain('confirmed');
  await expect.poll(async () => (await alice.rtp()).packetsReceived).toBeGreaterThan(50);
  expect(await alice.receivedAudioLevel()).toBeGreaterThan(AUDIBLE_RMS);
  await expect.poll(async () => (await alice.rtp()).packetsSent).toBeGreaterThan(100);

  await alice.hangUp();
  await dave.waitFor('CALL_CLOSED', { after: before });
  expect((await alice.state()).call?.endCause).toBe('Terminated');
  expectDeskPhoneAudioBothWays(dave);
});

test('the desk phone calls a JsSIP page: rtpengine offers the page WebRTC, audio flows both ways', async () => {
  const before = dave.eventCount;
  const { callCount } = await alice.state();
  await dave.dial(`sip:alice@${pbx.domain}`);
  const invite = await alice.incomingInvite(callCount);
  expect(header(invite, 'P-Asserted-Identity')).toEqual(['<sip:dave@127.0.0.1>']);
  expectMediaThroughRtpengine(invite);
  expect(invite).toMatch(/^a=rtcp-mux/m);

  await alice.answer();
  await dave.waitFor('CALL_ESTABLISHED', { after: before });
  await expect.poll(async () => (await alice.state()).call?.events).toContain('confirmed');
  await expect.poll(async () => (await alice.rtp()).packetsReceived).toBeGreaterThan(50);
  expect(await alice.receivedAudioLevel()).toBeGreaterThan(AUDIBLE_RMS);
  await expect.poll(async () => (await alice.rtp()).packetsSent).toBeGreaterThan(100);

  await dave.hangUp();
  await dave.waitFor('CALL_CLOSED', { after: before });
  await expect.poll(async () => (await alice.state()).call?.endCause).toBe('Terminated');
  expectDeskPhoneAudioBothWays(dave);
});

test('alice sends bob a MESSAGE with her number asserted', async () => {
  const result = await alice.sendMessage('bob', 'Hello Bob', ['P-Preferred-Identity: <sip:+46812345601@127.0.0.1>']);
  expect(result.status).toBe(200);
  await expect.poll(async () => (await bob.state()).messages.length).toBe(1);
  const [message] = (await bob.state()).messages;
  expect(message).toMatchObject({ fromUser: 'alice', fromDisplayName: 'Alice Example', body: 'Hello Bob' });
  expect(header(message!.raw, 'P-Asserted-Identity')).toEqual(['<sip:+46812345601@127.0.0.1>']);
  expect(header(message!.raw, 'P-Preferred-Identity')).toEqual([]);
});

test('a MESSAGE with Privacy: id arrives anonymous', async () => {
  const result = await alice.sendMessage('bob', 'Guess who', ['P-Preferred-Identity: <sip:+46812345601@127.0.0.1>', 'Privacy: id']);
  expect(result.status).toBe(200);
  await expect.poll(async () => (await bob.state()).messages.at(-1)?.body).toBe('Guess who');
  const message = (await bob.state()).messages.at(-1)!;
  expect(message).toMatchObject({ fromUser: 'anonymous', fromDisplayName: 'Anonymous' });
  for (const name of [ALICE.user, ALICE.displayName, ...ALICE.numbers]) expect(message.raw.toLowerCase()).not.toContain(name.toLowerCase());
});

test('a MESSAGE with a number alice does not own gets 403', async () => {
  const result = await alice.sendMessage('bob', 'not mine', ['P-Preferred-Identity: <sip:+46812345603@127.0.0.1>']);
  expect(result).toMatchObject({ status: 403, reason: 'Caller ID not allowed: the number is not yours' });
});

test('a number alice does not own is refused before routing: 403 also toward an unregistered or unknown user', async () => {
  const notMine = ['P-Preferred-Identity: <sip:+46812345603@127.0.0.1>'];
  expect(await alice.sendMessage('carol', 'not mine', notMine)).toMatchObject({
    status: 403,
    reason: 'Caller ID not allowed: the number is not yours',
  });
  expect(await alice.sendMessage('nobody', 'not mine', notMine)).toMatchObject({
    status: 403,
    reason: 'Caller ID not allowed: the number is not yours',
  });
});

test('a MESSAGE to a number reaches its owner', async () => {
  const result = await alice.sendMessage('+46812345602', 'To your landline');
  expect(result.status).toBe(200);
  await expect.poll(async () => (await bob.state()).messages.at(-1)?.body).toBe('To your landline');
});

test('a call to a number reaches its owner with To as dialled, so his phone knows which of his numbers was called', async () => {
  for (const number of ALICE.numbers) {
    const { callCount } = await alice.state();
    await bob.call(number);
    const invite = await alice.incomingInvite(callCount);
    expect(header(invite, 'To')).toEqual([`<sip:${number}@127.0.0.1>`]);
    // The Request-URI is her registered contact, as after any location lookup; To is what names the number.
    expect(invite.split('\r\n')[0]).not.toContain(number);
    await bob.hangUp();
    await expect.poll(async () => (await alice.state()).call?.endCause).toBe('Canceled');
  }
});

test('a MESSAGE to an unregistered user gets 480, to an unknown user 404', async () => {
  expect(await alice.sendMessage('carol', 'anyone there?')).toMatchObject({ status: 480, cause: 'Unavailable' });
  expect(await alice.sendMessage('nobody', 'anyone there?')).toMatchObject({ status: 404, cause: 'Not Found' });
});

test('bob watches alice: presence and dialog subscriptions become active and carry her PUBLISH', async () => {
  await bob.subscribe('alice', 'presence', 'application/pidf+xml');
  await bob.subscribe('alice', 'dialog', 'application/dialog-info+xml');
  await expect.poll(async () => (await bob.state()).subscriptions.presence?.events).toEqual(['accepted', 'active']);
  await expect.poll(async () => (await bob.state()).subscriptions.dialog?.events).toEqual(['accepted', 'active']);

  const pidf = `<?xml version="1.0" encoding="UTF-8"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:alice@127.0.0.1">
  <tuple id="softphone"><status><basic>open</basic></status><note>In a meeting</note></tuple>
</presence>`;
  const published = await alice.publish('presence', 'application/pidf+xml', pidf);
  expect(published.status).toBe(200);
  expect(published.etag).toBeTruthy();
  await expect
    .poll(async () => (await bob.state()).subscriptions.presence?.notifyBodies.at(-1))
    .toMatch(/<basic>open<\/basic>[\s\S]*<note>In a meeting<\/note>/);

  const dialogInfo = `<?xml version="1.0" encoding="UTF-8"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="0" state="full" entity="sip:alice@127.0.0.1">
  <dialog id="call-1" direction="initiator"><state>confirmed</state></dialog>
</dialog-info>`;
  const publishedDialog = await alice.publish('dialog', 'application/dialog-info+xml', dialogInfo);
  expect(publishedDialog.status).toBe(200);
  await expect.poll(async () => (await bob.state()).subscriptions.dialog?.notifyBodies.at(-1)).toMatch(/<state>confirmed<\/state>/);
});

test('after a PBX restart alice and bob re-register by themselves', async () => {
  const before = { alice: (await alice.state()).registrations, bob: (await bob.state()).registrations };
  await pbx.restart();
  // JsSIP's first reconnect attempt comes about 2 s after the socket closes.
  await expect.poll(async () => (await alice.state()).registrations, { timeout: 20_000 }).toBeGreaterThan(before.alice);
  await expect.poll(async () => (await bob.state()).registrations, { timeout: 20_000 }).toBeGreaterThan(before.bob);

  const result = await alice.sendMessage('bob', 'Still there?');
  expect(result.status).toBe(200);
  await expect.poll(async () => (await bob.state()).messages.at(-1)?.body).toBe('Still there?');
});
