/**
 * Calendar throughput on the service's own path: builds an ICS with 5,000 events (a quarter of
 * them weekly or daily series with EXDATEs and RECURRENCE-ID exceptions), parses it in the
 * calendar worker, plans the rolling 14-day window with the service's planner, and watches how
 * long the main event loop is held while the worker loads the file.
 * Run: npx tsx bench/calendar.ts
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import ICAL from 'ical.js';
import { planOptionsOf } from '../src/core/calendar/schedule';
import { expandCalendar } from '../src/core/calendar/expand';
import { PLAN_WINDOW, CalendarPlanner } from '../electron/services/calendarPlanner';
import { CalendarParser } from '../electron/services/calendarWorker/calendarParser';
import { reportRows } from './table';

const EVENT_COUNT = 5_000;
const RECURRING_SHARE = 0.25;
const WINDOW_FROM = Date.UTC(2026, 0, 1);
const WINDOW_TO = Date.UTC(2027, 0, 1);
const USER_ZONE = 'Europe/Stockholm';

/** Deterministic, so runs compare. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const random = seededRandom(20260101);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const pad = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;

function localStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
}

function dateStamp(ms: number): string {
  return localStamp(ms).slice(0, 8);
}

const STOCKHOLM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Stockholm',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const ZONES = ['Europe/Stockholm', 'Europe/Stockholm', 'W. Europe Standard Time', 'Europe/London', 'GMT Standard Time'];
const TITLES = ['#3 Styrelsemöte', '[2] Kundmöte', 'Avstämning', '[4] Projektgenomgång', 'Lunch', '#6 Samtal med Seattle'];
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR'];

/** A wall-clock time on a weekday between 2025-06-01 and 2026-12-31, at 07:00–17:45. */
function randomWorkingTime(fromYear = 2025): number {
  const from = Date.UTC(fromYear, 5, 1);
  const day = from + Math.floor(random() * ((Date.UTC(2026, 11, 31) - from) / DAY_MS)) * DAY_MS;
  return day + (7 + Math.floor(random() * 11)) * 3_600_000 + pick([0, 15, 30, 45]) * 60_000;
}

function singleEvent(index: number): string[] {
  const uid = `single-${index}@bench.test`;
  if (random() < 0.05) {
    const start = randomWorkingTime();
    return [
      `UID:${uid}`,
      `DTSTART;VALUE=DATE:${dateStamp(start)}`,
      `DTEND;VALUE=DATE:${dateStamp(start + (1 + Math.floor(random() * 10)) * DAY_MS)}`,
      'SUMMARY:[5] Ledig',
      'TRANSP:TRANSPARENT',
    ];
  }
  const start = randomWorkingTime();
  const zone = pick(ZONES);
  const lines = [
    `UID:${uid}`,
    `DTSTART;TZID=${zone}:${localStamp(start)}`,
    `DTEND;TZID=${zone}:${localStamp(start + pick([30, 45, 60, 90]) * 60_000)}`,
    `SUMMARY:${pick(TITLES)}`,
  ];
  if (random() < 0.05) lines.push('STATUS:CANCELLED');
  if (random() < 0.1) lines.push('TRANSP:TRANSPARENT');
  return lines;
}

function recurringSeries(index: number): string[][] {
  const uid = `series-${index}@bench.test`;
  const zone = pick(ZONES);
  const start = randomWorkingTime(pick([2019, 2024, 2025, 2025, 2025]));
  const daily = random() < 0.4;
  const rule = daily
    ? `RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR${random() < 0.3 ? `;UNTIL=${localStamp(start + 200 * DAY_MS)}Z` : ''}`
    : `RRULE:FREQ=WEEKLY;INTERVAL=${pick([1, 1, 2])};BYDAY=${pick(WEEKDAYS)}${random() < 0.2 ? ';COUNT=40' : ''}`;
  const stepDays = daily ? 1 : 7;
  const title = pick(TITLES);
  const master = [
    `UID:${uid}`,
    `DTSTART;TZID=${zone}:${localStamp(start)}`,
    `DTEND;TZID=${zone}:${localStamp(start + 30 * 60_000)}`,
    rule,
    `SUMMARY:${title}`,
  ];
  for (let i = 0; i < 3; i += 1) master.push(`EXDATE;TZID=${zone}:${localStamp(start + (3 + i * 5) * stepDays * DAY_MS)}`);

  const exceptions = [1, 2].map((n) => {
    const original = start + (2 + n * 4) * stepDays * DAY_MS;
    const moved = original + 3_600_000;
    const lines = [
      `UID:${uid}`,
      `RECURRENCE-ID;TZID=${zone}:${localStamp(original)}`,
      `DTSTART;TZID=${zone}:${localStamp(moved)}`,
      `DTEND;TZID=${zone}:${localStamp(moved + 30 * 60_000)}`,
      `SUMMARY:${title}`,
    ];
    if (n === 2) lines.push('STATUS:CANCELLED');
    return lines;
  });
  return [master, ...exceptions];
}

