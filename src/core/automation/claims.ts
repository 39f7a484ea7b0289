import type { AmbientSource } from '../profiles/activationRecord';

/**
 * What an automatic source beside the calendar wants now: this profile, since `start`, until `end`
 * (null: until the source lets go). Whether it gets it is for the precedence rule to say.
 */
export interface AmbientClaim {
  by: AmbientSource;
  profileId: string;
  start: number;
  end: number | null;
}
