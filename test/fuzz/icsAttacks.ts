import fc from 'fast-check';
import { expandCalendar, parseIcs, planCalendarActivations, type CalendarProfile } from '../../src/core/calendar';
import type { ParseResult } from '../../src/core/calendar/types';

/**
 * Generated attacks on the ICS path the app runs: parse → expand → plan. A calendar holds good
 * events (each must still switch its profile) beside hostile ones built from a grammar of bad
 * properties (each must be read or reported, never thrown or lost in silence); a second kind of
 * case then breaks the text itself (cut off, control characters), where a whole-file error code
 * is a fair answer but a throw is not.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 2026-04-15T06:00:00Z, a Wednesday in summer time. */
const NOW = Date.UTC(2026, 3, 15, 6);
const WINDOW = { fromMs: NOW - DAY, toMs: NOW + 14 * DAY };
const USER_ZONE = 'Europe/Stockholm';
const PROFILES: CalendarProfile[] = [
  { id: 'meeting', number: 3, calendarPriority: 50 },
  { id: 'lunch', number: 4, calendarPriority: 40 },
];
const MAX_INSTANT_MS = 8.64e15;
const WHOLE_FILE_CODES = new Set(['ics-empty', 'ics-not-calendar', 'ics-malformed', 'ics-too-large']);

const HOSTILE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'prototype',
  'Europe/Nowhere',
  'Etc/GMT+99',
  '',
];

type GoodZone = 'utc' | 'stockholm' | 'windows';

interface GoodEvent {
  zone: GoodZone;
  hugeSummary: boolean;
}

const stamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
/** Stockholm and W. Europe Standard Time are both UTC+2 in April. */
const localStamp = (ms: number) => stamp(ms + 2 * HOUR).replace(/Z$/, '');

function goodLines(index: number, event: GoodEvent): { lines: string[]; start: number; end: number } {
  const start = NOW + (index + 1) * HOUR;
  const end = start + HOUR / 2;
  const times =
    event.zone === 'utc'
      ? [`DTSTART:${stamp(start)}`, `DTEND:${stamp(end)}`]
      : [
          `DTSTART;TZID=${event.zone === 'stockholm' ? 'Europe/Stockholm' : 'W. Europe Standard Time'}:${localStamp(start)}`,
          `DURATION:PT30M`,
        ];
  const summary = `#3 Möte ${index}${event.hugeSummary ? ` ${'x'.repeat(1024 * 1024)}` : ''}`;
  return {
    lines: ['BEGIN:VEVENT', `UID:good-${index}@fuzz.test`, 'DTSTAMP:20260101T000000Z', ...times, `SUMMARY:${summary}`, 'END:VEVENT'],
    start,
    end,
  };
}