function buildIcs(): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Profiltelefon bench//EN',
    'VERSION:2.0',
    'X-WR-TIMEZONE:Europe/Stockholm',
    ...STOCKHOLM_VTIMEZONE,
  ];
  const recurring = Math.round(EVENT_COUNT * RECURRING_SHARE);
  for (let i = 0; i < EVENT_COUNT; i += 1) {
    const components = i < recurring ? recurringSeries(i) : [singleEvent(i)];
    for (const component of components) lines.push('BEGIN:VEVENT', 'DTSTAMP:20260101T000000Z', ...component, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

const peak = { rss: 0, heapUsed: 0 };
function sampleMemory(): void {
  const { rss, heapUsed } = process.memoryUsage();
  peak.rss = Math.max(peak.rss, rss);
  peak.heapUsed = Math.max(peak.heapUsed, heapUsed);
}

function timed<T>(work: () => T): { result: T; ms: number } {
  sampleMemory();
  const started = performance.now();
  const result = work();
  const ms = performance.now() - started;
  sampleMemory();
  return { result, ms };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function timedAsync<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  sampleMemory();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  sampleMemory();
  return { result, ms };
}

/** The longest the main event loop was held while `work` ran, in ms (1 ms resolution). */
async function maxLoopDelay(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await work();
  histogram.disable();
  return histogram.max / 1e6;
}

const idle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runCalendarBench(): Promise<void> {
  const ics = timed(buildIcs);
  const bareParse = timed(() => ICAL.parse(ics.result));
  const parser = new CalendarParser();
  // The first parse also starts the worker; the figure is a parse of a calendar that changed.
  await parser.parse(ics.result, 20 * 1024 * 1024);
  const parsed = await timedAsync(() => parser.parse(ics.result, 20 * 1024 * 1024));
  if (!parsed.result.ok) throw new Error(`bench calendar did not parse: ${parsed.result.error.message}`);
  const calendar = parsed.result.value;
  const idleDelay = await maxLoopDelay(() => idle(parsed.ms));
  const loadingDelay = await maxLoopDelay(() => parser.parse(ics.result, 20 * 1024 * 1024));
  parser.dispose();

  const expandedYear = timed(() => expandCalendar(calendar, WINDOW_FROM, WINDOW_TO, USER_ZONE));
  const profiles = [2, 3, 4, 5, 6].map((number) => ({ id: `p${number}`, number, calendarPriority: number * 10 }));
  const options = planOptionsOf({ unmarkedBusyProfileNumber: null, shortFormMarkers: false, ignorePrivateEvents: false });
  const planner = new CalendarPlanner();
  const now = Date.UTC(2026, 8, 1, 8);
  const sources = [{ sourceId: 'bench', calendar }];
  const firstPlan = timed(() => planner.plan(sources, profiles, options, USER_ZONE, now));
  const nextPlan = timed(() => planner.plan(sources, profiles, options, USER_ZONE, now + 3_600_000));
  const windowDays = PLAN_WINDOW.afterMs / DAY_MS;

  console.log(
    `ics size: ${mb(new TextEncoder().encode(ics.result).length)}, ${EVENT_COUNT} events (${calendar.events.length} VEVENTs incl. exceptions)`,
  );
  console.log(`parse in the worker, reply included: ${parsed.ms.toFixed(0)} ms (${calendar.warnings.length} warnings)`);
  console.log(`expand 2026: ${expandedYear.ms.toFixed(0)} ms, ${expandedYear.result.occurrences.length} occurrences`);
  console.log(
    `first plan (${windowDays} days ahead): ${firstPlan.ms.toFixed(0)} ms, ${firstPlan.result.activations.length} activations; next plan: ${nextPlan.ms.toFixed(1)} ms`,
  );
  reportRows([
    {
      figure: `calendar: parse ${EVENT_COUNT} events`,
      definition:
        'the service parsing a changed ICS text in its worker, reply included, against bare ical.js parsing the same text to jCal',
      unit: 'ms',
      app: parsed.ms,
      anchorName: 'bare ical.js',
      anchor: bareParse.ms,
      maxApp: 300,
    },
    {
      figure: 'calendar: first 14-day plan',
      definition: "the service's planner expanding its rolling window and planning activations, against expanding the whole year",
      unit: 'ms',
      app: firstPlan.ms,
      anchorName: 'whole year',
      anchor: expandedYear.ms,
    },
    {
      figure: 'calendar: plan after the first',
      definition: 'the planner asked again an hour later, against the first plan',
      unit: 'ms',
      app: nextPlan.ms,
      anchorName: 'first plan',
      anchor: firstPlan.ms,
      maxApp: 50,
    },
    {
      figure: 'calendar: main loop held while loading',
      definition: 'the longest event-loop delay on the services process while the worker parses the file, against the same process idle',
      unit: 'ms',
      app: loadingDelay,
      anchorName: 'idle',
      anchor: idleDelay,
      maxApp: 20,
    },
  ]);
  console.log(
    `peak rss (sampled): ${mb(peak.rss)}, peak heapUsed (sampled): ${mb(peak.heapUsed)}, max rss (OS): ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runCalendarBench();
