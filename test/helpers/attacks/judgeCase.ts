import fc from 'fast-check';
import type { Outcome } from './ipcAttacks';

/**
 * A case that takes longer than this has hung, as far as a user waiting on it can tell; generous,
 * since a 10 MB case on a loaded two-core machine takes a good second.
 */
export const HANG_MS = 10_000;

/** Runs one case, turning a throw or a hang into a fault of its own. */
export async function judgeCase(run: () => Outcome | Promise<Outcome>): Promise<Outcome & { ms: number }> {
  const started = performance.now();
  let outcome: Outcome;
  try {
    outcome = await run();
  } catch (error) {
    outcome = { kind: 'broken', problem: `threw: ${String((error as Error)?.message ?? error).slice(0, 200)}` };
  }
  const ms = performance.now() - started;
  if (outcome.kind !== 'broken' && ms > HANG_MS) return { kind: 'broken', problem: `hung for ${Math.round(ms)} ms`, ms };
  return { ...outcome, ms };
}

/** A value in a few words, for a report that must not print a 10 MB counterexample. */
export function sketch(value: unknown, depth = 0): string {
  if (typeof value === 'string')
    return value.length > 60 ? `${JSON.stringify(value.slice(0, 60))}… (${value.length} characters)` : JSON.stringify(value);
  if (typeof value !== 'object' || value === null) return String(value);
  if (depth > 3) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value))
    return `[${value
      .slice(0, 5)
      .map((item) => sketch(item, depth + 1))
      .join(', ')}${value.length > 5 ? `, … ${value.length} items` : ''}]`;
  const keys = Object.keys(value);
  return `{${keys
    .slice(0, 12)
    .map((key) => `${sketch(key)}: ${sketch((value as Record<string, unknown>)[key], depth + 1)}`)
    .join(', ')}${keys.length > 12 ? ', …' : ''}}`;
}

/** Runs `cases` attacks; the first fault fails with what went wrong and a sketch of the input, never the input whole. */
export async function assertNoFault<T>(
  input: fc.Arbitrary<T>,
  attack: (value: T) => Outcome | Promise<Outcome>,
  numRuns: number,
): Promise<void> {
  let fault: string | null = null;
  await fc.check(
    fc.asyncProperty(input, async (value) => {
      const outcome = await judgeCase(() => attack(value));
      if (outcome.kind === 'broken') fault = `${outcome.problem} — input: ${sketch(value)}`;
      return outcome.kind !== 'broken';
    }),
    { numRuns, endOnFailure: true },
  );
  if (fault !== null) throw new Error(fault);
}
