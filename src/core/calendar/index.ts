export type * from './types';
export { parseIcs, DEFAULT_MAX_ICS_BYTES, type ParseIcsOptions } from './parse';
export { expandOccurrences, expandCalendar, isBusy, DEFAULT_EXPANSION_LIMITS, type Expansion, type ExpansionLimits } from './expand';
export { findMarker, readMarker, type MarkerReading, type MarkerRules } from './markers';
export {
  planCalendarActivations,
  resolveCalendarProfileAt,
  nextCalendarChange,
  activationKey,
  planOptionsOf,
  type CalendarActivation,
  type CalendarWarning,
  type CalendarProfile,
  type PlanOptions,
} from './schedule';
