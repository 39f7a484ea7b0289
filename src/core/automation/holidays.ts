/**
 * Swedish public holidays ("röda dagar", lag 1989:253 as it stands since 2005): fixed dates,
 * the days that follow Easter, and the two Saturdays in a range. Eves such as julafton are
 * working days by law and are left out. Written out rather than taken from a holiday library,
 * whose data for every country took a third of a second to load at each start.
 */

type Day = { year: number; month: number; day: number };

/** Easter Sunday of the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher). */
function easterSunday(year: number): Day {
  const golden = year % 19;
  const century = Math.floor(year / 100);
  const yearOfCentury = year % 100;
  const leapCenturies = Math.floor(century / 4);
  const correction = Math.floor((century + 8) / 25);
  const moonCorrection = Math.floor((century - correction + 1) / 3);
  const epact = (19 * golden + century - leapCenturies - moonCorrection + 15) % 30;
  const weekday = (32 + 2 * (century % 4) + 2 * Math.floor(yearOfCentury / 4) - epact - (yearOfCentury % 4)) % 7;
  const shift = Math.floor((golden + 11 * epact + 22 * weekday) / 451);
  const month = Math.floor((epact + weekday - 7 * shift + 114) / 31);
  const day = ((epact + weekday - 7 * shift + 114) % 31) + 1;
  return { year, month, day };
}

const asUtc = ({ year, month, day }: Day) => Date.UTC(year, month - 1, day);
const DAY_MS = 86_400_000;

function keyOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The Saturday among the seven days from `month`-`firstDay`. */
function saturdayFrom(year: number, month: number, firstDay: number): number {
  const first = asUtc({ year, month, day: firstDay });
  return first + ((6 - new Date(first).getUTCDay() + 7) % 7) * DAY_MS;
}

const byYear = new Map<number, ReadonlySet<string>>();

function publicHolidaysOf(year: number): ReadonlySet<string> {
  let days = byYear.get(year);
  if (!days) {
    const easter = asUtc(easterSunday(year));
    const fixed = [
      [1, 1], // nyårsdagen
      [1, 6], // trettondedag jul
      [5, 1], // första maj
      ...(year >= 2005 ? [[6, 6]] : []), // nationaldagen
      [12, 25], // juldagen
      [12, 26], // annandag jul
    ].map(([month, day]) => asUtc({ year, month: month!, day: day! }));
    // långfredagen, påskdagen, annandag påsk, Kristi himmelsfärdsdag, pingstdagen
    const movable = [-2, 0, 1, 39, 49].map((offset) => easter + offset * DAY_MS);
    const saturdays = [saturdayFrom(year, 6, 20), saturdayFrom(year, 10, 31)]; // midsommardagen, alla helgons dag
    days = new Set([...fixed, ...movable, ...saturdays].map(keyOf));
    byYear.set(year, days);
  }
  return days;
}

/** Whether a calendar day (in Swedish local time) is a Swedish public holiday. */
export function isSwedishPublicHoliday(day: Day): boolean {
  return publicHolidaysOf(day.year).has(keyOf(asUtc(day)));
}
