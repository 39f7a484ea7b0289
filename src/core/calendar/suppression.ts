import { fail, ok, type Result } from '../errors';
import type { Settings } from '../settings/schema';
import type { CalendarActivation } from './schedule';
import { MAX_SUPPRESSED_ACTIVATIONS, type SuppressedActivation } from './settings';

/** The entries still to be honoured: an entry is pruned once its activation has ended. */
export function activeSuppressions(entries: readonly SuppressedActivation[], now: number): SuppressedActivation[] {
  const kept = entries.filter((entry) => entry.end > now);
  return kept.length === entries.length ? (entries as SuppressedActivation[]) : kept;
}

function withSuppressed(settings: Settings, entries: SuppressedActivation[]): Settings {
  return { ...settings, calendar: { ...settings.calendar, suppressed: entries.slice(-MAX_SUPPRESSED_ACTIVATIONS) } };
}

/**
 * Marks the activation just made as chosen by hand. Every calendar activation in force at this
 * moment is left alone until it ends: the user's choice wins over the meeting they are in.
 */
export function markChosenByHand(settings: Settings, activations: readonly CalendarActivation[], now: number): Settings {
  const kept = activeSuppressions(settings.calendar.suppressed, now);
  const known = new Set(kept.map((entry) => entry.key));
  const overridden: SuppressedActivation[] = [];
  for (const activation of activations) {
    if (activation.start > now || now >= activation.end || known.has(activation.key)) continue;
    known.add(activation.key);
    overridden.push({ key: activation.key, end: activation.end, reason: 'overridden' });
  }
  const marked: Settings = { ...settings, active: { ...settings.active, source: { kind: 'manual' } } };
  return withSuppressed(marked, [...kept, ...overridden]);
}

/** "Hoppa över": the calendar leaves this activation alone. */
export function skipActivation(
  settings: Settings,
  activations: readonly CalendarActivation[],
  key: string,
  now: number,
): Result<Settings> {
  const activation = activations.find((candidate) => candidate.key === key);
  if (!activation) return fail('calendar-activation-unknown', 'No upcoming calendar activation has this key.', 'key');
  if (activation.end <= now) return fail('calendar-activation-past', 'This calendar activation has already ended.', 'key');
  const kept = activeSuppressions(settings.calendar.suppressed, now).filter((entry) => entry.key !== key);
  return ok(withSuppressed(settings, [...kept, { key, end: activation.end, reason: 'skipped' }]));
}

/** Takes back a skip, so the activation runs after all. */
export function unskipActivation(settings: Settings, key: string, now: number): Result<Settings> {
  const kept = activeSuppressions(settings.calendar.suppressed, now);
  if (!kept.some((entry) => entry.key === key && entry.reason === 'skipped')) {
    return fail('calendar-skip-unknown', 'This calendar activation is not skipped.', 'key');
  }
  return ok(withSuppressed(settings, kept.filter((entry) => entry.key !== key)));
}
