import ICAL from 'ical.js';
import type { CalendarTime, WallClock } from './types';
import { wallClockOf } from './icalValues';
import { reason } from './reason';
import { DAY_MS, addDays, wallClockAsUtcMs } from './wallClock';

type IcalRecur = InstanceType<typeof ICAL.Recur>;
type IcalRecurIterator = InstanceType<typeof ICAL.RecurIterator>;
type IcalTime = InstanceType<typeof ICAL.Time>;

/**
 * ical.js steps day by day through INTERVAL, so INTERVAL=1000000000 never returns. No real
 * calendar repeats less often than every 1000 periods.
 */
export const MAX_RULE_INTERVAL = 1000;

export class StepBudgetExceeded extends Error {
  constructor() {
    super('recurrence step budget exceeded');
  }
}

/**
 * Counts candidate instances ical.js looks at. Its iterator loops internally until a candidate
 * passes the BY* filters, so an impossible rule (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) never
 * returns from `next()`: capping our own loop is not enough, the budget must be spent inside.
 */
export class StepBudget {
  private seriesSteps = 0;
  private totalSteps = 0;

  constructor(
    private readonly maxStepsPerSeries: number,
    private readonly maxStepsTotal: number,
  ) {}

  startSeries(): void {
    this.seriesSteps = 0;
  }

  spend(): void {
    this.seriesSteps += 1;
    this.totalSteps += 1;
    if (this.seriesSteps > this.maxStepsPerSeries || this.totalSteps > this.maxStepsTotal) throw new StepBudgetExceeded();
  }
}

function icalTimeOf(wall: WallClock, allDay: boolean) {
  return allDay
    ? ICAL.Time.fromData({ year: wall.year, month: wall.month, day: wall.day, isDate: true })
    : ICAL.Time.fromData({ ...wall, isDate: false });
}

/**
 * For a yearly rule that never matches (BYMONTH=2;BYMONTHDAY=30;BYDAY=MO) ical.js searches every
 * year up to UNTIL, or up to the year 20000 without one: over a second per rule. So the iterator
 * is always given an UNTIL just past the years we look at; the real UNTIL is checked by us.
 */
function endOfYear(year: number) {
  return ICAL.Time.fromData({ year, month: 12, day: 31, hour: 23, minute: 59, second: 59, isDate: false });
}

/** Why ical.js cannot expand this rule, or null when it can. Creating the iterator runs its checks. */
export function ruleProblem(rule: IcalRecur, start: CalendarTime): string | null {
  if (!rule.freq) return 'RRULE has no FREQ';
  if (rule.interval > MAX_RULE_INTERVAL) return `RRULE INTERVAL ${rule.interval} is above ${MAX_RULE_INTERVAL}`;
  const probe = rule.clone();
  probe.until = endOfYear(start.wall.year + 1);
  try {
    probe.iterator(icalTimeOf(start.wall, start.allDay));
    return null;
  } catch (error) {
    return `RRULE rejected by ical.js: ${reason(error)}`;
  }
}

/**
 * ical.js rolls a date that does not exist into the next month (Feb 29 in 2025 becomes Mar 1,
 * "April 31" becomes May 1) where RFC 5545 §3.3.10 says to skip it. Such an instance breaks a
 * BYMONTH/BYMONTHDAY filter, or for a plain monthly/yearly rule lands on another day of month.
 */
function isRolledOver(rule: IcalRecur, first: WallClock, instance: WallClock): boolean {
  const { BYMONTH, BYMONTHDAY, BYDAY, BYYEARDAY, BYWEEKNO } = rule.parts;
  if (BYMONTH && !BYMONTH.includes(instance.month)) return true;
  if (BYMONTHDAY) {
    const lastDay = ICAL.Time.daysInMonth(instance.month, instance.year);
    return !BYMONTHDAY.some((day) => (day > 0 ? day : lastDay + 1 + day) === instance.day);
  }
  const dayFollowsStart = (rule.freq === 'MONTHLY' || rule.freq === 'YEARLY') && !BYDAY && !BYYEARDAY && !BYWEEKNO;
  return dayFollowsStart && instance.day !== first.day;
}

/**
 * Moves DTSTART forward by whole periods so iteration starts near the window, not years before
 * it. Only for DAILY/WEEKLY without COUNT: there, shifting by whole periods yields the same
 * instances, while COUNT needs every earlier instance counted.
 */
