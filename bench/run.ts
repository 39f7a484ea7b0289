/* `npm run bench`: every benchmark in turn, each printing its own numbers. */
import { runCalendarBench } from './calendar';

const benches: [string, () => Promise<void>][] = [['calendar: parse and expand 5,000 events over a year', runCalendarBench]];

for (const [name, run] of benches) {
  console.log(`\n== ${name}`);
  await run();
}