/** One property of an event, as hostile as the grammar allows while the line itself stays well formed. */
const hostileName = fc.oneof(fc.constantFrom(...HOSTILE_NAMES), fc.stringMatching(/^[A-Za-z_/ .+-]{1,30}$/));
const hostileDate = fc.oneof(
  fc.constantFrom(
    '99991231T235959Z',
    '00000101T000000Z',
    '15991231T235959',
    '22010101T000000Z',
    '20261399T000000Z',
    '20260230T250000Z',
    '20260415T120000',
    '20260415',
  ),
  fc.constantFrom('NaN', '-20260101T000000Z', '2026', 'T', '20260415T1200000000000Z', '1e308'),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
    .map(
      ([year, month, day]) => `${String(year).padStart(4, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}T090000Z`,
    ),
);
const hostileDuration = fc.oneof(
  fc.constantFrom('P99999999W', '-P1D', 'PT0S', 'P1Y', 'PT99999999999999999999H', 'P3661D', 'NaN', 'P', '-PT1H'),
  fc.integer().map((weeks) => `P${weeks}W`),
  fc.double().map((hours) => `PT${hours}H`),
);
const hostileRule = fc.oneof(
  fc.constantFrom(
    'FREQ=SECONDLY;COUNT=999999999',
    'FREQ=DAILY;INTERVAL=2147483647',
    'FREQ=DAILY;INTERVAL=0',
    'FREQ=WEEKLY;INTERVAL=-1',
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;BYDAY=MO',
    'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
    'FREQ=MINUTELY;COUNT=-5',
    'FREQ=DAILY;UNTIL=garbage',
    'FREQ=NONSENSE',
    'FREQ=MONTHLY;BYSETPOS=999999;BYDAY=MO',
    'FREQ=YEARLY;BYYEARDAY=366;BYMONTH=1',
    'COUNT=5',
    'FREQ=HOURLY;BYHOUR=99',
    'FREQ=DAILY;UNTIL=99991231T000000Z',
    'FREQ=WEEKLY;BYDAY=999MO',
  ),
  fc
    .record({
      freq: fc.constantFrom('SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
      count: fc.option(fc.oneof(fc.integer(), fc.constant(Number.MAX_SAFE_INTEGER)), { nil: undefined }),
      interval: fc.option(fc.integer(), { nil: undefined }),
    })
    .map(
      ({ freq, count, interval }) =>
        `FREQ=${freq}${count === undefined ? '' : `;COUNT=${count}`}${interval === undefined ? '' : `;INTERVAL=${interval}`}`,
    ),
);
const controlText = fc
  .array(
    fc.integer({ min: 0, max: 0x9f }).filter((code) => code < 0x20 || code >= 0x7f),
    { minLength: 1, maxLength: 8 },
  )
  .map((codes) =>
    // CR and LF would end the line: they belong to the structural attacks below.
    String.fromCharCode(...codes.map((code) => (code === 10 || code === 13 ? 7 : code))),
  );

type Mutation = { replaces: 'start' | 'end' | 'both' | null; lines: string[] } | { uid: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  hostileName.map((tzid) => ({
    replaces: 'both' as const,
    lines: [`DTSTART;TZID=${tzid}:20260415T120000`, `DTEND;TZID=${tzid}:20260415T130000`],
  })),
  hostileDate.map((date) => ({ replaces: 'start' as const, lines: [`DTSTART:${date}`] })),
  hostileDate.map((date) => ({ replaces: 'end' as const, lines: [`DTEND:${date}`] })),
  hostileDuration.map((duration) => ({ replaces: 'end' as const, lines: [`DURATION:${duration}`] })),
  hostileRule.map((rule) => ({ replaces: null, lines: [`RRULE:${rule}`] })),
  fc.tuple(hostileName, hostileDate).map(([tzid, date]) => ({ replaces: null, lines: [`EXDATE;TZID=${tzid}:${date.replace(/Z$/, '')}`] })),
  hostileDate.map((date) => ({ replaces: null, lines: [`RDATE:${date}`] })),
  hostileDuration.map((duration) => ({ replaces: null, lines: [`RDATE;VALUE=PERIOD:20260416T090000Z/${duration}`] })),
  hostileName.map((tzid) => ({ replaces: null, lines: [`RECURRENCE-ID;TZID=${tzid}:20260415T120000`] })),
  fc.constant<Mutation>({ replaces: 'start', lines: [] }),
  controlText.map((text) => ({ replaces: null, lines: [`SUMMARY:#4 ${text}`] })),
  fc.constant<Mutation>({ replaces: null, lines: [`SUMMARY:#4 ${'y'.repeat(1024 * 1024)}`] }),
  fc
    .oneof(
      fc.constant('x'.repeat(2_000)),
      controlText.map((text) => `uid${text}@fuzz.test`),
    )
    .map((uid) => ({ uid })),
);

interface HostileEvent {
  mutations: Mutation[];
}

function hostileLines(index: number, event: HostileEvent): { lines: string[]; uidIsBad: boolean } {
  let start = ['DTSTART:20260415T100000Z'];
  let end = ['DTEND:20260415T110000Z'];
  let uid = `bad-${index}@fuzz.test`;
  let uidIsBad = false;
  const extra: string[] = [];
  for (const change of event.mutations) {
    if ('uid' in change) {
      uid = change.uid;
      uidIsBad = true;
    } else if (change.replaces === 'both') {
      [start, end] = [[change.lines[0] ?? ''], [change.lines[1] ?? '']];
    } else if (change.replaces === 'start') start = change.lines;
    else if (change.replaces === 'end') end = change.lines;
    else extra.push(...change.lines);
  }
  return {
    lines: ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T000000Z', ...start, ...end, 'SUMMARY:#4 Lunch', ...extra, 'END:VEVENT'],
    uidIsBad,
  };
}

interface HostileZone {
  tzid: string;
  rule: string | undefined;
  start: string;
  offset: string;
  nesting: number;
}

const hostileZone: fc.Arbitrary<HostileZone> = fc.record({
  tzid: hostileName,
  rule: fc.option(hostileRule, { nil: undefined }),
  start: fc.oneof(
    fc.constant('19700101T000000'),
    hostileDate.map((date) => date.replace(/Z$/, '')),
  ),
  offset: fc.constantFrom('+0100', '+9999', '-2400', '+0000', 'garbage'),
  nesting: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 }), fc.constant(5_000)),
});

function zoneLines(z: HostileZone): string[] {
  const nest = Array.from({ length: z.nesting }, () => 'BEGIN:X-NESTED');
  const unnest = Array.from({ length: z.nesting }, () => 'END:X-NESTED');
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${z.tzid}`,
    ...nest,
    ...unnest,
    'BEGIN:STANDARD',
    `DTSTART:${z.start}`,
    ...(z.rule ? [`RRULE:${z.rule}`] : []),
    `TZOFFSETFROM:${z.offset}`,
    `TZOFFSETTO:${z.offset}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
}

