import { expect } from '@playwright/test';
import { audioLevel } from '../../support/audioLevel';
import type { DeskPhone } from '../../support/baresip';

/** What the desk phone sent and heard in the call that just ended: RTP both ways, and a sound that is not silence. */
export function expectDeskPhoneAudioBothWays(phone: DeskPhone): void {
  const rtp = phone.lastCallRtp();
  expect(rtp.packetsReceived).toBeGreaterThan(50);
  expect(rtp.packetsSent).toBeGreaterThan(50);
  const heard = audioLevel(phone.receivedAudioFile());
  expect(heard.seconds).toBeGreaterThan(1);
  expect(heard.maximumAmplitude).toBeGreaterThan(0.05);
}
