// The app's WebRTC media as the browser sees it: every RTCPeerConnection the page creates is noted
// (before the app's own scripts run), so a test can read its getStats() and listen to what it receives.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { RtpCounters } from '../../support/baresip';

/** What the newest peer connection receives, fed into an AudioContext of its own. */
interface HeardCall {
  context: AudioContext;
  source: MediaStreamAudioSourceNode;
  close(): Promise<void>;
}

interface WitnessWindow {
  peerConnections: RTCPeerConnection[];
  /** null while the newest peer connection receives no audio. */
  hearLatestCall(): Promise<HeardCall | null>;
}

/**
 * An init script for the app's page: keeps every RTCPeerConnection it creates in
 * `window.peerConnections`, and gives `window.hearLatestCall` to listen to the newest.
 */
export function notePeerConnections(): void {
  const w = window as unknown as WitnessWindow & { RTCPeerConnection: typeof RTCPeerConnection };
  const Native = w.RTCPeerConnection;
  w.peerConnections = [];
  w.RTCPeerConnection = class extends Native {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      w.peerConnections.push(this);
    }
  };
  w.hearLatestCall = async () => {
    const tracks =
      w.peerConnections
        .at(-1)
        ?.getReceivers()
        .map((receiver) => receiver.track)
        .filter((track) => track.kind === 'audio') ?? [];
    if (tracks.length === 0) return null;
    const stream = new MediaStream(tracks);
    // Chromium feeds WebAudio from a remote WebRTC track only while a media element plays it.
    const element = new Audio();
    element.muted = true;
    element.srcObject = stream;
    await element.play();
    const context = new AudioContext();
    return {
      context,
      source: context.createMediaStreamSource(stream),
      close: async () => {
        await context.close();
        element.srcObject = null;
      },
    };
  };
}

/** Audio RTP packets received and sent on the page's newest peer connection. */
export function latestCallRtp(page: Page): Promise<RtpCounters> {
  return page.evaluate(async () => {
    const connection = (window as unknown as WitnessWindow).peerConnections.at(-1);
    const counters = { packetsReceived: 0, packetsSent: 0 };
    if (!connection) return counters;
    (await connection.getStats()).forEach((report: { type: string; kind?: string; packetsReceived?: number; packetsSent?: number }) => {
      if (report.kind !== 'audio') return;
      if (report.type === 'inbound-rtp') counters.packetsReceived += report.packetsReceived ?? 0;
      if (report.type === 'outbound-rtp') counters.packetsSent += report.packetsSent ?? 0;
    });
    return counters;
  });
}

/** The loudest RMS (0…1) of what the page's newest peer connection receives, over `durationMs`, through a WebAudio analyser. */
export function latestCallAudioLevel(page: Page, durationMs = 1_500): Promise<number> {
  return page.evaluate(async (ms) => {
    const heard = await (window as unknown as WitnessWindow).hearLatestCall();
    if (!heard) return 0;
    const analyser = heard.context.createAnalyser();
    analyser.fftSize = 2048;
    heard.source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let peakRms = 0;
    const until = performance.now() + ms;
    while (performance.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      peakRms = Math.max(peakRms, Math.sqrt(sum / samples.length));
    }
    await heard.close();
    return peakRms;
  }, durationMs);
}

/** Writes what the page's newest peer connection receives over `durationMs` to `wav` (16-bit mono), recorded with WebAudio. */
export async function recordLatestCallAudio(page: Page, durationMs: number, wav: string): Promise<void> {
  const { sampleRate, samplesBase64 } = await page.evaluate(async (ms) => {
    const heard = await (window as unknown as WitnessWindow).hearLatestCall();
    if (!heard) throw new Error('The newest call receives no audio to record.');
    const { context } = heard;
    const chunks: Float32Array[] = [];
    const processor = context.createScriptProcessor(4096, 1, 1);
    processor.onaudioprocess = (event) => chunks.push(new Float32Array(event.inputBuffer.getChannelData(0)));
    heard.source.connect(processor);
    processor.connect(context.destination);
    await new Promise((resolve) => setTimeout(resolve, ms));
    await heard.close();
    const samples = new Int16Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
    let at = 0;
    for (const chunk of chunks) for (const sample of chunk) samples[at++] = Math.max(-1, Math.min(1, sample)) * 0x7fff;
    const bytes = new Uint8Array(samples.buffer);
    let binary = '';
    for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
    return { sampleRate: context.sampleRate, samplesBase64: btoa(binary) };
  }, durationMs);
  const raw = wav.replace(/\.wav$/, '.raw');
  writeFileSync(raw, Buffer.from(samplesBase64, 'base64'));
  execFileSync('sox', ['-t', 'raw', '-r', String(sampleRate), '-e', 'signed-integer', '-b', '16', '-c', '1', raw, wav]);
}
