// A plain JsSIP caller in its own page that records what it hears, and the ears that judge the
// recording: pocketsphinx with a grammar of the announcements (English), sox (Swedish).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Browser, type Page } from '@playwright/test';
import type * as JsSIPModule from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { RTCSessionEvent } from 'jssip/lib/UA';
import type { RunningPbx } from '../../pbx/pbx';

export interface CallerState {
  registered: boolean;
  events: string[];
  /** The bodies of the SIP INFO requests the called side sent. */
  infos: string[];
  referTo: string | null;
}

interface CallerPage {
  state: CallerState;
  /** With `microphone`, the page's own microphone (a fake capture file) is sent; otherwise silence. */
  call(target: string, microphone?: boolean): void;
  /** What the caller heard since the call was confirmed, as 16-bit mono WAV, base64. */
  recording(): string;
  hangup(): void;
}

interface CallerWindow {
  JsSIP: typeof JsSIPModule;
  caller: CallerPage;
}

interface CallerConfig {
  wsUrl: string;
  domain: string;
  user: string;
  password: string;
}

/** Runs inside the page: a bare JsSIP phone that records what it hears with WebAudio. */
function installCaller({ wsUrl, domain, user, password }: CallerConfig): void {
  const w = window as unknown as CallerWindow;
  const { JsSIP } = w;
  const state: CallerState = { registered: false, events: [], infos: [], referTo: null };
  const chunks: Float32Array[] = [];
  let sampleRate = 48_000;
  let session: RTCSession | null = null;
  const silentMicrophone = () => {
    const context = new AudioContext();
    return context.createMediaStreamDestination().stream;
  };

  const record = (connection: RTCPeerConnection) => {
    const start = (track: MediaStreamTrack) => {
      const stream = new MediaStream([track]);
      // Chromium delivers a remote WebRTC track to WebAudio only while a media element plays it.
      const element = new Audio();
      element.muted = true;
      element.srcObject = stream;
      void element.play().catch(() => undefined);
      const context = new AudioContext();
      sampleRate = context.sampleRate;
      const source = context.createMediaStreamSource(stream);
      const processor = context.createScriptProcessor(4096, 1, 1);
      processor.onaudioprocess = (event) => chunks.push(new Float32Array(event.inputBuffer.getChannelData(0)));
      source.connect(processor);
      processor.connect(context.destination);
    };
    const [receiver] = connection.getReceivers();
    if (receiver?.track) start(receiver.track);
    else connection.addEventListener('track', (event) => start(event.track), { once: true });
  };

  const ua = new JsSIP.UA({
    sockets: [new JsSIP.WebSocketInterface(wsUrl)],
    uri: `sip:${user}@${domain}`,
    password,
    session_timers: false,
  });
  ua.on('registered', () => (state.registered = true));
  ua.on('newRTCSession', ({ session: created, originator }: RTCSessionEvent) => {
    created.on('icecandidate', (event) => event.ready());
    if (originator === 'remote') return;
    session = created;
    created.on('confirmed', () => {
      state.events.push('confirmed');
      record(created.connection);
    });
    created.on('newInfo', (event: { originator: string; info: { body?: string } }) => {
      if (event.originator === 'remote') state.infos.push(event.info.body ?? '');
    });
    created.on('refer', (event: { request: { getHeader(name: string): string }; reject(): void }) => {
      state.referTo = event.request.getHeader('Refer-To');
      // Where the caller is sent is what counts here; following it is the phone tests' business.
      event.reject();
    });
    created.on('ended', () => state.events.push('ended'));
    created.on('failed', () => state.events.push('failed'));
  });

  w.caller = {
    state,
    call(target, microphone = false) {
      const media = microphone ? { mediaConstraints: { audio: true, video: false } } : { mediaStream: silentMicrophone() };
      ua.call(`sip:${target}@${domain}`, { ...media, pcConfig: { iceServers: [] } });
    },
    recording() {
      const length = chunks.reduce((total, chunk) => total + chunk.length, 0);
      const wav = new DataView(new ArrayBuffer(44 + length * 2));
      const text = (at: number, value: string) => [...value].forEach((char, index) => wav.setUint8(at + index, char.charCodeAt(0)));
      text(0, 'RIFF');
      wav.setUint32(4, 36 + length * 2, true);
      text(8, 'WAVE');
      text(12, 'fmt ');
      wav.setUint32(16, 16, true);
      wav.setUint16(20, 1, true);
      wav.setUint16(22, 1, true);
      wav.setUint32(24, sampleRate, true);
      wav.setUint32(28, sampleRate * 2, true);
      wav.setUint16(32, 2, true);
      wav.setUint16(34, 16, true);
      text(36, 'data');
      wav.setUint32(40, length * 2, true);
      let at = 44;
      for (const chunk of chunks) {
        for (const sample of chunk) {
          wav.setInt16(at, Math.max(-1, Math.min(1, sample)) * 0x7fff, true);
          at += 2;
        }
      }
      let binary = '';
      const bytes = new Uint8Array(wav.buffer);
      for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
      return btoa(binary);
    },
    hangup() {
      session?.terminate();
    },
  };
  ua.start();
}

