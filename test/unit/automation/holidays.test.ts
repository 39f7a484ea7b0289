// Swedish public holidays, checked day by day against date-holidays, a library maintained for
// every country's holidays, over two centuries.
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { isSwedishPublicHoliday } from '../../../src/core/automation/holidays';

const reference = new Holidays('SE');

/** Each day once: in 2008 Kristi himmelsfärdsdag fell on första maj. */
function publicHolidaysByReference(year: number): string[] {
  const days = reference
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => holiday.date.slice(0, 10));
  return [...new Set(days)].sort();
}

function holidaysOf(year: number): string[] {
  const found: string[] = [];
  for (let time = Date.UTC(year, 0, 1); new Date(time).getUTCFullYear() === year; time += 86_400_000) {
    const date = new Date(time);
    if (isSwedishPublicHoliday({ year, month: date.getUTCMonth() + 1, day: date.getUTCDate() }))
      found.push(date.toISOString().slice(0, 10));
  }
  return found;
}

describe('Swedish public holidays', () => {
  it('are the days date-holidays lists as public, every year from 1990 to 2200', () => {
    for (let year = 1990; year <= 2200; year++) expect(holidaysOf(year), String(year)).toEqual(publicHolidaysByReference(year));
  });

  it('follow Easter, midsummer and All Saints in 2026, and leave the eves as working days', () => {
    expect(holidaysOf(2026)).toEqual([
      '2026-01-01',
      '2026-01-06',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-24',
      '2026-06-06',
      '2026-06-20',
      '2026-10-31',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(isSwedishPublicHoliday({ year: 2026, month: 12, day: 24 })).toBe(false);
    expect(isSwedishPublicHoliday({ year: 2026, month: 6, day: 19 })).toBe(false);
  });
});
