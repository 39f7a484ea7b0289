import { describe, expect, it } from 'vitest';
import { formatTable, meetsGoal, ratioOf, type BenchRow } from '../../../bench/table';

const row = (overrides: Partial<BenchRow>): BenchRow => ({
  figure: 'call setup',
  definition: 'from the click to the ACK',
  unit: 'ms',
  app: 110,
  anchorName: 'bare JsSIP',
  anchor: 100,
  ...overrides,
});

describe('the bench table', () => {
  it('compares the app with its anchor as a ratio', () => {
    expect(ratioOf(row({}))).toBeCloseTo(1.1);
    expect(ratioOf(row({ anchor: 0 }))).toBeNaN();
  });

  it('meets a goal only when every bound the row sets holds', () => {
    expect(meetsGoal(row({}))).toBeNull();
    expect(meetsGoal(row({ maxRatio: 1.1 }))).toBe(true);
    expect(meetsGoal(row({ maxRatio: 1.05 }))).toBe(false);
    expect(meetsGoal(row({ maxRatio: 1.2, maxApp: 100 }))).toBe(false);
    expect(meetsGoal(row({ maxApp: 110 }))).toBe(true);
  });

  it('prints each figure with its anchor, ratio, goal and definition', () => {
    const table = formatTable([row({ maxRatio: 1.05 })]);
    expect(table).toMatch(/call setup\s+110 ms\s+bare JsSIP 100 ms\s+1\.10×\s+≤ 1\.05×\s+NO/);
    expect(table).toContain('- call setup: from the click to the ACK');
  });

  it('prints a share with its decimal, and no ratio against an anchor of zero', () => {
    const table = formatTable([row({ figure: 'dropped frames', unit: '%', app: 0.4, anchor: 0 })]);
    expect(table).toMatch(/dropped frames\s+0\.4 %\s+bare JsSIP 0\.0 %\s+—\s/);
    expect(table).not.toContain('NaN');
  });
});
