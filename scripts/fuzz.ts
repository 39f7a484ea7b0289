/**
 * A long session of the generated attacks: every IPC channel through the real services on a real
 * data directory, and every parser of outside input. Prints per target what it tried and what
 * came back, and exits non-zero on any crash, throw, hang or brick.
 *
 *   npm run fuzz -- [--count 100000] [--seed 42]
 */
import fc from 'fast-check';
import { AttackedApp, attackChannel, channelAttack, type Outcome } from '../test/helpers/attacks/ipcAttacks';
import { judgeCase, sketch } from '../test/helpers/attacks/judgeCase';
import { PARSER_TARGETS, settingsFileTarget } from '../test/helpers/attacks/parserAttacks';
import { icsAttackProperty } from '../test/fuzz/icsAttacks';

const RESTART_EVERY = 500;
const BATCH = 250;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

type FaultKind = 'crash' | 'hang' | 'brick' | 'contract';

interface Tally {
  cases: number;
  ok: number;
  codes: Map<string, number>;
  faults: Record<FaultKind, number>;
  firstFaults: string[];
  ms: number;
}

const newTally = (): Tally => ({
  cases: 0,
  ok: 0,
  codes: new Map(),
  faults: { crash: 0, hang: 0, brick: 0, contract: 0 },
  firstFaults: [],
  ms: 0,
});

function faultKind(problem: string): FaultKind {
  if (problem.startsWith('threw') || problem.startsWith('a handler threw')) return 'crash';
  if (problem.startsWith('hung')) return 'hang';
  if (problem.includes('brick') || problem.includes('restart')) return 'brick';
  return 'contract';
}

function count(tally: Tally, outcome: Outcome, input: unknown): void {
  tally.cases++;
  if (outcome.kind === 'ok') tally.ok++;
  else if (outcome.kind === 'error') tally.codes.set(outcome.code, (tally.codes.get(outcome.code) ?? 0) + 1);
  else {
    tally.faults[faultKind(outcome.problem)]++;
    if (tally.firstFaults.length < 5) tally.firstFaults.push(`${outcome.problem} — input: ${sketch(input)}`);
  }
}

/**
 * Shares of the count, by cost per case: the services and the 10 MB provisioning files cost the
 * most, an ICS case expands a whole calendar, a settings case writes a real file; links and
 * arguments cost next to nothing.
 */
const SHARES: Record<string, number> = {
  ipc: 0.12,
  ics: 0.01,
  pidf: 0.1,
  'dialog-info': 0.1,
  provisioning: 0.03,
  'call-link': 0.315,
  'cli-arguments': 0.32,
  'settings-file': 0.005,
};

async function main(): Promise<void> {
  const total = option('count', 100_000);
  const seed = option('seed', Date.now() % 2 ** 31);
  const runs = (target: string) => Math.max(1, Math.round(total * (SHARES[target] ?? 0)));
  const tallies = new Map<string, Tally>();
  const started = performance.now();
  console.log(`Generated attacks: ${total} cases, seed ${seed}`);

  // The IPC channels, against one data directory that lives through all of them, restarted now and then.
  const app = new AttackedApp();
  const ipc = newTally();
  tallies.set('ipc', ipc);
  const ipcStarted = performance.now();
  for (let done = 0, batch = 0; done < runs('ipc'); batch++) {
    const size = Math.min(BATCH, runs('ipc') - done);
    for (const { channel, payload } of fc.sample(channelAttack, { numRuns: size, seed: seed + batch })) {
      const outcome = await judgeCase(() => attackChannel(app, channel, payload));
      count(ipc, outcome, { channel, payload });
      if (++done % RESTART_EVERY === 0) {
        const restarted = app.restart();
        if (restarted !== null) count(ipc, { kind: 'broken', problem: restarted }, 'restart');
      }
    }
  }
  const restarted = app.restart();
  if (restarted !== null) count(ipc, { kind: 'broken', problem: restarted }, 'restart');
  app.dispose();
  ipc.ms = performance.now() - ipcStarted;

  // The ICS path runs its own property: good events must still switch, bad ones be reported.
  const ics = newTally();
  tallies.set('ics', ics);
  const icsStarted = performance.now();
  const icsResult = fc.check(icsAttackProperty, { numRuns: runs('ics'), seed, endOnFailure: true });
  ics.cases = icsResult.numRuns;
  ics.ok = icsResult.failed ? icsResult.numRuns - 1 : icsResult.numRuns;
  if (icsResult.failed) {
    ics.faults[faultKind(String(icsResult.errorInstance ?? 'threw'))]++;
    ics.firstFaults.push(`${String(icsResult.errorInstance).slice(0, 300)} — input: ${sketch(icsResult.counterexample)}`);
  }
  ics.ms = performance.now() - icsStarted;

  const settingsFile = settingsFileTarget();
  for (const target of [...PARSER_TARGETS, settingsFile]) {
    const tally = newTally();
    tallies.set(target.name, tally);
    const targetStarted = performance.now();
    for (let done = 0, batch = 0; done < runs(target.name); batch++) {
      const size = Math.min(BATCH, runs(target.name) - done);
      for (const input of fc.sample(target.input, { numRuns: size, seed: seed + batch })) {
        count(tally, await judgeCase(() => target.run(input)), input);
        done++;
      }
    }
    tally.ms = performance.now() - targetStarted;
  }
  settingsFile.dispose();

  let faults = 0;
  let cases = 0;
  for (const [name, tally] of tallies) {
    const codes = [...tally.codes].sort((a, b) => b[1] - a[1]);
    const faultCount = Object.values(tally.faults).reduce((sum, n) => sum + n, 0);
    faults += faultCount;
    cases += tally.cases;
    console.log(`\n${name}: ${tally.cases} cases in ${(tally.ms / 1000).toFixed(1)} s`);
    console.log(`  ok ${tally.ok}, refused ${tally.cases - tally.ok - faultCount} with ${codes.length} codes`);
    if (codes.length > 0)
      console.log(
        `  ${codes
          .slice(0, 12)
          .map(([code, n]) => `${code} ${n}`)
          .join(', ')}${codes.length > 12 ? ', …' : ''}`,
      );
    console.log(
      `  crashes/throws ${tally.faults.crash}, hangs ${tally.faults.hang}, bricks ${tally.faults.brick}, contract faults ${tally.faults.contract}`,
    );
    for (const fault of tally.firstFaults) console.log(`  FAULT ${fault}`);
  }
  console.log(`\nTotal: ${cases} cases, ${faults} faults, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = faults === 0 ? 0 : 1;
}

await main();
