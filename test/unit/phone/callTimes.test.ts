import { describe, expect, it } from 'vitest';
import { calendarYear, connectedSeconds, formatCallDuration, formatCallStart } from '../../../src/core/phone/callTimes';

describe('call times', () => {
  it('measures the connected time, and none for a call nobody answered', () => {
    expect(connectedSeconds({ answeredAt: 1_000, endedAt: 66_900 })).toBe(65);
    expect(connectedSeconds({ answeredAt: null, endedAt: 66_900 })).toBeNull();
    expect(connectedSeconds({ answeredAt: 5_000, endedAt: 1_000 })).toBe(0);
  });

  it('shows a length as phones do', () => {
    expect(formatCallDuration(0)).toBe('0:00');
    expect(formatCallDuration(42)).toBe('0:42');
    expect(formatCallDuration(725)).toBe('12:05');
    expect(formatCallDuration(3725)).toBe('1:02:05');
  });

  it('always gives the date, and the year only for another year', () => {
    const now = calendarYear(Date.UTC(2026, 11, 2, 9, 0), 'Europe/Stockholm');
    expect(now).toBe('2026');
    // New Year's Eve in UTC is already the new year in Stockholm.
    expect(calendarYear(Date.UTC(2026, 11, 31, 23, 30), 'Europe/Stockholm')).toBe('2027');
    expect(formatCallStart(Date.UTC(2026, 11, 2, 13, 30), now, 'sv', 'Europe/Stockholm')).toBe('2 dec. 14:30');
    expect(formatCallStart(Date.UTC(2026, 11, 2, 13, 30), now, 'en', 'Europe/Stockholm')).toMatch(/^2 Dec,? 14:30$/);
    expect(formatCallStart(Date.UTC(2025, 11, 30, 13, 30), now, 'sv', 'Europe/Stockholm')).toBe('30 dec. 2025 14:30');
  });
});
