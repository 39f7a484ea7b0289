import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { plainTimeOf, plainTimesOf, type IcalProperty } from '../../../src/core/calendar/icalValues';

function property(line: string): IcalProperty {
  const calendar = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n${line}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`));
  return calendar.getFirstSubcomponent('vevent')!.getAllProperties()[0]!;
}

/** What ical.js itself makes of the property's values. */
function throughIcalJs(prop: IcalProperty) {
  return prop.getValues().map((value) => plainTimeOf(value as InstanceType<typeof ICAL.Time>));
}

describe('plainTimesOf: DATE and DATE-TIME values read from jCal', () => {
  it.each([
    'DTSTART;TZID=Europe/Stockholm:20261203T093000',
    'DTSTART:20261203T093000Z',
    'DTSTART:20261203T093000',
    'DTSTART;VALUE=DATE:20261224',
    'DTSTART;VALUE=DATE:20240229',
    'DTEND:20261231T235959Z',
    'EXDATE;TZID=Europe/Stockholm:20261203T093000,20261210T093000,20261217T093000',
    'RDATE;VALUE=DATE:20260101,20260601',
  ])('reads %s as ical.js does', (line) => {
    const prop = property(line);
    expect(plainTimesOf(prop)).toEqual(throughIcalJs(prop));
  });

  it.each([
    ['a month past December', 'DTSTART:20261303T093000'],
    ['the 29th of February in a common year', 'DTSTART;VALUE=DATE:20250229'],
    ['the 31st of a 30-day month', 'DTSTART:20260431T100000'],
    ['hour 24', 'DTSTART:20261203T240000'],
    ['a leap second', 'DTSTART:20261231T235960Z'],
  ])('leaves %s to ical.js', (_, line) => {
    expect(plainTimesOf(property(line))).toBeNull();
  });

  it('leaves other value types to ical.js', () => {
    expect(plainTimesOf(property('RDATE;VALUE=PERIOD:20261203T090000Z/20261203T100000Z'))).toBeNull();
    expect(plainTimesOf(property('SUMMARY:20261203T093000'))).toBeNull();
  });
});