const calendarCase: fc.Arbitrary<CalendarCase> = fc.record({
  good: fc.array(
    fc.record({
      zone: fc.constantFrom<GoodZone>('utc', 'stockholm', 'windows'),
      hugeSummary: fc.oneof({ arbitrary: fc.constant(false), weight: 19 }, { arbitrary: fc.constant(true), weight: 1 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  hostile: fc.array(fc.record({ mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 5 }),
  zones: fc.array(hostileZone, { maxLength: 3 }),
  order: fc.boolean(),
});

/** What breaks the text rather than an event: cut it off, or put control characters or stray line ends anywhere. */
const structural = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (text: string) => text.slice(0, Math.floor(text.length * at))),
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.oneof(controlText, fc.constantFrom('\r', '\n', '\r\n ', '\u0000', '\uFEFF', '\uD800')),
    )
    .map(([at, text]) => (calendar: string) => {
      const index = Math.floor(calendar.length * at);
      return calendar.slice(0, index) + text + calendar.slice(index);
    }),
);

interface Built {
  text: string;
  good: { uid: string; start: number; end: number }[];
  hostileUids: string[];
  badUids: number;
}

interface CalendarCase {
  good: GoodEvent[];
  hostile: HostileEvent[];
  zones: HostileZone[];
  order: boolean;
}

function build({ good, hostile, zones, order }: CalendarCase): Built {
  const goodEvents = good.map((event, index) => ({ uid: `good-${index}@fuzz.test`, ...goodLines(index, event) }));
  const hostileEvents = hostile.map((event, index) => ({ uid: `bad-${index}@fuzz.test`, ...hostileLines(index, event) }));
  const events = order ? [...goodEvents, ...hostileEvents] : [...hostileEvents, ...goodEvents];
  const text = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Profiltelefon fuzz//SV',
    ...zones.flatMap(zoneLines),
    ...events.flatMap((event) => event.lines),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  return {
    text,
    good: goodEvents.map(({ uid, start, end }) => ({ uid, start, end })),
    hostileUids: hostileEvents.filter((event) => !event.uidIsBad).map((event) => event.uid),
    badUids: hostileEvents.filter((event) => event.uidIsBad).length,
  };
}

function isInstant(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_INSTANT_MS;
}

/** Expands and plans a calendar that was read, as the calendar service does, and checks what comes out. */
function expandAndPlan(result: ParseResult & { ok: true }) {
  const expansion = expandCalendar(result.value, WINDOW.fromMs, WINDOW.toMs, USER_ZONE);
  const plan = planCalendarActivations(expansion.occurrences, PROFILES, { defaultProfileNumberForUnmarkedBusy: null });
  for (const occurrence of expansion.occurrences) {
    if (!isInstant(occurrence.start) || !isInstant(occurrence.end))
      throw new Error(`occurrence of ${occurrence.uid.slice(0, 40)} at ${occurrence.start}–${occurrence.end}`);
  }
  for (const activation of plan.activations) {
    if (!isInstant(activation.start) || !isInstant(activation.end))
      throw new Error(`activation ${activation.key.slice(0, 60)} is not at a real time`);
  }
  return { expansion, plan };
}

function checkCalendar(built: Built): void {
  const result = parseIcs(built.text);
  if (!result.ok)
    throw new Error(`a calendar of well-formed lines was refused whole: ${result.error.code} ${result.error.message.slice(0, 200)}`);
  const { expansion, plan } = expandAndPlan(result);

  for (const good of built.good) {
    const key = `${good.uid}|${good.start}`;
    const activation = plan.activations.find((candidate) => candidate.key === key);
    if (!activation || activation.end !== good.end || activation.profileNumber !== 3) {
      throw new Error(`good event ${good.uid} did not switch to #3 at ${new Date(good.start).toISOString()}`);
    }
  }

  const parsedUids = new Set(result.value.events.map((event) => event.uid));
  const warnedUids = new Set([...result.value.warnings, ...expansion.warnings].map((warning) => warning.uid));
  for (const uid of built.hostileUids) {
    if (!parsedUids.has(uid) && !warnedUids.has(uid)) throw new Error(`hostile event ${uid} vanished without a warning`);
  }
  const unnamedWarnings = result.value.warnings.filter((warning) => warning.code === 'event-invalid' && warning.uid === null).length;
  if (unnamedWarnings < built.badUids) throw new Error(`${built.badUids} events with unusable UIDs, ${unnamedWarnings} warnings`);
}

function checkBrokenText(text: string): void {
  const result = parseIcs(text);
  if (!result.ok) {
    if (!WHOLE_FILE_CODES.has(result.error.code)) throw new Error(`unknown error code ${result.error.code}`);
    return;
  }
  expandAndPlan(result);
}

/**
 * The generated-attack property for ICS files. Run it with `fc.assert(icsAttackProperty, { numRuns })`;
 * a failure names the case it found, shrunk.
 */
export const icsAttackProperty = fc.property(calendarCase, fc.option(structural, { nil: undefined, freq: 3 }), (input, breakText) => {
  const built = build(input);
  checkCalendar(built);
  if (breakText) checkBrokenText(breakText(built.text));
});
