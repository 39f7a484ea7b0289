import { fail, ok, type Result } from '../errors';
import type { Activation } from '../profiles/activationRecord';
import type { CalendarActivation } from './schedule';
import { MAX_SUPPRESSED_ACTIVATIONS, type CalendarSettings, type SuppressedActivation } from './settings';

/** The part of the settings that records which calendar activations the user overrode or skipped. */
interface SuppressionSlice {
  active: Activation;
  calendar: CalendarSettings;
}

/** The entries still to be honoured: an entry is pruned once its activation has ended. */
export function activeSuppressions(entries: readonly SuppressedActivation[], now: number): SuppressedActivation[] {
  const kept = entries.filter((entry) => entry.end > now);
  return kept.length === entries.length ? (entries as SuppressedActivation[]) : kept;
}

function withSuppressed<S extends SuppressionSlice>(settings: S, entries: SuppressedActivation[]): S {
  return { ...settings, calendar: { ...settings.calendar, suppressed: entries.slice(-MAX_SUPPRESSED_ACTIVATIONS) } };
}

/**
 * Marks the activation just made as chosen by hand. Every calendar activation in force at this
 * moment is left alone until it ends: the user's choice wins over the meeting they are in.
 */
export function markChosenByHand<S extends SuppressionSlice>(settings: S, activations: readonly CalendarActivation[], now: number): S {
  const kept = activeSuppressions(settings.calendar.suppressed, now);
  const known = new Set(kept.map((entry) => entry.key));
  const overridden: SuppressedActivation[] = [];
  for (const activation of activations) {
    if (activation.start > now || now >= activation.end || known.has(activation.key)) continue;
    known.add(activation.key);
    overridden.push({ key: activation.key, end: activation.end, reason: 'overridden' });
  }
  const marked: S = { ...settings, active: { ...settings.active, source: { kind: 'manual' } } };
  return withSuppressed(marked, [...kept, ...overridden]);
}

/** "Hoppa över": the calendar leaves this activation alone. */
export function skipActivation<S extends SuppressionSlice>(
  settings: S,
  activations: readonly CalendarActivation[],
  key: string,
  now: number,
): Result<S> {
  const activation = activations.find((candidate) => candidate.key === key);
  if (!activation) return fail('calendar-activation-unknown', 'No upcoming calendar activation has this key.', 'key');
  if (activation.end <= now) return fail('calendar-activation-past', 'This calendar activation has already ended.', 'key');
  const kept = activeSuppressions(settings.calendar.suppressed, now).filter((entry) => entry.key !== key);
  return ok(withSuppressed(settings, [...kept, { key, end: activation.end, reason: 'skipped' }]));
}

/** Takes back a skip, so the activation runs after all. */
export function unskipActivation<S extends SuppressionSlice>(settings: S, key: string, now: number): Result<S> {
  const kept = activeSuppressions(settings.calendar.suppressed, now);
  if (!kept.some((entry) => entry.key === key && entry.reason === 'skipped')) {
    return fail('calendar-skip-unknown', 'This calendar activation is not skipped.', 'key');
  }
  return ok(
    withSuppressed(
      settings,
      kept.filter((entry) => entry.key !== key),
    ),
  );
}
