import type { CalendarEvent, CalendarTime, EventEnd, ExpansionWarning, Occurrence, ParsedCalendar } from './types';
import { createToEpochMs, type ToEpochMs } from './instants';
import { expandRule, StepBudget } from './recurrence';
import { DAY_MS, addDays, dateKey } from './wallClock';
import { reason } from './reason';

/**
 * A step is one candidate instance ical.js considers. 20 000 covers a daily event over 50 years
 * or an hourly one over two; the total keeps a file full of hostile rules to a few seconds.
 */
export interface ExpansionLimits {
  maxStepsPerSeries: number;
  maxStepsTotal: number;
}

export const DEFAULT_EXPANSION_LIMITS: ExpansionLimits = { maxStepsPerSeries: 20_000, maxStepsTotal: 500_000 };

export interface Expansion {
  occurrences: Occurrence[];
  warnings: ExpansionWarning[];
}

/**
 * Every occurrence overlapping [fromMs, toMs), sorted by start. Cancelled and transparent
 * occurrences are included and flagged, because a cancelled instance still hides the series
 * instance it replaces and a transparent one may still carry a profile marker; see
 * `isBusy` and `planCalendarActivations` for how they are used.
 */
export function expandOccurrences(calendar: ParsedCalendar, fromMs: number, toMs: number, timeZone: string): Occurrence[] {
  return expandCalendar(calendar, fromMs, toMs, timeZone).occurrences;
}

/** Blocks time in the calendar: neither cancelled nor shown as free. */
export function isBusy(occurrence: Occurrence): boolean {
  return !occurrence.cancelled && !occurrence.transparent;
}

