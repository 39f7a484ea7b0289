/* `npm run bench`: each benchmark in its own process, in turn, each printing its own figures. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BENCHES = [
  ['renderer bundle: first-view JS against all chunks', 'bench/bundle.ts'],
  ['calendar: parse and expand 5,000 events over a year', 'bench/calendar.ts'],
  ['call setup through rtpengine, to a softphone and to a desk phone: the app against bare JsSIP', 'bench/callSetup.ts'],
  ['presence: switch to screen, and fan-out to 200 subscribers', 'bench/presence.ts'],
  ['watching: SUBSCRIBE traffic for 1,000 colleagues, against bare JsSIP', 'bench/watching.ts'],
] as const;

if (!existsSync('out/renderer/index.html')) {
  const built = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

let failures = 0;
for (const [name, script] of BENCHES) {
  console.log(`\n== ${name}`);
  const run = spawnSync('npx', ['tsx', script], { stdio: 'inherit' });
  if (run.status !== 0) failures += 1;
}
process.exit(failures === 0 ? 0 : 1);
