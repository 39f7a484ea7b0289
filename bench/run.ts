/*
 * `npm run bench`: each benchmark in its own process, in turn, then one table of every figure
 * beside its anchor. `npm run bench -- --json` prints that table as JSON on stdout instead (the
 * scripts' own output goes to stderr).
 */
import { spawnSync, type StdioOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTable, meetsGoal, ratioOf, ROWS_FILE_VARIABLE, type BenchRow } from './table';

const BENCHES = [
  ['renderer bundle: first-view JS against all chunks', 'bench/bundle.ts'],
  ['calendar: parse and expand 5,000 events over a year', 'bench/calendar.ts'],
  ['call setup through rtpengine, to a softphone and to a desk phone: the app against bare JsSIP', 'bench/callSetup.ts'],
  ['presence: switch to screen, and fan-out to 200 subscribers', 'bench/presence.ts'],
  ['watching: SUBSCRIBE traffic for 1,000 colleagues, against bare JsSIP', 'bench/watching.ts'],
  ['colleagues: scroll 1,000 with the wheel, quiet and while 200 change state', 'bench/colleagues.ts'],
  ['start: shell spawn → URL, and page load → the ten profiles shown', 'bench/start.ts'],
] as const;

const asJson = process.argv.includes('--json');
const scriptOutput: StdioOptions = asJson ? ['ignore', 2, 2] : 'inherit';

if (!existsSync('out/renderer/index.html')) {
  const built = spawnSync('npx', ['electron-vite', 'build'], { stdio: scriptOutput });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const scratch = mkdtempSync(join(tmpdir(), 'bench-rows-'));
const rowsFile = join(scratch, 'rows.jsonl');
let failures = 0;
for (const [name, script] of BENCHES) {
  console.error(`\n== ${name}`);
  const run = spawnSync('npx', ['tsx', script], { stdio: scriptOutput, env: { ...process.env, [ROWS_FILE_VARIABLE]: rowsFile } });
  if (run.status !== 0) failures += 1;
}

const rows: BenchRow[] = existsSync(rowsFile)
  ? readFileSync(rowsFile, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as BenchRow)
  : [];
rmSync(scratch, { recursive: true, force: true });

if (asJson) {
  console.log(JSON.stringify({ failures, rows: rows.map((row) => ({ ...row, ratio: ratioOf(row), met: meetsGoal(row) })) }, null, 2));
} else {
  console.log(`\n== all figures (${rows.length}), each beside its anchor from the same run\n`);
  console.log(formatTable(rows));
}
process.exit(failures === 0 ? 0 : 1);