export function expandCalendar(
  calendar: ParsedCalendar,
  fromMs: number,
  toMs: number,
  timeZone: string,
  limits: ExpansionLimits = DEFAULT_EXPANSION_LIMITS,
): Expansion {
  const toEpochMs = createToEpochMs(calendar, timeZone);
  const expansion: Expansion = { occurrences: [], warnings: [] };
  const window = { fromMs, toMs };
  const replacedInstances = instancesReplacedByOverrides(calendar.events, toEpochMs);
  const budget = new StepBudget(limits.maxStepsPerSeries, limits.maxStepsTotal);

  // Each event in its own guard: one that cannot be expanded is a warning, the others still count.
  for (const event of calendar.events) {
    const occurrences: Occurrence[] = [];
    try {
      if (event.recurrence) {
        expandSeries(event, window, toEpochMs, budget, replacedInstances.get(event.uid), { occurrences, warnings: expansion.warnings });
      } else {
        const start = toEpochMs(event.start);
        const end = endCalculator(event.start, event.end, toEpochMs)(event.start, start);
        const recurrenceId = event.recurrenceId ? toEpochMs(event.recurrenceId) : undefined;
        checkInstants(start, end);
        if (overlaps(start, end, window)) occurrences.push(occurrenceOf(event, event.start, start, end, recurrenceId));
      }
      expansion.occurrences.push(...occurrences);
    } catch (error) {
      expansion.warnings.push({ code: 'event-expansion-failed', uid: event.uid, message: `Event not expanded: ${reason(error)}` });
    }
  }
  expansion.occurrences.sort((a, b) => a.start - b.start || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  return expansion;
}

interface Window {
  fromMs: number;
  toMs: number;
}

function overlaps(start: number, end: number, window: Window): boolean {
  return end > start && start < window.toMs && end > window.fromMs;
}

/** The range of a JavaScript Date: an instant outside it cannot be shown or compared with the clock. */
const MAX_INSTANT_MS = 8.64e15;

function isInstant(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_INSTANT_MS;
}

function checkInstants(start: number, end: number): void {
  if (!isInstant(start) || !isInstant(end)) throw new RangeError('the event starts or ends outside the range of dates');
}

function occurrenceOf(event: CalendarEvent, time: CalendarTime, start: number, end: number, recurrenceId?: number): Occurrence {
  const occurrence: Occurrence = {
    uid: event.uid,
    title: event.title,
    start,
    end,
    allDay: time.allDay,
    transparent: event.transparent,
    cancelled: event.cancelled,
    private: event.private,
  };
  if (recurrenceId !== undefined) occurrence.recurrenceId = recurrenceId;
  return occurrence;
}

type EndCalculator = (instance: CalendarTime, startMs: number) => number;

function endCalculator(seriesStart: CalendarTime, end: EventEnd, toEpochMs: ToEpochMs): EndCalculator {
  if (end.kind === 'at') {
    const exactLength = toEpochMs(end.time) - toEpochMs(seriesStart);
    return (_instance, startMs) => startMs + exactLength;
  }
  const { days, ms } = end;
  if (days === 0) return (_instance, startMs) => startMs + ms;
  return (instance) => toEpochMs({ ...instance, wall: addDays(instance.wall, days) }) + ms;
}

/** uid → original starts of the instances that a RECURRENCE-ID event moves or cancels. */
function instancesReplacedByOverrides(events: CalendarEvent[], toEpochMs: ToEpochMs): Map<string, Set<number>> {
  const replaced = new Map<string, Set<number>>();
  for (const event of events) {
    if (!event.recurrenceId) continue;
    let original: number;
    try {
      original = toEpochMs(event.recurrenceId);
    } catch {
      continue; // The override's own expansion fails the same way and reports it.
    }
    let starts = replaced.get(event.uid);
    if (!starts) replaced.set(event.uid, (starts = new Set()));
    starts.add(original);
  }
  return replaced;
}

interface Instance {
  time: CalendarTime;
  end: EventEnd | null;
}

function expandSeries(
  event: CalendarEvent,
  window: Window,
  toEpochMs: ToEpochMs,
  budget: StepBudget,
  replaced: Set<number> | undefined,
  expansion: Expansion,
): void {
  const recurrence = event.recurrence;
  if (!recurrence) return;
  const seriesEnd = endCalculator(event.start, event.end, toEpochMs);
  const firstStart = toEpochMs(event.start);
  const longestLength = seriesEnd(event.start, firstStart) - firstStart + DAY_MS;
  const ruleWindow = { earliestUsefulMs: window.fromMs - longestLength, stopAtMs: window.toMs + DAY_MS };

  // DTSTART is always the first instance (RFC 5545 §3.8.5.3), whether or not the rule matches it.
  const instances = new Map<number, Instance>([[firstStart, { time: event.start, end: null }]]);
  budget.startSeries();
  for (const rule of recurrence.rules) {
    try {
      const expanded = expandRule(rule, event.start, ruleWindow, toEpochMs, budget);
      for (const { wall, startMs } of expanded.instances) {
        if (!instances.has(startMs)) instances.set(startMs, { time: { ...event.start, wall }, end: null });
      }
      if (expanded.limitReached) {
        expansion.warnings.push({
          code: 'recurrence-limit-reached',
          uid: event.uid,
          message: 'Stopped expanding a recurrence that needed too many steps',
        });
      }
    } catch (error) {
      expansion.warnings.push({ code: 'recurrence-failed', uid: event.uid, message: `Recurrence not expanded: ${reason(error)}` });
    }
  }
  for (const rdate of recurrence.rdates) instances.set(toEpochMs(rdate.start), { time: rdate.start, end: rdate.end });

  const excludedStarts = new Set<number>();
  const excludedDates = new Set<string>();
  for (const exdate of recurrence.exdates) {
    // A DATE EXDATE on a timed series (written by some generators) removes that whole day.
    if (exdate.allDay && !event.start.allDay) excludedDates.add(dateKey(exdate.wall));
    else excludedStarts.add(toEpochMs(exdate));
  }

  for (const [start, instance] of instances) {
    if (excludedStarts.has(start) || excludedDates.has(dateKey(instance.time.wall)) || replaced?.has(start)) continue;
    const end = instance.end
      ? endCalculator(instance.time, instance.end, toEpochMs)(instance.time, start)
      : seriesEnd(instance.time, start);
    checkInstants(start, end);
    if (overlaps(start, end, window)) expansion.occurrences.push(occurrenceOf(event, instance.time, start, end, start));
  }
}
