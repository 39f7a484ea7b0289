import { describe, expect, it } from 'vitest';
import { isSwedishPublicHoliday } from '../../../src/core/automation/holidays';
import { defaultAutomationSettings, type WorkScheduleSettings } from '../../../src/core/automation/settings';
import { nextScheduleChange, scheduleClaimAt } from '../../../src/core/automation/workSchedule';
import { DEFAULT_WORKING_HOURS, type TimeContext } from '../../../src/core/time/workingHours';

const at = (iso: string) => new Date(iso).getTime();
const CONTEXT: TimeContext = { timeZone: 'Europe/Stockholm', workingHours: DEFAULT_WORKING_HOURS };
const ON: WorkScheduleSettings = { ...defaultAutomationSettings().schedule, enabled: true };
const WITH_LUNCH: WorkScheduleSettings = { ...ON, lunch: { ...ON.lunch, enabled: true } };

describe('the work schedule (Monday–Friday 08:00–17:00, Stockholm)', () => {
  it('wants Slutat för dagen from 17:00 on Friday until 08:00 on Monday, and nothing during working hours', () => {
    const offWork = {
      by: 'schedule',
      profileId: 'left-for-the-day',
      start: at('2026-11-27T17:00:00+01:00'),
      end: at('2026-11-30T08:00:00+01:00'),
    };
    expect(scheduleClaimAt(ON, CONTEXT, at('2026-11-27T16:59:59+01:00'))).toBeNull();
    expect(scheduleClaimAt(ON, CONTEXT, at('2026-11-27T17:00:00+01:00'))).toEqual(offWork);
    expect(scheduleClaimAt(ON, CONTEXT, at('2026-11-29T12:00:00+01:00'))).toEqual(offWork);
    expect(scheduleClaimAt(ON, CONTEXT, at('2026-11-30T07:59:59+01:00'))).toEqual(offWork);
    expect(scheduleClaimAt(ON, CONTEXT, at('2026-11-30T08:00:00+01:00'))).toBeNull();
  });

  it('wants nothing while it is off', () => {
    expect(scheduleClaimAt(defaultAutomationSettings().schedule, CONTEXT, at('2026-11-28T12:00:00+01:00'))).toBeNull();
    expect(nextScheduleChange(defaultAutomationSettings().schedule, CONTEXT, at('2026-11-28T12:00:00+01:00'))).toBeNull();
  });

  it('skips Swedish public holidays: from Skärtorsdagen 17:00 over Långfredagen and Annandag påsk to Tuesday 08:00', () => {
    expect(isSwedishPublicHoliday({ year: 2026, month: 4, day: 3 })).toBe(true);
    expect(isSwedishPublicHoliday({ year: 2026, month: 4, day: 6 })).toBe(true);
    expect(scheduleClaimAt(ON, CONTEXT, at('2026-04-06T10:00:00+02:00'))).toEqual({
      by: 'schedule',
      profileId: 'left-for-the-day',
      start: at('2026-04-02T17:00:00+02:00'),
      end: at('2026-04-07T08:00:00+02:00'),
    });
  });

  it('counts only public holidays: julafton (a bank holiday) is a working day, juldagen is not', () => {
    expect(isSwedishPublicHoliday({ year: 2026, month: 12, day: 24 })).toBe(false);
    expect(scheduleClaimAt(ON, CONTEXT, at('2026-12-24T10:00:00+01:00'))).toBeNull();
    expect(scheduleClaimAt(ON, CONTEXT, at('2026-12-24T17:00:00+01:00'))?.end).toBe(at('2026-12-28T08:00:00+01:00'));
  });

  it('follows the wall clock across the change to summer time: Monday 08:00 is 06:00 UTC after a Friday at 16:00 UTC', () => {
    const claim = scheduleClaimAt(ON, CONTEXT, at('2026-03-28T12:00:00+01:00'));
    expect(claim?.start).toBe(Date.UTC(2026, 2, 27, 16, 0));
    expect(claim?.end).toBe(Date.UTC(2026, 2, 30, 6, 0));
    const autumn = scheduleClaimAt(ON, CONTEXT, at('2026-10-24T12:00:00+02:00'));
    expect(autumn?.start).toBe(Date.UTC(2026, 9, 23, 15, 0));
    expect(autumn?.end).toBe(Date.UTC(2026, 9, 26, 7, 0));
  });

  it('works in the user’s time zone, not the computer’s', () => {
    const helsinki: TimeContext = { ...CONTEXT, timeZone: 'Europe/Helsinki' };
    expect(scheduleClaimAt(ON, helsinki, at('2026-11-27T17:00:00+02:00'))?.start).toBe(at('2026-11-27T17:00:00+02:00'));
  });

  it('wants Lunch in the lunch window, and wakes at its start and end', () => {
    expect(scheduleClaimAt(WITH_LUNCH, CONTEXT, at('2026-11-25T12:30:00+01:00'))).toEqual({
      by: 'schedule',
      profileId: 'lunch',
      start: at('2026-11-25T12:00:00+01:00'),
      end: at('2026-11-25T13:00:00+01:00'),
    });
    expect(scheduleClaimAt(WITH_LUNCH, CONTEXT, at('2026-11-25T13:00:00+01:00'))).toBeNull();
    expect(nextScheduleChange(WITH_LUNCH, CONTEXT, at('2026-11-25T09:00:00+01:00'))).toBe(at('2026-11-25T12:00:00+01:00'));
    expect(nextScheduleChange(WITH_LUNCH, CONTEXT, at('2026-11-25T13:00:00+01:00'))).toBe(at('2026-11-25T17:00:00+01:00'));
    expect(nextScheduleChange(ON, CONTEXT, at('2026-11-27T18:00:00+01:00'))).toBe(at('2026-11-30T08:00:00+01:00'));
    expect(scheduleClaimAt(WITH_LUNCH, CONTEXT, at('2026-11-28T12:30:00+01:00'))?.profileId).toBe('left-for-the-day');
  });

  it('keeps a working day that does not end after it starts from switching at all', () => {
    const backwards: TimeContext = { ...CONTEXT, workingHours: { ...DEFAULT_WORKING_HOURS, start: '17:00', end: '08:00' } };
    expect(scheduleClaimAt(ON, backwards, at('2026-11-27T18:00:00+01:00'))).toBeNull();
  });
});