function fastForwardedStart(rule: IcalRecur, start: WallClock, earliestUsefulMs: number): WallClock {
  if (rule.count || (rule.freq !== 'DAILY' && rule.freq !== 'WEEKLY')) return start;
  const periodDays = rule.interval * (rule.freq === 'WEEKLY' ? 7 : 1);
  const startDay = Math.floor(wallClockAsUtcMs(start) / DAY_MS);
  const targetDay = Math.floor(earliestUsefulMs / DAY_MS) - 2;
  const periods = Math.floor((targetDay - startDay) / periodDays);
  return periods > 0 ? addDays(start, periods * periodDays) : start;
}

export interface RuleWindow {
  /** Instances starting before this cannot reach the window. */
  earliestUsefulMs: number;
  /** Iteration stops once an instance starts at or after this. */
  stopAtMs: number;
}

export interface RuleInstance {
  wall: WallClock;
  startMs: number;
}

export interface RuleExpansion {
  instances: RuleInstance[];
  limitReached: boolean;
}

type UntilCheck = (instance: WallClock, startMs: number) => boolean;

/**
 * UNTIL is checked by us, not ical.js: ical.js compares it with instances in their own zone, and
 * an instance in an IANA zone it does not know is compared as if it were UTC, which drops or
 * keeps the last instance wrongly (Outlook writes UNTIL as exactly the last start, in UTC).
 */
function takeUntil(rule: IcalRecur, series: CalendarTime, toEpochMs: (time: CalendarTime) => number): UntilCheck {
  const until = rule.until;
  if (!until) return () => true;
  const untilWall = wallClockOf(until);
  if (until.isDate) {
    const lastDay = wallClockAsUtcMs({ ...untilWall, hour: 0, minute: 0, second: 0 });
    return (instance) => wallClockAsUtcMs({ ...instance, hour: 0, minute: 0, second: 0 }) <= lastDay;
  }
  const untilMs =
    until.zone === ICAL.Timezone.utcTimezone
      ? wallClockAsUtcMs(untilWall)
      : toEpochMs({ wall: untilWall, allDay: false, zone: series.zone });
  return (_instance, startMs) => startMs <= untilMs;
}

function withBudget(iterator: IcalRecurIterator, budget: StepBudget): IcalRecurIterator {
  const check = iterator.check_contracting_rules.bind(iterator);
  iterator.check_contracting_rules = () => {
    budget.spend();
    return check();
  };
  return iterator;
}

/**
 * Whether `rule` yields `occurrences` instances in the ten years from `start`, within `maxSteps`
 * candidates. Without an UNTIL, ical.js searches a rule that matches nothing
 * (FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;BYDAY=MO) up to the year 20000, and its VTIMEZONE
 * expansion gives it none.
 */
export function ruleMatchesWithin(rule: IcalRecur, start: IcalTime, occurrences: number, maxSteps: number): boolean {
  const probe = rule.clone();
  probe.until = endOfYear(start.year + 10);
  probe.count = null;
  try {
    const iterator = withBudget(probe.iterator(start), new StepBudget(maxSteps, maxSteps));
    for (let found = 0; found < occurrences; found += 1) if (!iterator.next()) return false;
    return true;
  } catch (error) {
    if (error instanceof StepBudgetExceeded) return false;
    throw error;
  }
}

export function expandRule(
  ruleText: string,
  series: CalendarTime,
  window: RuleWindow,
  toEpochMs: (time: CalendarTime) => number,
  budget: StepBudget,
): RuleExpansion {
  const rule = ICAL.Recur.fromString(ruleText);
  const isWithinUntil = takeUntil(rule, series, toEpochMs);
  rule.until = endOfYear(new Date(window.stopAtMs).getUTCFullYear() + 1);
  const first = fastForwardedStart(rule, series.wall, window.earliestUsefulMs);
  const instances: RuleInstance[] = [];
  try {
    const iterator = withBudget(rule.iterator(icalTimeOf(first, series.allDay)), budget);
    for (let next = iterator.next(); next; next = iterator.next()) {
      const wall = wallClockOf(next);
      if (isRolledOver(rule, series.wall, wall)) continue;
      const startMs = toEpochMs({ wall, allDay: series.allDay, zone: series.zone });
      if (!isWithinUntil(wall, startMs) || startMs >= window.stopAtMs) break;
      if (startMs >= window.earliestUsefulMs) instances.push({ wall, startMs });
    }
  } catch (error) {
    if (error instanceof StepBudgetExceeded) return { instances, limitReached: true };
    throw error;
  }
  return { instances, limitReached: false };
}
