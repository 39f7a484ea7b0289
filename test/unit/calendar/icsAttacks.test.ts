import fc from 'fast-check';
import { describe, it } from 'vitest';
import { icsAttackProperty } from '../../fuzz/icsAttacks';

/** A bounded count for every run; `npm run fuzz` runs the same property far longer. */
const RUNS_IN_CI = 150;

describe('generated attacks on the ICS path (parse → expand → plan)', () => {
  it(`survive ${RUNS_IN_CI} hostile calendars: nothing throws, every bad event is read or reported, the good ones still switch`, () => {
    fc.assert(icsAttackProperty, { numRuns: RUNS_IN_CI });
  }, 60_000);
});
