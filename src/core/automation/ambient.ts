import type { AutomationSettings } from './settings';
import type { TimeContext } from '../time/workingHours';
import { awayClaimAt, nextAwayChange, type AwayState } from './away';
import type { AmbientClaim } from './claims';
import { nextScheduleChange, scheduleClaimAt } from './workSchedule';

/** The ambient sources' claims at `now`, the schedule's before away's: away stands in only for the base profile. */
export function ambientClaimsAt(
  settings: { automation: AutomationSettings },
  context: TimeContext,
  away: AwayState,
  now: number,
): AmbientClaim[] {
  const claims = [scheduleClaimAt(settings.automation.schedule, context, now), awayClaimAt(settings.automation.away, away, now)];
  return claims.filter((claim): claim is AmbientClaim => claim !== null);
}

/** The next moment an ambient source changes its wish, for the profile service's timer. */
export function nextAmbientChange(
  settings: { automation: AutomationSettings },
  context: TimeContext,
  away: AwayState,
  now: number,
): number | null {
  const moments = [nextScheduleChange(settings.automation.schedule, context, now), nextAwayChange(settings.automation.away, away, now)];
  const due = moments.filter((moment): moment is number => moment !== null);
  return due.length === 0 ? null : Math.min(...due);
}
