import { useState, type KeyboardEvent } from 'react';

/** The two controls of a row, as columns: activate the profile, or choose its end. */
export type RovingColumn = 0 | 1;

const STEPS: Record<string, (row: number, last: number) => number> = {
  ArrowDown: (row, last) => Math.min(row + 1, last),
  ArrowUp: (row) => Math.max(row - 1, 0),
  Home: () => 0,
  End: (_row, last) => last,
};

/**
 * One Tab stop for a list of rows with two controls each (WAI-ARIA's roving tabindex): the arrow
 * keys move between rows and between a row's two controls, Home and End to the first and last
 * row. Controls carry `data-row` and `data-column`, so focus can move to them by position.
 */
export function useRovingFocus(rowCount: number, initialRow: number) {
  const [current, setCurrent] = useState<{ row: number; column: RovingColumn }>({ row: initialRow, column: 0 });
  const row = Math.min(current.row, Math.max(rowCount - 1, 0));

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const step = STEPS[event.key];
    const column: RovingColumn | null = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? 0 : null;
    if (!step && column === null) return;
    event.preventDefault();
    const next = { row: step ? step(row, rowCount - 1) : row, column: column ?? current.column };
    setCurrent(next);
    event.currentTarget.querySelector<HTMLElement>(`[data-row="${next.row}"][data-column="${next.column}"]`)?.focus();
  };

  /** Props for the control at (row, column): in the Tab order only where the list's focus is. */
  const controlProps = (at: number, column: RovingColumn) => ({
    'data-row': at,
    'data-column': column,
    tabIndex: at === row && column === current.column ? 0 : -1,
    onFocus: () => setCurrent({ row: at, column }),
  });

  return { onKeyDown, controlProps, focusedRow: row };
}
