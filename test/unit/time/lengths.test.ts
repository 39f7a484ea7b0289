import { describe, expect, it } from 'vitest';
import { endForLength } from '../../../src/core/time/lengths';
import { DEFAULT_WORKING_HOURS } from '../../../src/core/time/workingHours';
import { formatEndTime, formatRemaining } from '../../../src/core/time/format';

const context = { timeZone: 'Europe/Stockholm', workingHours: DEFAULT_WORKING_HOURS };
const at = (iso: string) => new Date(iso).getTime();

describe('end times of default lengths', () => {
  const mondayMorning = at('2026-11-23T09:15:00+01:00');

  it('leaves "until changed" open', () => {
    expect(endForLength({ kind: 'untilChanged' }, mondayMorning, context)).toBeNull();
  });

  it('adds minutes', () => {
    expect(endForLength({ kind: 'minutes', minutes: 60 }, mondayMorning, context)).toBe(at('2026-11-23T10:15:00+01:00'));
  });

  it('ends the working day at 17:00 today, or on the next working day after hours', () => {
    expect(endForLength({ kind: 'endOfWorkingDay' }, mondayMorning, context)).toBe(at('2026-11-23T17:00:00+01:00'));
    expect(endForLength({ kind: 'endOfWorkingDay' }, at('2026-11-27T18:00:00+01:00'), context)).toBe(at('2026-11-30T17:00:00+01:00'));
  });

  it('runs until 08:00 on the next working day, skipping the weekend', () => {
    expect(endForLength({ kind: 'nextWorkingDayStart' }, mondayMorning, context)).toBe(at('2026-11-24T08:00:00+01:00'));
    expect(endForLength({ kind: 'nextWorkingDayStart' }, at('2026-11-27T16:30:00+01:00'), context)).toBe(at('2026-11-30T08:00:00+01:00'));
  });

  it('counts days to 08:00 on that day, moved to a working day', () => {
    expect(endForLength({ kind: 'days', days: 7 }, mondayMorning, context)).toBe(at('2026-11-30T08:00:00+01:00'));
    expect(endForLength({ kind: 'days', days: 5 }, mondayMorning, context)).toBe(at('2026-11-30T08:00:00+01:00'));
  });

  it('uses today for a time of day still ahead, tomorrow otherwise', () => {
    expect(endForLength({ kind: 'untilTimeOfDay', time: '14:30' }, mondayMorning, context)).toBe(at('2026-11-23T14:30:00+01:00'));
    expect(endForLength({ kind: 'untilTimeOfDay', time: '08:00' }, mondayMorning, context)).toBe(at('2026-11-24T08:00:00+01:00'));
  });

  it('keeps 08:00 wall-clock time across the change to summer time', () => {
    expect(endForLength({ kind: 'nextWorkingDayStart' }, at('2026-03-27T17:30:00+01:00'), context)).toBe(at('2026-03-30T08:00:00+02:00'));
  });
});

describe('formatting', () => {
  const now = at('2026-11-23T09:15:00+01:00');

  it('shows only the time for an end today, in 24-hour Swedish style', () => {
    expect(formatEndTime(at('2026-11-23T14:30:00+01:00'), now, 'sv', 'Europe/Stockholm')).toBe('14:30');
  });

  it('adds the day for a later end', () => {
    expect(formatEndTime(at('2026-11-24T08:00:00+01:00'), now, 'sv', 'Europe/Stockholm')).toBe('tis 24 nov. 08:00');
  });

  it('shows remaining time rounded up to whole minutes', () => {
    expect(formatRemaining(now + 65 * 60_000 + 1, now, 'sv')).toBe('1 tim 06 min');
    expect(formatRemaining(now + 30 * 60_000, now, 'en')).toBe('30 min');
  });

  it('shows a day or more as whole days with the plural of the language', () => {
    const hour = 60 * 60_000;
    expect(formatRemaining(now + 23 * hour + 59 * 60_000, now, 'sv')).toBe('23 tim 59 min');
    expect(formatRemaining(now + 24 * hour, now, 'sv')).toBe('1 dag');
    expect(formatRemaining(now + 24 * hour, now, 'en')).toBe('1 day');
    expect(formatRemaining(now + 50 * hour + 43 * 60_000, now, 'sv')).toBe('2 dagar');
    expect(formatRemaining(now + 70 * hour, now, 'sv')).toBe('3 dagar');
    expect(formatRemaining(now + 70 * hour, now, 'en')).toBe('3 days');
  });
});
