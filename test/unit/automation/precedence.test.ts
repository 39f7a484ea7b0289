import { describe, expect, it } from 'vitest';
import { automationMayTakeOver } from '../../../src/core/automation/precedence';
import { reconcileCalendar } from '../../../src/core/calendar/reconcile';
import type { ReturnTo } from '../../../src/core/profiles/activationRecord';
import { defaultProfiles } from '../../../src/core/profiles/defaults';
import { defaultSettings } from '../../../src/core/settings/schema';

const at = (hhmm: string) => new Date(`2026-11-25T${hhmm}:00+01:00`).getTime();
const profiles = defaultProfiles();
const layer = (profileId: string, since: string, byHand: boolean, until: string | null = null): ReturnTo => ({
  profileId,
  since: at(since),
  until: until === null ? null : at(until),
  byHand,
});

describe('one precedence rule for every automatic source', () => {
  it('lets a hand choice made after a source took hold win, whatever the source', () => {
    for (const kind of ['calendar', 'schedule', 'away'] as const) {
      expect(automationMayTakeOver({ kind, profileId: 'meeting', start: at('10:00') }, layer('available', '10:05', true), profiles)).toBe(
        false,
      );
      expect(automationMayTakeOver({ kind, profileId: 'meeting', start: at('10:00') }, layer('available', '09:55', true), profiles)).toBe(
        true,
      );
    }
  });

  it('never lifts a Do-Not-Disturb-like profile chosen by hand, not even for a meeting of higher priority; another such profile may follow it', () => {
    const leftForTheDay = layer('left-for-the-day', '09:00', true);
    expect(automationMayTakeOver({ kind: 'calendar', profileId: 'meeting', start: at('10:00') }, leftForTheDay, profiles)).toBe(false);
    expect(automationMayTakeOver({ kind: 'calendar', profileId: 'sick', start: at('10:00') }, leftForTheDay, profiles)).toBe(true);
    expect(automationMayTakeOver({ kind: 'away', profileId: 'temporarily-out', start: at('10:00') }, leftForTheDay, profiles)).toBe(false);
    // Put on by the calendar or the schedule rather than by hand, it is no one's choice to protect.
    expect(
      automationMayTakeOver(
        { kind: 'calendar', profileId: 'meeting', start: at('10:00') },
        layer('left-for-the-day', '09:00', false),
        profiles,
      ),
    ).toBe(true);
  });

  it('lets the schedule and away stand in only for the base profile on until changed', () => {
    expect(
      automationMayTakeOver(
        { kind: 'schedule', profileId: 'left-for-the-day', start: at('17:00') },
        layer('available', '08:00', false),
        profiles,
      ),
    ).toBe(true);
    expect(
      automationMayTakeOver(
        { kind: 'schedule', profileId: 'left-for-the-day', start: at('17:00') },
        layer('available', '08:00', true, '18:00'),
        profiles,
      ),
    ).toBe(false);
    expect(
      automationMayTakeOver(
        { kind: 'away', profileId: 'temporarily-out', start: at('17:00') },
        layer('lunch', '08:00', false, '18:00'),
        profiles,
      ),
    ).toBe(false);
  });

  it('keeps a hand-chosen Slutat för dagen through a #3 meeting in the calendar', () => {
    const settings = {
      ...defaultSettings(at('08:00')),
      active: {
        profileId: 'left-for-the-day',
        since: at('09:00'),
        until: null,
        temporaryMessage: null,
        source: { kind: 'manual' as const },
      },
    };
    const meeting = { key: 'mtg|1', profileId: 'meeting', profileNumber: 3, start: at('10:00'), end: at('11:00') };
    expect(reconcileCalendar(settings, [meeting], at('10:30')).settings).toBe(settings);
  });
});