export const HOUR_WORDS = ['twelve', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'];

/** The English announcements of the standard profiles that say their end, as the ear should hear them. */
export const ANNOUNCEMENT_GRAMMAR = `#JSGF V1.0;
grammar announcement;
<hour> = ${HOUR_WORDS.join(' | ')};
<minute> = oh five | ten | fifteen | twenty | thirty | forty | forty five | fifty;
<state> = i'm in a meeting | i'm at lunch | i'm on vacation | i'm at a training course | i've left for the day and i'm away;
public <announcement> = <state> until [tomorrow at] <hour> [<minute>] (a m | p m);
`;

/** A caller page for `user` at `url`, registered to `pbx`. */
export async function openCaller(browser: Browser, url: string, pbx: RunningPbx, user: { user: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await page.evaluate(installCaller, { wsUrl: pbx.wsUrl, domain: pbx.domain, user: user.user, password: user.password });
  await expect.poll(() => page.evaluate(() => (window as unknown as CallerWindow).caller.state.registered)).toBe(true);
  return page;
}

export const callerUrlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

export const callerState = (page: Page) => page.evaluate(() => (window as unknown as CallerWindow).caller.state);

/** Calls `target` (a user or number of the PBX) from the caller page, sending silence or, with `microphone`, the page's microphone. */
export function callFrom(caller: Page, target: string, microphone = false): Promise<void> {
  return caller.evaluate(({ to, withMicrophone }) => (window as unknown as CallerWindow).caller.call(to, withMicrophone), {
    to: target,
    withMicrophone: microphone,
  });
}

export function hangUpCaller(caller: Page): Promise<void> {
  return caller.evaluate(() => (window as unknown as CallerWindow).caller.hangup());
}

/** Calls `target`, waits for the call to end, and writes what the caller heard to `wav`. */
export async function callAndRecord(caller: Page, target: string, wav: string): Promise<{ heard: string; state: CallerState }> {
  await callFrom(caller, target);
  await expect.poll(async () => (await callerState(caller)).events, { timeout: 30_000 }).toContain('ended');
  writeFileSync(wav, Buffer.from(await caller.evaluate(() => (window as unknown as CallerWindow).caller.recording()), 'base64'));
  return { heard: wav, state: await callerState(caller) };
}

function to16kMono(input: string): string {
  const output = input.replace(/\.wav$/, '-16k.wav');
  execFileSync('sox', [input, '-r', '16000', '-c', '1', '-b', '16', output]);
  return output;
}

/** What pocketsphinx hears in `wav`, held to a JSGF grammar (by default the announcements'). */
export function recognise(wav: string, jsgf = ANNOUNCEMENT_GRAMMAR): string {
  const grammar = wav.replace(/\.wav$/, '.gram');
  writeFileSync(grammar, jsgf);
  return execFileSync('pocketsphinx_continuous', ['-infile', to16kMono(wav), '-jsgf', grammar], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
}

/**
 * Seconds of sound that is neither silence nor the special information tone: the three tone
 * frequencies are notched out with sox, and 20 ms frames above -40 dBFS are counted.
 */
export function voicedSeconds(wav: string): number {
  const notched = wav.replace(/\.wav$/, '-notched.raw');
  const notches = [950, 1400, 1800].flatMap((hz) => ['bandreject', String(hz), '80', 'bandreject', String(hz), '80']);
  execFileSync('sox', ['-V1', wav, '-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw', notched, ...notches]);
  const raw = readFileSync(notched);
  const samples = new Int16Array(raw.buffer, raw.byteOffset, raw.length / 2);
  const frame = 320;
  let voiced = 0;
  for (let at = 0; at + frame <= samples.length; at += frame) {
    let energy = 0;
    for (let index = at; index < at + frame; index++) energy += (samples[index]! / 0x8000) ** 2;
    if (Math.sqrt(energy / frame) > 0.01) voiced++;
  }
  return (voiced * frame) / 16_000;
}

// pocketsphinx hears espeak-ng's "seven" as "ten", "nine" as "one", "twelve" as "two", and "five" and
// "eight" after "tomorrow at" wrongly; the meeting ends on an hour it hears the same in both forms.
const HOURS_THE_EAR_HEARS = new Set([1, 2, 3, 4, 6, 10, 11]);

/**
 * The first whole hour at least an hour and a half ahead whose hour the ear hears reliably, with
 * that hour on a 12-hour clock in Stockholm, as a number and as the word the ear should hear.
 */
export function endTheEarHears(now: number): { until: number; hour: number; hourWord: string } {
  const stockholmHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: 'numeric', hourCycle: 'h23' });
  let until = Math.ceil((now + 90 * 60_000) / 3_600_000) * 3_600_000;
  while (!HOURS_THE_EAR_HEARS.has(Number(stockholmHour.format(until)) % 12)) until += 3_600_000;
  const hour = Number(stockholmHour.format(until)) % 12;
  return { until, hour, hourWord: HOUR_WORDS[hour]! };
}
