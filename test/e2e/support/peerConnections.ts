// The app's WebRTC media as the browser sees it: every RTCPeerConnection the page creates is noted
// (before the app's own scripts run), so a test can read its getStats() and listen to what it receives.
import type { Page } from '@playwright/test';
import type { RtpCounters } from '../../support/baresip';

interface WitnessWindow {
  peerConnections: RTCPeerConnection[];
}

/** An init script for the app's page: keeps every RTCPeerConnection it creates in `window.peerConnections`. */
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
    const connection = (window as unknown as WitnessWindow).peerConnections.at(-1);
    const tracks = connection?.getReceivers().map((receiver) => receiver.track).filter((track) => track.kind === 'audio') ?? [];
    if (tracks.length === 0) return 0;
    const stream = new MediaStream(tracks);
    // Chromium feeds WebAudio from a remote WebRTC track only while a media element plays it.
    const element = new Audio();
    element.muted = true;
    element.srcObject = stream;
    await element.play();
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(stream).connect(analyser);
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
    await context.close();
    element.srcObject = null;
    return peakRms;
  }, durationMs);
}
