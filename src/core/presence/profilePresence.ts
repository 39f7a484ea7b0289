import { activeProfile } from '../profiles/activation';
import type { Profile } from '../profiles/model';
import type { ProfileSlice } from '../profiles/operations';

/** What colleagues see of the active profile; the page adds its calls, the language and the time zone. */
export interface ProfilePresence {
  profile: Pick<Profile, 'id' | 'name' | 'number' | 'status'>;
  /** The temporary message if one is set, else the profile's permanent one. */
  message: string;
  /** When the profile ends (epoch ms), or null when it lasts until changed. */
  until: number | null;
}

export function profilePresenceOf(settings: Pick<ProfileSlice, 'profiles' | 'active'>): ProfilePresence {
  const { id, name, number, status, statusMessage } = activeProfile(settings);
  return {
    profile: { id, name, number, status },
    message: settings.active.temporaryMessage ?? statusMessage,
    until: settings.active.until,
  };
}
