import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateTimeFormat } from '../../../src/core/time/dateFormat';
import { formatEndTime } from '../../../src/core/time/format';

const NOW = Date.UTC(2026, 11, 2, 9, 0);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('dateTimeFormat', () => {
  it('gives the same formatter for the same locale and options, and another for other options', () => {
    const first = dateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit' });
    expect(dateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit' })).toBe(first);
    expect(dateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit' })).not.toBe(first);
    expect(dateTimeFormat('sv-SE', { timeZone: 'Europe/London', hour: '2-digit' })).not.toBe(first);
  });

  it('throws RangeError for an unknown zone, as the constructor does, every time it is asked', () => {
    expect(() => dateTimeFormat('sv-SE', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => dateTimeFormat('sv-SE', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });

  it('formatting the end times of 50 history rows builds no formatter after the first rows', () => {
    const rows = Array.from({ length: 50 }, (_, index) => NOW - index * 7_200_000);
    // Warm: the first row of each style builds its formatters.
    for (const startedAt of rows) formatEndTime(startedAt, NOW, 'sv', 'Europe/Stockholm');
    const constructor = vi.spyOn(Intl, 'DateTimeFormat');
    const texts = rows.map((startedAt) => formatEndTime(startedAt, NOW, 'sv', 'Europe/Stockholm'));
    expect(constructor).not.toHaveBeenCalled();
    expect(texts[0]).toBe('10:00');
    expect(texts[49]).toMatch(/^[a-zåäö]{3} \d{1,2} nov\. \d{2}:\d{2}$/);
  });
});
