/*
 * The rows of `npm run bench`'s table. Each benchmark script measures the app and its anchor in
 * the same run and reports them here; `bench/run.ts` collects every script's rows into one table.
 */
import { appendFileSync } from 'node:fs';

export interface BenchRow {
  /** What is measured, short: "call setup, click → ACK at callee (median)". */
  figure: string;
  /** One line: where the measurement starts and stops, and on what. */
  definition: string;
  unit: 'ms' | 'kB' | '%' | 'count';
  app: number;
  anchorName: string;
  anchor: number;
  /** The goal on app / anchor, when the issue sets one as a ratio. */
  maxRatio?: number;
  /** The goal on the app's own figure, when the issue sets an absolute one. */
  maxApp?: number;
}

/** Set by `bench/run.ts` for each script it starts: the file the script's rows go to, one JSON object per line. */
export const ROWS_FILE_VARIABLE = 'BENCH_ROWS_FILE';

export function ratioOf(row: BenchRow): number {
  return row.anchor === 0 ? Number.NaN : row.app / row.anchor;
}

export function meetsGoal(row: BenchRow): boolean | null {
  if (row.maxRatio === undefined && row.maxApp === undefined) return null;
  const ratioMet = row.maxRatio === undefined || ratioOf(row) <= row.maxRatio;
  const appMet = row.maxApp === undefined || row.app <= row.maxApp;
  return ratioMet && appMet;
}

/** Prints the rows as the script's own output and hands them to `bench/run.ts` when it started the script. */
export function reportRows(rows: readonly BenchRow[]): void {
  console.log(formatTable(rows));
  const file = process.env[ROWS_FILE_VARIABLE];
  if (file) appendFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
}

function goalText(row: BenchRow): string {
  const parts: string[] = [];
  if (row.maxRatio !== undefined) parts.push(`≤ ${row.maxRatio}×`);
  if (row.maxApp !== undefined) parts.push(`≤ ${row.maxApp} ${row.unit}`);
  return parts.join(', ') || '—';
}

function value(n: number, unit: BenchRow['unit']): string {
  const digits = (unit === 'ms' && n < 10) || unit === '%' ? 1 : 0;
  return `${n.toFixed(digits)} ${unit}`;
}

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['figure', 'app', 'anchor', 'ratio', 'goal', 'met'];
  const body = rows.map((row) => {
    const met = meetsGoal(row);
    return [
      row.figure,
      value(row.app, row.unit),
      `${row.anchorName} ${value(row.anchor, row.unit)}`,
      Number.isFinite(ratioOf(row)) ? `${ratioOf(row).toFixed(2)}×` : '—',
      goalText(row),
      met === null ? '' : met ? 'yes' : 'NO',
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  const definitions = rows.map((row) => `- ${row.figure}: ${row.definition}`);
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line), '', ...definitions].join('\n');
}
