import { describe, expect, it } from 'vitest';
import { announcementDurationMs, announcementText, endPhrase } from '../../../src/core/phone/announcement';
import { spokenWords } from '../../../src/core/profiles/announcementWords';
import { IncomingActionSchema } from '../../../src/core/profiles/model';

const ZONE = 'Europe/Stockholm';
// Thursday 4 December 2025, 10:00 in Stockholm (CET, UTC+1).
const NOW = Date.UTC(2025, 11, 4, 9, 0);
const stockholm = (day: number, hour: number, minute = 0, month = 11, year = 2025) => Date.UTC(year, month, day, hour - 1, minute);
const sv = { now: NOW, language: 'sv' as const, timeZone: ZONE };
const en = { now: NOW, language: 'en' as const, timeZone: ZONE };

describe('announcementText in Swedish', () => {
  it('says the time when the profile ends today', () => {
    expect(announcementText('Jag sitter i möte', true, { ...sv, until: stockholm(4, 14, 30) })).toBe('Jag sitter i möte till 14:30.');
  });

  it('says "i morgon" and the time when it ends tomorrow', () => {
    expect(announcementText('Jag sitter i möte', true, { ...sv, until: stockholm(5, 8) })).toBe('Jag sitter i möte till i morgon 08:00.');
  });

  it('says the weekday and the date when it ends later, and the year only when it is another year', () => {
    expect(announcementText('Jag sitter i möte', true, { ...sv, until: stockholm(8, 8) })).toBe(
      'Jag sitter i möte till måndag 8 december.',
    );
    expect(announcementText('Jag har semester', true, { ...sv, until: stockholm(7, 8, 0, 0, 2026) })).toBe(
      'Jag har semester till onsdag 7 januari 2026.',
    );
  });

  it('says no time when the profile lasts until changed, or when it is not asked for', () => {
    expect(announcementText('Jag sitter i möte', true, { ...sv, until: null })).toBe('Jag sitter i möte');
    expect(announcementText('Jag är sjuk i dag.', false, { ...sv, until: stockholm(5, 8) })).toBe('Jag är sjuk i dag.');
  });

  it('puts the end after the words, not after their full stop', () => {
    expect(announcementText('  Jag är på lunch.  ', true, { ...sv, until: stockholm(4, 13, 5) })).toBe('Jag är på lunch till 13:05.');
  });

  it('reads the end in the profile’s time zone, not the computer’s: 23:30 UTC is already tomorrow in Stockholm', () => {
    expect(endPhrase(Date.UTC(2025, 11, 4, 23, 30), NOW, 'sv', ZONE)).toBe('till i morgon 00:30');
    expect(endPhrase(Date.UTC(2025, 11, 4, 23, 30), NOW, 'en', 'UTC')).toBe('until 11:30 pm');
  });

  it('follows summer time', () => {
    // 2025-06-10 12:00 Stockholm is 10:00 UTC (CEST, UTC+2).
    expect(endPhrase(Date.UTC(2025, 5, 10, 12, 45), Date.UTC(2025, 5, 10, 10, 0), 'sv', ZONE)).toBe('till 14:45');
  });
});

describe('announcementText in English', () => {
  it('says the time on a 12-hour clock, without minutes on the hour', () => {
    expect(announcementText("I'm in a meeting", true, { ...en, until: stockholm(4, 14, 30) })).toBe("I'm in a meeting until 2:30 pm.");
    expect(announcementText("I'm in a meeting", true, { ...en, until: stockholm(4, 15) })).toBe("I'm in a meeting until 3 pm.");
    expect(endPhrase(stockholm(4, 12, 15), NOW, 'en', ZONE)).toBe('until 12:15 pm');
  });

  it('says tomorrow, or the weekday and date', () => {
    expect(announcementText("I'm in a meeting", true, { ...en, until: stockholm(5, 8) })).toBe("I'm in a meeting until tomorrow at 8 am.");
    expect(announcementText("I'm on vacation", true, { ...en, until: stockholm(8, 8) })).toBe("I'm on vacation until Monday 8 December.");
  });

  it('says no time without an end', () => {
    expect(announcementText("I'm in a meeting", true, { ...en, until: null })).toBe("I'm in a meeting");
  });
});

describe('spokenWords', () => {
  it('speaks an unchanged standard profile in the announcement language', () => {
    expect(spokenWords('meeting', 'Jag sitter i möte', 'en')).toBe("I'm in a meeting");
    expect(spokenWords('lunch', 'Jag är på lunch', 'sv')).toBe('Jag är på lunch');
  });

  it('keeps words the user wrote, in any language', () => {
    expect(spokenWords('meeting', 'Jag är på kundbesök', 'en')).toBe('Jag är på kundbesök');
    expect(spokenWords('my-own', 'Jag sitter i möte', 'en')).toBe('Jag sitter i möte');
  });
});

describe('announcements stored with the old {end} token', () => {
  const then = { kind: 'hangup' };
  it('read as the words and the choice to say the end', () => {
    expect(IncomingActionSchema.parse({ kind: 'announcement', text: 'Jag är på lunch till {end}.', then })).toEqual({
      kind: 'announcement',
      text: 'Jag är på lunch',
      sayEnd: true,
      then,
    });
    expect(IncomingActionSchema.parse({ kind: 'announcement', text: 'Back {end}, call later', then })).toEqual({
      kind: 'announcement',
      text: 'Back, call later',
      sayEnd: true,
      then,
    });
    expect(IncomingActionSchema.parse({ kind: 'announcement', text: 'Jag är sjuk i dag.', then })).toEqual({
      kind: 'announcement',
      text: 'Jag är sjuk i dag.',
      sayEnd: false,
      then,
    });
  });

  it('are left as they are once the choice exists', () => {
    const current = { kind: 'announcement', text: 'Möte {end}', sayEnd: false, then };
    expect(IncomingActionSchema.parse(current)).toEqual(current);
  });
});

describe('announcementDurationMs', () => {
  it('gives time to read, within 4 and 12 seconds', () => {
    expect(announcementDurationMs('Kort.')).toBe(4_000);
    expect(announcementDurationMs('x'.repeat(100))).toBe(7_000);
    expect(announcementDurationMs('x'.repeat(500))).toBe(12_000);
  });
});
