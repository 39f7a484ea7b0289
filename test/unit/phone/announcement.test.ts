import { describe, expect, it } from 'vitest';
import { announcementDurationMs, announcementText } from '../../../src/core/phone/announcement';

const NOW = Date.UTC(2025, 2, 10, 11, 0);
const context = { now: NOW, language: 'sv' as const, timeZone: 'Europe/Stockholm' };

describe('announcementText', () => {
  it('fills in the end time, with the day when it is not today', () => {
    expect(announcementText('Jag är på lunch till {end}.', { ...context, until: NOW + 90 * 60_000 })).toBe('Jag är på lunch till 13:30.');
    expect(announcementText('Tillbaka {end}.', { ...context, until: Date.UTC(2025, 2, 11, 7, 0) })).toMatch(/^Tillbaka tis 11 mars 08:00\.$/);
  });

  it('drops the end phrase when the profile lasts until changed', () => {
    expect(announcementText('Jag är på lunch till {end}.', { ...context, until: null })).toBe('Jag är på lunch.');
    expect(announcementText('Back {end}, call later', { ...context, until: null })).toBe('Back, call later');
    expect(announcementText('Jag är sjuk i dag.', { ...context, until: null })).toBe('Jag är sjuk i dag.');
  });
});

describe('announcementDurationMs', () => {
  it('gives time to read, within 4 and 12 seconds', () => {
    expect(announcementDurationMs('Kort.')).toBe(4_000);
    expect(announcementDurationMs('x'.repeat(100))).toBe(7_000);
    expect(announcementDurationMs('x'.repeat(500))).toBe(12_000);
  });
});
