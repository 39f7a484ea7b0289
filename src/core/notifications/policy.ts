import type { NotificationKind, Platform, Profile } from '../profiles/model';

export function allowsNotification(profile: Profile, kind: NotificationKind, platform: Platform = 'desktop'): boolean {
  return profile.notifications[kind][platform];
}
