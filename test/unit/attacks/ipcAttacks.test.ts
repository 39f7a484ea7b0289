import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../../src/core/ipc/contract';
import { AttackedApp, attackChannel, attacksOnChannel } from '../../helpers/attacks/ipcAttacks';
import { assertNoFault } from '../../helpers/attacks/judgeCase';

/** A bounded count per channel for every run; `npm run fuzz` runs the same attacks far longer. */
const RUNS_PER_CHANNEL = 40;
const RESTART_EVERY = 20;

describe('generated attacks on every IPC channel, through the real services on a real data directory', () => {
  let app: AttackedApp;
  let cases = 0;
  beforeAll(() => {
    app = new AttackedApp();
  });
  afterAll(() => app.dispose());

  for (const channel of INVOKE_CHANNELS) {
    it(`${channel}: ${RUNS_PER_CHANNEL} valid and broken payloads each succeed or give a known code, a refusal changes nothing, and a restart works`, async () => {
      await assertNoFault(
        attacksOnChannel(channel),
        async (payload) => {
          const outcome = await attackChannel(app, channel, payload);
          const restarted = ++cases % RESTART_EVERY === 0 ? app.restart() : null;
          return restarted === null ? outcome : { kind: 'broken', problem: restarted };
        },
        RUNS_PER_CHANNEL,
      );
      expect(app.restart()).toBeNull();
    }, 60_000);
  }
});
