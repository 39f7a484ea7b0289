import {
  activationKey,
  expandCalendar,
  planCalendarActivations,
  type CalendarActivation,
  type CalendarProfile,
  type PlanOptions,
} from '../../src/core/calendar';
import type { ExpansionWarning, Occurrence, ParsedCalendar } from '../../src/core/calendar/types';
import type { UnknownProfileMarker } from '../../src/core/calendar/upcoming';

const DAY_MS = 86_400_000;
/** Expanding a year of a busy calendar is slow; a rolling fortnight is all switching needs. */
export const PLAN_WINDOW = { beforeMs: DAY_MS, afterMs: 14 * DAY_MS };
/** How far the clock may move past a window's start before the window is rolled forward. */
const ROLL_AFTER_MS = DAY_MS;

export interface SourceCalendar {
  sourceId: string;
  calendar: ParsedCalendar;
}

export interface CalendarPlan {
  activations: CalendarActivation[];
  unknownMarkers: UnknownProfileMarker[];
  /** Each planned meeting's title by its key, for the user's own list of what comes. */
  titles: ReadonlyMap<string, string>;
}

interface Expansion {
  calendar: ParsedCalendar;
  timeZone: string;
  fromMs: number;
  occurrences: Occurrence[];
  warnings: ExpansionWarning[];
}

interface PlanInputs {
  expansions: Expansion[];
  profiles: readonly CalendarProfile[];
  options: Required<PlanOptions>;
}

/**
 * Expands each source over a rolling window and plans the activations, redoing only what changed:
 * an expansion when its calendar, the time zone or the window moves, the plan when any input does.
 */
export class CalendarPlanner {
  readonly #expansions = new Map<string, Expansion>();
  #lastInputs: PlanInputs | null = null;
  #lastPlan: CalendarPlan = { activations: [], unknownMarkers: [], titles: new Map() };

  plan(
    sources: readonly SourceCalendar[],
    profiles: readonly CalendarProfile[],
    options: Required<PlanOptions>,
    timeZone: string,
    now: number,
  ): CalendarPlan {
    const expansions = sources.map((source) => this.#expansionOf(source, timeZone, now));
    for (const sourceId of this.#expansions.keys()) {
      if (!sources.some((source) => source.sourceId === sourceId)) this.#expansions.delete(sourceId);
    }
    const inputs: PlanInputs = { expansions, profiles, options };
    if (!this.#lastInputs || !sameInputs(this.#lastInputs, inputs)) {
      this.#lastPlan = planAll(inputs);
      this.#lastInputs = inputs;
    }
    return this.#lastPlan;
  }

  /** Recurrence problems met while expanding a source's window, for its status. */
  expansionWarnings(sourceId: string): ExpansionWarning[] {
    return this.#expansions.get(sourceId)?.warnings ?? [];
  }

  #expansionOf(source: SourceCalendar, timeZone: string, now: number): Expansion {
    const cached = this.#expansions.get(source.sourceId);
    const fresh =
      cached &&
      cached.calendar === source.calendar &&
      cached.timeZone === timeZone &&
      now >= cached.fromMs + PLAN_WINDOW.beforeMs &&
      now < cached.fromMs + PLAN_WINDOW.beforeMs + ROLL_AFTER_MS;
    if (fresh) return cached;
    const fromMs = now - PLAN_WINDOW.beforeMs;
    const { occurrences, warnings } = expandCalendar(source.calendar, fromMs, now + PLAN_WINDOW.afterMs, timeZone);
    const expansion: Expansion = { calendar: source.calendar, timeZone, fromMs, occurrences, warnings };
    this.#expansions.set(source.sourceId, expansion);
    return expansion;
  }
}

function sameInputs(a: PlanInputs, b: PlanInputs): boolean {
  return (
    a.profiles === b.profiles &&
    (Object.keys(a.options) as (keyof PlanOptions)[]).every((name) => a.options[name] === b.options[name]) &&
    a.expansions.length === b.expansions.length &&
    a.expansions.every((expansion, index) => expansion === b.expansions[index])
  );
}

/** Plans every source; the same event in two sources (a calendar added twice) counts once. */
function planAll({ expansions, profiles, options }: PlanInputs): CalendarPlan {
  const activations = new Map<string, CalendarActivation>();
  const unknownMarkers = new Map<string, UnknownProfileMarker>();
  const titles = new Map<string, string>();
  for (const { occurrences } of expansions) {
    const endOf = new Map(occurrences.map((occurrence) => [activationKey(occurrence), occurrence.end]));
    const plan = planCalendarActivations(occurrences, profiles, options);
    for (const activation of plan.activations) if (!activations.has(activation.key)) activations.set(activation.key, activation);
    for (const warning of plan.warnings) {
      if (unknownMarkers.has(warning.key)) continue;
      unknownMarkers.set(warning.key, {
        key: warning.key,
        number: warning.number,
        start: warning.start,
        end: endOf.get(warning.key) ?? warning.start,
      });
    }
    for (const occurrence of occurrences) {
      const key = activationKey(occurrence);
      if (!titles.has(key) && (activations.has(key) || unknownMarkers.has(key))) titles.set(key, occurrence.title);
    }
  }
  const byStart = <T extends { start: number; key: string }>(a: T, b: T) =>
    a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return { activations: [...activations.values()].sort(byStart), unknownMarkers: [...unknownMarkers.values()].sort(byStart), titles };
}
