import Holidays from 'date-holidays';

const swedish = new Holidays('SE');
const byYear = new Map<number, ReadonlySet<string>>();

/** Swedish public holidays ("röda dagar") of a year as YYYY-MM-DD; eves such as julafton are working days by law and are left out. */
function publicHolidaysOf(year: number): ReadonlySet<string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Set(
      swedish
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    byYear.set(year, days);
  }
  return days;
}

/** Whether a calendar day (in Swedish local time) is a Swedish public holiday. */
export function isSwedishPublicHoliday(day: { year: number; month: number; day: number }): boolean {
  const key = `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
  return publicHolidaysOf(day.year).has(key);
}
